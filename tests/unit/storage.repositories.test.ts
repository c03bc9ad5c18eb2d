/**
 * The repositories' promises: entries are never lost (soft delete, undo, purge only after the window),
 * the journal is searchable the way people type, drafts keep every word within DRAFT_SAVE_DELAY_MS,
 * settings always read as something valid, and personal material merges instead of overwriting.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { unwrap } from 'idb';
import { freshIndexedDB, rawGet, rawPut, recordProblems } from './fixtures/idb';
import { getDb, resetConnection } from '../../src/storage/db';
import { UNDO_KEEP_MS, entriesRepo, matchesQuery, type NewEntry } from '../../src/storage/entries';
import { DRAFT_SAVE_DELAY_MS, createAutosave, draftsRepo } from '../../src/storage/drafts';
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
    const list = await entries.list();
    expect(list.map((e) => e.body)).toEqual(['second try']);
  });

  it('listSessions returns only guided-session entries that are not deleted (what "what helps" reads)', async () => {
    const entries = entriesRepo(getDb, now);
    await entries.create(note({ title: 'free words' }));
    const kept = await entries.create(note({ kind: 'session', moduleId: 'body', title: 'Body grounding' }));
    const gone = await entries.create(note({ kind: 'session', moduleId: 'breathing', title: 'Paced breathing' }));
    await entries.remove(gone.id);
    expect((await entries.listSessions()).map((e) => e.id)).toEqual([kept.id]);
  });

  it('create refuses a record that does not fit the schema, and writes nothing', async () => {
    const entries = entriesRepo(getDb, now);
    await expect(entries.create(note({ title: 'x'.repeat(501) }))).rejects.toThrow();
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
    expect((await entries.list()).map((e) => e.id)).toEqual([c.id, b.id, a.id]);
  });

  it('deleted entry leaves the list but stays restorable: remove, then restore brings it back unchanged', async () => {
    const entries = entriesRepo(getDb, now);
    const keep = await entries.create(note({ title: 'keep' }));
    const gone = await entries.create(note({ title: 'oops', body: 'do not lose me' }));
    clock += 1000;
    await entries.remove(gone.id);
    expect((await entries.list()).map((e) => e.id)).toEqual([keep.id]);
    expect(await entries.get(gone.id)).toMatchObject({ deletedAt: clock, body: 'do not lose me' });

    clock += 1000;
    await entries.restore(gone.id);
    const back = await entries.get(gone.id);
    expect(back).toMatchObject({ id: gone.id, title: 'oops', body: 'do not lose me', createdAt: gone.createdAt, updatedAt: clock });
    expect(back).not.toHaveProperty('deletedAt');
    expect((await entries.list()).map((e) => e.id).sort()).toEqual([keep.id, gone.id].sort());
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

  it('a damaged draft reads as no draft, rather than breaking the editor', async () => {
    const db = unwrap(await getDb());
    await rawPut(db, { drafts: [{ id: 'journal:new', fields: { body: 42 }, updatedAt: 1 }] });
    expect(await draftsRepo(getDb, now).get('journal:new')).toBeUndefined();
    expect(await rawGet(db, 'drafts', 'journal:new')).toBeDefined(); // still there, not deleted
  });
});

describe('createAutosave', () => {
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

  it('the product promise: drafts are saved at most one second after the last keystroke', () => {
    expect(DRAFT_SAVE_DELAY_MS).toBeGreaterThan(0);
    expect(DRAFT_SAVE_DELAY_MS).toBeLessThanOrEqual(1000);
  });

  it('draft is saved DRAFT_SAVE_DELAY_MS after the last keystroke, not before', async () => {
    const { calls, save } = recorder();
    const autosave = createAutosave(save);
    const t0 = Date.now();
    autosave.change({ body: 'h' });
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS - 1);
    expect(calls).toEqual([]);
    expect(autosave.dirty).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual([{ at: t0 + DRAFT_SAVE_DELAY_MS, fields: { body: 'h' } }]);
    expect(autosave.dirty).toBe(false);
  });

  it('fast typing coalesces into one save of the latest text', async () => {
    const { calls, save } = recorder();
    const onSaved = vi.fn();
    const autosave = createAutosave(save, { onSaved });
    const text = 'I am here';
    for (let i = 1; i <= text.length; i++) {
      autosave.change({ body: text.slice(0, i) });
      await vi.advanceTimersByTimeAsync(80); // faster than the delay
    }
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS);
    expect(calls.map((c) => c.fields)).toEqual([{ body: 'I am here' }]);
    expect(onSaved).toHaveBeenCalledTimes(1);
  });

  it('slow typing saves after each pause, each within the delay of its last keystroke', async () => {
    const { calls, save } = recorder();
    const autosave = createAutosave(save);
    const typedAt: number[] = [];
    for (const word of ['I', 'I am', 'I am here']) {
      autosave.change({ body: word });
      typedAt.push(Date.now());
      await vi.advanceTimersByTimeAsync(1500);
    }
    expect(calls.map((c) => c.fields.body)).toEqual(['I', 'I am', 'I am here']);
    calls.forEach((c, i) => expect(c.at - typedAt[i]!).toBeLessThanOrEqual(DRAFT_SAVE_DELAY_MS));
  });

  // Regression: a pure debounce never saved a steady typist's words until they paused.
  it('continuous typing is saved as it goes — every keystroke is on disk within 1 s', async () => {
    const { calls, save } = recorder();
    const autosave = createAutosave(save);
    const start = Date.now();
    const text = 'I keep typing without stopping for three whole seconds';
    for (let i = 1; i <= 30; i++) {
      autosave.change({ body: text.slice(0, i) });
      await vi.advanceTimersByTimeAsync(100); // 10 keys a second: a steady typist
    }
    // The first keystroke happened at `start`: some save holding it must have landed by start + 1000.
    const first = calls.find((c) => c.fields['body']!.length >= 1);
    expect(first?.at ?? Infinity).toBeLessThanOrEqual(start + 1000);
  });

  it('the saved fields are a copy: later edits to the object do not change what was queued', async () => {
    const { calls, save } = recorder();
    const autosave = createAutosave(save);
    const fields = { body: 'first' };
    autosave.change(fields);
    fields.body = 'mutated';
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS);
    expect(calls[0]?.fields).toEqual({ body: 'first' });
  });

  it('flush writes at once (pagehide), and the pending timer does not save twice', async () => {
    const { calls, save } = recorder();
    const autosave = createAutosave(save);
    autosave.change({ body: 'leaving now' });
    await autosave.flush();
    expect(calls.map((c) => c.fields)).toEqual([{ body: 'leaving now' }]);
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS * 3);
    expect(calls).toHaveLength(1);
  });

  it('flush with nothing typed writes nothing', async () => {
    const { calls, save } = recorder();
    await createAutosave(save).flush();
    expect(calls).toEqual([]);
  });

  it('cancel drops the pending save (the words were saved elsewhere)', async () => {
    const { calls, save } = recorder();
    const autosave = createAutosave(save);
    autosave.change({ body: 'saved as an entry' });
    autosave.cancel();
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS * 3);
    await autosave.flush();
    expect(calls).toEqual([]);
    expect(autosave.dirty).toBe(false);
  });

  it('a full disk never silently drops words: a failed save keeps the text pending and the next keystroke retries it', async () => {
    const { calls, state, save } = recorder();
    const onError = vi.fn();
    const autosave = createAutosave(save, { onError });
    state.fail = true;
    autosave.change({ body: 'words that must survive' });
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS);
    expect(calls).toHaveLength(1);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ name: 'QuotaExceededError' }));
    expect(autosave.dirty).toBe(true);

    state.fail = false; // space freed
    autosave.change({ body: 'words that must survive, and more' });
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS);
    expect(calls.at(-1)?.fields).toEqual({ body: 'words that must survive, and more' });
    expect(autosave.dirty).toBe(false);
  });

  it('a full disk never silently drops words: after a failed save, flush retries the same text', async () => {
    const { calls, state, save } = recorder();
    const autosave = createAutosave(save, { onError: () => {} });
    state.fail = true;
    autosave.change({ body: 'kept' });
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS);
    await autosave.flush(); // still full
    expect(autosave.dirty).toBe(true);
    state.fail = false;
    await autosave.flush();
    expect(calls.map((c) => c.fields.body)).toEqual(['kept', 'kept', 'kept']);
    expect(autosave.dirty).toBe(false);
  });

  it('a failed save does not overwrite newer words typed while it was in flight', async () => {
    let release!: (ok: boolean) => void;
    const saved: string[] = [];
    const save = vi.fn(
      (fields: Record<string, string>) =>
        new Promise<void>((resolve, reject) => {
          release = (ok) => (ok ? (saved.push(fields['body']!), resolve()) : reject(new DOMException('full', 'QuotaExceededError')));
        }),
    );
    const autosave = createAutosave(save, { onError: () => {} });
    autosave.change({ body: 'old' });
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS); // save('old') in flight
    autosave.change({ body: 'old and new' });
    release(false); // 'old' fails
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS);
    release(true);
    await autosave.flush();
    expect(saved).toEqual(['old and new']);
    expect(autosave.dirty).toBe(false);
  });

  // Regression: a save in flight that failed after cancel() used to resurrect a stale draft.
  it('cancel while a draft save is in flight: a late failure does not bring cancelled words back', async () => {
    let fail!: () => void;
    const save = vi.fn(
      () =>
        new Promise<void>((_resolve, reject) => {
          fail = () => reject(new DOMException('full', 'QuotaExceededError'));
        }),
    );
    const autosave = createAutosave(save, { onError: () => {} });
    autosave.change({ body: 'saved as an entry a moment later' });
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS); // draft save in flight
    autosave.cancel(); // the entry itself was saved: the draft is no longer wanted
    fail();
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave.dirty).toBe(false);
    void autosave.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('with the real drafts store: keystrokes end up in IndexedDB within the delay', async () => {
    vi.useRealTimers(); // fake-indexeddb schedules on real timers
    const drafts = draftsRepo(getDb, now);
    const autosave = createAutosave((fields) => drafts.put('journal:new', fields), { delayMs: 20 });
    autosave.change({ title: '', body: 'Tues' });
    autosave.change({ title: '', body: 'Tuesday' });
    await new Promise((r) => setTimeout(r, 60));
    await autosave.flush();
    expect((await drafts.get('journal:new'))?.fields).toEqual({ title: '', body: 'Tuesday' });
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
    await expect(personal.update({ orientationStatement: 'x'.repeat(2001) })).rejects.toThrow();
    expect((await personal.get()).orientationStatement).toBe('I am here.');
  });
});

describe('problems reported by reads', () => {
  it('reading valid data reports nothing', async () => {
    const entries = entriesRepo(getDb, now);
    await entries.create(note());
    await entries.list();
    expect(problems).toEqual([]);
  });
});
