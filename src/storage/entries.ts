/**
 * Journal entries: what the first screen and the runner need (write, read one, Today's recent sessions,
 * the purge of deleted entries). The journal's own reads — a page at a time, search, the whole journal for a
 * report — are in entry-reads.ts, loaded with the screens that use them (off the first screen's chunks).
 * Every read parses records with the schema: a record an older build wrote, or one damaged on disk, is
 * reported and skipped — never deleted, so a later fix can still recover it.
 */
import * as v from 'valibot';
import { getDb, classify, putOne, changeOne, type Db } from './db';
import { EntrySchema, type Entry } from './schema';
import { reportProblem, reportUnreadable } from './problems';
import { newId } from './ids';
import { opened } from './sealing';

/** Today's "what helps" ranking reads the person's most recent sessions: recent experience, bounded cost. */
export const RECENT_SESSIONS = 100;

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
