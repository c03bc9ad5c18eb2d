/**
 * Storage problems the person must hear about, in a form the shell turns into kind words.
 * Pure pub/sub: storage reports, the shell listens. Every kind promises that nothing written is lost
 * (text stays on screen and in memory until a save succeeds).
 */
export type StorageProblem =
  | { kind: 'blocked' } // upgrade waiting for another tab
  | { kind: 'newer-tab' } // a newer version opened elsewhere; this tab must reload
  | { kind: 'terminated' } // the browser dropped the connection
  | { kind: 'quota' } // the device is full
  | { kind: 'unavailable' } // private mode or storage switched off
  | { kind: 'invalid-records'; count: number } // records we could not read; kept, not deleted
  | { kind: 'unknown'; detail: string };

type Listener = (problem: StorageProblem) => void;
const listeners = new Set<Listener>();

export function onProblem(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportProblem(problem: StorageProblem): void {
  for (const l of listeners) l(problem);
}

/**
 * A newer version of the app took the database (`newer-tab`): this page can no longer write. Editors turn
 * read-only (words kept on screen and in memory) instead of accepting words that would go nowhere.
 */
let superseded = false;
const supersededListeners = new Set<() => void>();

export function isSuperseded(): boolean {
  return superseded;
}

export function onSuperseded(listener: () => void): () => void {
  supersededListeners.add(listener);
  return () => supersededListeners.delete(listener);
}

export function markSuperseded(): void {
  if (superseded) return;
  superseded = true;
  for (const l of supersededListeners) l();
}

/** Tests only: a fresh page. */
export function resetSuperseded(): void {
  superseded = false;
}

/** A write succeeded after failing: the shell clears its "could not save" banners. */
const savedListeners = new Set<() => void>();

export function onSaved(listener: () => void): () => void {
  savedListeners.add(listener);
  return () => savedListeners.delete(listener);
}

export function reportSaved(): void {
  for (const l of savedListeners) l();
}

/**
 * Records the app could not read, counted once each however often they are read (a list is read on
 * every visit), across stores: the notice says how many there really are.
 */
const unreadable = new Set<string>();

export function reportUnreadable(store: string, ...keys: unknown[]): void {
  const before = unreadable.size;
  for (const key of keys) unreadable.add(`${store}:${typeof key === 'string' ? key : JSON.stringify(key)}`);
  if (unreadable.size > before) reportProblem({ kind: 'invalid-records', count: unreadable.size });
}

/** Tests only. */
export function resetUnreadable(): void {
  unreadable.clear();
}
