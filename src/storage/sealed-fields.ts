/**
 * Encryption at rest (issue 17): WHICH fields of each store are sealed, and the sealer itself.
 * Loaded only when the app lock is on (the lock guard) and by the search worker, never on the first screen.
 *
 * A sealed record is `{ ...plainFields, sealed: { v: 1, iv, ct } }`: the fields listed below are taken out,
 * encoded together (JSON, with Blobs such as voice-note chunks carried as bytes) and encrypted with
 * AES-GCM-256 under the data key, with `groundwork:<store>:<id>` as additional data (a sealed record copied
 * under another id or store does not open). Everything else — ids, createdAt, updatedAt, kind, moduleId,
 * deletedAt… — stays plain, so indexes, paging and "which records changed" keep working.
 *
 * HOW A NEW STORE JOINS: add its line to `SEALED` — the fields that hold a person's words, answers or
 * voice, or `[]` when it holds none. The type below lists every store of `GroundworkDB`, so a store added
 * to db.ts without a line here fails the type check. Its repository then writes through
 * `putOne`/`sealRecord` (or `changeSealed` for a read-modify-write) and reads through `openRecord` /
 * `openMany` before parsing (storage/sealing.ts); the re-encryption (storage/at-rest.ts) picks it up by
 * itself from this table. Its migrations must leave a `sealed` field as it is.
 */
import type { GroundworkDB } from './db';
import type { Sealer, StoreName } from './sealer';

/** Every field name of a store's records (of any member, for a store holding a union such as plans). */
type KeysOf<T> = T extends unknown ? keyof T & string : never;
type Fields = { [S in StoreName]: readonly KeysOf<GroundworkDB[S]['value']>[] };

export const SEALED = {
  entries: ['title', 'body', 'data', 'before', 'after'],
  sessions: ['snapshot'],
  drafts: ['fields'],
  settings: [],
  personal: ['orientationPlace', 'orientationStatement', 'safePlace'],
  doses: ['note'],
  quarantine: ['raw', 'words', 'reason'],
  media: ['chunks'],
  safetyPlan: ['sections'],
  // The fear list: the situations in the person's words (with their order and ratings) and their SUDS anchors.
  hierarchy: ['items', 'anchors'],
  // One practice: prediction, situation, ratings, what was learned (itemId, startedAt stay plain: indexes).
  exposures: ['data'],
  // Written exposure: the memory's name and every session (its text, ratings, the self-harm answer).
  writtenExposure: ['name', 'sessions'],
  // Questionnaires: the answers and everything derived from them (score, band, item 9). Which measure was
  // taken and when stay plain (the due rhythm reads them).
  measures: ['answers', 'difficulty', 'total', 'band', 'item9'],
  // Plans being composed in clinician mode (typed on this device). An accepted plan is a clinician's and stays
  // plain, so its crisis contacts and Today's plan still show while the app is locked.
  plans: ['draft'],
  // Clinician keys are CryptoKeys (non-extractable private keys, public keys of clinicians): no words.
  keys: [],
} as const satisfies Fields;

/** The stores the re-encryption walks (those with something to seal). */
export const SEALED_STORES = (Object.keys(SEALED) as StoreName[]).filter((s) => SEALED[s].length > 0);

export interface SealedBox {
  v: 1;
  iv: Uint8Array;
  ct: ArrayBuffer;
}

const enc = new TextEncoder();
const dec = new TextDecoder();
const aad = (store: string, id: unknown) => enc.encode(`groundwork:${store}:${String(id)}`);

interface BlobMark {
  $blob: number;
}

/** JSON for the fields; Blobs (voice-note chunks) as marks whose bytes follow the JSON. */
async function encode(fields: Record<string, unknown>): Promise<Uint8Array<ArrayBuffer>> {
  const blobs: Blob[] = [];
  const json = JSON.stringify(fields, (_k, value: unknown) => (value instanceof Blob ? { $blob: blobs.push(value) - 1 } : value));
  const parts = await Promise.all(blobs.map((b) => b.arrayBuffer()));
  const head = enc.encode(JSON.stringify({ j: json, b: blobs.map((b, i) => [b.type, parts[i]!.byteLength]) }));
  const out = new Uint8Array(4 + head.length + parts.reduce((n, p) => n + p.byteLength, 0));
  new DataView(out.buffer).setUint32(0, head.length);
  out.set(head, 4);
  let at = 4 + head.length;
  for (const p of parts) {
    out.set(new Uint8Array(p), at);
    at += p.byteLength;
  }
  return out;
}

