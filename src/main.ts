import './ui/tokens.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { registerServiceWorker } from './shell/pwa';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing from index.html');
mount(App, { target });

// The service worker is not needed for the first paint: register once the page has loaded.
if (document.readyState === 'complete') void registerServiceWorker();
else window.addEventListener('load', () => void registerServiceWorker(), { once: true });
