/** The person's own grounding material (orientation statement, safe place). One record, id `mine`. */
import * as v from 'valibot';
import { getDb, classify, committed, type Db } from './db';
import { PersonalSchema, type Personal } from './schema';
import { reportProblem, reportUnreadable } from './problems';
import { atRest, opened } from './sealing';

export function personalRepo(db: () => Promise<Db> = getDb, now: () => number = Date.now) {
  return {
    async get(): Promise<Personal> {
      const raw = await (await db()).get('personal', 'mine');
      const parsed = v.safeParse(PersonalSchema, raw === undefined ? raw : (await opened('personal', [raw]))[0]);
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
        const a = await atRest.on;
        if (a) return await a.change(d, 'personal', 'mine', make);
        const tx = d.transaction('personal', 'readwrite');
        const next = make(await tx.store.get('mine'));
        await committed(tx, tx.store.put(next));
        return next;
      } catch (error) {
        reportProblem(classify(error));
        throw error;
      }
    },
  };
}

export type PersonalRepo = ReturnType<typeof personalRepo>;
