/**
 * The one file format for anything that leaves the device as a file: progress reports now, backups later
 * (CONTRACTS B). Plain TypeScript over WebCrypto only, so it runs the same in Chromium and in node ≥ 20.
 *
 * Bytes on disk (UTF-8):
 *
 *     {"groundwork":"envelope","v":1,"kind":…,"mode":…,…}\n<base64url body>
 *
 * - Line 1 is a small JSON header, written in one canonical form (compact, fixed key order). Reading it
 *   back requires exactly that form, and for the encrypted modes its exact bytes are AES-GCM's additional
 *   data: changing any byte of the header (kind, mode, KDF parameters, salt, IV, ephemeral key) makes
 *   decryption fail.
 * - The body is unpadded, canonical base64url (a character that decodes to the same bytes in two ways is
 *   refused), so every change to the body changes the ciphertext.
 * - Modes:
 *   - `passphrase`: PBKDF2-SHA-256 (600,000 iterations, random 16-byte salt) → 512 bits: the first 256 are
 *     the AES-GCM-256 key, the next 128 are a check value kept in the header. The check lets the reader say
 *     "wrong passphrase" apart from "damaged file"; it costs a guesser as much as a trial decryption.
 *   - `public-key`: an ephemeral ECDH P-256 key pair with the recipient's public key → shared secret →
 *     HKDF-SHA-256 (random 16-byte salt, info "groundwork-envelope/1/<kind>") → 512 bits, split as above.
 *     The ephemeral public key travels in the header, so no passphrase has to travel.
 *   - `plain`: no encryption, only when the person knowingly chooses it; the header carries the length and
 *     a CRC-32 so a damaged or truncated file is still caught (integrity against accidents, not attackers).
 * - AES-GCM with a random 12-byte IV and a 128-bit tag.
 *
 * Every failure is an EnvelopeError with a `reason` the interface can turn into a kind message; nothing
 * else is ever thrown for any input bytes.
 */
import * as v from 'valibot';
import { fromBase64Url, toBase64Url } from './base64url';

export type EnvelopeKind = 'groundwork-report' | 'groundwork-backup';
export type EnvelopeMode = 'passphrase' | 'public-key' | 'plain';
export type EnvelopeSecret = { passphrase: string } | { privateKey: CryptoKey } | null;

export type EnvelopeErrorReason =
  | 'malformed'
  | 'wrong-kind'
  | 'unsupported-version'
  | 'wrong-secret'
  | 'needs-passphrase'
  | 'needs-key'
  | 'too-large';

export class EnvelopeError extends Error {
  readonly reason: EnvelopeErrorReason;
  constructor(reason: EnvelopeErrorReason, message?: string) {
    super(message ?? reason);
    this.name = 'EnvelopeError';
    this.reason = reason;
  }
}

/** The format version this code writes and reads. */
export const ENVELOPE_VERSION = 1;
/** PBKDF2-SHA-256 iterations for every passphrase envelope the app writes (OWASP 2023 guidance). */
export const PBKDF2_ITERATIONS = 600_000;
/** Refused above this many iterations, so a crafted file cannot hang the page. */
export const PBKDF2_MAX_ITERATIONS = 10_000_000;
/** The largest plain content sealed, and (with base64url's 4/3 and the header) the largest file opened. */
export const MAX_PLAIN_BYTES = 256 * 1024 * 1024;
export const MAX_ENVELOPE_BYTES = Math.ceil(((MAX_PLAIN_BYTES + 16) * 4) / 3) + 4096;
/** The header line is small; anything longer before the first newline is not an envelope. */
const MAX_HEADER_BYTES = 4096;

/**
 * Test-only knobs: a lower iteration count keeps unit tests fast. Production code never passes these;
 * tests/unit/envelope.test.ts asserts the defaults.
 */
export interface SealTestOptions {
  iterations?: number;
}
export interface OpenTestOptions {
  minIterations?: number;
}

// ---------------------------------------------------------------------------------------------------------
// Header schema (version 1)

