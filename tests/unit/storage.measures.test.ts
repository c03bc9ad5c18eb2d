// The questionnaire store (migration 009): answers written as given and read back after a "reload",
// unfinished ones kept, totals and bands derived from the answers, damaged records reported and skipped
// (never deleted), and an upgrade from the previous version that keeps everything.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { freshIndexedDB, recordProblems } from './fixtures/idb';
import { openGroundwork, resetConnection, getDb } from '../../src/storage/db';
import { measuresRepo } from '../../src/storage/measures';
import { anyMeasureRecord } from '../../src/storage/measure-records';
import { MeasureRecordSchema } from '../../src/storage/measures.schema';
import { pendingWrites } from '../../src/storage/pending';
import { resetWriters } from '../../src/storage/writer';
import { settingsRepo } from '../../src/storage/settings';
import type { StorageProblem } from '../../src/storage/problems';

let problems: StorageProblem[];
let stop: () => void;
beforeEach(() => {
  freshIndexedDB();
  ({ problems, stop } = recordProblems());
});
afterEach(() => {
  stop();
  resetConnection();
});

/** A fresh page on the same database: nothing in memory. */
function reload() {
  resetConnection();
  pendingWrites.clear();
  resetWriters();
}

describe('measures repository', () => {
  it('an answer written through the writer is on disk and carries on after a reload', async () => {
    let t = 1000;
    const repo = measuresRepo(getDb, () => t);
    expect(await anyMeasureRecord()).toBe(false);
    const r = repo.create('gad7', 'two-weeks');
    const w = repo.writer(r.id);
    w.change({ ...r, answers: [2, 1, null, null, null, null, null] });
    t = 2000;
    w.change({ ...r, answers: [2, 1, 3, null, null, null, null] });
    await w.flush();
    reload();
    const back = await measuresRepo().get(r.id);
    expect(back).toMatchObject({ measureId: 'gad7', answers: [2, 1, 3, null, null, null, null], total: 6, band: null, startedAt: 1000 });
    expect(back?.completedAt).toBeUndefined();
    expect(await anyMeasureRecord()).toBe(true);
  });

  it('unsaved answers are read before the disk (same page)', async () => {
    const repo = measuresRepo();
    const r = repo.create('phq9', 'two-weeks');
    pendingWrites.set(`measures:${r.id}`, () => ({ ...r, answers: [1, ...Array(8).fill(null)] }));
    expect((await repo.get(r.id))?.answers[0]).toBe(1);
    expect((await repo.list()).map((x) => x.id)).toEqual([r.id]);
  });

  it('a completed one stores its total, band and item 9, derived from the answers (never trusted from the caller)', async () => {
    const repo = measuresRepo(getDb, () => 5000);
    const r = repo.create('phq9', 'two-weeks');
    const saved = await repo.put({ ...r, answers: [3, 3, 3, 3, 0, 0, 0, 0, 2], completedAt: 5000, total: 0, band: 'minimal' });
    expect(saved).toMatchObject({ total: 14, band: 'moderate', item9: 2, completedAt: 5000 });
    const [listed] = await repo.list();
    expect(listed).toEqual(saved);
  });

  it('lists oldest first across measures', async () => {
    let t = 300;
    const repo = measuresRepo(getDb, () => t);
    const a = repo.create('pcl5', 'week');
    t = 100;
    const b = repo.create('gad7', 'two-weeks');
    await repo.put(a);
    await repo.put(b);
    expect((await repo.list()).map((r) => r.measureId)).toEqual(['gad7', 'pcl5']);
  });

  it('a damaged record is reported and skipped, and stays on disk', async () => {
    const db = await getDb();
    await db.put('measures', { id: 'bad', measureId: 'phq9', answers: [9], period: 'two-weeks' } as never);
    expect(await measuresRepo().list()).toEqual([]);
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'invalid-records' }));
    expect(await db.get('measures', 'bad')).toBeDefined();
  });

  it('the schema refuses answers that do not fit the questionnaire', () => {
    const base = { id: 'x', period: 'two-weeks', startedAt: 0, updatedAt: 0, total: 0, band: null };
    expect(v.safeParse(MeasureRecordSchema, { ...base, measureId: 'gad7', answers: Array(7).fill(null) }).success).toBe(true);
    expect(v.safeParse(MeasureRecordSchema, { ...base, measureId: 'gad7', answers: Array(9).fill(null) }).success).toBe(false);
    expect(v.safeParse(MeasureRecordSchema, { ...base, measureId: 'gad7', answers: [4, ...Array(6).fill(0)] }).success).toBe(false);
    expect(v.safeParse(MeasureRecordSchema, { ...base, measureId: 'bdi', answers: [] }).success).toBe(false);
  });

  it('remove lets an unfinished one go', async () => {
    const repo = measuresRepo();
    const r = await repo.put(repo.create('gad7', 'two-weeks'));
    await repo.remove(r.id);
    expect(await repo.list()).toEqual([]);
  });
});

describe('measure settings', () => {
  it('defaults: one item per screen, no stored rhythm, nothing dismissed; a plan-style rhythm is kept', async () => {
    const s = settingsRepo();
    expect(await s.get('measureMode')).toBe('one');
    expect(await s.get('measureRhythm')).toBeNull();
    expect(await s.get('measuresNotNow')).toEqual({});
    await s.set('measureMode', 'form');
    await s.set('measureRhythm', { phq9: 7, pcl5: 7 });
    expect(await s.get('measureMode')).toBe('form');
    expect(await s.get('measureRhythm')).toEqual({ phq9: 7, pcl5: 7 });
  });
});

describe('migration 009', () => {
  it('upgrading from v6 adds an empty measures store and keeps what was there', async () => {
    const old = await openGroundwork({ version: 6 });
    await old.put('settings', { key: 'region', value: 'uk' });
    old.close();
    const db = await openGroundwork();
    expect([...db.objectStoreNames]).toContain('measures');
    expect(await db.count('measures')).toBe(0);
    expect(await db.get('settings', 'region')).toEqual({ key: 'region', value: 'uk' });
    db.close();
  });
});
