/**
 * "Delete everything" in this page: asked for (DeleteEverything.svelte), run and reported by the lock
 * screen. Why there: the app's gate (App.svelte) shows the lock screen over every route once
 * `shell.locked` is set, so nothing of the old app shows while and after it is deleted; and the lock screen
 * is loaded before the deletion starts — a file fetched afterwards would go through the still-running
 * service worker, which would make its cache again.
 */
import { shell } from '../app.svelte';
import { haltGuard } from './guard';
import { browserEnv, deleteEverything, type WipeReport } from './wipe';

export const wiped = $state<{ phase: 'idle' | 'asked' | 'working' | 'blocked' | 'failed' | 'done'; report: WipeReport | undefined }>({
  phase: 'idle',
  report: undefined,
});

/** The person confirmed: hand over to the lock screen. */
export function askToWipe(): void {
  haltGuard();
  wiped.phase = 'asked';
  shell.locked = true;
}

/** Called by the lock screen once it is on screen. */
export async function runWipe(): Promise<void> {
  if (wiped.phase !== 'asked' && wiped.phase !== 'failed') return;
  wiped.phase = 'working';
  try {
    wiped.report = await deleteEverything({ ...browserEnv(), onBlocked: () => (wiped.phase = 'blocked') });
    wiped.phase = 'done';
  } catch {
    wiped.phase = 'failed';
  }
}
