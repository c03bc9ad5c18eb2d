/**
 * The written exposure store's promises (issue 15): its own store (migration 008) on top of every older
 * fixture database; a course reads back exactly as written; every keystroke reaches the disk through the
 * coalescing writer with the latest words winning; unsaved words are read back from memory first; a new
 * course sets the old one aside, kept; a damaged course is reported and never written over.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unwrap } from 'idb';
import { freshIndexedDB, rawGet, rawPut, recordProblems } from './fixtures/idb';
import { v5 } from './fixtures/v5';
import { openGroundwork, resetConnection, type Db } from '../../src/storage/db';
import { writtenExposureKey, writtenExposureRepo } from '../../src/storage/written-exposure';
import { newCourse, WRITING_MS } from '../../src/storage/written-exposure.schema';
import { pendingWrites } from '../../src/storage/pending';
import { resetWriters } from '../../src/storage/writer';
import { withText } from '../../src/modules/exposure/written-exposure/course';
import type { StorageProblem } from '../../src/storage/problems';

let problems: StorageProblem[];
let stop: () => void;
const opened: Db[] = [];

beforeEach(() => {
  freshIndexedDB();
  resetConnection();
  pendingWrites.clear();
  resetWriters();
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

describe('written exposure store', () => {
  it('exists after upgrading from a v5 database (migration 008), empty, with the older records intact', async () => {
    const old = await openGroundwork({ version: 5 });
    await rawPut(unwrap(old), v5.stores as unknown as Record<string, readonly unknown[]>);
    old.close();
    const db = await open();
    expect([...db.objectStoreNames]).toContain('writtenExposure');
    expect(await db.getAll('writtenExposure')).toEqual([]);
    expect((await db.getAll('entries')).length).toBe(v5.stores.entries.length);
  });

  it('a course reads back as written; a new course sets the old one aside and keeps it', async () => {
    const db = await open();
    const repo = writtenExposureRepo(async () => db, () => 5000);
    expect(await repo.current()).toBeUndefined();
    const first = await repo.start('the station');
    expect(first).toMatchObject({ name: 'the station', status: 'active', updatedAt: 5000 });
    expect(first.sessions.map((s) => s.n)).toEqual([1, 2, 3, 4, 5]);
    expect(first.sessions[0]!.timer).toEqual({ durationMs: WRITING_MS, remainingMs: WRITING_MS, endsAt: null });
    expect(await repo.get(first.id)).toEqual(first);
    const second = await repo.start('');
    expect((await repo.current())!.id).toBe(second.id);
    expect((await repo.get(first.id))!.status).toBe('set-aside');
    expect(problems).toEqual([]);
  });

  it('every keystroke goes through the coalescing writer: the latest words win, nothing stays pending', async () => {
    const db = await open();
    const repo = writtenExposureRepo(async () => db);
    let course = await repo.start('');
    const writer = repo.writer(course.id);
    let text = '';
    for (const ch of 'It was raining.') {
      text += ch;
      course = withText(course, 1, text, { start: text.length, end: text.length, scrollTop: 0 });
      writer.change(course);
    }
    // Before the disk has it, a read finds it in memory.
    expect((await repo.get(course.id))!.sessions[0]!.text).toBe('It was raining.');
    await writer.flush();
    expect(pendingWrites.has(writtenExposureKey(course.id))).toBe(false);
    const raw = (await rawGet(unwrap(db), 'writtenExposure', course.id)) as { sessions: { text: string; caret: { start: number } }[] };
    expect(raw.sessions[0]!.text).toBe('It was raining.');
    expect(raw.sessions[0]!.caret.start).toBe(15);
  });

  it('a damaged course is reported, skipped, and never written over', async () => {
    const db = await open();
    const damaged = { ...newCourse('bad', 1), sessions: 'not a list' };
    await rawPut(unwrap(db), { writtenExposure: [damaged] });
    const repo = writtenExposureRepo(async () => db);
    expect(await repo.current()).toBeUndefined();
    expect(problems).toContainEqual({ kind: 'invalid-records', count: 1 });
    await expect(repo.put(newCourse('bad', 2, 'new words'))).rejects.toThrow(/could not be read/);
    expect(await rawGet(unwrap(db), 'writtenExposure', 'bad')).toEqual(damaged);
  });
});
