/**
 * v6 — the personal safety plan (issue 15; CLINICAL.md §6). One record, id `mine`, rewritten whole at each
 * keystroke by the coalescing writer (storage/writer.ts); a plan is small, so no indexes.
 * (005 lands from a parallel branch; versions only need to increase — see ./index.ts.)
 */
import type { Migration } from './types';

export const m006SafetyPlan: Migration = {
  version: 6,
  name: 'personal safety plan',
  up(db) {
    db.createObjectStore('safetyPlan', { keyPath: 'id' });
  },
};
