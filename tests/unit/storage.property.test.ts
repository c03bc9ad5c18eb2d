/**
 * Property (issue 13, Checks): any text a person can write — any Unicode, lone surrogates and right-to-left
 * marks included, up to the size limit (several MB) — goes through the journal editor's storage path
 * (the draft writer, the drafts store, the entry) and comes back identical, code unit for code unit.
 * Seeded, so a failure names the seed and the case and can be replayed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshIndexedDB } from './fixtures/idb';
import { getDb } from '../../src/storage/db';
import { draftsRepo } from '../../src/storage/drafts';
import { draftWriter } from '../../src/storage/draft-writer';
import { entriesRepo } from '../../src/storage/entries';
import { pendingWrites, rescuePending, RESCUE_KEY } from '../../src/storage/pending';
import { TEXT_MAX_CHARS } from '../../src/storage/limits';

const SEED = Number(process.env['PROPERTY_SEED'] ?? 0x5eed1e55);

/** mulberry32: small, fast, good enough to pick characters. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Code-unit generators, each a kind of text people (or their keyboards and pastes) produce. */
const KINDS: ((r: () => number) => number[])[] = [
  (r) => [0x20 + Math.floor(r() * 95)], // ASCII
  () => [0x0a], // newline
  () => [0x0d, 0x0a], // CRLF
  () => [0x09], // tab
  (r) => [0x00c0 + Math.floor(r() * 0x180)], // Latin accents
  (r) => [0x05d0 + Math.floor(r() * 27)], // Hebrew
  (r) => [0x0621 + Math.floor(r() * 42)], // Arabic
  (r) => [[0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x061c][Math.floor(r() * 12)]!], // bidi marks
  (r) => [0x0300 + Math.floor(r() * 0x70)], // combining marks
  (r) => [0x4e00 + Math.floor(r() * 0x5000)], // CJK
  (r) => {
    const cp = 0x1f300 + Math.floor(r() * 0x600); // emoji: a surrogate pair
    return [0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff)];
  },
  (r) => [0xd800 + Math.floor(r() * 0x400)], // lone high surrogate
  (r) => [0xdc00 + Math.floor(r() * 0x400)], // lone low surrogate
  (r) => [[0x0000, 0xfeff, 0xfffe, 0xffff, 0x200b, 0x200d, 0x00a0, 0x2028, 0x2029][Math.floor(r() * 9)]!], // odd ones
];

function randomText(r: () => number, length: number): string {
  const units: number[] = [];
  while (units.length < length) units.push(...KINDS[Math.floor(r() * KINDS.length)]!(r));
  units.length = length; // may cut a pair in half: a lone surrogate, which must survive too
  let out = '';
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.slice(i, i + 8192));
  return out;
}

/** Sizes: mostly short, some long, and the limit itself (≈ 4 MB as UTF-16). */
function sizes(r: () => number): number[] {
  const out = [0, 1, 2, TEXT_MAX_CHARS];
  for (let i = 0; i < 40; i++) out.push(Math.floor(r() * 300));
  for (let i = 0; i < 6; i++) out.push(Math.floor(r() * 20_000));
  for (let i = 0; i < 3; i++) out.push(100_000 + Math.floor(r() * 900_000));
  return out;
}

let store: Map<string, string>;
beforeEach(() => {
  freshIndexedDB();
  store = new Map();
  (globalThis as { sessionStorage?: unknown }).sessionStorage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  };
});
afterEach(async () => {
  delete (globalThis as { sessionStorage?: unknown }).sessionStorage;
  (await getDb()).close();
});

describe(`random texts through the editor's storage path (seed ${SEED})`, () => {
  it('come back identical from the draft, from the entry, and from the rescue copy', async () => {
    const r = prng(SEED);
    const drafts = draftsRepo();
    const entries = entriesRepo();
    const cases = sizes(r);
    for (const [i, size] of cases.entries()) {
      const body = randomText(r, size);
      const title = randomText(r, Math.floor(r() * 80));
      const where = `case ${i} (length ${size}, seed ${SEED})`;

      // The editor: every keystroke goes to the draft writer; then the screen is opened again.
      const writer = draftWriter(drafts, 'journal:new');
      writer.change({ title, body });
      await writer.flush();
      expect(pendingWrites.has('drafts:journal:new'), where).toBe(false); // on disk, not only in memory
      const draft = await drafts.get('journal:new');
      expect(draft?.fields['body'] === body, where).toBe(true);
      expect(draft?.fields['title'] === title, where).toBe(true);

      // Save: the entry holds the same text.
      const entry = await entries.create({ kind: 'free', title, body, complete: true });
      const back = await entries.get(entry.id);
      expect(back?.body === body && back.title === title, where).toBe(true);
      await drafts.remove('journal:new');

      // Last resort (a newer version took the database): the rescue copy in sessionStorage, read back
      // by the next load of the tab, is identical too. Short texts only: sessionStorage holds ~5 MB.
      if (size <= 20_000) {
        pendingWrites.set('drafts:rescue-check', () => ({ title, body }));
        rescuePending();
        pendingWrites.clear(); // the page reloads: memory is gone, sessionStorage is not
        const rescued = pendingWrites.get<{ title: string; body: string }>('drafts:rescue-check');
        expect(rescued?.body === body && rescued.title === title, where).toBe(true);
        pendingWrites.delete('drafts:rescue-check');
        expect(store.has(RESCUE_KEY), where).toBe(false);
      }
    }
  }, 20_000);
});
