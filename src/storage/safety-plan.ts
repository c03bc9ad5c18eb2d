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
import { reportProblem } from './problems';
import { createWriter, type Writer } from './writer';
import { pendingWrites } from './pending';
import { unreadableKeeper } from './quarantine';
import { holdRecord, type Hold, type HoldOptions } from './record-claim';
import { onStoresChanged } from './changes';
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
  const keepUnreadable = unreadableKeeper(db, now);
  const repo = {
    /**
     * The plan, unsaved words first (memory, then disk: words typed while the disk was full come back);
     * an empty one when none was written yet. A damaged record is copied to quarantine and throws
     * UnreadablePlanError.
     */
    async get(): Promise<SafetyPlan> {
      const unsaved = pendingWrites.get(SAFETY_PLAN_WRITER_KEY);
      if (unsaved !== undefined) {
        const parsed = v.safeParse(SafetyPlanSchema, unsaved);
        if (parsed.success) return parsed.output;
      }
      const stored = await (await db()).get('safetyPlan', 'mine');
      if (stored === undefined) return emptySafetyPlan();
      const parsed = v.safeParse(SafetyPlanSchema, (await opened('safetyPlan', [stored]))[0]);
      if (!parsed.success) {
        await keepUnreadable('safetyPlan', 'mine', stored);
        throw new UnreadablePlanError();
      }
      return parsed.output;
    },

    /** Store the whole plan (its `updatedAt` is set here). */
    async put(plan: SafetyPlan): Promise<SafetyPlan> {
      try {
        const d = await db();
        let damaged: unknown;
        const make = (stored: unknown) => {
          if (stored !== undefined && !v.safeParse(SafetyPlanSchema, stored).success) {
            // Saving over it would wipe the person's own words: kept for a later fix (below), and said.
            damaged = stored;
            throw new UnreadablePlanError();
          }
          return v.parse(SafetyPlanSchema, { ...plan, id: 'mine', updatedAt: now() });
        };
        try {
          return await changeOne(d, 'safetyPlan', 'mine', make);
        } finally {
          if (damaged !== undefined) await keepUnreadable('safetyPlan', 'mine', damaged);
        }
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

    /** One tab at a time writes the plan (record-claim.ts). */
    hold(options: HoldOptions<SafetyPlan>): Hold<SafetyPlan> {
      return holdRecord(SAFETY_PLAN_WRITER_KEY, options);
    },

    /** Another tab changed the plan: read it again. */
    onChange(listener: () => void): () => void {
      return onStoresChanged(['safetyPlan'], listener);
    },
  };
  return repo;
}

export type SafetyPlanRepo = ReturnType<typeof safetyPlanRepo>;
