/**
 * Service worker registration, loaded after first paint. The update is *offered* (never auto-reload);
 * the shell shows the prompt only between exercises, so nobody is reloaded mid-sentence.
 */
import { shell } from './app.svelte';

let update: ((reload?: boolean) => Promise<void>) | undefined;

export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const { registerSW } = await import('virtual:pwa-register');
  update = registerSW({
    immediate: true,
    onNeedRefresh() {
      shell.updateReady = true;
    },
  });
}

export async function applyUpdate(): Promise<void> {
  shell.updateReady = false;
  await update?.(true);
}