// Plain v.object, a regex for lengths and a hand-made variant keep to the valibot functions the app
// already uses: valibot sits in the first screen's chunk (vite.config.ts), so each new one costs there.
// Unknown keys are still refused: the header must equal its parsed form, re-serialised (see parse()).
const b64 = (chars: number) => v.pipe(v.string(), v.regex(new RegExp(`^[A-Za-z0-9_-]{${chars}}$`)));
/** Unpadded base64url lengths: 16 bytes → 22 chars, 12 → 16, 32 (a P-256 coordinate) → 43. */
const Salt = b64(22);
const Iv = b64(16);
const Check = b64(22);
const Coord = b64(43);

const Kind = v.picklist(['groundwork-report', 'groundwork-backup'] as const);
const Cipher = v.object({ name: v.literal('AES-GCM'), iv: Iv });

const PassphraseHeader = v.object({
  groundwork: v.literal('envelope'),
  v: v.literal(1),
  kind: Kind,
  mode: v.literal('passphrase'),
  kdf: v.object({
    name: v.literal('PBKDF2'),
    hash: v.literal('SHA-256'),
    iterations: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(PBKDF2_MAX_ITERATIONS)),
    salt: Salt,
    check: Check,
  }),
  cipher: Cipher,
});

const PublicKeyHeader = v.object({
  groundwork: v.literal('envelope'),
  v: v.literal(1),
  kind: Kind,
  mode: v.literal('public-key'),
  kdf: v.object({
    name: v.literal('ECDH-HKDF'),
    curve: v.literal('P-256'),
    hash: v.literal('SHA-256'),
    epk: v.object({ kty: v.literal('EC'), crv: v.literal('P-256'), x: Coord, y: Coord }),
    salt: Salt,
    check: Check,
  }),
  cipher: Cipher,
});

const PlainHeader = v.object({
  groundwork: v.literal('envelope'),
  v: v.literal(1),
  kind: Kind,
  mode: v.literal('plain'),
  length: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_PLAIN_BYTES)),
  crc32: v.pipe(v.string(), v.regex(/^[0-9a-f]{8}$/)),
});

const HEADERS_V1 = { passphrase: PassphraseHeader, 'public-key': PublicKeyHeader, plain: PlainHeader } as const;
type Header =
  | v.InferOutput<typeof PassphraseHeader>
  | v.InferOutput<typeof PublicKeyHeader>
  | v.InferOutput<typeof PlainHeader>;

// ---------------------------------------------------------------------------------------------------------
// Public API

/** Encrypt `plain` with a passphrase the person chose (PBKDF2-SHA-256 → AES-GCM-256). */
export async function sealWithPassphrase(
  plain: Uint8Array,
  passphrase: string,
  kind: EnvelopeKind,
  testOnly?: SealTestOptions,
): Promise<Uint8Array> {
  checkPlainSize(plain);
  if (typeof passphrase !== 'string' || passphrase.length === 0) {
    throw new EnvelopeError('needs-passphrase', 'A passphrase is needed to seal this file.');
  }
  const iterations = testOnly?.iterations ?? PBKDF2_ITERATIONS;
  const salt = random(16);
  const iv = random(12);
  const { key, check } = await passphraseKey(passphrase, salt, iterations);
  const header = {
    groundwork: 'envelope',
    v: ENVELOPE_VERSION,
    kind,
    mode: 'passphrase',
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toB64url(salt), check: toB64url(check) },
    cipher: { name: 'AES-GCM', iv: toB64url(iv) },
  };
  return encryptWith(header, key, iv, plain);
}

