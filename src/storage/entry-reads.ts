/**
 * The journal's reads: the list a page at a time (newest first, by cursor), search, the entries a search
 * found, and the whole journal or every guided session (report, belief rehearsal). Only screens after the
 * first use them, so they live apart from entries.ts (which the first screen carries) and reach views through
 * the app context's `entryReads()`, loaded on first use (ui/context.ts).
 *
 * As in entries.ts, every read opens records (encryption at rest, sealing.ts) and parses them with the
 * schema: a record an older build wrote, or one damaged on disk, is reported and skipped — never deleted.
 */
import * as v from 'valibot';
import { unwrap } from 'idb';
import { getDb, type Db } from './db';
import { EntrySchema, type Entry } from './schema';
import { reportUnreadable } from './problems';
import { opened } from './sealing';
import type { ScanProgress } from './search-scan';

/** Where the next page of the journal starts: just after this entry, in newest-first order. */
export interface PageCursor {
  createdAt: number;
  id: string;
}

export interface EntryPage {
  entries: Entry[];
  /** Undefined when nothing older is left. */
  next?: PageCursor;
}

/** Entries per journal page: a screenful or two on a phone. */
export const PAGE_SIZE = 30;

export function entryReadsRepo(db: () => Promise<Db> = getDb) {
  return {
    /** Every guided-session entry (belief rehearsal's history reads these, not the whole journal). */
    async listSessions(): Promise<Entry[]> {
      const raw = await opened('entries', await (await db()).getAllFromIndex('entries', 'kind', 'session'));
      const out: Entry[] = [];
      const unreadable: unknown[] = [];
      for (const r of raw) {
        const parsed = v.safeParse(EntrySchema, r);
        if (!parsed.success) unreadable.push((r as { id?: unknown } | undefined)?.id);
        else if (parsed.output.deletedAt === undefined) out.push(parsed.output);
      }
      reportUnreadable('entries', ...unreadable);
      return out;
    },

    /** Newest first; soft-deleted entries are left out. */
    async list(): Promise<Entry[]> {
      const raw = await opened('entries', await (await db()).getAllFromIndex('entries', 'createdAt'));
      const out: Entry[] = [];
      const unreadable: unknown[] = [];
      for (let i = raw.length - 1; i >= 0; i--) {
        const parsed = v.safeParse(EntrySchema, raw[i]);
        if (!parsed.success) unreadable.push((raw[i] as { id?: unknown } | undefined)?.id);
        else if (parsed.output.deletedAt === undefined) out.push(parsed.output);
      }
      reportUnreadable('entries', ...unreadable);
      return out;
    },

    /**
     * One page of the journal, newest first (createdAt, then id, descending), read with a reverse cursor on
     * the createdAt index: only this page is read and validated, however long the journal is. Soft-deleted
     * entries are skipped; a record that fails the schema is reported (never thrown, never deleted).
     */
    async page({ before, limit = PAGE_SIZE }: { before?: PageCursor; limit?: number } = {}): Promise<EntryPage> {
      const d = await db();
      const index = d.transaction('entries').store.index('createdAt');
      const keys: IDBValidKey[] = [];
      const values: unknown[] = [];
      const out: Entry[] = [];
      const unreadable: unknown[] = [];
      let cursor = await index.openCursor(before ? IDBKeyRange.upperBound(before.createdAt) : null, 'prev');
      // Entries with the same createdAt sit in id order: skip those at or after the cursor's own.
      while (cursor && before && cursor.key === before.createdAt && String(cursor.primaryKey) >= before.id) cursor = await cursor.continue();
      let last: PageCursor | undefined;
      let counted = 0;
      while (cursor && counted < limit) {
        last = { createdAt: cursor.key, id: String(cursor.primaryKey) };
        // Counted before opening (opening waits on WebCrypto, which would end the cursor's transaction):
        // a deleted entry's deletedAt is plain, a record with no kind is counted and turns out unreadable.
        if ((cursor.value as Partial<Entry>).deletedAt === undefined) counted++;
        keys.push(cursor.primaryKey);
        values.push(cursor.value);
        cursor = await cursor.continue();
      }
      (await opened('entries', values)).forEach((value, i) => {
        const parsed = v.safeParse(EntrySchema, value);
        if (!parsed.success) unreadable.push(keys[i]);
        else if (parsed.output.deletedAt === undefined) out.push(parsed.output);
      });
      reportUnreadable('entries', ...unreadable);
      // `cursor` is now the record after the page (or null at the end): a page is "last" only when nothing is left.
      return { entries: out, next: cursor && last ? last : undefined };
    },

    /** These entries, in the order given (search results a page at a time); missing, deleted and unreadable ones left out. */
    async getMany(ids: readonly string[]): Promise<Entry[]> {
      const d = await db();
      const store = d.transaction('entries').store;
      const raw = await opened('entries', await Promise.all(ids.map((id) => store.get(id))));
      const out: Entry[] = [];
      const unreadable: unknown[] = [];
      raw.forEach((r, i) => {
        if (!r) return;
        const parsed = v.safeParse(EntrySchema, r);
        if (!parsed.success) unreadable.push(ids[i]);
        else if (parsed.output.deletedAt === undefined) out.push(parsed.output);
      });
      reportUnreadable('entries', ...unreadable);
      return out;
    },

    /**
     * Search on this thread (where Web Workers are unavailable): the same batched scan as the search
     * worker, yielding between batches. Ids newest first; undefined when `signal` aborted it.
     */
    async searchIds(
      query: string,
      { onProgress, signal }: { onProgress?: (p: ScanProgress) => void; signal?: AbortSignal } = {},
    ): Promise<string[] | undefined> {
      // Loaded on the first search: the scan is search-only code, not loaded with the journal's list.
      const { keptIndex, searchIndex } = await import('./search-scan');
      const index = await keptIndex(unwrap(await db()) as unknown as IDBDatabase, onProgress, () => signal?.aborted === true);
      return index && !signal?.aborted ? searchIndex(index, query) : undefined;
    },
  };
}

export type EntryReads = ReturnType<typeof entryReadsRepo>;
