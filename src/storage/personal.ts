/** The person's own grounding material (orientation statement, safe place). One record, id `mine`. */
import * as v from 'valibot';
import { getDb, classify, changeOne, type Db } from './db';
import { PersonalSchema, type Personal } from './schema';
import { reportProblem, reportUnreadable } from './problems';
import { opened } from './sealing';

export function personalRepo(db: () => Promise<Db> = getDb, now: () => number = Date.now) {
  /** Damaged records are rare: the quarantine code loads only when one is met (off the first screen). */
  const keepUnreadable = async (store: string, key: unknown, raw: unknown) =>
    (await import('./quarantine')).unreadableKeeper(db, now)(store, key, raw);
  return {
    /** The person's material; a damaged record is copied raw to quarantine (once per page) and reads as empty. */
    async get(): Promise<Personal> {
      const stored = await (await db()).get('personal', 'mine');
      const parsed = v.safeParse(PersonalSchema, (await opened('personal', [stored]))[0]);
      if (!parsed.success && stored !== undefined) await keepUnreadable('personal', 'mine', stored);
      return parsed.success ? parsed.output : { id: 'mine', updatedAt: 0 };
    },
    async update(patch: Partial<Omit<Personal, 'id' | 'updatedAt'>>): Promise<Personal> {
      try {
        const d = await db();
        const make = (stored: unknown) => {
          const current = v.safeParse(PersonalSchema, stored);
          if (stored !== undefined && !current.success) {
            // Saving over it would wipe the person's own words; keep it for a later fix and say so.
            reportUnreadable('personal', 'mine');
            throw new Error('stored personal record is unreadable');
          }
          return v.parse(PersonalSchema, {
            ...(current.success ? current.output : {}),
            ...patch,
            id: 'mine',
            updatedAt: now(),
          });
        };
        return await changeOne(d, 'personal', 'mine', make);
      } catch (error) {
        reportProblem(classify(error));
        throw error;
      }
    },
  };
}

export type PersonalRepo = ReturnType<typeof personalRepo>;