/** Encrypt `plain` to a recipient's ECDH P-256 public key (ephemeral ECDH → HKDF-SHA-256 → AES-GCM-256). */
export async function sealToPublicKey(
  plain: Uint8Array,
  recipient: JsonWebKey,
  kind: EnvelopeKind,
): Promise<Uint8Array> {
  checkPlainSize(plain);
  let recipientKey: CryptoKey;
  try {
    const { kty, crv, x, y } = recipient;
    recipientKey = await subtle().importKey(
      'jwk',
      { kty, crv, x, y, ext: true },
      { name: 'ECDH', namedCurve: 'P-256' },
      true,
      [],
    );
  } catch {
    throw new EnvelopeError('needs-key', 'The recipient key is not an ECDH P-256 public key.');
  }
  const ephemeral = (await subtle().generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
    'deriveBits',
  ])) as CryptoKeyPair;
  const epkJwk = await subtle().exportKey('jwk', ephemeral.publicKey);
  const shared = new Uint8Array(
    await subtle().deriveBits({ name: 'ECDH', public: recipientKey }, ephemeral.privateKey, 256),
  );
  const salt = random(16);
  const iv = random(12);
  const { key, check } = await hkdfKey(shared, salt, kind);
  const header = {
    groundwork: 'envelope',
    v: ENVELOPE_VERSION,
    kind,
    mode: 'public-key',
    kdf: {
      name: 'ECDH-HKDF',
      curve: 'P-256',
      hash: 'SHA-256',
      epk: { kty: 'EC', crv: 'P-256', x: epkJwk.x, y: epkJwk.y },
      salt: toB64url(salt),
      check: toB64url(check),
    },
    cipher: { name: 'AES-GCM', iv: toB64url(iv) },
  };
  return encryptWith(header, key, iv, plain);
}

/** No encryption: only when the person knowingly chooses it. Length and CRC-32 catch accidental damage. */
export function sealPlain(plain: Uint8Array, kind: EnvelopeKind): Uint8Array {
  checkPlainSize(plain);
  const header = {
    groundwork: 'envelope',
    v: ENVELOPE_VERSION,
    kind,
    mode: 'plain',
    length: plain.length,
    crc32: crc32(plain).toString(16).padStart(8, '0'),
  };
  return assemble(JSON.stringify(header), toB64url(plain));
}

/** What a file is, without opening it: lets the interface ask for a passphrase or use a key. */
export function inspectEnvelope(bytes: Uint8Array): { kind: EnvelopeKind; version: number; mode: EnvelopeMode } {
  const { header } = parse(bytes);
  return { kind: header.kind, version: header.v, mode: header.mode };
}

/**
 * Open an envelope of the expected `kind`. Throws EnvelopeError:
 * `wrong-secret` when the passphrase or key is not the one it was sealed with, `malformed` when the file
 * is damaged (truncated, edited, not an envelope), `needs-passphrase` / `needs-key` when the secret given
 * does not fit the file's mode.
 */
export async function openEnvelope(
  bytes: Uint8Array,
  kind: EnvelopeKind,
  secret: EnvelopeSecret,
  testOnly?: OpenTestOptions,
): Promise<Uint8Array> {
  const { header, headerBytes, body } = parse(bytes);
  if (header.kind !== kind) throw new EnvelopeError('wrong-kind', `This file is a ${header.kind}, not a ${kind}.`);
  // PBKDF2 (hundreds of milliseconds) starts before the body is decoded: WebCrypto works on its own thread,
  // so the two overlap. Its result is only looked at after every check below, in the same order as ever.
  const min = testOnly?.minIterations ?? PBKDF2_ITERATIONS;
  const early =
    header.mode === 'passphrase' && secret && 'passphrase' in secret && typeof secret.passphrase === 'string' && secret.passphrase && header.kdf.iterations >= min
      ? passphraseKey(secret.passphrase, fromB64url(header.kdf.salt), header.kdf.iterations)
      : undefined;
  early?.catch(() => {}); // awaited below, unless the body is refused first
  const data = fromB64url(body);

  if (header.mode === 'plain') {
    if (data.length !== header.length || crc32(data).toString(16).padStart(8, '0') !== header.crc32) {
      throw new EnvelopeError('malformed', 'The file is damaged (length or checksum does not match).');
    }
    return data;
  }

  let derived: { key: CryptoKey; check: Uint8Array };
  if (header.mode === 'passphrase') {
    if (!secret || !('passphrase' in secret) || typeof secret.passphrase !== 'string' || !secret.passphrase) {
      throw new EnvelopeError('needs-passphrase', 'This file was sealed with a passphrase.');
    }
    if (header.kdf.iterations < min) {
      throw new EnvelopeError('malformed', 'The file asks for fewer key-derivation iterations than allowed.');
    }
    derived = await (early ?? passphraseKey(secret.passphrase, fromB64url(header.kdf.salt), header.kdf.iterations));
  } else {
    if (!secret || !('privateKey' in secret) || !secret.privateKey) {
      throw new EnvelopeError('needs-key', 'This file was sealed to a key.');
    }
    let epk: CryptoKey;
    try {
      epk = await subtle().importKey(
        'jwk',
        { ...header.kdf.epk, ext: true },
        { name: 'ECDH', namedCurve: 'P-256' },
        true,
        [],
      );
    } catch {
      throw new EnvelopeError('malformed', 'The file carries a key that is not on the P-256 curve.');
    }
    let shared: Uint8Array;
    try {
      shared = await ecdhShared(secret.privateKey, epk);
    } catch {
      throw new EnvelopeError('wrong-secret', 'This key cannot open the file.');
    }
    derived = await hkdfKey(shared, fromB64url(header.kdf.salt), header.kind);
  }

  if (!equalBytes(derived.check, fromB64url(header.kdf.check))) {
    throw new EnvelopeError('wrong-secret', header.mode === 'passphrase' ? 'Wrong passphrase.' : 'Wrong key.');
  }
  if (data.length < 16) throw new EnvelopeError('malformed', 'The file is damaged (too short).');
  try {
    const plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: fromB64url(header.cipher.iv), additionalData: headerBytes, tagLength: 128 },
      derived.key,
      data,
    );
    return new Uint8Array(plain);
  } catch {
    throw new EnvelopeError('malformed', 'The file is damaged or was changed after it was sealed.');
  }
}

