import './ui/tokens.css';
import { hydrate, mount } from 'svelte';
import App from './App.svelte';
import { registerServiceWorker } from './shell/pwa';
import { parseRoute } from './shell/routes';
import { focusHeadingWhenReady } from './ui/focus';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing from index.html');
// e2e only (tests/e2e/blank-broken-update): a build made with this variable fails at start-up, as a broken
// release would. Without it the line is removed from the build.
if (import.meta.env.VITE_E2E_BREAK_START === '1') throw new Error('deliberately broken build (e2e)');
// The build prerenders the shell and Today into #app (scripts/vite-prerender.ts): take that markup over
// instead of painting it again. The dev server serves an empty #app, so there we mount.
const prerendered = target.hasChildNodes();
if (prerendered) hydrate(App, { target });
else mount(App, { target });
// Started on another route (a deep link, or "Ground me now" pressed before the script ran): hydration
// swapped the prerendered Today for that screen, so move focus to its heading — a screen reader that
// began reading Today is told where it now is.
if (prerendered && parseRoute(location.hash).name !== 'today') {
  const main = document.getElementById('main');
  if (main) focusHeadingWhenReady(main);
}
// Started: src/boot-guard.js stands down. Set it once the app is on screen (after hydration, if start-up
// ever becomes asynchronous); an error before this line makes the guard show its message and recover.
document.documentElement.setAttribute('data-booted', '');

// The service worker is not needed for the first paint: register once the page has loaded.
if (document.readyState === 'complete') void registerServiceWorker();
else window.addEventListener('load', () => void registerServiceWorker(), { once: true });
