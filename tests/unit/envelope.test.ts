/**
 * The encrypted file format shared by reports and backups (CONTRACTS B): round trips in every mode,
 * wrong passphrase and wrong key told apart from a damaged file, and 1,000 mutated files per mode all
 * refused with an EnvelopeError (never another exception, never wrong content).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  EnvelopeError,
  PBKDF2_ITERATIONS,
  crc32,
  fromB64url,
  inspectEnvelope,
  openEnvelope,
  sealPlain,
  sealToPublicKey,
  sealWithPassphrase,
  toB64url,
  type EnvelopeKind,
  type EnvelopeSecret,
} from '../../src/crypto/envelope';

const FAST = { iterations: 1000 };
const FAST_OPEN = { minIterations: 1000 };
const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

async function keyPair(usages: KeyUsage[] = ['deriveBits']): Promise<CryptoKeyPair> {
  return (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, usages)) as CryptoKeyPair;
}
async function publicJwk(pair: CryptoKeyPair): Promise<JsonWebKey> {
  return crypto.subtle.exportKey('jwk', pair.publicKey);
}

async function reason(p: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof EnvelopeError) return e.reason;
    throw e;
  }
  return 'opened';
}

function headerOf(bytes: Uint8Array): Record<string, unknown> {
  return JSON.parse(dec(bytes.subarray(0, bytes.indexOf(0x0a))));
}
function withHeader(bytes: Uint8Array, header: unknown): Uint8Array {
  const body = bytes.subarray(bytes.indexOf(0x0a));
  const head = enc(JSON.stringify(header));
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

describe('envelope defaults', () => {
  it('production passphrase envelopes use at least 600,000 PBKDF2 iterations', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const sealed = await sealWithPassphrase(enc('x'), 'correct horse', 'groundwork-report');
    const kdf = headerOf(sealed)['kdf'] as { iterations: number; salt: string };
    expect(kdf.iterations).toBeGreaterThanOrEqual(600_000);
    // And the reader refuses a file that asks for fewer, unless a test lowers the floor.
    const weak = await sealWithPassphrase(enc('x'), 'correct horse', 'groundwork-report', FAST);
    expect(await reason(openEnvelope(weak, 'groundwork-report', { passphrase: 'correct horse' }))).toBe('malformed');
  });

  it('salt and IV are fresh for every file', async () => {
    const a = headerOf(await sealWithPassphrase(enc('same'), 'pw', 'groundwork-report', FAST));
    const b = headerOf(await sealWithPassphrase(enc('same'), 'pw', 'groundwork-report', FAST));
    expect(a['kdf']).not.toEqual(b['kdf']);
    expect(a['cipher']).not.toEqual(b['cipher']);
  });
});

describe('round trips', () => {
  const texts = ['', 'hello', 'Ünïcödé — שלום — 🙂', 'x'.repeat(100_003)];

  it('passphrase', async () => {
    for (const t of texts) {
      const sealed = await sealWithPassphrase(enc(t), 'a long passphrase', 'groundwork-report', FAST);
      expect(inspectEnvelope(sealed)).toEqual({ kind: 'groundwork-report', version: 1, mode: 'passphrase' });
      expect(dec(await openEnvelope(sealed, 'groundwork-report', { passphrase: 'a long passphrase' }, FAST_OPEN))).toBe(t);
    }
  });

  it('a passphrase typed with composed or decomposed accents opens the same file', async () => {
    const sealed = await sealWithPassphrase(enc('ok'), 'café', 'groundwork-report', FAST);
    const out = await openEnvelope(sealed, 'groundwork-report', { passphrase: 'cafe\u0301' }, FAST_OPEN);
    expect(dec(out)).toBe('ok');
  });

  it('public key (deriveBits or deriveKey private keys)', async () => {
    for (const usages of [['deriveBits'], ['deriveKey']] as KeyUsage[][]) {
      const pair = await keyPair(usages);
      for (const t of texts) {
        const sealed = await sealToPublicKey(enc(t), await publicJwk(pair), 'groundwork-backup');
        expect(inspectEnvelope(sealed)).toEqual({ kind: 'groundwork-backup', version: 1, mode: 'public-key' });
        expect(dec(await openEnvelope(sealed, 'groundwork-backup', { privateKey: pair.privateKey }))).toBe(t);
      }
    }
  });

  it('plain', async () => {
    for (const t of texts) {
      const sealed = sealPlain(enc(t), 'groundwork-report');
      expect(inspectEnvelope(sealed).mode).toBe('plain');
      expect(dec(await openEnvelope(sealed, 'groundwork-report', null))).toBe(t);
    }
  });

  it('the file starts with a readable header line', async () => {
    const sealed = await sealWithPassphrase(enc('secret words'), 'pw', 'groundwork-report', FAST);
    const text = dec(sealed);
    expect(text.startsWith('{"groundwork":"envelope","v":1,"kind":"groundwork-report","mode":"passphrase"')).toBe(true);
    expect(text).not.toContain('secret words');
  });
});

describe('refusals', () => {
  it('a wrong passphrase says wrong-secret', async () => {
    const sealed = await sealWithPassphrase(enc('hi'), 'right one', 'groundwork-report', FAST);
    expect(await reason(openEnvelope(sealed, 'groundwork-report', { passphrase: 'wrong one' }, FAST_OPEN))).toBe(
      'wrong-secret',
    );
  });

  it('a wrong key says wrong-secret', async () => {
    const right = await keyPair();
    const other = await keyPair();
    const sealed = await sealToPublicKey(enc('hi'), await publicJwk(right), 'groundwork-report');
    expect(await reason(openEnvelope(sealed, 'groundwork-report', { privateKey: other.privateKey }))).toBe('wrong-secret');
  });

  it('a key of the wrong type says wrong-secret', async () => {
    const right = await keyPair();
    const signing = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
    ])) as CryptoKeyPair;
    const sealed = await sealToPublicKey(enc('hi'), await publicJwk(right), 'groundwork-report');
    expect(await reason(openEnvelope(sealed, 'groundwork-report', { privateKey: signing.privateKey }))).toBe('wrong-secret');
  });

  it('the secret must fit the mode', async () => {
    const pair = await keyPair();
    const byPass = await sealWithPassphrase(enc('hi'), 'pw', 'groundwork-report', FAST);
    const byKey = await sealToPublicKey(enc('hi'), await publicJwk(pair), 'groundwork-report');
    expect(await reason(openEnvelope(byPass, 'groundwork-report', null))).toBe('needs-passphrase');
    expect(await reason(openEnvelope(byPass, 'groundwork-report', { passphrase: '' }))).toBe('needs-passphrase');
    expect(await reason(openEnvelope(byPass, 'groundwork-report', { privateKey: pair.privateKey }))).toBe('needs-passphrase');
    expect(await reason(openEnvelope(byKey, 'groundwork-report', null))).toBe('needs-key');
    expect(await reason(openEnvelope(byKey, 'groundwork-report', { passphrase: 'pw' }))).toBe('needs-key');
  });

  it('sealing refuses an empty passphrase and a recipient key that is not P-256 ECDH', async () => {
    expect(await reason(sealWithPassphrase(enc('hi'), '', 'groundwork-report', FAST))).toBe('needs-passphrase');
    expect(await reason(sealToPublicKey(enc('hi'), { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' }, 'groundwork-report'))).toBe(
      'needs-key',
    );
  });

  it('a tampered header is refused (bound as additional data)', async () => {
    const sealed = await sealWithPassphrase(enc('hi'), 'pw', 'groundwork-report', FAST);
    const h = headerOf(sealed) as { kdf: { iterations: number }; cipher: { iv: string } };
    // Same shape, other values: more iterations, another IV. The check value still matches for the
    // iteration change? No: iterations change the derived bits, so that reads as a wrong secret; the IV
    // change keeps the key and must fail on the tag.
    const moreIterations = withHeader(sealed, { ...h, kdf: { ...h.kdf, iterations: 1001 } });
    expect(await reason(openEnvelope(moreIterations, 'groundwork-report', { passphrase: 'pw' }, FAST_OPEN))).toMatch(
      /wrong-secret|malformed/,
    );
    const iv = fromB64url(h.cipher.iv);
    iv[0] = iv[0]! ^ 1;
    const otherIv = withHeader(sealed, { ...h, cipher: { ...h.cipher, iv: toB64url(iv) } });
    expect(await reason(openEnvelope(otherIv, 'groundwork-report', { passphrase: 'pw' }, FAST_OPEN))).toBe('malformed');
    // An extra key, or keys in another order, is not the canonical form either.
    const extra = withHeader(sealed, { ...h, note: 'hi' });
    expect(await reason(openEnvelope(extra, 'groundwork-report', { passphrase: 'pw' }, FAST_OPEN))).toBe('malformed');
    const { groundwork, ...rest } = h as Record<string, unknown>;
    const reordered = withHeader(sealed, { ...rest, groundwork });
    expect(await reason(openEnvelope(reordered, 'groundwork-report', { passphrase: 'pw' }, FAST_OPEN))).toBe('malformed');
    // Whitespace in the header parses the same but is not the canonical form.
    const spaced = enc(dec(sealed).replace('"v":1', '"v": 1'));
    expect(await reason(openEnvelope(spaced, 'groundwork-report', { passphrase: 'pw' }, FAST_OPEN))).toBe('malformed');
  });

  it('tampered ciphertext is refused as damaged, not as a wrong passphrase', async () => {
    const sealed = await sealWithPassphrase(enc('some words to protect'), 'pw', 'groundwork-report', FAST);
    const copy = sealed.slice();
    const i = copy.indexOf(0x0a) + 5;
    copy[i] = copy[i] === 0x41 ? 0x42 : 0x41;
    expect(await reason(openEnvelope(copy, 'groundwork-report', { passphrase: 'pw' }, FAST_OPEN))).toBe('malformed');
  });

  it('truncation is refused in every mode', async () => {
    const pair = await keyPair();
    const files: [Uint8Array, EnvelopeSecret][] = [
      [await sealWithPassphrase(enc('words '.repeat(20)), 'pw', 'groundwork-report', FAST), { passphrase: 'pw' }],
      [await sealToPublicKey(enc('words '.repeat(20)), await publicJwk(pair), 'groundwork-report'), { privateKey: pair.privateKey }],
      [sealPlain(enc('words '.repeat(20)), 'groundwork-report'), null],
    ];
    for (const [file, secret] of files) {
      for (const cut of [0, 1, 10, file.indexOf(0x0a), file.indexOf(0x0a) + 1, file.length - 1, file.length - 4]) {
        const r = await reason(openEnvelope(file.subarray(0, cut), 'groundwork-report', secret, FAST_OPEN));
        expect(r, `cut at ${cut}`).toBe('malformed');
      }
    }
  });

  it('a file of the other kind says wrong-kind', async () => {
    const backup = await sealWithPassphrase(enc('hi'), 'pw', 'groundwork-backup', FAST);
    expect(await reason(openEnvelope(backup, 'groundwork-report', { passphrase: 'pw' }, FAST_OPEN))).toBe('wrong-kind');
    expect(await reason(openEnvelope(sealPlain(enc('x'), 'groundwork-report'), 'groundwork-backup', null))).toBe('wrong-kind');
  });

  it('a newer format version says unsupported-version', async () => {
    const sealed = sealPlain(enc('hi'), 'groundwork-report');
    const v2 = withHeader(sealed, { ...headerOf(sealed), v: 2 });
    expect(await reason(() => inspectEnvelope(v2))).toBe('unsupported-version');
    expect(await reason(openEnvelope(v2, 'groundwork-report', null))).toBe('unsupported-version');
  });

  it('things that are not envelopes are malformed', async () => {
    for (const s of ['', 'hello', '{}\n', '{"groundwork":"envelope"}\nAAAA', 'null\n', '[1]\n', '\n', '{"groundwork":"envelope","v":"1"}\n']) {
      expect(await reason(openEnvelope(enc(s), 'groundwork-report', null)), s).toBe('malformed');
    }
    expect(await reason(openEnvelope(new Uint8Array(10_000).fill(0x7b), 'groundwork-report', null))).toBe('malformed');
  });

  it('base64url is canonical: a trailing character that decodes the same is refused', () => {
    expect(toB64url(enc('a'))).toBe('YQ');
    expect(() => fromB64url('YR')).toThrow(EnvelopeError);
    expect(() => fromB64url('YQ=')).toThrow(EnvelopeError);
    expect(dec(fromB64url('YWJj'))).toBe('abc');
  });

  it('crc32 matches the standard check value', () => {
    expect(crc32(enc('123456789')).toString(16)).toBe('cbf43926');
  });
});

describe('property: mutated envelopes are always refused with an EnvelopeError', () => {
  type Mutation =
    | { op: 'flip'; at: number; bit: number }
    | { op: 'truncate'; at: number }
    | { op: 'insert'; at: number; byte: number }
    | { op: 'delete'; at: number; count: number }
    | { op: 'overwrite'; at: number; bytes: number[] }
    | { op: 'append'; bytes: number[] };

  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
    fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ op: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 40 }) }),
    fc.record({
      op: fc.constant('overwrite' as const),
      at: fc.nat(),
      bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 12 }),
    }),
    fc.record({ op: fc.constant('append' as const), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }) }),
  );

  function apply(file: Uint8Array, ms: Mutation[]): Uint8Array {
    let b = Array.from(file);
    for (const m of ms) {
      const at = b.length === 0 ? 0 : ('at' in m ? m.at % b.length : 0);
      if (m.op === 'flip' && b.length) b[at] = b[at]! ^ (1 << m.bit);
      else if (m.op === 'truncate') b = b.slice(0, at);
      else if (m.op === 'insert') b.splice(at, 0, m.byte);
      else if (m.op === 'delete') b.splice(at, m.count);
      else if (m.op === 'overwrite') b.splice(at, m.bytes.length, ...m.bytes);
      else if (m.op === 'append') b.push(...m.bytes);
    }
    return Uint8Array.from(b);
  }

  const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

  async function check(file: Uint8Array, kind: EnvelopeKind, secret: EnvelopeSecret, seed: number) {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (ms) => {
        const mutated = apply(file, ms);
        fc.pre(!same(mutated, file));
        try {
          await openEnvelope(mutated, kind, secret, FAST_OPEN);
        } catch (e) {
          if (e instanceof EnvelopeError) return true;
          throw e;
        }
        throw new Error('a mutated envelope opened');
      }),
      { numRuns: 1000, seed },
    );
  }

  const plain = enc(JSON.stringify({ report: 'a few entries', words: 'x'.repeat(300) }));

  it('passphrase', async () => {
    const file = await sealWithPassphrase(plain, 'pw', 'groundwork-report', FAST);
    await check(file, 'groundwork-report', { passphrase: 'pw' }, 1);
  });

  it('public key', async () => {
    const pair = await keyPair();
    const file = await sealToPublicKey(plain, await publicJwk(pair), 'groundwork-report');
    await check(file, 'groundwork-report', { privateKey: pair.privateKey }, 2);
  });

  it('plain', async () => {
    await check(sealPlain(plain, 'groundwork-report'), 'groundwork-report', null, 3);
  });
});
