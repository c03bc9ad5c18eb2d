/**
 * The repositories' promises: entries are never lost (soft delete, undo, purge only after the window),
 * the journal is searchable the way people type, drafts are written at each keystroke (one write in flight, always of the latest text) and kept in memory until stored,
 * settings always read as something valid, and personal material merges instead of overwriting.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { unwrap } from 'idb';
import { freshIndexedDB, rawGet, rawGetAll, rawPut, recordProblems } from './fixtures/idb';
import { getDb, resetConnection } from '../../src/storage/db';
import { UNDO_KEEP_MS, entriesRepo, type NewEntry } from '../../src/storage/entries';
import { entryReadsRepo } from '../../src/storage/entry-reads';
import { matchesQuery } from '../../src/storage/search';
import { draftsRepo } from '../../src/storage/drafts';
import { createAutosave, draftWriter } from '../../src/storage/draft-writer';
import { retryFailedWrites } from '../../src/storage/writer';
import { pendingWrites } from '../../src/storage/pending';
import { onSaved } from '../../src/storage/problems';
import { TEXT_MAX_CHARS } from '../../src/storage/limits';
import { DraftSchema } from '../../src/storage/schema';
import * as v from 'valibot';
import { settingsRepo } from '../../src/storage/settings';
import { personalRepo } from '../../src/storage/personal';
import { SETTING_DEFAULTS, type Entry, type SettingKey } from '../../src/storage/schema';
import type { StorageProblem } from '../../src/storage/problems';

let clock: number;
const now = () => clock;
let problems: StorageProblem[];
let stopRecording: () => void;

beforeEach(() => {
  freshIndexedDB();
  clock = Date.UTC(2026, 10, 24, 9, 0, 0);
  ({ problems, stop: stopRecording } = recordProblems());
});

afterEach(async () => {
  stopRecording();
  (await getDb()).close();
});

const note = (over: Partial<NewEntry> = {}): NewEntry => ({ kind: 'free', title: 'A note', body: 'words', complete: true, ...over });

describe('entries', () => {
  it('create fills id and times; get returns exactly what was saved', async () => {
    const entries = entriesRepo(getDb, now);
    const saved = await entries.create(note({ title: 'Morning', body: 'Slept badly.' }));
    expect(saved.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(saved.createdAt).toBe(clock);
    expect(saved.updatedAt).toBe(clock);
    expect(await entries.get(saved.id)).toEqual(saved);
  });

  it('create with a given id and createdAt keeps them (a session’s entry reuses its session id)', async () => {
    const entries = entriesRepo(getDb, now);
    const saved = await entries.create(note({ id: 'session-1', createdAt: clock - 5000 }));
    expect(saved).toMatchObject({ id: 'session-1', createdAt: clock - 5000, updatedAt: clock });
  });

  it('create with the same id again overwrites instead of duplicating (retried saves)', async () => {
    const entries = entriesRepo(getDb, now);
    await entries.create(note({ id: 'session-1', body: 'first try' }));
    await entries.create(note({ id: 'session-1', body: 'second try' }));
    const list = await entryReadsRepo(getDb).list();
    expect(list.map((e) => e.body)).toEqual(['second try']);
  });

  it('listSessions returns only guided-session entries that are not deleted (what "what helps" reads)', async () => {
    const entries = entriesRepo(getDb, now);
    await entries.create(note({ title: 'free words' }));
    const kept = await entries.create(note({ kind: 'session', moduleId: 'body', title: 'Body grounding' }));
    const gone = await entries.create(note({ kind: 'session', moduleId: 'breathing', title: 'Paced breathing' }));
    await entries.remove(gone.id);
    expect((await entryReadsRepo(getDb).listSessions()).map((e) => e.id)).toEqual([kept.id]);
  });

  it('create refuses a record that does not fit the schema, and writes nothing', async () => {
    const entries = entriesRepo(getDb, now);
    await expect(entries.create(note({ kind: 'weird' as never }))).rejects.toThrow();
    expect(await (await getDb()).count('entries')).toBe(0);
  });

  it('update changes the fields and updatedAt, never id or createdAt', async () => {
    const entries = entriesRepo(getDb, now);
    const saved = await entries.create(note());
    clock += 60_000;
    const updated = await entries.update(saved.id, { body: 'more words', id: 'other' } as never);
    expect(updated).toMatchObject({ id: saved.id, createdAt: saved.createdAt, updatedAt: clock, body: 'more words' });
    expect(await entries.get(saved.id)).toEqual(updated);
    expect(await entries.get('other')).toBeUndefined();
  });

  it('update of an entry that does not exist rejects and creates nothing', async () => {
    const entries = entriesRepo(getDb, now);
    await expect(entries.update('nope', { body: 'x' })).rejects.toThrow(/No entry nope/);
    expect(await (await getDb()).count('entries')).toBe(0);
  });

  it('list is newest first by createdAt, not by last edit', async () => {
    const entries = entriesRepo(getDb, now);
    const a = await entries.create(note({ title: 'oldest', createdAt: clock - 3000 }));
    const b = await entries.create(note({ title: 'middle', createdAt: clock - 2000 }));
    const c = await entries.create(note({ title: 'newest', createdAt: clock - 1000 }));
    clock += 10_000;
    await entries.update(a.id, { body: 'edited today' });
    expect((await entryReadsRepo(getDb).list()).map((e) => e.id)).toEqual([c.id, b.id, a.id]);
  });

  it('deleted entry leaves the list but stays restorable: remove, then restore brings it back unchanged', async () => {
    const entries = entriesRepo(getDb, now);
    const keep = await entries.create(note({ title: 'keep' }));
    const gone = await entries.create(note({ title: 'oops', body: 'do not lose me' }));
    clock += 1000;
    await entries.remove(gone.id);
    expect((await entryReadsRepo(getDb).list()).map((e) => e.id)).toEqual([keep.id]);
    expect(await entries.get(gone.id)).toMatchObject({ deletedAt: clock, body: 'do not lose me' });

    clock += 1000;
    await entries.restore(gone.id);
    const back = await entries.get(gone.id);
    expect(back).toMatchObject({ id: gone.id, title: 'oops', body: 'do not lose me', createdAt: gone.createdAt, updatedAt: clock });
    expect(back).not.toHaveProperty('deletedAt');
    expect((await entryReadsRepo(getDb).list()).map((e) => e.id).sort()).toEqual([keep.id, gone.id].sort());
  });

  it('restore of an unknown id does nothing and does not throw', async () => {
    const entries = entriesRepo(getDb, now);
    await entries.restore('nope');
    expect(await (await getDb()).count('entries')).toBe(0);
  });

  it('deleted entry is purged only after the undo window has passed, and nothing else is', async () => {
    const entries = entriesRepo(getDb, now);
    const live = await entries.create(note({ title: 'live' }));
    const deleted = await entries.create(note({ title: 'deleted' }));
    await entries.remove(deleted.id);
    const deletedAt = clock;

    clock = deletedAt + UNDO_KEEP_MS; // exactly at the edge: still restorable
    expect(await entries.purgeDeleted()).toBe(0);
    expect(await entries.get(deleted.id)).toBeDefined();

    clock = deletedAt + UNDO_KEEP_MS + 1;
    expect(await entries.purgeDeleted()).toBe(1);
    expect(await entries.get(deleted.id)).toBeUndefined();
    expect(await entries.get(live.id)).toEqual(live);
    expect(UNDO_KEEP_MS).toBeGreaterThanOrEqual(60 * 60 * 1000);
  });
});

describe('matchesQuery (journal search)', () => {
  const entry = (over: Partial<Entry> = {}): Entry => ({
    id: 'e',
    kind: 'free',
    createdAt: 0,
    updatedAt: 0,
    title: 'Café with Sam',
    body: 'The CREMA on the coffee helped.\nJe suis là.',
    complete: true,
    ...over,
  });

  it.each([
    ['empty query matches everything', '', true],
    ['whitespace-only query matches everything', '   \t ', true],
    ['ignores case', 'crema', true],
    ['ignores case the other way', 'COFFEE', true],
    ['ignores accents in the entry', 'cafe', true],
    ['ignores accents in the query', 'lá', true],
    ['accented query finds accented text', 'café', true],
    ['searches the body', 'helped', true],
    ['searches across title and body', 'sam helped', true],
    ['every word must match, in any order', 'coffee café', true],
    ['a word that is missing fails the match', 'coffee tea', false],
    ['extra spaces between words are fine', '  sam    crema ', true],
    ['matches inside words', 'offe', true],
    ['no match', 'dream', false],
  ])('%s (“%s”)', (_name, query, expected) => {
    expect(matchesQuery(entry(), query)).toBe(expected);
  });

  it('searches what the person wrote inside a module', () => {
    const session = entry({
      kind: 'session',
      title: '5-4-3-2-1 senses',
      body: '',
      moduleId: 'five-senses',
      data: { see: { text: 'the blue mug, Rain on the window', noticed: 5, visited: true } },
    });
    expect(matchesQuery(session, 'rain mug')).toBe(true);
    expect(matchesQuery(session, 'senses blue')).toBe(true);
    expect(matchesQuery(session, 'kettle')).toBe(false);
  });

  // Regression: search once ran over JSON.stringify(data), so field names matched and quotes did not.
  it('search finds only what the person wrote: not module field names, and quoted words too', () => {
    const untouched = entry({
      kind: 'session',
      title: '5-4-3-2-1 senses',
      body: '',
      moduleId: 'five-senses',
      data: {
        see: { text: '', noticed: 5, visited: true },
        feel: { text: '', noticed: 0, visited: false },
        hear: { text: '', noticed: 0, visited: false },
      },
    });
    expect(matchesQuery(untouched, 'feel')).toBe(false);
    expect(matchesQuery(untouched, 'visited')).toBe(false);
    expect(matchesQuery(untouched, 'true')).toBe(false);
    const quoted = entry({ title: 'x', body: '', data: { see: { text: 'she said "stay"', noticed: 0, visited: true } } });
    expect(matchesQuery(quoted, '"stay"')).toBe(true);
  });
});

describe('drafts', () => {
  it('draft survives a reopened connection: put, get after reconnecting, remove', async () => {
    const drafts = draftsRepo(getDb, now);
    await drafts.put('journal:new', { title: 'Tuesday', body: 'I noticed' });
    (await getDb()).close();
    resetConnection();
    expect(await drafts.get('journal:new')).toEqual({ id: 'journal:new', fields: { title: 'Tuesday', body: 'I noticed' }, updatedAt: clock });
    await drafts.remove('journal:new');
    expect(await drafts.get('journal:new')).toBeUndefined();
  });

  it('a later put replaces the draft; drafts of other boxes are untouched', async () => {
    const drafts = draftsRepo(getDb, now);
    await drafts.put('journal:new', { body: 'one' });
    await drafts.put('session:s1:see', { text: 'lamp' });
    await drafts.put('journal:new', { body: 'one two' });
    expect((await drafts.get('journal:new'))?.fields).toEqual({ body: 'one two' });
    expect((await drafts.get('session:s1:see'))?.fields).toEqual({ text: 'lamp' });
  });

  it('a damaged draft is never skipped nor overwritten: kept raw in quarantine, its words handed back', async () => {
    const db = unwrap(await getDb());
    const damaged = { id: 'journal:new', fields: { title: 'Tuesday', body: 42, extra: 'the words I wrote' }, updatedAt: 1 };
    await rawPut(db, { drafts: [damaged] });
    const drafts = draftsRepo(getDb, now);
    expect((await drafts.get('journal:new'))?.fields).toEqual({ title: 'Tuesday', extra: 'the words I wrote' });
    const kept = await rawGetAll(db, 'quarantine');
    expect(kept).toEqual([expect.objectContaining({ store: 'drafts', key: 'journal:new', raw: damaged })]);
    expect(problems).toContainEqual({ kind: 'invalid-records', count: 1 });
    // Writing the draft again (the editor's next keystroke) cannot lose the original: it is in quarantine.
    await drafts.put('journal:new', { title: 'Tuesday', body: 'new' });
    expect((await rawGetAll(db, 'quarantine'))[0]).toMatchObject({ raw: damaged });
  });

  it('one size policy: a 1 MB draft and a 1 MB entry are both stored and read back (the old entry limit was 200,000)', async () => {
    const big = 'I remember the room. '.repeat(50_000); // ≈ 1 MB
    const drafts = draftsRepo(getDb, now);
    await drafts.put('journal:new', { title: '', body: big });
    expect((await drafts.get('journal:new'))?.fields['body']).toBe(big);
    const entries = entriesRepo(getDb, now);
    const saved = await entries.create(note({ body: big }));
    expect((await entries.get(saved.id))?.body).toBe(big);
    // The limit is the same everywhere: just over it is refused by entries and drafts alike.
    expect(TEXT_MAX_CHARS).toBeGreaterThanOrEqual(1_000_000);
    await expect(entries.create(note({ body: 'x'.repeat(TEXT_MAX_CHARS + 1) }))).rejects.toThrow();
    expect(v.safeParse(DraftSchema, { id: 'd', fields: { body: 'x'.repeat(TEXT_MAX_CHARS + 1) }, updatedAt: 1 }).success).toBe(false);
    expect(v.safeParse(DraftSchema, { id: 'd', fields: { body: 'x'.repeat(TEXT_MAX_CHARS) }, updatedAt: 1 }).success).toBe(true);
  });
});

describe('createAutosave (the coalescing writer)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A save function that records every call; `fail` makes the next calls reject (a full disk). */
  function recorder() {
    const calls: { at: number; fields: Record<string, string> }[] = [];
    const state = { fail: false };
    const save = vi.fn(async (fields: Record<string, string>) => {
      calls.push({ at: Date.now(), fields });
      if (state.fail) throw new DOMException('full', 'QuotaExceededError');
    });
    return { calls, state, save };
  }

  /** A save that stays in flight until released. */
  function gated() {
    const saved: string[] = [];
    const gates: ((ok: boolean) => void)[] = [];
    const save = vi.fn(
      (fields: Record<string, string>) =>
        new Promise<void>((resolve, reject) => {
          gates.push((ok) => (ok ? (saved.push(fields['body']!), resolve()) : reject(new DOMException('full', 'QuotaExceededError'))));
        }),
    );
    return { saved, save, release: (ok: boolean) => gates.shift()!(ok) };
  }

  // Regression (issue 13 #6): a 300 ms debounce lost the words of a reload within 300 ms of the last key.
  it('a write starts at the keystroke, with no delay', async () => {
    const { calls, save } = recorder();
    const autosave = createAutosave(save);
    const t0 = Date.now();
    autosave.change({ body: 'h' });
    expect(calls).toEqual([{ at: t0, fields: { body: 'h' } }]);
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave.dirty).toBe(false);
  });

  it('one write in flight, and the next one is of the latest text only', async () => {
    const { saved, save, release } = gated();
    const autosave = createAutosave(save);
    autosave.change({ body: 'I' });
    for (const text of ['I ', 'I a', 'I am', 'I am here']) autosave.change({ body: text });
    expect(save).toHaveBeenCalledTimes(1);
    release(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(2);
    release(true);
    await autosave.flush();
    expect(saved).toEqual(['I', 'I am here']);
    expect(autosave.dirty).toBe(false);
  });

  it('the saved fields are a copy: later edits to the object do not change what was queued', async () => {
    const { saved, save, release } = gated();
    const autosave = createAutosave(save);
    autosave.change({ body: 'first' });
    const fields = { body: 'second' };
    autosave.change(fields);
    fields.body = 'mutated';
    release(true);
    await vi.advanceTimersByTimeAsync(0);
    release(true);
    await autosave.flush();
    expect(saved).toEqual(['first', 'second']);
  });

  it('flush waits for the write in flight and then writes the latest', async () => {
    const { saved, save, release } = gated();
    const autosave = createAutosave(save);
    autosave.change({ body: 'leav' });
    autosave.change({ body: 'leaving now' });
    const flushed = autosave.flush();
    release(true);
    await vi.advanceTimersByTimeAsync(0);
    release(true);
    await flushed;
    expect(saved).toEqual(['leav', 'leaving now']);
  });

  it('flush with nothing typed writes nothing', async () => {
    const { calls, save } = recorder();
    await createAutosave(save).flush();
    expect(calls).toEqual([]);
  });

  it('cancel drops the words waiting behind the write in flight (they were saved elsewhere)', async () => {
    const { saved, save, release } = gated();
    const autosave = createAutosave(save);
    autosave.change({ body: 'saved' });
    autosave.change({ body: 'saved as an entry' });
    autosave.cancel();
    release(true);
    await autosave.flush();
    expect(saved).toEqual(['saved']);
    expect(autosave.dirty).toBe(false);
  });

  it('a full disk never silently drops words: a failed save keeps the text pending and the next keystroke retries it', async () => {
    const { calls, state, save } = recorder();
    const onError = vi.fn();
    const autosave = createAutosave(save, { onError });
    state.fail = true;
    autosave.change({ body: 'words that must survive' });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ name: 'QuotaExceededError' }));
    expect(autosave.dirty).toBe(true);

    state.fail = false; // space freed
    autosave.change({ body: 'words that must survive, and more' });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.at(-1)?.fields).toEqual({ body: 'words that must survive, and more' });
    expect(autosave.dirty).toBe(false);
  });

  it('a failed save is retried by itself, with backoff, when nobody types again (issue 13 #2)', async () => {
    const { calls, state, save } = recorder();
    const autosave = createAutosave(save, { onError: () => {}, backoffMs: [1000, 2000] });
    state.fail = true;
    autosave.change({ body: 'typed while the disk was full' });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(2); // first retry after 1 s
    await vi.advanceTimersByTimeAsync(1999);
    expect(calls).toHaveLength(2); // the next waits longer
    state.fail = false; // space came back
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(3);
    expect(autosave.dirty).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(3); // saved: no more retries
  });

  it('a failed save is retried at once when the page is focused or back online', async () => {
    const { calls, state, save } = recorder();
    const target = new EventTarget();
    const g = globalThis as unknown as { addEventListener?: unknown };
    const had = g.addEventListener;
    g.addEventListener = target.addEventListener.bind(target);
    try {
      const autosave = createAutosave(save, { onError: () => {}, backoffMs: [60_000] });
      state.fail = true;
      autosave.change({ body: 'kept' });
      await vi.advanceTimersByTimeAsync(0);
      state.fail = false;
      retryFailedWrites(); // what the online / focus / visibilitychange listeners call
      await vi.advanceTimersByTimeAsync(0);
      expect(calls.map((c) => c.fields.body)).toEqual(['kept', 'kept']);
      expect(autosave.dirty).toBe(false);
    } finally {
      g.addEventListener = had;
    }
  });

  it('the first save after a failure tells the shell, so the "could not save" banner clears', async () => {
    const { state, save } = recorder();
    const cleared = vi.fn();
    const stop = onSaved(cleared);
    try {
      const autosave = createAutosave(save, { onError: () => {} });
      autosave.change({ body: 'ok' });
      await autosave.flush();
      expect(cleared).not.toHaveBeenCalled(); // nothing had failed
      state.fail = true;
      autosave.change({ body: 'full' });
      await vi.advanceTimersByTimeAsync(0);
      state.fail = false;
      await autosave.flush();
      expect(cleared).toHaveBeenCalledTimes(1);
    } finally {
      stop();
    }
  });

  it('a failed save does not overwrite newer words typed while it was in flight', async () => {
    const { saved, save, release } = gated();
    const autosave = createAutosave(save, { onError: () => {} });
    autosave.change({ body: 'old' }); // save('old') in flight
    autosave.change({ body: 'old and new' });
    release(false); // 'old' fails
    await vi.advanceTimersByTimeAsync(0);
    const flushed = autosave.flush(); // retries with the latest
    await vi.advanceTimersByTimeAsync(0);
    release(true);
    await flushed;
    expect(saved).toEqual(['old and new']);
    expect(autosave.dirty).toBe(false);
  });

  // Regression: a save in flight that failed after cancel() used to resurrect a stale draft.
  it('cancel while a draft save is in flight: a late failure does not bring cancelled words back', async () => {
    const { save, release } = gated();
    const autosave = createAutosave(save, { onError: () => {} });
    autosave.change({ body: 'saved as an entry a moment later' }); // draft save in flight
    autosave.cancel(); // the entry itself was saved: the draft is no longer wanted
    release(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave.dirty).toBe(false);
    void autosave.flush();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('with the real drafts store: the latest keystroke is in IndexedDB', async () => {
    vi.useRealTimers(); // fake-indexeddb schedules on real timers
    const drafts = draftsRepo(getDb, now);
    const autosave = draftWriter(drafts, 'journal:new');
    autosave.change({ title: '', body: 'Tues' });
    autosave.change({ title: '', body: 'Tuesday' });
    await autosave.flush();
    expect((await drafts.get('journal:new'))?.fields).toEqual({ title: '', body: 'Tuesday' });
    expect(pendingWrites.has('drafts:journal:new')).toBe(false); // on disk: nothing left in memory
  });

  it('unsaved draft words stay in memory for the life of the page and come back on the next read (disk full)', async () => {
    vi.useRealTimers();
    const full = async () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const drafts = draftsRepo(getDb, now);
    await drafts.put('journal:new', { title: '', body: 'what was saved before the disk filled' });
    const editor = createAutosave(full, { key: 'drafts:journal:new', onError: () => {} });
    editor.change({ title: '', body: 'typed while the disk was full' });
    await editor.flush();
    // The editor is closed (Ground, Today…) and opened again: it reads the draft through the repository.
    expect((await drafts.get('journal:new'))?.fields['body']).toBe('typed while the disk was full');
    editor.cancel();
  });
});

