/**
 * The fear hierarchy (issue 15; CLINICAL.md §4): edits are pure (add at its SUDS place, change, move up and
 * down, sort by SUDS, set aside and bring back), a place to start near 40 is suggested, only items checked as
 * realistically safe are offered for practice, and the repository keeps every keystroke through the
 * coalescing writer, parses every read, and quarantines a damaged record without ever writing over it
 * unless the person starts a new list.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unwrap } from 'idb';
import { freshIndexedDB, rawGet, rawGetAll, rawPut, recordProblems, until } from './fixtures/idb';
import { openGroundwork, type Db } from '../../src/storage/db';
import { exposureRepo, HIERARCHY_WRITER_KEY, UnreadableHierarchyError } from '../../src/storage/exposure';
import { emptyHierarchy, type ExposureRecord, type Hierarchy } from '../../src/storage/exposure.schema';
import { pendingWrites } from '../../src/storage/pending';
import {
  activeItems,
  addItem,
  afterPractice,
  changeItem,
  hasAnchors,
  moveItem,
  practicable,
  retiredItems,
  retireItem,
  setSafe,
  sortBySuds,
  suggestedStart,
  unretireItem,
} from '../../src/modules/exposure/hierarchy';
import type { StorageProblem } from '../../src/storage/problems';
import { emptyInVivoData } from '../../src/modules/exposure/in-vivo/machine';

let problems: StorageProblem[];
let stop: () => void;
const opened: Db[] = [];
beforeEach(() => {
  freshIndexedDB();
  ({ problems, stop } = recordProblems());
});
afterEach(() => {
  stop();
  for (const db of opened.splice(0)) db.close();
});
async function open(): Promise<Db> {
  const db = await openGroundwork();
  opened.push(db);
  return db;
}

function list(...items: [string, number][]): Hierarchy {
  return items.reduce((h, [text, suds], i) => addItem(h, { id: `i${i}`, text, suds, createdAt: i }), emptyHierarchy());
}
const texts = (h: Hierarchy) => h.items.map((i) => i.text);

describe('hierarchy edits (pure)', () => {
  it('a new item goes in at its SUDS place; starts not yet practised and not yet checked', () => {
    const h = list(['bus', 60], ['shop', 30], ['lift', 45], ['bridge', 45]);
    expect(texts(h)).toEqual(['shop', 'lift', 'bridge', 'bus']);
    expect(h.items[0]).toMatchObject({ status: 'not-yet', safe: 'unchecked' });
  });

  it('after a completed practice: not yet → practising; practising and done stay; never back, never done by itself', () => {
    let h = list(['bus', 40], ['shop', 60], ['lift', 70]);
    h = changeItem(h, 'i1', { status: 'practising' });
    h = changeItem(h, 'i2', { status: 'done' });
    const once = afterPractice(h, 'i0');
    expect(once.items.map((i) => i.status)).toEqual(['practising', 'practising', 'done']);
    // A second practice moves nothing further: done is the person's choice.
    expect(afterPractice(once, 'i0')).toBe(once);
    expect(afterPractice(once, 'i0').items[0]?.status).toBe('practising');
    // Practising a "done" item (the person revisits it) never moves it back.
    expect(afterPractice(h, 'i2')).toBe(h);
    expect(afterPractice(h, 'i1')).toBe(h);
    // An item no longer on the list (deleted meanwhile): nothing changes.
    expect(afterPractice(h, 'gone')).toBe(h);
  });

  it('moves up and down by one (not past either end), then sorts back by SUDS, equal SUDS keeping their order', () => {
    let h = list(['a', 10], ['b', 20], ['c', 30]);
    h = moveItem(h, 'i2', -1);
    expect(texts(h)).toEqual(['a', 'c', 'b']);
    h = moveItem(h, 'i0', -1);
    expect(texts(h)).toEqual(['a', 'c', 'b']);
    h = moveItem(h, 'i1', 1);
    expect(texts(h)).toEqual(['a', 'c', 'b']);
    h = changeItem(h, 'i0', { suds: 30 });
    expect(texts(sortBySuds(h))).toEqual(['b', 'a', 'c']);
  });

  it('set aside items leave the list and practice, keep their words, and can be brought back', () => {
    let h = list(['a', 40], ['b', 50]);
    h = setSafe(h, 'i0', 'yes');
    h = retireItem(h, 'i0', 99);
    expect(activeItems(h).map((i) => i.text)).toEqual(['b']);
    expect(retiredItems(h).map((i) => i.text)).toEqual(['a']);
    expect(practicable(h)).toEqual([]);
    h = unretireItem(h, 'i0');
    expect(practicable(h).map((i) => i.text)).toEqual(['a']);
    expect(h.items[0]!.retiredAt).toBeUndefined();
  });

  it('only items checked as realistically safe are practicable; "no" also stops practising it', () => {
    let h = list(['a', 40], ['b', 50]);
    expect(practicable(h)).toEqual([]);
    h = setSafe(h, 'i1', 'yes');
    h = changeItem(h, 'i1', { status: 'practising' });
    expect(practicable(h).map((i) => i.id)).toEqual(['i1']);
    h = setSafe(h, 'i1', 'no');
    expect(practicable(h)).toEqual([]);
    expect(h.items.find((i) => i.id === 'i1')!.status).toBe('not-yet');
  });

  it.each([
    [[['a', 10], ['b', 35], ['c', 70]], 'b'],
    [[['a', 30], ['b', 50]], 'a'], // equally near 40: the lower one
    [[['a', 90]], 'a'],
  ] as [[string, number][], string][])('suggests starting near 40: %j → %s', (items, expected) => {
    expect(suggestedStart(list(...items))?.text).toBe(expected);
  });

  it('never suggests an item done, set aside or judged not safe', () => {
    let h = list(['a', 40], ['b', 45], ['c', 50], ['d', 90]);
    h = changeItem(h, 'i0', { status: 'done' });
    h = retireItem(h, 'i1', 1);
    h = setSafe(h, 'i2', 'no');
    expect(suggestedStart(h)?.text).toBe('d');
    expect(suggestedStart(emptyHierarchy())).toBeUndefined();
  });

  it('anchors count once any of the three has words', () => {
    expect(hasAnchors(emptyHierarchy())).toBe(false);
    expect(hasAnchors({ anchors: { a0: ' ', a50: '', a100: '' } })).toBe(false);
    expect(hasAnchors({ anchors: { a0: '', a50: 'a job interview', a100: '' } })).toBe(true);
  });
});

describe('hierarchy repository', () => {
  it('reads back exactly what was written, anchors included; empty before anything is written', async () => {
    const repo = exposureRepo(open);
    expect(await repo.hierarchy.get()).toEqual(emptyHierarchy());
    const h = { ...list(['bus', 60]), anchors: { a0: 'my garden', a50: 'the dentist', a100: 'that night' } };
    await repo.hierarchy.put(h);
    const back = await repo.hierarchy.get();
    expect(back.items).toEqual(h.items);
    expect(back.anchors).toEqual(h.anchors);
    expect(problems).toEqual([]);
  });

  it('every keystroke goes through the coalescing writer: the latest list wins and is on disk after flush', async () => {
    const repo = exposureRepo(open);
    const writer = repo.hierarchy.writer();
    let h = emptyHierarchy();
    for (const text of ['b', 'bu', 'bus', 'bus at rush hour']) {
      h = { ...h, items: [{ id: 'i1', text, suds: 40, status: 'not-yet', safe: 'unchecked', createdAt: 1 }] };
      const now = h;
      writer.change(() => now);
    }
    // Unsaved words are read back first (Ground → back, before the disk has them).
    expect((await repo.hierarchy.get()).items[0]!.text).toBe('bus at rush hour');
    await writer.flush();
    await until(() => !pendingWrites.has(HIERARCHY_WRITER_KEY), 'write');
    const raw = (await rawGet(unwrap(await open()), 'hierarchy', 'mine')) as Hierarchy;
    expect(raw.items[0]!.text).toBe('bus at rush hour');
  });

  it('a damaged list is copied to quarantine once, reported, never written over — unless the person starts a new list', async () => {
    const db = unwrap(await open());
    const damaged = { id: 'mine', updatedAt: 5, items: [{ id: 'i1', text: 'the lift at work', suds: 'high' }] };
    await rawPut(db, { hierarchy: [damaged] });
    const repo = exposureRepo(open);
    await expect(repo.hierarchy.get()).rejects.toBeInstanceOf(UnreadableHierarchyError);
    await expect(repo.hierarchy.get()).rejects.toBeInstanceOf(UnreadableHierarchyError);
    const kept = (await rawGetAll(db, 'quarantine')) as { store: string; raw: unknown; words: string[] }[];
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ store: 'hierarchy', raw: damaged });
    expect(kept[0]!.words).toContain('the lift at work');
    expect(problems.some((p) => p.kind === 'invalid-records')).toBe(true);
    await expect(repo.hierarchy.put(list(['new', 40]))).rejects.toBeInstanceOf(UnreadableHierarchyError);
    expect(await rawGet(db, 'hierarchy', 'mine')).toEqual(damaged);
    await repo.hierarchy.put(list(['new', 40]), { overDamaged: true });
    expect(texts(await repo.hierarchy.get())).toEqual(['new']);
    expect(await rawGetAll(db, 'quarantine')).toHaveLength(1);
  });
});

describe('exposure records', () => {
  const rec = (id: string, itemId: string, startedAt: number): ExposureRecord => ({
    id,
    kind: 'in-vivo',
    itemId,
    startedAt,
    updatedAt: startedAt,
    complete: true,
    data: { ...emptyInVivoData(), itemId, situation: 'bus', preSuds: 50 },
  });

  it('lists one item’s practices oldest first; a damaged one is quarantined and skipped', async () => {
    const repo = exposureRepo(open);
    await repo.records.put(rec('s2', 'bus', 2000));
    await repo.records.put(rec('s1', 'bus', 1000));
    await repo.records.put(rec('s3', 'shop', 1500));
    await rawPut(unwrap(await open()), { exposures: [{ id: 's4', kind: 'in-vivo', itemId: 'bus', startedAt: 3000, data: 'broken' }] });
    expect((await repo.records.forItem('bus')).map((r) => r.id)).toEqual(['s1', 's2']);
    expect(await rawGetAll(unwrap(await open()), 'quarantine')).toHaveLength(1);
    expect(Object.fromEntries(await repo.records.countByItem())).toEqual({ bus: 2, shop: 1 });
  });

  it('a practice’s writer keeps the latest record', async () => {
    const repo = exposureRepo(open);
    const w = repo.records.writer('s9');
    w.change(rec('s9', 'bus', 1));
    w.change({ ...rec('s9', 'bus', 1), data: { ...rec('s9', 'bus', 1).data, postSuds: 20 } });
    await w.flush();
    await until(async () => (await repo.records.get('s9'))?.data.postSuds === 20, 'latest record');
  });
});