// ---------------------------------------------------------------------------------------------------------
// Parsing

function parse(bytes: Uint8Array): { header: Header; headerBytes: Uint8Array<ArrayBuffer>; body: string } {
  if (!isBytes(bytes)) throw new EnvelopeError('malformed', 'Not a file.');
  if (bytes.length > MAX_ENVELOPE_BYTES) throw new EnvelopeError('too-large', 'The file is too large.');
  const newline = bytes.indexOf(0x0a);
  if (newline < 0 || newline > MAX_HEADER_BYTES) {
    throw new EnvelopeError('malformed', 'This is not a Groundwork file.');
  }
  const headerBytes = new Uint8Array(newline);
  headerBytes.set(bytes.subarray(0, newline));
  let raw: string;
  let json: unknown;
  try {
    raw = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(headerBytes);
    json = JSON.parse(raw);
  } catch {
    throw new EnvelopeError('malformed', 'This is not a Groundwork file.');
  }
  if (!isRecord(json) || json['groundwork'] !== 'envelope') {
    throw new EnvelopeError('malformed', 'This is not a Groundwork file.');
  }
  if (json['v'] !== ENVELOPE_VERSION) {
    if (typeof json['v'] === 'number' && Number.isInteger(json['v']) && json['v'] > 0) {
      throw new EnvelopeError('unsupported-version', `This file uses format version ${json['v']}.`);
    }
    throw new EnvelopeError('malformed', 'This is not a Groundwork file.');
  }
  const mode = json['mode'];
  const schema = typeof mode === 'string' && Object.hasOwn(HEADERS_V1, mode) ? HEADERS_V1[mode as EnvelopeMode] : undefined;
  const parsed = schema ? v.safeParse(schema, json) : undefined;
  if (!parsed?.success) throw new EnvelopeError('malformed', 'The file header is damaged.');
  // One canonical form: the header must be exactly its parsed form re-serialised — no unknown keys, no
  // other key order, whitespace, escapes or number spellings — so its bytes mean one thing (and, for
  // plain files, no edit goes unnoticed).
  if (JSON.stringify(parsed.output) !== raw) throw new EnvelopeError('malformed', 'The file header is damaged.');
  // The body as text, natively: any byte that is not ASCII becomes a character outside the base64url
  // alphabet, so fromB64url refuses it.
  const body = new TextDecoder().decode(bytes.subarray(newline + 1));
  return { header: parsed.output as Header, headerBytes, body };
}

