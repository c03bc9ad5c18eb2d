/**
 * The shared strict base64url (crypto/base64url.ts) against the hand-written codec it replaced (kept here as
 * the reference): the same text for any bytes, and the same bytes — or the same refusal — for any text, on
 * the btoa/atob path and, where the engine has it, the native Uint8Array.fromBase64/toBase64 path. And files
 * made by the code before the change (tests/unit/fixtures/envelope-v1, written with the hand-written codec)
 * still open: the format did not change.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { NATIVE_BASE64, fromBase64Url, toBase64Url } from '../../src/crypto/base64url';
import { EnvelopeError, openEnvelope, sealPlain } from '../../src/crypto/envelope';
import { readBackup } from '../../src/backup/file';

// ---- the reference: the envelope's hand-written codec before native base64 -------------------------------
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Uint8Array(256).fill(255);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;
function refEncode(bytes: Uint8Array): string {
  let s = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    s += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + ALPHABET[(n >>> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    s += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    s += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + ALPHABET[(n >>> 6) & 63]!;
  }
  return s;
}
function refDecode(s: string): Uint8Array | undefined {
  const rem = s.length % 4;
  if (rem === 1) return undefined;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let o = 0;
  let i = 0;
  const val = (k: number) => (s.charCodeAt(k) > 0xff ? 255 : VALUE[s.charCodeAt(k)]!);
  for (let k = 0; k < s.length; k++) if (val(k) === 255) return undefined;
  for (; i + 3 < s.length; i += 4) {
    const n = (val(i) << 18) | (val(i + 1) << 12) | (val(i + 2) << 6) | val(i + 3);
    out[o++] = n >>> 16;
    out[o++] = (n >>> 8) & 255;
    out[o++] = n & 255;
  }
  if (rem === 2) {
    if (val(i + 1) & 15) return undefined;
    out[o++] = (val(i) << 2) | (val(i + 1) >>> 4);
  } else if (rem === 3) {
    if (val(i + 2) & 3) return undefined;
    out[o++] = (val(i) << 2) | (val(i + 1) >>> 4);
    out[o++] = ((val(i + 1) & 15) << 4) | (val(i + 2) >>> 2);
  }
  return out;
}
// ------------------------------------------------------------------------------------------------------------

const paths = NATIVE_BASE64 ? [false, true] : [false];
/** Valid base64url texts, then changed: a character replaced (by anything, '=', '+', '/', whitespace, non-ASCII), inserted or removed. */
const texts = fc.oneof(
  fc.uint8Array({ maxLength: 200 }).map(refEncode),
  fc
    .tuple(fc.uint8Array({ minLength: 1, maxLength: 200 }).map(refEncode), fc.nat(), fc.constantFrom('=', '+', '/', ' ', '\n', '\t', 'é', '\u0100', '€', 'A', 'B', 'Q', 'g', '_', '-', '=='))
    .chain(([s, at, c]) =>
      fc.constantFrom(
        s.slice(0, at % s.length) + c + s.slice((at % s.length) + 1),
        s.slice(0, at % (s.length + 1)) + c + s.slice(at % (s.length + 1)),
        s.slice(0, at % s.length) + s.slice((at % s.length) + 1),
        s + c,
      ),
    ),
  fc.string({ maxLength: 40 }),
);

describe.each(paths)('base64url, native %s', (native) => {
  it('encodes any bytes as the hand-written codec did', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => toBase64Url(bytes, native) === refEncode(bytes)), { numRuns: 500 });
    const big = new Uint8Array(200_003).map((_, i) => (i * 31) ^ (i >> 8));
    expect(toBase64Url(big, native)).toBe(refEncode(big));
  });

  it('decodes any text to the same bytes, or refuses it, exactly as the hand-written codec did', () => {
    fc.assert(
      fc.property(texts, (s) => {
        const got = fromBase64Url(s, native);
        const want = refDecode(s);
        expect(got === undefined ? undefined : [...got]).toEqual(want === undefined ? undefined : [...want]);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses padding, whitespace, the other alphabet and non-canonical trailing bits', () => {
    for (const bad of ['QQ==', 'QQ=', 'Q Q', 'QQ\n', ' QQ', 'a+b/', 'QR', 'QUF', 'Q', 'QUJD\r\n', 'QUJDé']) expect(fromBase64Url(bad, native)).toBeUndefined();
    expect([...fromBase64Url('QQ', native)!]).toEqual([65]);
    expect([...fromBase64Url('QUE', native)!]).toEqual([65, 65]);
    expect(fromBase64Url('', native)?.length).toBe(0);
  });
});

describe('files made before native base64 still open (fixtures written by the hand-written codec)', () => {
  const dir = 'tests/unit/fixtures/envelope-v1/';
  const file = (name: string) => new Uint8Array(readFileSync(dir + name));
  const text = (n: number) => new TextEncoder().encode('Groundwork fixture ✓ — rain on the roof. '.repeat(3).slice(0, n));

  it.each([30, 31, 32])('plain and passphrase envelopes (%i characters)', async (n) => {
    expect(await openEnvelope(file(`plain-${n}.envelope`), 'groundwork-report', null)).toEqual(text(n));
    expect(await openEnvelope(file(`passphrase-${n}.envelope`), 'groundwork-report', { passphrase: 'a long walk by the sea' }, { minIterations: 1000 })).toEqual(text(n));
    // Sealing the same content now gives the same body as then (the header's salt and IV differ each time).
    const then = file(`plain-${n}.envelope`);
    expect(sealPlain(text(n), 'groundwork-report')).toEqual(then);
  });

  it('a public-key envelope', async () => {
    const jwk = JSON.parse(readFileSync(dir + 'public-key.private.jwk.json', 'utf8')) as JsonWebKey;
    const privateKey = await crypto.subtle.importKey('jwk', jwk, { name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
    expect(await openEnvelope(file('public-key.envelope'), 'groundwork-report', { privateKey })).toEqual(text(31));
  });

  it('backups, plain and with a passphrase (PBKDF2 600,000), give the same document', async () => {
    const plain = await readBackup(file('backup.plain.json'), null);
    const sealed = await readBackup(file('backup.passphrase.json'), 'a long walk by the sea');
    expect(sealed).toEqual(plain);
    expect(plain.stores.get('entries')?.map((e) => e['id'])).toEqual(['a-e1', 'a-e2', 'a-e3']);
    const voice = plain.stores.get('media')![0]!['chunks'] as Blob[];
    expect([...new Uint8Array(await voice[0]!.arrayBuffer())]).toEqual([0x1a, 0x45, 0xdf, 0xa3, 0, 255, 128]);
  }, 20_000);

  it('a fixture with one body character changed is refused as damaged', async () => {
    const bytes = file('plain-31.envelope');
    bytes[bytes.length - 5] = bytes[bytes.length - 5] === 0x41 ? 0x42 : 0x41;
    await expect(openEnvelope(bytes, 'groundwork-report', null)).rejects.toBeInstanceOf(EnvelopeError);
  });
});
