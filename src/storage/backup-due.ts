/**
 * Whether Today shows the gentle backup reminder (issue 17): it is on (Settings), and something written or
 * changed in the journal has waited at least two weeks without being in a backup — the oldest `updatedAt`
 * after the last backup (or, never backed up, the oldest at all) is 14 days old or more. One key cursor on
 * the `updatedAt` index and two raw settings: no repository, no schema, a few hundred bytes on the first
 * screen; the reminder's line itself loads only when this says yes. See ARCHITECTURE.md, Backup.
 */
import { getDb } from './db';
import { settingsRepo } from './settings';

export const REMIND_AFTER_MS = 14 * 864e5;

export async function backupDue(now = Date.now(), settings = settingsRepo()): Promise<boolean> {
  if (!(await settings.get('backupReminder'))) return false;
  const since = IDBKeyRange.lowerBound(await settings.get('lastBackupAt'), true);
  const oldest = await (await getDb()).transaction('entries').store.index('updatedAt').openKeyCursor(since);
  return !!oldest && now - (oldest.key as number) >= REMIND_AFTER_MS;
}
