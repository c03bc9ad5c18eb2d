/**
 * Property (issue 17, Checks): 1,000 mutated backup files — bit flips, truncation, values of the wrong type,
 * huge strings, deep nesting, wrong versions, unknown stores — are each refused with a clear BackupError,
 * and the database is byte-for-byte what it was (a full dump, voice notes' bytes included, compared before
 * and after). Each file goes through the whole restore path (read → validate → merge → write), so a file that
 * slipped past validation would show up as a changed dump.
 *
 * Structural mutations are made on the parsed document and sealed again (a correct envelope, as a crafted
 * file would be), so they test the schema and limit checks rather than the envelope's checksum. Bit flips
 * and truncation work on the final file's bytes. Seeded (fast-check); a failure prints the seed and the case.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { freshIndexedDB } from './fixtures/idb';
import { dump, labelOf, sampleRecords, seeded, wording } from './fixtures/backup';
import type { Db } from '../../src/storage/db';
import { exportBackup, sealBackup } from '../../src/backup/export';
import { BackupError, MAX_DEPTH, readBackup, type BackupErrorReason } from '../../src/backup/file';
import { applyRestore } from '../../src/backup/restore';
import { sealPlain } from '../../src/crypto/envelope';
import { TEXT_MAX_CHARS } from '../../src/storage/limits';

const SEED = Number(process.env['PROPERTY_SEED'] ?? 0xbac0);
const REASONS: BackupErrorReason[] = ['not-a-backup', 'a-report', 'damaged', 'newer-version', 'wrong-version', 'unknown-store', 'invalid-record', 'needs-passphrase', 'wrong-passphrase', 'too-large'];

/** Subtrees whose contents are opaque to the app (validated where they are used), so a type change there is legal. */
const OPAQUE = /^stores\.(entries\.\d+\.data|sessions\.\d+\.snapshot|quarantine\.\d+\.raw)(\.|$)/;

let db: Db;
let before: string;
let original: Uint8Array;
let plainDoc: string;
let doc: Record<string, unknown>;
let typedPaths: string[][];

beforeAll(async () => {
  freshIndexedDB();
  const source = await seeded(sampleRecords('src', 1_800_000_000_000));
  const { plain } = await exportBackup({ db: async () => source });
  source.close();
  plainDoc = new TextDecoder().decode(plain);
  doc = JSON.parse(plainDoc);
  original = new Uint8Array(await (await sealBackup(plain, { plain: true })).arrayBuffer());
  // A field that is null is nullable (any value of its type is legal there too): not a place for "wrong type".
  typedPaths = leafPaths(doc).filter((p) => !OPAQUE.test(p.join('.')) && getAt(doc, p) !== null);
  // The device being restored onto has its own, different records.
  freshIndexedDB();
  db = await seeded(sampleRecords('here', 1_700_000_000_000));
  before = await dump(db);
});

function leafPaths(value: unknown, path: string[] = []): string[][] {
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) return [path];
    return [path, ...keys.flatMap((k) => leafPaths((value as Record<string, unknown>)[k], [...path, k]))];
  }
  return [path];
}

function setAt(root: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  if (path.length === 0) return value as Record<string, unknown>;
  const copy = structuredClone(root);
  let node = copy as Record<string, unknown>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

function getAt(root: unknown, path: string[]): unknown {
  return path.reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], root);
}

/** Seal again, as a crafted (not a damaged) file would be. */
async function reseal(d: Record<string, unknown>): Promise<Uint8Array> {
  return sealPlain(new TextEncoder().encode(JSON.stringify(d) ?? 'undefined'), 'groundwork-backup');
}

function typeOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

/** Replacement values of another type. Not null: several fields are nullable (a written session's ratings). */
const OTHER_VALUES: unknown[] = [0, -1, 1.5, 'text', '', true, false, [], {}, ['a'], { a: 1 }];

