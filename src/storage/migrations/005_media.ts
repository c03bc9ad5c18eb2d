/**
 * v5 — voice notes (issue 14, capturing fragments). One record per recording in `media`, holding the audio
 * as the Blobs MediaRecorder handed over (one per second while recording, so a reload mid-way keeps what
 * was recorded). The fragment itself is a journal entry (kind 'fragment') pointing at its recording;
 * `entryId` is indexed so an entry finds its recording and an unfinished recording (no entry yet) is found
 * when the capture screen opens again.
 */
import type { Migration } from './types';

export const m005Media: Migration = {
  version: 5,
  name: 'voice notes',
  up(db) {
    const media = db.createObjectStore('media', { keyPath: 'id' });
    media.createIndex('entryId', 'entryId');
    media.createIndex('createdAt', 'createdAt');
  },
};
