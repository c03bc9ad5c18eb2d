/**
 * The journal reads a page at a time (issue 14): newest first, page boundaries exact even when entries share
 * a timestamp, deleted entries skipped, damaged records reported and skipped — never thrown. And search scans
 * the store in batches (the worker's scan, shared with the main-thread fallback) with `matchesQuery`'s rules.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unwrap } from 'idb';
import { freshIndexedDB, rawPut, recordProblems } from './fixtures/idb';
import { getDb } from '../../src/storage/db';
import { entriesRepo, type NewEntry } from '../../src/storage/entries';
import { entryReadsRepo, type EntryPage, type PageCursor } from '../../src/storage/entry-reads';
import { matchesQuery } from '../../src/storage/search';
import { buildIndex, searchIndex, SCAN_BATCH, type ScanProgress } from '../../src/storage/search-scan';
import type { Entry } from '../../src/storage/schema';
import type { StorageProblem } from '../../src/storage/problems';

let clock: number;
let problems: StorageProblem[];
let stop: () => void;

beforeEach(() => {
  freshIndexedDB();
  clock = Date.UTC(2026, 10, 24, 9, 0, 0);
  ({ problems, stop } = recordProblems());
});
afterEach(async () => {
  stop();
  (await getDb()).close();
});

const repo = () => entriesRepo(getDb, () => clock);
const reads = () => entryReadsRepo(getDb);
const note = (over: Partial<NewEntry> = {}): NewEntry => ({ kind: 'free', title: 'A note', body: 'words', complete: true, ...over });

/** Every page, following `next`, with `limit` per page. */
async function allPages(limit: number): Promise<EntryPage[]> {
  const pages: EntryPage[] = [];
  let before: PageCursor | undefined;
  do {
    const page = await reads().page({ before, limit });
    pages.push(page);
    before = page.next;
  } while (before && pages.length < 100);
  return pages;
}

async function seed(n: number, at: (i: number) => number, over: (i: number) => Partial<NewEntry> = () => ({})): Promise<Entry[]> {
  const out: Entry[] = [];
  for (let i = 0; i < n; i++) out.push(await repo().create(note({ title: `note ${i}`, createdAt: at(i), ...over(i) })));
  return out;
}

describe('entries.page (the journal a page at a time)', () => {
  it('reads newest first, a page at a time, and says when nothing older is left', async () => {
    const made = await seed(7, (i) => clock - (7 - i) * 60_000);
    const pages = await allPages(3);
    expect(pages.map((p) => p.entries.map((e) => e.title))).toEqual([
      ['note 6', 'note 5', 'note 4'],
      ['note 3', 'note 2', 'note 1'],
      ['note 0'],
    ]);
    expect(pages.at(-1)!.next).toBeUndefined();
    expect(made).toHaveLength(7);
  });

  it('a journal that fits on one page has no next page (no "Show older entries")', async () => {
    await seed(3, (i) => clock + i);
    const page = await reads().page({ limit: 3 });
    expect(page.entries).toHaveLength(3);
    expect(page.next).toBeUndefined();
  });

  it('entries with the same timestamp are neither repeated nor lost across page boundaries', async () => {
    // 10 entries written in the same millisecond (an import), between older and newer ones.
    const same = clock;
    await seed(10, () => same);
    await seed(2, (i) => same - 1000 - i);
    await seed(2, (i) => same + 1000 + i);
    for (const limit of [1, 3, 4, 7]) {
      const seen = (await allPages(limit)).flatMap((p) => p.entries);
      expect(seen).toHaveLength(14);
      expect(new Set(seen.map((e) => e.id)).size).toBe(14);
      const order = seen.map((e) => [e.createdAt, e.id] as const);
      for (let i = 1; i < order.length; i++) {
        const [a, b] = [order[i - 1]!, order[i]!];
        expect(a[0] > b[0] || (a[0] === b[0] && a[1] > b[1])).toBe(true);
      }
    }
  });

  it('leaves out deleted entries and still fills the page', async () => {
    const made = await seed(8, (i) => clock + i * 1000);
    for (const e of made.filter((_, i) => i % 2 === 1)) await repo().remove(e.id);
    const pages = await allPages(3);
    expect(pages.flatMap((p) => p.entries.map((e) => e.title))).toEqual(['note 6', 'note 4', 'note 2', 'note 0']);
    expect(pages[0]!.entries).toHaveLength(3);
  });

  it('reports a damaged record and skips it instead of throwing', async () => {
    await seed(4, (i) => clock + i * 1000);
    const raw = unwrap(await getDb()) as unknown as IDBDatabase;
    await rawPut(raw, { entries: [{ id: 'broken', kind: 'free', createdAt: clock + 1500, updatedAt: clock, title: 7, complete: true }] });
    const pages = await allPages(2);
    expect(pages.flatMap((p) => p.entries.map((e) => e.title))).toEqual(['note 3', 'note 2', 'note 1', 'note 0']);
    expect(problems).toContainEqual({ kind: 'invalid-records', count: 1 });
  });

  it('getMany keeps the order asked for and leaves out missing and deleted entries', async () => {
    const [a, b, c] = await seed(3, (i) => clock + i);
    await repo().remove(b!.id);
    const got = await reads().getMany([c!.id, 'nope', b!.id, a!.id]);
    expect(got.map((e) => e.id)).toEqual([c!.id, a!.id]);
  });
});

