/**
 * Save everything when the page may be going away. `pagehide` is the reliable signal on mobile Safari and
 * Chromium; `visibilitychange` to hidden covers switching apps, after which a phone may kill the tab.
 * Screens register their own flushers (drafts); running sessions are flushed through the runner.
 */
import { rescuePending } from '../storage/pending';

type Flusher = () => Promise<unknown> | void;
const flushers = new Set<Flusher>();

export function onLeave(fn: Flusher): () => void {
  flushers.add(fn);
  return () => flushers.delete(fn);
}

export function flushAll(): void {
  for (const f of flushers) void f();
}

let installed = false;
export function installFlush(): void {
  if (installed) return;
  installed = true;
  window.addEventListener('pagehide', () => {
    flushAll();
    // Words still not on disk (a full disk, a write in flight) are copied to sessionStorage: a reload of
    // this tab brings them back even though memory is gone.
    rescuePending();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushAll();
  });
}
