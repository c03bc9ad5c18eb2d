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
import { canonicalBytes, fromBase64Url, toBase64Url } from './bytes';
import { PublicJwkSchema, type PublicJwk } from './schema';

const SIGN = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN_HASH = { name: 'ECDSA', hash: 'SHA-256' } as const;
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

export interface ClinicianKeys {
  signing: CryptoKeyPair;
  report: CryptoKeyPair;
  publicJwk: { signing: JsonWebKey; report: JsonWebKey };
}

/** Only the public fields, so a plan never carries `key_ops`/`ext` noise (or anything private). */
export function publicPart(jwk: JsonWebKey): PublicJwk {
  return v.parse(PublicJwkSchema, { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y });
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

/** Sign a plan's canonical bytes; returns base64url r‖s (64 bytes). */
export async function signPlan(plan: unknown, privateKey: CryptoKey): Promise<string> {
  const sig = await crypto.subtle.sign(SIGN_HASH, privateKey, canonicalBytes(plan));
  return toBase64Url(new Uint8Array(sig));
}

/** Whether `sig` is a valid signature of `rawPlan` by `key`. Any malformed input is simply false. */
export async function verifyPlan(rawPlan: unknown, sig: string, key: PublicJwk): Promise<boolean> {
  const bytes = fromBase64Url(sig);
  if (!bytes || bytes.length !== 64) return false;
  try {
    const pub = await crypto.subtle.importKey('jwk', { ...key, ext: true }, SIGN, true, ['verify']);
    return await crypto.subtle.verify(SIGN_HASH, pub, bytes, canonicalBytes(rawPlan));
  } catch {
    return false;
  }
}

/** Who a plan claims to be from, as the key of the trust record: case and spacing ignored. */
export function clinicianIdentity(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function sameKey(a: PublicJwk, b: PublicJwk): boolean {
  return a.x === b.x && a.y === b.y && a.crv === b.crv;
}

/** A short, readable fingerprint of a public key for people to compare by eye (SHA-256 of x‖y, 8 groups). */
export async function fingerprint(key: PublicJwk): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${key.x}.${key.y}`)));
  const hex = [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return hex.toUpperCase().match(/.{4}/g)!.join(' ');
}

/** The trusted key remembered for a clinician (the first one accepted), if any. */
export async function trustedKeyFor(name: string, db: () => Promise<Db> = getDb): Promise<TrustedKey | undefined> {
  const stored = await (await db()).get('keys', `trust:${clinicianIdentity(name)}`);
  const parsed = v.safeParse(TrustedKeySchema, stored);
  return parsed.success ? parsed.output : undefined;
}