/** A Uint8Array from any realm (a frame's, a test environment's): `instanceof` would refuse those. */
function isBytes(x: unknown): x is Uint8Array {
  return Object.prototype.toString.call(x) === '[object Uint8Array]';
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function assemble(headerJson: string, body: string): Uint8Array {
  const head = new TextEncoder().encode(headerJson);
  const out = new Uint8Array(head.length + 1 + body.length);
  out.set(head, 0);
  out[head.length] = 0x0a;
  new TextEncoder().encodeInto(body, out.subarray(head.length + 1)); // base64url is ASCII: one byte a character
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Keys

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto is not available here.');
  return s;
}

function random(n: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

function checkPlainSize(plain: Uint8Array): void {
  if (!isBytes(plain)) throw new EnvelopeError('malformed', 'Nothing to seal.');
  if (plain.length > MAX_PLAIN_BYTES) throw new EnvelopeError('too-large', 'The content is too large.');
}

async function splitKey(bits: ArrayBuffer): Promise<{ key: CryptoKey; check: Uint8Array }> {
  const all = new Uint8Array(bits);
  const key = await subtle().importKey('raw', all.slice(0, 32), { name: 'AES-GCM' }, false, [
    'encrypt',
    'decrypt',
  ]);
  return { key, check: all.slice(32, 48) };
}

async function passphraseKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<{ key: CryptoKey; check: Uint8Array }> {
  // NFC: the same passphrase typed on two keyboards (composed or decomposed accents) opens the file.
  const material = await subtle().importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await subtle().deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, 512);
  return splitKey(bits);
}

async function hkdfKey(
  shared: Uint8Array,
  salt: Uint8Array<ArrayBuffer>,
  kind: EnvelopeKind,
): Promise<{ key: CryptoKey; check: Uint8Array }> {
  const material = await subtle().importKey('raw', copy(shared), 'HKDF', false, ['deriveBits']);
  const info = new TextEncoder().encode(`groundwork-envelope/${ENVELOPE_VERSION}/${kind}`);
  const bits = await subtle().deriveBits({ name: 'HKDF', hash: 'SHA-256', salt, info }, material, 512);
  return splitKey(bits);
}

/** The ECDH shared secret, whether the private key allows deriveBits or only deriveKey. */
async function ecdhShared(privateKey: CryptoKey, publicKey: CryptoKey): Promise<Uint8Array> {
  if (privateKey.usages.includes('deriveBits')) {
    return new Uint8Array(await subtle().deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256));
  }
  // deriveKey only: derive an extractable HMAC key of 256 bits, whose raw bytes are the shared secret.
  const k = await subtle().deriveKey(
    { name: 'ECDH', public: publicKey },
    privateKey,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    true,
    ['sign'],
  );
  return new Uint8Array(await subtle().exportKey('raw', k));
}

async function encryptWith(
  header: object,
  key: CryptoKey,
  iv: Uint8Array<ArrayBuffer>,
  plain: Uint8Array,
): Promise<Uint8Array> {
  const headerJson = JSON.stringify(header);
  const cipher = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(headerJson), tagLength: 128 },
    key,
    copy(plain),
  );
  return assemble(headerJson, toB64url(new Uint8Array(cipher)));
}

function copy(u: Uint8Array): Uint8Array<ArrayBuffer> {
  if (u.buffer instanceof ArrayBuffer) return u as Uint8Array<ArrayBuffer>;
  const c = new Uint8Array(u.length);
  c.set(u);
  return c;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i]! ^ b[i]!;
  return d === 0;
}

// ---------------------------------------------------------------------------------------------------------
// base64url (unpadded, canonical: crypto/base64url.ts) and CRC-32

export function toB64url(bytes: Uint8Array): string {
  return toBase64Url(bytes);
}

/** Strict: only the base64url alphabet, no padding, and unused trailing bits must be zero. */
export function fromB64url(s: string): Uint8Array<ArrayBuffer> {
  const out = fromBase64Url(s);
  if (!out) throw new EnvelopeError('malformed', 'The file is damaged.');
  return out;
}

let CRC_TABLE: Uint32Array | undefined;
export function crc32(bytes: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