type Mutation =
  | { kind: 'bit-flips'; flips: [number, number][] }
  | { kind: 'truncate'; at: number }
  | { kind: 'wrong-type'; path: number; value: number }
  | { kind: 'huge-string'; path: number; extra: number }
  | { kind: 'deep-nesting'; path: number; depth: number; arrays: boolean }
  | { kind: 'wrong-version'; version: unknown }
  | { kind: 'unknown-store'; name: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('bit-flips' as const), flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('wrong-type' as const), path: fc.nat(), value: fc.nat() }),
  fc.record({ kind: fc.constant('huge-string' as const), path: fc.nat(), extra: fc.integer({ min: 1, max: 5000 }) }),
  fc.record({ kind: fc.constant('deep-nesting' as const), path: fc.nat(), depth: fc.integer({ min: MAX_DEPTH, max: MAX_DEPTH * 30 }), arrays: fc.boolean() }),
  fc.record({
    kind: fc.constant('wrong-version' as const),
    version: fc.oneof(fc.integer().filter((n) => n !== 1), fc.double().filter((n) => n !== 1), fc.string(), fc.constant(null), fc.constant(undefined), fc.constant([1]), fc.constant({ v: 1 })),
  }),
  fc.record({ kind: fc.constant('unknown-store' as const), name: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !['entries', 'sessions', 'drafts', 'settings', 'personal', 'quarantine', 'doses', 'media', 'safetyPlan', 'writtenExposure', 'hierarchy', 'exposures'].includes(s)) }),
);

async function mutate(m: Mutation): Promise<Uint8Array> {
  switch (m.kind) {
    case 'bit-flips': {
      const out = original.slice();
      for (const [byte, bit] of m.flips) out[byte % out.length]! ^= 1 << bit;
      return out;
    }
    case 'truncate':
      return original.slice(0, m.at % original.length);
    case 'wrong-type': {
      const path = typedPaths[m.path % typedPaths.length]!;
      const current = getAt(doc, path);
      const others = OTHER_VALUES.filter((v) => typeOf(v) !== typeOf(current));
      return reseal(setAt(doc, path, others[m.value % others.length]));
    }
    case 'huge-string': {
      const path = typedPaths[m.path % typedPaths.length]!;
      return reseal(setAt(doc, path, 'x'.repeat(TEXT_MAX_CHARS + m.extra)));
    }
    case 'deep-nesting': {
      const path = typedPaths[m.path % typedPaths.length]!;
      let deep: unknown = 'bottom';
      for (let i = 0; i < m.depth; i++) deep = m.arrays ? [deep] : { d: deep };
      return reseal(setAt(doc, path, deep));
    }
    case 'wrong-version':
      return reseal({ ...doc, version: m.version });
    case 'unknown-store':
      return reseal({ ...doc, stores: { ...(doc['stores'] as object), [m.name]: [] } });
  }
}

function describeMutation(m: Mutation): string {
  if (m.kind === 'wrong-type' || m.kind === 'huge-string' || m.kind === 'deep-nesting') return `${m.kind} at ${typedPaths[m.path % typedPaths.length]!.join('.')}`;
  return JSON.stringify(m);
}

/** The whole restore path a file takes in the app. */
async function restoreFile(bytes: Uint8Array): Promise<void> {
  const contents = await readBackup(bytes, null);
  await applyRestore(contents, { db: async () => db, wording, labelOf });
}

describe('mutated backup files', () => {
  it('1,000 of them: each refused with a clear error, the database byte-for-byte unchanged', async () => {
    const seen = new Map<string, number>();
    let unchangedContent = 0;
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const bytes = await mutate(m);
        const error = await restoreFile(bytes).then(
          () => undefined,
          (e: unknown) => e,
        );
        if (error === undefined && m.kind !== 'bit-flips') console.error('ACCEPTED', describeMutation(m));
        if (error === undefined && m.kind === 'bit-flips') {
          // A flip the format cannot see (e.g. a base64 bit that decodes to nothing) must change nothing the file says.
          const { openEnvelope } = await import('../../src/crypto/envelope');
          expect(new TextDecoder().decode(await openEnvelope(bytes, 'groundwork-backup', null))).toBe(plainDoc);
          unchangedContent++;
          return;
        }
        expect(error, `${describeMutation(m)} was accepted`).toBeInstanceOf(BackupError);
        const e = error as BackupError;
        expect(REASONS).toContain(e.reason);
        expect(e.message.length).toBeGreaterThan(10);
        seen.set(`${m.kind}:${e.reason}`, (seen.get(`${m.kind}:${e.reason}`) ?? 0) + 1);
        expect(await dump(db)).toBe(before);
      }),
      { numRuns: 1000, seed: SEED },
    );
    expect(await dump(db)).toBe(before);
    // Every kind of mutation was tried; "unchanged content" flips stay rare.
    for (const kind of ['bit-flips', 'truncate', 'wrong-type', 'huge-string', 'deep-nesting', 'wrong-version', 'unknown-store']) {
      expect([...seen.keys()].some((k) => k.startsWith(`${kind}:`)), kind).toBe(true);
    }
    expect(unchangedContent).toBeLessThan(20);
  }, 240_000);
});
