/**
 * v4 — the dose log (issue 14). One record per dose; `takenAt` (ISO instant) is indexed so the newest
 * dose is read without walking the whole log, `updatedAt` for backups walking changes.
 * (003 is another change landing in parallel; versions only need to increase — see ./index.ts.)
 */
import type { Migration } from './types';

export const m004Doses: Migration = {
  version: 4,
  name: 'dose log',
  up(db) {
    const doses = db.createObjectStore('doses', { keyPath: 'id' });
    doses.createIndex('takenAt', 'takenAt');
    doses.createIndex('updatedAt', 'updatedAt');
  },
};
