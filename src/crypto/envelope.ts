/**
 * TEMPORARY stand-in for the report helper's envelope (CONTRACTS B), written by the backup branch against
 * the agreed signatures only so backup could be built and tested before wt-report committed it. It is to be
 * replaced byte for byte with `git show wt-report:src/crypto/envelope.ts`; nothing else may depend on its
 * internals (header layout, field names).
 */
import * as v from 'valibot';

export type EnvelopeKind = 'groundwork-report' | 'groundwork-backup';
export type EnvelopeMode = 'passphrase' | 'public-key' | 'plain';

export class EnvelopeError extends Error {
  constructor(
    readonly reason: 'malformed' | 'wrong-kind' | 'unsupported-version' | 'wrong-secret' | 'needs-passphrase' | 'needs-key' | 'too-large',
    message = reason,
  ) {
    super(message);
    this.name = 'EnvelopeError';
  }
}

const ITERATIONS = 600_000;
const MAX_BYTES = 512 * 1024 * 1024;

const HeaderSchema = v.object({
  v: v.number(),
  kind: v.picklist(['groundwork-report', 'groundwork-backup']),
  mode: v.picklist(['passphrase', 'public-key', 'plain']),
  kdf: v.optional(v.object({ name: v.literal('PBKDF2-SHA-256'), iterations: v.number(), salt: v.string() })),
  iv: v.optional(v.string()),
  epk: v.optional(v.unknown()),
});
type Header = v.InferOutput<typeof HeaderSchema>;

function b64u(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function unb64u(s: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new EnvelopeError('malformed');
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function pack(header: Header, body: Uint8Array): Uint8Array {
  const head = JSON.stringify(header);
  return new TextEncoder().encode(`{"header":${head},"body":"${b64u(body)}"}`);
}

function unpack(bytes: Uint8Array): { header: Header; headerText: string; body: string } {
  if (bytes.length > MAX_BYTES) throw new EnvelopeError('too-large');
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new EnvelopeError('malformed');
  }
  const outer = v.safeParse(v.object({ header: v.unknown(), body: v.string() }), parsed);
  if (!outer.success) throw new EnvelopeError('malformed');
  const h = v.safeParse(HeaderSchema, outer.output.header);
  if (!h.success) throw new EnvelopeError('malformed');
  if (h.output.v !== 1) throw new EnvelopeError('unsupported-version');
  return { header: h.output, headerText: JSON.stringify(outer.output.header), body: outer.output.body };
}

async function passKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function sealWithPassphrase(plain: Uint8Array, passphrase: string, kind: EnvelopeKind): Promise<Uint8Array> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const header: Header = { v: 1, kind, mode: 'passphrase', kdf: { name: 'PBKDF2-SHA-256', iterations: ITERATIONS, salt: b64u(salt) }, iv: b64u(iv) };
  const key = await passKey(passphrase, salt, ITERATIONS);
  const aad = new TextEncoder().encode(JSON.stringify(header));
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, plain as BufferSource));
  return pack(header, ct);
}

export async function sealToPublicKey(): Promise<Uint8Array> {
  throw new Error('sealToPublicKey: not in the backup branch stand-in');
}

export function sealPlain(plain: Uint8Array, kind: EnvelopeKind): Uint8Array {
  return pack({ v: 1, kind, mode: 'plain' }, plain);
}

export function inspectEnvelope(bytes: Uint8Array): { kind: EnvelopeKind; version: number; mode: EnvelopeMode } {
  const { header } = unpack(bytes);
  return { kind: header.kind, version: header.v, mode: header.mode };
}

export async function openEnvelope(
  bytes: Uint8Array,
  kind: EnvelopeKind,
  secret: { passphrase: string } | { privateKey: CryptoKey } | null,
): Promise<Uint8Array> {
  const { header, headerText, body } = unpack(bytes);
  if (header.kind !== kind) throw new EnvelopeError('wrong-kind');
  const data = unb64u(body);
  if (header.mode === 'plain') return data;
  if (header.mode === 'public-key') throw new EnvelopeError('needs-key');
  if (!secret || !('passphrase' in secret)) throw new EnvelopeError('needs-passphrase');
  if (!header.kdf || !header.iv) throw new EnvelopeError('malformed');
  const key = await passKey(secret.passphrase, unb64u(header.kdf.salt), header.kdf.iterations);
  try {
    const out = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: unb64u(header.iv) as BufferSource, additionalData: new TextEncoder().encode(headerText) },
      key,
      data as BufferSource,
    );
    return new Uint8Array(out);
  } catch {
    throw new EnvelopeError('wrong-secret');
  }
}
