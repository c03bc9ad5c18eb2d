/**
 * Journal entries. Every read parses records with the schema: a record an older build wrote, or one
 * damaged on disk, is reported and skipped — never deleted, so a later fix can still recover it.
 */
import * as v from 'valibot';
import { getDb, classify, putOne, committed, type Db } from './db';
import { EntrySchema, type Entry } from './schema';
import { reportProblem, reportUnreadable } from './problems';
import { newId } from './ids';

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
      return write(async (d) => {
        const tx = d.transaction('entries', 'readwrite');
        const current = await tx.store.get(id);
        if (!current) throw new Error(`No entry ${id}`);
        const next = v.parse(EntrySchema, { ...current, ...patch, id, updatedAt: now() });
        await committed(tx, tx.store.put(next));
        return next;
      });
    },

    async get(id: string): Promise<Entry | undefined> {
      const raw = await (await db()).get('entries', id);
      if (!raw) return undefined;
      const parsed = v.safeParse(EntrySchema, raw);
      if (!parsed.success) {
        reportUnreadable('entries', id);
        return undefined;
      }
      return parsed.output;
    },

    /** Guided-session entries only (the "what helps" ranking reads these, not the whole journal). */
    async listSessions(): Promise<Entry[]> {
      const raw = await (await db()).getAllFromIndex('entries', 'kind', 'session');
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
      const raw = await (await db()).getAllFromIndex('entries', 'createdAt');
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

    /** Soft delete: the entry disappears from the list but "Undo" can bring it back. */
    async remove(id: string): Promise<void> {
      await this.update(id, { deletedAt: now() });
    },

    async restore(id: string): Promise<void> {
      await write(async (d) => {
        const tx = d.transaction('entries', 'readwrite');
        const current = await tx.store.get(id);
        if (current) {
          const { deletedAt: _gone, ...rest } = current;
          await committed(tx, tx.store.put({ ...rest, updatedAt: now() }));
        } else await tx.done;
      });
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

/** Case- and accent-insensitive search over title, body and the module's answers. */
export function matchesQuery(entry: Entry, query: string): boolean {
  const q = fold(query.trim());
  if (!q) return true;
  // Only what the person wrote counts: module field names ("feel", "see") must not match.
  const hay = fold([entry.title, entry.body, ...textsIn(entry.data)].join('\n'));
  return q.split(/\s+/).every((word) => hay.includes(word));
}

function textsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) textsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) textsIn(v, out);
  return out;
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
