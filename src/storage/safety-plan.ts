/**
 * The personal safety plan's repository. One record, `mine`, validated on every read and write. The screen
 * keeps every keystroke through `writer()` — the shared coalescing writer (writer.ts): a write starts at
 * the keystroke, only the latest plan is written, failures are retried, and a killed tab loses nothing
 * already handed to IndexedDB. A stored plan this build cannot read is never written over (the person's
 * words stay on disk for a later fix) and is reported.
 */
import * as v from 'valibot';
import { getDb, classify, changeOne, type Db } from './db';
import { opened } from './sealing';
import { reportProblem, reportUnreadable } from './problems';
import { createWriter, type Writer } from './writer';
import { SafetyPlanSchema, emptySafetyPlan, type SafetyPlan } from './safety-plan.schema';

/** The plan's key in `pendingWrites` (unsaved words are kept there for the life of the page). */
export const SAFETY_PLAN_WRITER_KEY = 'safetyPlan:mine';

export class UnreadablePlanError extends Error {
  constructor() {
    super('The stored safety plan could not be read');
    this.name = 'UnreadablePlanError';
  }
}

export interface SafetyPlanWriterOptions {
  onSaved?: (at: number) => void;
  onError?: (error: unknown) => void;
  backoffMs?: readonly number[];
}

export function safetyPlanRepo(db: () => Promise<Db> = getDb, now: () => number = Date.now) {
  const repo = {
    /** The plan; an empty one when none was written yet. Throws UnreadablePlanError for a damaged record. */
    async get(): Promise<SafetyPlan> {
      const stored = await (await db()).get('safetyPlan', 'mine');
      if (stored === undefined) return emptySafetyPlan();
      const parsed = v.safeParse(SafetyPlanSchema, (await opened('safetyPlan', [stored]))[0]);
      if (!parsed.success) {
        reportUnreadable('safetyPlan', 'mine');
        throw new UnreadablePlanError();
      }
      return parsed.output;
    },

    /** Store the whole plan (its `updatedAt` is set here). */
    async put(plan: SafetyPlan): Promise<SafetyPlan> {
      try {
        const d = await db();
        const make = (stored: unknown) => {
          if (stored !== undefined && !v.safeParse(SafetyPlanSchema, stored).success) {
            // Saving over it would wipe the person's own words; keep it for a later fix and say so.
            reportUnreadable('safetyPlan', 'mine');
            throw new UnreadablePlanError();
          }
          return v.parse(SafetyPlanSchema, { ...plan, id: 'mine', updatedAt: now() });
        };
        return await changeOne(d, 'safetyPlan', 'mine', make);
      } catch (error) {
        if (!(error instanceof UnreadablePlanError)) reportProblem(classify(error));
        throw error;
      }
    },

    /** The coalescing writer of the plan: `change` at every keystroke, `flush` when leaving. */
    writer(options: SafetyPlanWriterOptions = {}): Writer<SafetyPlan> {
      return createWriter<SafetyPlan>({
        key: SAFETY_PLAN_WRITER_KEY,
        write: async (plan) => void (await repo.put(plan)),
        ...options,
      });
    },
  };
  return repo;
}

export type SafetyPlanRepo = ReturnType<typeof safetyPlanRepo>;
