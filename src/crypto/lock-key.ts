/**
 * The app lock's passphrase check (issue 17), WebCrypto only: works in node ≥ 20 and every browser.
 *
 * PBKDF2-SHA-256 (≥ 600,000 iterations, OWASP 2023) turns the passphrase and a random 16-byte salt into 256
 * bits, which become an HKDF key. HKDF then derives two unrelated things from it:
 *  - the *verifier* (info "groundwork lock verifier v1"), stored, so a passphrase can be checked; knowing it
 *    gives nothing towards the other key (HKDF outputs with different info are independent);
 *  - the *record key* (info "groundwork record key v1"), an AES-GCM-256 key that is never stored and is not
 *    used yet. It is what will wrap a random data key once records are encrypted at rest (ARCHITECTURE.md,
 *    Lock, deletion and security): changing the passphrase then re-wraps one small key instead of
 *    re-encrypting every record.
 * Stored: only `LockRecord` (salt, iterations, verifier). Never the passphrase, never a key.
 */

export const LOCK_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const enc = new TextEncoder();

export interface LockRecord {
  v: 1;
  iterations: number;
  /** base64 */
  salt: string;
  /** base64 of the 32-byte HKDF output */
  verifier: string;
}

export interface Unlocked {
  /** For encryption at rest later (wrapping a data key); non-extractable. */
  recordKey: CryptoKey;
}

/** Passphrases are compared after Unicode normalisation, so the same words typed on another keyboard match. */
function normalise(passphrase: string): Uint8Array<ArrayBuffer> {
  return enc.encode(passphrase.normalize('NFC'));
}

async function hkdfBase(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', normalise(passphrase), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, 256);
  return crypto.subtle.importKey('raw', bits, 'HKDF', false, ['deriveBits', 'deriveKey']);
}

function hkdf(info: string) {
  return { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: enc.encode(info) } as const;
}

async function derive(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  const base = await hkdfBase(passphrase, salt, iterations);
  const verifier = new Uint8Array(await crypto.subtle.deriveBits(hkdf('groundwork lock verifier v1'), base, 256));
  const recordKey = await crypto.subtle.deriveKey(hkdf('groundwork record key v1'), base, { name: 'AES-GCM', length: 256 }, false, [
    'wrapKey',
    'unwrapKey',
  ]);
  return { verifier, recordKey };
}

/** A new lock for `passphrase`: a fresh salt every time (so changing it to the same words still changes the record). */
export async function createLock(passphrase: string, iterations = LOCK_ITERATIONS): Promise<LockRecord> {
  if (iterations < LOCK_ITERATIONS) throw new Error(`at least ${LOCK_ITERATIONS} iterations`);
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const { verifier } = await derive(passphrase, salt, iterations);
  return { v: 1, iterations, salt: toBase64(salt), verifier: toBase64(verifier) };
}

/** The keys when `passphrase` is the lock's; `undefined` when it is not. */
export async function openLock(passphrase: string, record: LockRecord): Promise<Unlocked | undefined> {
  const { verifier, recordKey } = await derive(passphrase, fromBase64(record.salt), record.iterations);
  return sameBytes(verifier, fromBase64(record.verifier)) ? { recordKey } : undefined;
}

/** Compares every byte whatever the first difference (no early exit). */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
