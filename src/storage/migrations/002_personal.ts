/**
 * v2 — the person's own grounding material (orientation statement, safe place), and an `updatedAt`
 * index on entries so "recently edited" and backups can walk changes without reading everything.
 */
import type { Migration } from './types';

export const m002Personal: Migration = {
  version: 2,
  name: 'personal grounding material; entries by updatedAt',
  up(db, tx) {
    db.createObjectStore('personal', { keyPath: 'id' });
    tx.objectStore('entries').createIndex('updatedAt', 'updatedAt');
  },
};
