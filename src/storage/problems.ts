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
