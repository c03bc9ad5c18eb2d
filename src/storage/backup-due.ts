/**
 * Whether Today shows the gentle backup reminder (issue 17): it is on (Settings), and something written or
 * changed in the journal has waited at least two weeks without being in a backup — the oldest `updatedAt`
 * after the last backup (or, never backed up, the oldest at all) is 14 days old or more. One key cursor on
 * the `updatedAt` index and two raw settings: no repository, no schema, a few hundred bytes on the first
 * screen; the reminder's line itself loads only when this says yes. See ARCHITECTURE.md, Backup.
 */
import { getDb } from './db';

export const REMIND_AFTER_MS = 14 * 864e5;

export async function backupDue(now = Date.now()): Promise<boolean> {
  const db = await getDb();
  if ((await db.get('settings', 'backupReminder'))?.value === false) return false;
  const last = (await db.get('settings', 'lastBackupAt'))?.value;
  const oldest = await db.transaction('entries').store.index('updatedAt').openKeyCursor(IDBKeyRange.lowerBound(typeof last === 'number' ? last : 0, true));
  return !!oldest && now - (oldest.key as number) >= REMIND_AFTER_MS;
}