describe('search scan (worker and main-thread fallback)', () => {
  it('finds what matchesQuery finds, in any field, newest first, without deleted entries', async () => {
    const made = await seed(12, (i) => clock + i * 1000, (i) => ({
      title: i === 3 ? 'Lighthouse walk' : `note ${i}`,
      body: i === 8 ? 'the lighthouse again' : 'words',
      ...(i === 10 ? { kind: 'session', moduleId: 'five-senses', data: { see: { text: 'a LIGHTHOUSE, far off' } } } : {}),
    }));
    await repo().remove(made[5]!.id);
    const index = (await buildIndex(unwrap(await getDb()) as unknown as IDBDatabase))!;
    const ids = searchIndex(index, 'líghthouse');
    expect(ids).toEqual([made[10]!.id, made[8]!.id, made[3]!.id]);
    const expected = made.filter((e, i) => i !== 5 && matchesQuery(e, 'líghthouse')).map((e) => e.id).reverse();
    expect(ids).toEqual(expected);
    // Field names are not what the person wrote.
    expect(searchIndex(index, 'see')).toEqual([]);
  });

  it('scans in batches with progress, and can be cancelled between batches', async () => {
    const raw = unwrap(await getDb()) as unknown as IDBDatabase;
    const n = SCAN_BATCH * 2 + 10;
    const records = Array.from({ length: n }, (_, i) => ({
      id: `e${String(i).padStart(5, '0')}`, kind: 'free', createdAt: clock + i, updatedAt: clock + i, title: i === 3 ? 'needle' : 't', body: 'b', complete: true,
    }));
    await rawPut(raw, { entries: [...records, { id: 'zz-broken', kind: 'free', createdAt: 1, updatedAt: 1 }] });
    const seen: ScanProgress[] = [];
    const index = (await buildIndex(raw, (p) => seen.push(p)))!;
    expect(seen.map((p) => p.scanned)).toEqual([SCAN_BATCH, SCAN_BATCH * 2, n + 1]);
    expect(seen.at(-1)!.total).toBe(n + 1);
    expect(index.unreadable).toEqual(['zz-broken']);
    expect(searchIndex(index, 'needle')).toEqual(['e00003']);
    let batches = 0;
    expect(await buildIndex(raw, () => batches++, () => batches >= 1)).toBeUndefined();
    expect(batches).toBe(1);
  });

  it('the main-thread fallback answers with ids, and a cancelled search answers nothing', async () => {
    const made = await seed(4, (i) => clock + i, (i) => ({ body: i % 2 ? 'rain on the roof' : 'sun' }));
    expect(await reads().searchIds('RAIN')).toEqual([made[3]!.id, made[1]!.id]);
    const abort = new AbortController();
    abort.abort();
    expect(await reads().searchIds('rain', { signal: abort.signal })).toBeUndefined();
  });
});

describe('entries.recentSessions (Today\'s ranking reads only what it needs)', () => {
  it('returns the newest sessions first, across time windows, without free or deleted entries', async () => {
    const DAY = 86_400_000;
    // Sessions every 3 days for a year, free entries in between; one deleted session; one damaged.
    const made: Entry[] = [];
    for (let i = 0; i < 120; i++) {
      made.push(await repo().create(note({ kind: 'session', moduleId: 'five-senses', title: `s${i}`, createdAt: clock - i * 3 * DAY })));
      await repo().create(note({ title: `f${i}`, createdAt: clock - i * 3 * DAY - DAY }));
    }
    await repo().remove(made[1]!.id);
    const raw = unwrap(await getDb()) as unknown as IDBDatabase;
    await rawPut(raw, { entries: [{ id: 'bad', kind: 'session', createdAt: clock - 2 * DAY, updatedAt: clock, complete: 'yes' }] });

    const recent = await repo().recentSessions(50);
    expect(recent).toHaveLength(50);
    expect(recent.map((e) => e.title)).toEqual(made.filter((_, i) => i !== 1).slice(0, 50).map((e) => e.title));
    expect(problems).toContainEqual({ kind: 'invalid-records', count: 1 });
    // Asking for more than there are returns them all (the same set listSessions reads).
    const all = await repo().recentSessions(1000);
    expect(all).toHaveLength(119);
    expect(new Set(all.map((e) => e.id))).toEqual(new Set((await reads().listSessions()).map((e) => e.id)));
  });

  it('an empty journal has no sessions', async () => {
    expect(await repo().recentSessions()).toEqual([]);
  });
});
