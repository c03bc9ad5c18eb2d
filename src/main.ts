import './ui/tokens.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { registerServiceWorker } from './shell/pwa';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing from index.html');
// e2e only (tests/e2e/blank-broken-update): a build made with this variable fails at start-up, as a broken
// release would. Without it the line is removed from the build.
if (import.meta.env.VITE_E2E_BREAK_START === '1') throw new Error('deliberately broken build (e2e)');
mount(App, { target });
// Started: static/boot-guard.js stands down. Set it once the app is on screen (after hydration, if start-up
// ever becomes asynchronous); an error before this line makes the guard show its message and recover.
document.documentElement.setAttribute('data-booted', '');

// The service worker is not needed for the first paint: register once the page has loaded.
if (document.readyState === 'complete') void registerServiceWorker();
else window.addEventListener('load', () => void registerServiceWorker(), { once: true });
