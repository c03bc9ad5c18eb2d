/**
 * v3 — quarantine: records the app could not read (a session snapshot it cannot restore, a draft that
 * fails its schema), kept raw and never deleted, so a later build can still recover every word.
 */
import type { Migration } from './types';

export const m003Quarantine: Migration = {
  version: 3,
  name: 'quarantine for unreadable records',
  up(db) {
    db.createObjectStore('quarantine', { keyPath: 'id' }).createIndex('at', 'at');
  },
};