describe('settings', () => {
  it('every setting reads as its typed default before anything is chosen', async () => {
    const settings = settingsRepo(getDb);
    for (const key of Object.keys(SETTING_DEFAULTS) as SettingKey[]) {
      expect(await settings.get(key)).toEqual(SETTING_DEFAULTS[key]);
    }
  });

  it('a chosen setting reads back', async () => {
    const settings = settingsRepo(getDb);
    await settings.set('volume', 0.25);
    await settings.set('sound', true);
    await settings.set('breathing', { pattern: 'box', minutes: 4 });
    expect(await settings.get('volume')).toBe(0.25);
    expect(await settings.get('sound')).toBe(true);
    expect(await settings.get('breathing')).toEqual({ pattern: 'box', minutes: 4 });
  });

  it.each([
    ['volume', 5],
    ['volume', '0.5'],
    ['sound', 'yes'],
    ['breathing', { pattern: 'box', minutes: 60 }],
    ['breathing', null],
    ['persistAsked', 1],
  ] as const)('an invalid stored %s (%j) reads as the default', async (key, value) => {
    await rawPut(unwrap(await getDb()), { settings: [{ key, value }] });
    expect(await settingsRepo(getDb).get(key)).toEqual(SETTING_DEFAULTS[key]);
  });

  it('set refuses an invalid value and leaves the stored one alone', async () => {
    const settings = settingsRepo(getDb);
    await settings.set('volume', 0.3);
    await expect(settings.set('volume', 7 as never)).rejects.toThrow();
    expect(await settings.get('volume')).toBe(0.3);
  });

  it('defaults are safe for someone sensitive to sound: off, and volume under the cap', () => {
    expect(SETTING_DEFAULTS.sound).toBe(false);
    expect(SETTING_DEFAULTS.volume).toBeLessThan(1);
  });
});

