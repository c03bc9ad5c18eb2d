/**
 * The app's singletons, wired once. Storage repositories are light; the session runner (XState) is loaded
 * on first use so it stays off the first screen's path.
 */
import { entriesRepo } from '../storage/entries';
import { draftsRepo } from '../storage/drafts';
import { sessionsRepo } from '../storage/sessions';
import { settingsRepo } from '../storage/settings';
import { personalRepo } from '../storage/personal';
import { requestPersistence } from '../storage/persist';
import type { Runner } from '../flow/runner';
import { onLeave } from './lifecycle';
import { toast } from './app.svelte';
import { t } from '../ui/copy';
import { findModule } from '../modules/registry';

export const entries = entriesRepo();
export const drafts = draftsRepo();
export const sessions = sessionsRepo();
export const settings = settingsRepo();
export const personal = personalRepo();

let runner: Promise<Runner> | undefined;

export function getRunner(): Promise<Runner> {
  // The registry is small metadata Today already shows; only the runner (XState) is worth deferring.
  runner ??= import('../flow/runner').then(({ createRunner }) => {
    const created = createRunner({ entries, sessions, findModule, onEntrySaved: () => void askPersistenceOnce() });
    // Running sessions are saved on every step; pagehide writes the very last keystroke too.
    onLeave(() => created.flushAll());
    return created;
  });
  return runner;
}

/** Ask for persistent storage after the first saved entry (DESIGN.md §4), once. */
export async function askPersistenceOnce(): Promise<void> {
  if (await settings.get('persistAsked')) return;
  await settings.set('persistAsked', true);
  if ((await requestPersistence()) === true) toast(t.storage.persistExplain);
}
