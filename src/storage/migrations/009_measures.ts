/**
 * v9 — questionnaires (issue 16; CLINICAL.md §5): one record per administration of PHQ-9, GAD-7 or PCL-5,
 * completed or in progress. Indexed by when it was started (history, newest first) and by measure (one
 * questionnaire's trend). (007 and 008 land from parallel branches; versions only need to increase.)
 */
import type { Migration } from './types';

export const m009Measures: Migration = {
  version: 9,
  name: 'measures',
  up(db) {
    const store = db.createObjectStore('measures', { keyPath: 'id' });
    store.createIndex('startedAt', 'startedAt');
    store.createIndex('measureId', 'measureId');
  },
};
