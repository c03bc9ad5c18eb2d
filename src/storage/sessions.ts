/**
 * Running guided sessions, stored as XState persisted snapshots so "carry on where you left off" restores
 * exactly the step and the words. The snapshot's shape is checked again by the flow layer before restore.
 * Reads see unsaved snapshots first (`pendingWrites`, key `sessions:<id>`; `null` = removal pending), so
 * a session typed into while the disk was full is still offered back for the life of the page.
 */
import * as v from 'valibot';
import { getDb, classify, putOne, type Db } from './db';
import { SessionRecordSchema, type SessionRecord } from './schema';
import { reportProblem, reportUnreadable } from './problems';
import { pendingWrites } from './pending';
import { opened } from './sealing';

export const sessionKey = (id: string) => `sessions:${id}`;

export function sessionsRepo(db: () => Promise<Db> = getDb) {
  return {
    async put(record: SessionRecord): Promise<void> {
      try {
        await putOne(await db(), 'sessions', record);
      } catch (error) {
        reportProblem(classify(error));
        throw error;
      }
    },
    async get(id: string): Promise<SessionRecord | undefined> {
      if (pendingWrites.has(sessionKey(id))) return pendingWrites.get<SessionRecord | null>(sessionKey(id)) ?? undefined;
      const raw = await (await db()).get('sessions', id);
      if (raw === undefined) return undefined;
      // Sealed while the app is locked: left out (undefined), not reported.
      const [open] = await opened('sessions', [raw]);
      const parsed = v.safeParse(SessionRecordSchema, open);
      if (!parsed.success && open) reportUnreadable('sessions', id);
      return parsed.success ? parsed.output : undefined;
    },
    /** The stored record exactly as it is on disk (to keep it when it cannot be read). */
    async raw(id: string): Promise<unknown> {
      return (await db()).get('sessions', id);
    },
    /** Unfinished sessions (active or suspended for grounding), newest first. */
    async unfinished(): Promise<SessionRecord[]> {
      const unsaved = pendingWrites.withPrefix<SessionRecord | null>('sessions:');
      const byId = new Map<string, SessionRecord>();
      const unreadable: unknown[] = [];
      // The disk cannot be read (a newer version took the database, reported by db.ts): sessions kept in
      // memory or in this tab's rescue copy are still offered, so "reload this tab" brings them back.
      let stored: unknown[] = [];
      try {
        stored = await opened('sessions', await (await db()).getAllFromIndex('sessions', 'updatedAt'));
      } catch (error) {
        if (unsaved.size === 0) throw error;
      }
      for (const r of stored) {
        const parsed = v.safeParse(SessionRecordSchema, r);
        if (parsed.success) byId.set(parsed.output.id, parsed.output);
        else unreadable.push((r as { id?: unknown } | undefined)?.id);
      }
      reportUnreadable('sessions', ...unreadable);
      for (const [key, record] of unsaved) {
        const id = key.slice('sessions:'.length);
        if (record) byId.set(id, record);
        else byId.delete(id);
      }
      return [...byId.values()]
        .sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
        .filter((r) => r.status === 'active' || r.status === 'suspended');
    },
    async remove(id: string): Promise<void> {
      await (await db()).delete('sessions', id);
    },
  };
}

export type SessionsRepo = ReturnType<typeof sessionsRepo>;
