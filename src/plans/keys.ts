/**
 * Clinician keys (CONTRACTS C) and plan signatures. Made once in the browser with WebCrypto: ECDSA P-256 to
 * sign plans, ECDH P-256 so a patient's report can be encrypted to this clinician. Private keys are
 * non-extractable and live in IndexedDB as CryptoKey objects (structured-cloneable), so no one — not even
 * the app — can copy them off the device. Only the public halves travel, inside the plan.
 *
 * A signature covers the plan's canonical bytes (bytes.ts), exactly as received — unknown fields included —
 * so any change after signing is caught.
 */
import * as v from 'valibot';
import { getDb, committed, type Db } from '../storage/db';
import { ClinicianKeysSchema, TrustedKeySchema, type TrustedKey } from '../storage/plans.schema';
import { clinicianIdentity, publicPart } from './signature';

export { signPlan, verifyPlan, publicPart, clinicianIdentity, sameKey, fingerprint } from './signature';

const SIGN = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

export interface ClinicianKeys {
  signing: CryptoKeyPair;
  report: CryptoKeyPair;
  publicJwk: { signing: JsonWebKey; report: JsonWebKey };
}

let making: Promise<ClinicianKeys> | undefined;

/**
 * This device's clinician keys, made on first use. Two tabs asking at once: the record is `add`ed, so the
 * second add fails and that tab reads the first one's keys — one key pair per device, never two.
 */
export function clinicianKeys(db: () => Promise<Db> = getDb): Promise<ClinicianKeys> {
  if (db === getDb) {
    making ??= loadOrMake(db);
    making.catch(() => (making = undefined));
    return making;
  }
  return loadOrMake(db);
}

/** The keys if this device already made them; never makes any (opening a report must not create keys). */
export async function existingClinicianKeys(db: () => Promise<Db> = getDb): Promise<ClinicianKeys | undefined> {
  const parsed = v.safeParse(ClinicianKeysSchema, await (await db()).get('keys', 'clinician'));
  return parsed.success ? parsed.output : undefined;
}

async function loadOrMake(db: () => Promise<Db>): Promise<ClinicianKeys> {
  const d = await db();
  const stored = await d.get('keys', 'clinician');
  if (stored !== undefined) {
    const parsed = v.safeParse(ClinicianKeysSchema, stored);
    if (parsed.success) return parsed.output;
    throw new Error('The clinician keys on this device could not be read');
  }
  const signing = await crypto.subtle.generateKey(SIGN, false, ['sign', 'verify']);
  const report = await crypto.subtle.generateKey(ECDH, false, ['deriveKey', 'deriveBits']);
  const record = v.parse(ClinicianKeysSchema, {
    id: 'clinician',
    signing,
    report,
    publicJwk: {
      signing: publicPart(await crypto.subtle.exportKey('jwk', signing.publicKey)),
      report: publicPart(await crypto.subtle.exportKey('jwk', report.publicKey)),
    },
    createdAt: Date.now(),
  });
  try {
    const tx = d.transaction('keys', 'readwrite');
    await committed(tx, tx.store.add(record));
    return record;
  } catch (error) {
    const other = await d.get('keys', 'clinician');
    const parsed = v.safeParse(ClinicianKeysSchema, other);
    if (parsed.success) return parsed.output;
    throw error;
  }
}

/** The trusted key remembered for a clinician (the first one accepted), if any. */
export async function trustedKeyFor(name: string, db: () => Promise<Db> = getDb): Promise<TrustedKey | undefined> {
  const stored = await (await db()).get('keys', `trust:${clinicianIdentity(name)}`);
  const parsed = v.safeParse(TrustedKeySchema, stored);
  return parsed.success ? parsed.output : undefined;
}
