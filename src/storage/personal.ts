/** The person's own grounding material (orientation statement, safe place). One record, id `mine`. */
import * as v from 'valibot';
import { getDb, classify, changeOne, type Db } from './db';
import { PersonalSchema, type Personal } from './schema';
import { reportProblem, reportUnreadable } from './problems';
import { opened } from './sealing';

export function personalRepo(db: () => Promise<Db> = getDb, now: () => number = Date.now) {
  return {
    async get(): Promise<Personal> {
      const parsed = v.safeParse(PersonalSchema, (await opened('personal', [await (await db()).get('personal', 'mine')]))[0]);
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
