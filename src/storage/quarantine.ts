/**
 * Quarantine (migration 003): records the app cannot read are copied here as they were, before anything
 * else happens to them, and never deleted. The notice counts them once each (`reportUnreadable`).
 */
import { getDb, classify, putOne, type Db } from './db';
import type { QuarantineRecord } from './schema';
import { reportProblem, reportUnreadable } from './problems';
import { wordsIn } from './salvage';
import { opened } from './sealing';

export function quarantineRepo(db: () => Promise<Db> = getDb, now: () => number = Date.now) {
  return {
    /**
     * Keep `raw` (from `store`, key `key`) as it is, with the words found in it. `report: false` when the
     * caller tells the person itself (a session whose words went into the journal).
     */
    async keep(store: string, key: string, raw: unknown, reason: string, { report = true } = {}): Promise<QuarantineRecord> {
      const at = now();
      const record: QuarantineRecord = { id: `${store}:${key}:${at}`, store, key, at, reason, raw, words: wordsIn(raw) };
      try {
        await putOne(await db(), 'quarantine', record);
      } catch (error) {
        reportProblem(classify(error));
        throw error;
      }
      if (report) reportUnreadable(store, key);
      return record;
    },
    async list(): Promise<QuarantineRecord[]> {
      return (await opened('quarantine', await (await db()).getAllFromIndex('quarantine', 'at'))) as QuarantineRecord[];
    },
  };
}

export type QuarantineRepo = ReturnType<typeof quarantineRepo>;

/** Records already copied to quarantine in this page (`<store>:<key>`): a list read again adds no copy. */
const keptThisPage = new Set<string>();

/** Tests only: a fresh page. */
export function resetKept(): void {
  keptThisPage.clear();
}

/**
 * The one way every repository treats a record it cannot read: copy it raw to `quarantine` (once per page,
 * however often it is read), count it for the notice, and carry on — never delete it, never throw. A copy
 * that cannot be written (a full disk) is tried again on the next read; the record stays where it was.
 */
export function unreadableKeeper(db: () => Promise<Db> = getDb, now: () => number = Date.now) {
  const quarantine = quarantineRepo(db, now);
  return async function keepUnreadable(store: string, key: unknown, raw: unknown): Promise<void> {
    const k = typeof key === 'string' ? key : JSON.stringify(key ?? null);
    const id = `${store}:${k}`;
    if (keptThisPage.has(id)) return reportUnreadable(store, k);
    keptThisPage.add(id);
    try {
      await quarantine.keep(store, k, raw, 'schema');
    } catch {
      keptThisPage.delete(id); // reported by the quarantine repository; tried again on the next read
      reportUnreadable(store, k);
    }
  };
}