describe('personal', () => {
  it('reads as empty before anything is written', async () => {
    expect(await personalRepo(getDb, now).get()).toEqual({ id: 'mine', updatedAt: 0 });
  });

  it('update merges: writing the safe place keeps the orientation statement', async () => {
    const personal = personalRepo(getDb, now);
    await personal.update({ orientationPlace: 'my flat in Leeds', orientationStatement: 'It is 2026. I am safe.' });
    clock += 1000;
    const safePlace = { name: 'The beach at Filey', see: 'grey sea', hear: 'gulls', feel: 'cold sand' };
    const next = await personal.update({ safePlace });
    expect(next).toEqual({
      id: 'mine',
      orientationPlace: 'my flat in Leeds',
      orientationStatement: 'It is 2026. I am safe.',
      safePlace,
      updatedAt: clock,
    });
    expect(await personal.get()).toEqual(next);
  });

  it('update refuses text over the limit and keeps what was there', async () => {
    const personal = personalRepo(getDb, now);
    await personal.update({ orientationStatement: 'I am here.' });
    await expect(personal.update({ orientationStatement: 'x'.repeat(TEXT_MAX_CHARS + 1) })).rejects.toThrow();
    expect((await personal.get()).orientationStatement).toBe('I am here.');
  });
});

describe('problems reported by reads', () => {
  it('reading valid data reports nothing', async () => {
    const entries = entriesRepo(getDb, now);
    await entries.create(note());
    await entryReadsRepo(getDb).list();
    expect(problems).toEqual([]);
  });
});
