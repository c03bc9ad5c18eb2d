/**
 * Voice notes' storage (storage/media.ts): a recording is kept chunk by chunk as it happens, so a page that
 * goes away mid-way still has everything up to the last chunk, offered again when capture reopens.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unwrap } from 'idb';
import { freshIndexedDB, rawPut, recordProblems } from './fixtures/idb';
import { openGroundwork, type Db } from '../../src/storage/db';
import { audioOf, mediaRepo } from '../../src/storage/media';
import { entriesRepo, UNDO_KEEP_MS } from '../../src/storage/entries';
import type { StorageProblem } from '../../src/storage/problems';

let problems: StorageProblem[];
let stop: () => void;
const open: Db[] = [];
let clock = 1_800_000_000_000;

beforeEach(() => {
  freshIndexedDB();
  ({ problems, stop } = recordProblems());
});
afterEach(() => {
  stop();
  for (const db of open.splice(0)) db.close();
});

/** A fresh connection each call: as a reloaded page would open it. */
async function reopen(): Promise<Db> {
  const db = await openGroundwork();
  open.push(db);
  return db;
}

function repos(db: Db) {
  const get = async () => db;
  return { media: mediaRepo(get, () => clock), entries: entriesRepo(get, () => clock) };
}

describe('media repository', () => {
  it('a recording cut off by a reload keeps every chunk written, in order, and is offered again', async () => {
    const first = repos(await reopen());
    const rec = await first.media.start('audio/webm;codecs=opus');
    await first.media.append(rec.id, new Blob(['aa'], { type: 'audio/webm' }), 1000);
    await first.media.append(rec.id, new Blob([''], { type: 'audio/webm' }), 1500); // empty chunks are skipped
    await first.media.append(rec.id, new Blob(['bbb'], { type: 'audio/webm' }), 2000);
    open[0]!.close();

    const after = repos(await reopen());
    const offered = await after.media.unfinished();
    expect(offered.map((r) => r.id)).toEqual([rec.id]);
    expect(offered[0]!.chunks).toHaveLength(2);
    expect(offered[0]!.durationMs).toBe(2000);
    const audio = audioOf(offered[0]!);
    expect(audio.type).toBe('audio/webm;codecs=opus');
    expect(await audio.text()).toBe('aabbb');
    expect(problems).toEqual([]);
  });

  it('a recording with nothing in it is not offered; one attached to its fragment is no longer unfinished', async () => {
    const { media, entries } = repos(await reopen());
    await media.start('audio/webm');
    const rec = await media.start('audio/ogg');
    await media.append(rec.id, new Blob(['x']), 900);
    expect((await media.unfinished()).map((r) => r.id)).toEqual([rec.id]);

    const entry = await entries.create({ kind: 'fragment', title: '', body: '', complete: true, mediaId: rec.id });
    const saved = await media.attach(rec.id, entry.id);
    expect(saved).toMatchObject({ entryId: entry.id, status: 'saved', durationMs: 900 });
    expect(await media.unfinished()).toEqual([]);
  });

  it('refuses anything but audio, and a damaged record is reported and skipped, never deleted', async () => {
    const { media } = repos(await reopen());
    await expect(media.start('text/html')).rejects.toThrow();
    await rawPut(unwrap(open[0]!), { media: [{ id: 'broken', mime: 'audio/webm', chunks: 'not blobs', status: 'recording', createdAt: 1 }] });
    expect(await media.unfinished()).toEqual([]);
    expect(await media.get('broken')).toBeUndefined();
    expect(problems).toEqual([{ kind: 'invalid-records', count: 1 }]);
    expect(await open[0]!.count('media')).toBe(1);
  });

  it('discard removes a recording; purgeOrphans removes only recordings whose entry is gone for good', async () => {
    const { media, entries } = repos(await reopen());
    const kept = await media.start('audio/webm');
    const entry = await entries.create({ kind: 'fragment', title: '', body: '', complete: true, mediaId: kept.id });
    await media.attach(kept.id, entry.id);
    const gone = await media.start('audio/webm');
    const goneEntry = await entries.create({ kind: 'fragment', title: '', body: '', complete: true, mediaId: gone.id });
    await media.attach(gone.id, goneEntry.id);
    const dropped = await media.start('audio/webm');

    await media.discard(dropped.id);
    expect(await media.get(dropped.id)).toBeUndefined();

    // Deleted, then the undo window passes and the entry is purged: its audio goes with it.
    await entries.remove(goneEntry.id);
    expect(await media.purgeOrphans()).toBe(0); // still restorable with Undo
    clock += UNDO_KEEP_MS + 1;
    await entries.purgeDeleted();
    expect(await media.purgeOrphans()).toBe(1);
    expect(await media.get(gone.id)).toBeUndefined();
    expect(await media.get(kept.id)).toBeDefined();
  });

  it('fragmentsSince counts fragments captured since then, leaving out deleted ones and other entries', async () => {
    const { media, entries } = repos(await reopen());
    const since = clock;
    await entries.create({ kind: 'fragment', title: '', body: 'old', complete: true, createdAt: since - 1 });
    await entries.create({ kind: 'free', title: 'x', body: 'journal', complete: true });
    await entries.create({ kind: 'fragment', title: '', body: 'blue light', complete: true });
    const deleted = await entries.create({ kind: 'fragment', title: '', body: 'gone', complete: true });
    await entries.remove(deleted.id);
    expect(await media.fragmentsSince(since)).toBe(1);
  });
});
