/**
 * The dose log's promises: doses persist in their own store (migration 004, from real v1 and v2 data),
 * list newest taken first, a dose in the future is refused, edits and "effects have passed" are kept,
 * delete has Undo, and a damaged record is reported and skipped, never deleted.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unwrap } from 'idb';
import { freshIndexedDB, rawGet, rawGetAll, rawPut, recordProblems } from './fixtures/idb';
import { v1 } from './fixtures/v1';
import { v2, v2Personal } from './fixtures/v2';
import { SCHEMA_VERSION, openGroundwork, type Db } from '../../src/storage/db';
import { FutureDoseError, dosesRepo } from '../../src/storage/doses';
import { UNDO_KEEP_MS } from '../../src/storage/entries';
import { personalRepo } from '../../src/storage/personal';
import type { StorageProblem } from '../../src/storage/problems';

const NOW = Date.UTC(2026, 10, 24, 10, 0, 0);
const HOUR = 3600_000;
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

async function open(version?: number): Promise<Db> {
  const db = await openGroundwork(version === undefined ? {} : { version });
  opened.push(db);
  return db;
}

function repo(db: Db, clock: { now: number } = { now: NOW }) {
  return dosesRepo(async () => db, () => clock.now);
}

describe('upgrade to the dose log (migration 004)', () => {
  it.each([
    [1, v1],
    [2, v2],
  ] as const)('from v%i: the doses store is added, empty, and every older record is kept', async (version, fixture) => {
    const old = await openGroundwork({ version });
    await rawPut(unwrap(old), fixture.stores);
    old.close();
    const db = await open();
    expect(db.version).toBe(SCHEMA_VERSION);
    expect([...db.objectStoreNames]).toContain('doses');
    expect(await repo(db).list()).toEqual([]);
    expect(await rawGetAll(unwrap(db), 'entries')).toHaveLength(v1.stores.entries.length);
    if (version === 2) expect(await personalRepo(async () => db).get()).toEqual(v2Personal[0]);
    const dose = await repo(db).add({ takenAt: NOW - HOUR, setting: 'clinic', zone: 'Europe/London', offsetMinutes: 0 });
    expect(await repo(db).list()).toEqual([dose]);
    expect(problems).toEqual([]);
  });
});

describe('dose log', () => {
  it('stores the instant, the zone and offset, setting and note; lists newest taken first', async () => {
    const db = await open();
    const doses = repo(db);
    const older = await doses.add({ takenAt: NOW - 30 * 24 * HOUR, setting: 'clinic', zone: 'Europe/London', offsetMinutes: 0 });
    // Logged last, but taken earlier than `newer`: order follows when it was taken.
    const newer = await doses.add({ takenAt: NOW - HOUR, setting: 'home', note: '  with Sam  ', zone: 'America/New_York', offsetMinutes: -300 });
    const late = await doses.add({ takenAt: NOW - 3 * 24 * HOUR, setting: 'clinic', zone: 'Europe/London', offsetMinutes: 0 });
    expect(newer).toMatchObject({ takenAt: '2026-11-24T09:00:00.000Z', zone: 'America/New_York', offsetMinutes: -300, setting: 'home', note: 'with Sam' });
    expect((await doses.list()).map((d) => d.id)).toEqual([newer.id, late.id, older.id]);
    expect((await doses.latest(1)).map((d) => d.id)).toEqual([newer.id]);
    expect(await rawGet(unwrap(db), 'doses', newer.id)).toEqual(newer);
  });

  it('refuses a dose in the future (a minute of clock slack allowed), and writes nothing', async () => {
    const db = await open();
    const doses = repo(db);
    await expect(doses.add({ takenAt: NOW + 2 * 60_000, setting: 'home' })).rejects.toBeInstanceOf(FutureDoseError);
    await expect(doses.add({ takenAt: Number.NaN, setting: 'home' })).rejects.toBeInstanceOf(FutureDoseError);
    expect(await doses.list()).toEqual([]);
    await doses.add({ takenAt: NOW + 30_000, setting: 'home' });
    const d = await doses.add({ takenAt: NOW - HOUR, setting: 'home' });
    await expect(doses.update(d.id, { takenAt: NOW + HOUR })).rejects.toBeInstanceOf(FutureDoseError);
    expect(problems).toEqual([]);
  });

  it('edits time, setting and note; clearing the note removes it; updatedAt moves', async () => {
    const clock = { now: NOW };
    const db = await open();
    const doses = repo(db, clock);
    const d = await doses.add({ takenAt: NOW - HOUR, setting: 'home', note: 'first' });
    clock.now += 5000;
    const edited = await doses.update(d.id, { takenAt: NOW - 2 * HOUR, setting: 'clinic', note: '' });
    expect(edited).toMatchObject({ takenAt: '2026-11-24T08:00:00.000Z', setting: 'clinic', createdAt: NOW, updatedAt: NOW + 5000 });
    expect(edited.note).toBeUndefined();
    expect(await doses.get(d.id)).toEqual(edited);
  });

  it('"effects have passed" is kept, can be taken back, and is dropped when the dose moves later than it', async () => {
    const db = await open();
    const doses = repo(db);
    const d = await doses.add({ takenAt: NOW - 3 * HOUR, setting: 'home' });
    expect((await doses.markEffectsPassed(d.id, NOW)).effectsPassedAt).toBe('2026-11-24T10:00:00.000Z');
    expect((await doses.clearEffectsPassed(d.id)).effectsPassedAt).toBeUndefined();
    await doses.markEffectsPassed(d.id, NOW - 2 * HOUR);
    const moved = await doses.update(d.id, { takenAt: NOW - HOUR });
    expect(moved.effectsPassedAt).toBeUndefined();
  });

  it('delete is soft: gone from the list, back with Undo, purged for good after the undo window', async () => {
    const clock = { now: NOW };
    const db = await open();
    const doses = repo(db, clock);
    const keep = await doses.add({ takenAt: NOW - 2 * HOUR, setting: 'home' });
    const gone = await doses.add({ takenAt: NOW - HOUR, setting: 'home' });
    await doses.remove(gone.id);
    expect((await doses.list()).map((d) => d.id)).toEqual([keep.id]);
    expect((await doses.latest(1)).map((d) => d.id)).toEqual([keep.id]);
    expect(await doses.get(gone.id)).toBeUndefined();
    await doses.restore(gone.id);
    expect((await doses.list()).map((d) => d.id)).toEqual([gone.id, keep.id]);
    await doses.remove(gone.id);
    clock.now += UNDO_KEEP_MS / 2;
    expect(await doses.purgeDeleted()).toBe(0);
    clock.now += UNDO_KEEP_MS;
    expect(await doses.purgeDeleted()).toBe(1);
    expect(await rawGet(unwrap(db), 'doses', gone.id)).toBeUndefined();
    expect(await rawGet(unwrap(db), 'doses', keep.id)).toBeDefined();
  });

  it('a damaged record is reported as invalid-records and skipped, never deleted', async () => {
    const db = await open();
    const damaged = { id: 'broken', takenAt: 'yesterday', setting: 'moon', createdAt: 1, updatedAt: 1 };
    await rawPut(unwrap(db), { doses: [damaged] });
    const doses = repo(db);
    const ok = await doses.add({ takenAt: NOW - HOUR, setting: 'home' });
    expect((await doses.list()).map((d) => d.id)).toEqual([ok.id]);
    expect(problems).toEqual([{ kind: 'invalid-records', count: 1 }]);
    expect(await rawGet(unwrap(db), 'doses', 'broken')).toEqual(damaged);
  });
});
