/**
 * v10 — therapist plans and clinician keys (issue 16).
 * `plans` (key `id`; index `kind`): accepted plans with their history (`kind: 'accepted'`; the active one is
 * the newest not replaced) and, in clinician mode, composed plans (`kind: 'composed'`).
 * `keys` (key `id`): this device's clinician key pairs (`id: 'clinician'`, CryptoKey objects, private keys
 * non-extractable) and, on a patient's device, the first signing key accepted per clinician (`trust:<name>`).
 * (007–009 land from parallel branches; versions only need to increase — see ./index.ts.)
 */
import type { Migration } from './types';

export const m010Plans: Migration = {
  version: 10,
  name: 'plans and keys',
  up(db) {
    const plans = db.createObjectStore('plans', { keyPath: 'id' });
    plans.createIndex('kind', 'kind');
    db.createObjectStore('keys', { keyPath: 'id' });
  },
};
