/**
 * Today's gentle backup reminder (storage/backup-due.ts): only when something written has waited two weeks
 * outside any backup, and never when the person turned it off.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { unwrap } from 'idb';
import { freshIndexedDB, rawPut } from './fixtures/idb';
import { getDb } from '../../src/storage/db';
import { backupDue, REMIND_AFTER_MS } from '../../src/storage/backup-due';

const NOW = 1_900_000_000_000;
const DAY = 864e5;
const entry = (id: string, updatedAt: number) => ({ id, kind: 'free', createdAt: updatedAt, updatedAt, title: '', body: 'words', complete: true });

async function put(records: Record<string, unknown[]>) {
  await rawPut(unwrap(await getDb()), records);
}

beforeEach(() => {
  freshIndexedDB();
});

describe('backup reminder', () => {
  it('nothing written → no reminder', async () => {
    expect(await backupDue(NOW)).toBe(false);
  });
  it('never backed up: an entry 13 days old → not yet; 14 days old → reminded', async () => {
    await put({ entries: [entry('a', NOW - 13 * DAY)] });
    expect(await backupDue(NOW)).toBe(false);
    expect(await backupDue(NOW + DAY)).toBe(true);
    expect(REMIND_AFTER_MS).toBe(14 * DAY);
  });
  it('after a backup: only entries changed since count', async () => {
    await put({ entries: [entry('a', NOW - 30 * DAY)], settings: [{ key: 'lastBackupAt', value: NOW - 20 * DAY }] });
    expect(await backupDue(NOW)).toBe(false); // everything is in the backup
    await put({ entries: [entry('b', NOW - 15 * DAY)] });
    expect(await backupDue(NOW)).toBe(true);
    await put({ settings: [{ key: 'lastBackupAt', value: NOW - DAY }] });
    expect(await backupDue(NOW)).toBe(false);
  });
  it('turned off in Settings → never', async () => {
    await put({ entries: [entry('a', NOW - 30 * DAY)], settings: [{ key: 'backupReminder', value: false }] });
    expect(await backupDue(NOW)).toBe(false);
  });
});
