/**
 * v1 — the foundation's stores: journal entries, running sessions, drafts, settings.
 * Never edit a released migration; add the next numbered file instead (see ./index.ts).
 */
import type { Migration } from './types';

export const m001Initial: Migration = {
  version: 1,
  name: 'initial: entries, sessions, drafts, settings',
  up(db) {
    const entries = db.createObjectStore('entries', { keyPath: 'id' });
    entries.createIndex('createdAt', 'createdAt');
    entries.createIndex('kind', 'kind');
    db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
    db.createObjectStore('drafts', { keyPath: 'id' });
    db.createObjectStore('settings', { keyPath: 'key' });
  },
};
