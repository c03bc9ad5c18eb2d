/**
 * Service worker registration, loaded after first paint. The update is *offered* (never auto-reload);
 * the shell shows the prompt only between exercises, so nobody is reloaded mid-sentence.
 *
 * Plain `navigator.serviceWorker` rather than workbox-window (vite-plugin-pwa's `registerSW`): the same
 * steps in a few lines, 2.8 KB gzip less on the first screen (issue 12). The worker vite-plugin-pwa
 * generates (registerType 'prompt') waits until it is sent { type: 'SKIP_WAITING' }.
 */
import { shell } from './app.svelte';

let registration: ServiceWorkerRegistration | undefined;

export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const sw = navigator.serviceWorker;
  // Relative, like the rest of the build: the app works at a host's root and under any sub-path.
  const reg = await sw.register('./sw.js', { scope: './' }).catch(() => undefined);
  if (!reg) return;
  registration = reg;
  // A new version is offered once it has installed and waits behind the one controlling this page:
  // found now (installed while the app was closed), or while the page is open (this tab or another).
  const offer = () => {
    if (reg.waiting && sw.controller) shell.updateReady = true;
  };
  offer();
  reg.addEventListener('updatefound', () => {
    const worker = reg.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed') offer();
    });
  });
}

export async function applyUpdate(): Promise<void> {
  shell.updateReady = false;
  const waiting = registration?.waiting;
  // Nothing waiting any more: another tab already let the new version take over; reloading opens it.
  if (!waiting) return window.location.reload();
  // The new worker takes over, then this page reloads into the new version.
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
  waiting.postMessage({ type: 'SKIP_WAITING' });
}