function decode(bytes: Uint8Array): Record<string, unknown> {
  const headLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  const head = JSON.parse(dec.decode(bytes.subarray(4, 4 + headLength))) as { j: string; b: [string, number][] };
  let at = 4 + headLength;
  const blobs = head.b.map(([type, size]) => {
    const blob = new Blob([bytes.slice(at, at + size)], { type });
    at += size;
    return blob;
  });
  return JSON.parse(head.j, (_k, value: unknown) =>
    value && typeof value === 'object' && typeof (value as BlobMark).$blob === 'number' && Object.keys(value).length === 1
      ? blobs[(value as BlobMark).$blob]
      : value,
  ) as Record<string, unknown>;
}

/** The sealer for one data key (AES-GCM-256, non-extractable, only in memory while unlocked). */
export function makeSealer(dataKey: CryptoKey): Sealer {
  return {
    key: dataKey,
    async seal(store, value) {
      const names = SEALED[store] as readonly string[];
      if (!names.length || 'sealed' in value) return value;
      const plain: Record<string, unknown> = {};
      const fields: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        if (names.includes(k)) fields[k] = v;
        else plain[k] = v;
      }
      // Nothing to hide (an accepted plan in the plans store, a personal record with no words yet): as it is.
      if (!Object.keys(fields).length) return value;
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const ct = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: aad(store, plain.id) },
        dataKey,
        await encode(fields),
      );
      const sealed: SealedBox = { v: 1, iv, ct };
      return { ...plain, sealed };
    },
    async open(store, value) {
      const { sealed, ...plain } = value as { sealed: SealedBox; id?: unknown };
      if (sealed?.v !== 1) throw new Error('unknown sealed version');
      const bytes = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: new Uint8Array(sealed.iv), additionalData: aad(store, plain.id) },
        dataKey,
        sealed.ct,
      );
      return { ...plain, ...decode(new Uint8Array(bytes)) };
    },
  };
}

/* The data key: random, AES-GCM-256, wrapped by the lock's record key (crypto/lock-key.ts). Changing the
 * passphrase re-wraps this one key; records are not touched. */

export interface WrappedKey {
  /** base64 of the wrapped key */
  key: string;
  /** base64 of the wrapping IV */
  iv: string;
}

const DATA_KEY = { name: 'AES-GCM', length: 256 } as const;

function b64(bytes: Uint8Array | ArrayBuffer): string {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s);
}
function unb64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Wrap an extractable data key under `recordKey` (or the device's key, crypto/device-key.ts). */
export async function wrapDataKey(dataKey: CryptoKey, recordKey: CryptoKey): Promise<WrappedKey> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await crypto.subtle.wrapKey('raw', dataKey, recordKey, { name: 'AES-GCM', iv });
  return { key: b64(key), iv: b64(iv) };
}

/** Unwrap; `extractable` only for re-wrapping under a new passphrase (the copy kept in memory is not). */
export function unwrapDataKey(wrapped: WrappedKey, recordKey: CryptoKey, extractable = false): Promise<CryptoKey> {
  return crypto.subtle.unwrapKey(
    'raw',
    unb64(wrapped.key),
    recordKey,
    { name: 'AES-GCM', iv: unb64(wrapped.iv) },
    DATA_KEY,
    extractable,
    ['encrypt', 'decrypt'],
  );
}

/** A fresh data key: returned wrapped (to store) and as a non-extractable key (to use). */
export async function newDataKey(recordKey: CryptoKey): Promise<{ wrapped: WrappedKey; dataKey: CryptoKey }> {
  const extractable = await crypto.subtle.generateKey(DATA_KEY, true, ['encrypt', 'decrypt']);
  const wrapped = await wrapDataKey(extractable, recordKey);
  return { wrapped, dataKey: await unwrapDataKey(wrapped, recordKey) };
}

/** The same data key under a new record key (a changed passphrase). */
export async function rewrapDataKey(wrapped: WrappedKey, oldRecordKey: CryptoKey, newRecordKey: CryptoKey): Promise<WrappedKey> {
  return wrapDataKey(await unwrapDataKey(wrapped, oldRecordKey, true), newRecordKey);
}
