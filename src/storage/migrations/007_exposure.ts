/**
 * v7 — exposure work (issue 15; CLINICAL.md §4). `hierarchy`: one record, id `mine` (the person's feared
 * situations in their order, and their own SUDS anchors), rewritten whole by the coalescing writer, like
 * the safety plan. `exposures`: one record per practice (key = the session id, which is also the journal
 * entry's id), indexed by the hierarchy item it practised (charts per situation) and by when it started.
 */
import type { Migration } from './types';

export const m007Exposure: Migration = {
  version: 7,
  name: 'fear hierarchy and exposure records',
  up(db) {
    db.createObjectStore('hierarchy', { keyPath: 'id' });
    const exposures = db.createObjectStore('exposures', { keyPath: 'id' });
    exposures.createIndex('itemId', 'itemId');
    exposures.createIndex('startedAt', 'startedAt');
  },
};
