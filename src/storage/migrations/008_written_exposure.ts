/**
 * v8 — written exposure (issue 15; CLINICAL.md §4): a course of five timed writing sessions about one
 * memory. One record per course (key `id`), holding its five sessions with their text, ratings and timer,
 * rewritten whole by the coalescing writer (storage/writer.ts) at each keystroke. A person has one course
 * at a time and few in a lifetime, so no indexes: the repository reads them all.
 * (007 — the exposure hierarchy — lands from a parallel branch; versions only need to increase.)
 */
import type { Migration } from './types';

export const m008WrittenExposure: Migration = {
  version: 8,
  name: 'written exposure courses',
  up(db) {
    db.createObjectStore('writtenExposure', { keyPath: 'id' });
  },
};
