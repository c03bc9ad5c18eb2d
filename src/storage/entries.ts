/**
 * Journal entries. Every read parses records with the schema: a record an older build wrote, or one
 * damaged on disk, is reported and skipped — never deleted, so a later fix can still recover it.
 */
import * as v from 'valibot';
import { getDb, classify, putOne, changeOne, type Db } from './db';
import { EntrySchema, type Entry } from './schema';
import { reportProblem, reportUnreadable } from './problems';
import { newId } from './ids';
import { unwrap } from 'idb';
import { opened } from './sealing';
// Static, not import(): a lazy storage import makes the bundler split the first screen's chunk (+3 KB, 20 requests).
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

/** Today's "what helps" ranking reads the person's most recent sessions: recent experience, bounded cost. */
export const RECENT_SESSIONS = 100;

/** Entries per journal page: a screenful or two on a phone. */
export const PAGE_SIZE = 30;

export type NewEntry = Omit<Entry, 'id' | 'createdAt' | 'updatedAt'> & Partial<Pick<Entry, 'id' | 'createdAt'>>;

/** Deleted entries stay restorable ("Undo") for this long, then are purged at the next start. */
export const UNDO_KEEP_MS = 24 * 60 * 60 * 1000;

export function entriesRepo(db: () => Promise<Db> = getDb, now: () => number = Date.now) {
  async function write<T>(fn: (d: Db) => Promise<T>): Promise<T> {
    try {
      return await fn(await db());
    } catch (error) {
      reportProblem(classify(error));
      throw error;
    }
  }

  return {
    async create(input: NewEntry): Promise<Entry> {
      const at = now();
      const entry = v.parse(EntrySchema, { ...input, id: input.id ?? newId(), createdAt: input.createdAt ?? at, updatedAt: at });
      await write((d) => putOne(d, 'entries', entry));
      return entry;
    },

    async update(id: string, patch: Partial<Omit<Entry, 'id' | 'createdAt'>>): Promise<Entry> {
      const make = (current: unknown) => {
        if (!current) throw new Error(`No entry ${id}`);
        return v.parse(EntrySchema, { ...(current as Entry), ...patch, id, updatedAt: now() });
      };
      return write((d) => changeOne(d, 'entries', id, make));
    },

    async get(id: string): Promise<Entry | undefined> {
      const raw = await (await db()).get('entries', id);
      if (!raw) return undefined;
      const parsed = v.safeParse(EntrySchema, (await opened('entries', [raw]))[0]);
      if (!parsed.success) {
        reportUnreadable('entries', id);
        return undefined;
      }
      return parsed.output;
    },

    /** Guided-session entries only (the "what helps" ranking reads these, not the whole journal). */
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

    /**
     * The newest `limit` guided-session entries, newest first (what Today's "what helps" ranking reads).
     * Walks back in time windows on the createdAt index (one getAll per window, each twice as long as the
     * last), so a long journal costs about the same as a short one; only session records are validated.
     */
    async recentSessions(limit = RECENT_SESSIONS): Promise<Entry[]> {
      const d = await db();
      const index = d.transaction('entries').store.index('createdAt');
      const [newest, oldest] = await Promise.all([index.openKeyCursor(null, 'prev'), index.openKeyCursor(null, 'next')]);
      if (!newest || !oldest) return [];
      const out: Entry[] = [];
      const unreadable: unknown[] = [];
      let hi = newest.key;
      let span = 3 * 24 * 60 * 60 * 1000;
      let first = true;
      while (out.length < limit) {
        const lo = Math.max(oldest.key, hi - span);
        const all = await d.getAllFromIndex('entries', 'createdAt', IDBKeyRange.bound(lo, hi, false, !first));
        const raw = await opened('entries', all.filter((r) => (r as { kind?: unknown }).kind === 'session'));
        for (let i = raw.length - 1; i >= 0 && out.length < limit; i--) {
          // Sessions only (filtered before opening); one that did not open is reported unreadable.
          const r = raw[i] as { id?: unknown };
          const parsed = v.safeParse(EntrySchema, r);
          if (!parsed.success) unreadable.push(r.id);
          else if (parsed.output.deletedAt === undefined) out.push(parsed.output);
        }
        if (lo <= oldest.key) break;
        hi = lo;
        span *= 2;
        first = false;
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
      // Loaded on the first search: the scan is journal-only code, kept off the first screen's chunk.
      const { keptIndex, searchIndex } = await import('./search-scan');
      const index = await keptIndex(unwrap(await db()) as unknown as IDBDatabase, onProgress, () => signal?.aborted === true);
      return index && !signal?.aborted ? searchIndex(index, query) : undefined;
    },

    /** Soft delete: the entry disappears from the list but "Undo" can bring it back. */
    async remove(id: string): Promise<void> {
      await this.update(id, { deletedAt: now() });
    },

    async restore(id: string): Promise<void> {
      await write((d) =>
        changeOne(d, 'entries', id, (current) => {
          if (!current) return undefined;
          const { deletedAt: _gone, ...rest } = current as Entry;
          return { ...rest, updatedAt: now() };
        }),
      );
    },

    /** Remove for good the entries deleted longer ago than the undo window. */
    async purgeDeleted(): Promise<number> {
      return write(async (d) => {
        const tx = d.transaction('entries', 'readwrite');
        let purged = 0;
        for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
          const deletedAt = (cursor.value as Partial<Entry>).deletedAt;
          if (typeof deletedAt === 'number' && now() - deletedAt > UNDO_KEEP_MS) {
            await cursor.delete();
            purged++;
          }
        }
        await tx.done;
        return purged;
      });
    },
  };
}

export type EntriesRepo = ReturnType<typeof entriesRepo>;

/** Journal search: the pure matcher lives in search.ts so the search worker shares it. */
export { matchesQuery } from './search';
