/**
 * Running guided sessions, stored as XState persisted snapshots so "carry on where you left off" restores
 * exactly the step and the words. The snapshot's shape is checked again by the flow layer before restore.
 */
import * as v from 'valibot';
import { getDb, classify, type Db } from './db';
import { SessionRecordSchema, type SessionRecord } from './schema';
import { reportProblem } from './problems';

export function sessionsRepo(db: () => Promise<Db> = getDb) {
  return {
    async put(record: SessionRecord): Promise<void> {
      try {
        await (await db()).put('sessions', record);
      } catch (error) {
        reportProblem(classify(error));
        throw error;
      }
    },
    async get(id: string): Promise<SessionRecord | undefined> {
      const parsed = v.safeParse(SessionRecordSchema, await (await db()).get('sessions', id));
      return parsed.success ? parsed.output : undefined;
    },
    /** Unfinished sessions (active or suspended for grounding), newest first. */
    async unfinished(): Promise<SessionRecord[]> {
      const all = await (await db()).getAllFromIndex('sessions', 'updatedAt');
      return all
        .reverse()
        .map((r) => v.safeParse(SessionRecordSchema, r))
        .filter((p) => p.success)
        .map((p) => p.output)
        .filter((r) => r.status === 'active' || r.status === 'suspended');
    },
    async remove(id: string): Promise<void> {
      await (await db()).delete('sessions', id);
    },
  };
}

export type SessionsRepo = ReturnType<typeof sessionsRepo>;
