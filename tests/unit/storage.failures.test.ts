/**
 * IndexedDB's failure modes are part of the storage API (STYLE.md habit 5): a blocked upgrade, a newer
 * tab, the browser dropping the connection, a full disk. Each ends in a StorageProblem the shell shows in
 * plain words, and none of them loses what the person wrote: writes reject so the caller keeps the text.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forceCloseDatabase } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { freshIndexedDB, rawGetAll, rawOpen, recordProblems } from './fixtures/idb';
import { DB_NAME, SCHEMA_VERSION, classify, getDb, openGroundwork, type Db } from '../../src/storage/db';
import { MIGRATIONS } from '../../src/storage/migrations';
import { entriesRepo } from '../../src/storage/entries';
import { draftsRepo } from '../../src/storage/drafts';
import { createAutosave, draftWriter } from '../../src/storage/draft-writer';
import { pendingWrites, RESCUE_KEY } from '../../src/storage/pending';
import { isSuperseded } from '../../src/storage/problems';
import { sessionsRepo } from '../../src/storage/sessions';
import { settingsRepo } from '../../src/storage/settings';
import { personalRepo } from '../../src/storage/personal';
import type { StorageProblem } from '../../src/storage/problems';

let problems: StorageProblem[];
let stopRecording: () => void;
const toClose: { close(): void }[] = [];

beforeEach(() => {
  freshIndexedDB();
  ({ problems, stop: stopRecording } = recordProblems());
});

afterEach(() => {
  stopRecording();
  for (const db of toClose.splice(0)) db.close();
});

/** An old build's tab: opens v1 with plain IndexedDB and ignores `versionchange` (does not close). */
async function stubbornOldTab(): Promise<IDBDatabase> {
  const db = await rawOpen(DB_NAME, 1, (raw, tx) => MIGRATIONS[0]!.up(raw, tx));
  toClose.push(db);
  return db;
}

const quota = () => new DOMException('full', 'QuotaExceededError');

/**
 * A full disk: every write through this connection rejects with QuotaExceededError (as Chromium reports
 * it when a transaction cannot commit); reads still work.
 */
function fullDisk(db: Db): () => Promise<Db> {
  const failingStore = (store: object) =>
    new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'put' || prop === 'add') return () => Promise.reject(quota());
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  const wrapped = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'put' || prop === 'add') return () => Promise.reject(quota());
      if (prop === 'transaction') {
        return (...args: Parameters<Db['transaction']>) => {
          const tx = target.transaction(...args);
          return new Proxy(tx, {
            get(t, p, r) {
              if (p === 'store') return failingStore((t as unknown as { store: object }).store);
              if (p === 'objectStore') return (name: string) => failingStore(t.objectStore(name as never));
              const value = Reflect.get(t, p, r);
              return typeof value === 'function' ? value.bind(t) : value;
            },
          });
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return async () => wrapped;
}

describe('another tab holds the database', () => {
  it('blocked upgrade is reported, and completes once the old tab closes', async () => {
    const oldTab = await stubbornOldTab();
    const opening = openGroundwork();
    await vi.waitFor(() => expect(problems).toEqual([{ kind: 'blocked' }]));

    oldTab.close();
    const db = await opening;
    toClose.push(db);
    expect(db.version).toBe(SCHEMA_VERSION);
    expect(problems).toEqual([{ kind: 'blocked' }]);
  });

  it('an older tab gives way to a newer one: it closes its connection and is told it is out of date', async () => {
    const older = await openGroundwork({ version: 1 });
    const newer = await openGroundwork(); // not blocked: the older tab let go at once
    toClose.push(newer);
    expect(newer.version).toBe(SCHEMA_VERSION);
    expect(problems).toEqual([{ kind: 'newer-tab' }]);
    // The older connection is really closed (writes there fail instead of hanging the upgrade).
    expect(() => older.transaction('entries')).toThrow();
  });

  it('an old build opening a database a newer build has upgraded is told a newer version exists', async () => {
    const future = await rawOpen(DB_NAME, SCHEMA_VERSION + 1, () => {});
    future.close();
    await expect(getDb()).rejects.toMatchObject({ name: 'VersionError' });
    expect(problems).toEqual([{ kind: 'newer-tab' }]);
    // The failed open is not cached: the next call tries again rather than repeating a stale failure.
    await expect(getDb()).rejects.toMatchObject({ name: 'VersionError' });
    expect(problems).toHaveLength(2);
  });

  // Regression: blocking() used to keep the closed connection, so later saves read as 'unavailable'.
  it('after giving way to a newer tab, a later save in the old tab is reported as "newer-tab"', async () => {
    const drafts = draftsRepo(getDb);
    await drafts.put('journal:new', { body: 'before the new version opened' });
    const newer = await rawOpen(DB_NAME, SCHEMA_VERSION + 1, () => {});
    toClose.push(newer);
    expect(problems).toEqual([{ kind: 'newer-tab' }]);

    await expect(drafts.put('journal:new', { body: 'typed afterwards' })).rejects.toBeDefined();
    expect(problems.map((p) => p.kind)).not.toContain('unavailable');
    expect(problems.at(-1)).toEqual({ kind: 'newer-tab' });
  });

  // Issue 13 #4: the old tab's words went nowhere, retries could never work, and a VersionError escaped.
  it('a newer version takes the database: this page is marked superseded, stops retrying, and the words are rescued for a reload', async () => {
    const store = new Map<string, string>();
    (globalThis as { sessionStorage?: unknown }).sessionStorage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    };
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const drafts = draftsRepo(getDb);
      const writer = draftWriter(drafts, 'journal:new', { onError: () => {}, backoffMs: [5] });
      writer.change({ title: 'Before', body: 'saved before the new version opened' });
      await writer.flush();
      expect(isSuperseded()).toBe(false);

      const newer = await rawOpen(DB_NAME, SCHEMA_VERSION + 1, () => {});
      toClose.push(newer);
      expect(isSuperseded()).toBe(true);
      // Even words already on disk are rescued: this build cannot read the upgraded database any more.
      expect(JSON.parse(store.get(RESCUE_KEY) ?? '{}')['drafts:journal:new']).toEqual({ title: 'Before', body: 'saved before the new version opened' });

      const put = vi.spyOn(drafts, 'put');
      writer.change({ title: 'Before', body: 'typed afterwards' });
      await writer.flush();
      const tried = put.mock.calls.length;
      await new Promise((r) => setTimeout(r, 50)); // ten backoffs of 5 ms
      expect(put).toHaveBeenCalledTimes(tried); // no retry loop against a database it can never open again
      expect(writer.dirty).toBe(true);
      // The next load of this tab reads the words back (memory is gone, sessionStorage is not).
      pendingWrites.clear();
      expect(await drafts.get('journal:new')).toMatchObject({ fields: { title: 'Before', body: 'typed afterwards' } });
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      delete (globalThis as { sessionStorage?: unknown }).sessionStorage;
    }
  });
});

describe('a reload of the old tab after a newer version took the database', () => {
  // Issue 13 #4: "reload this tab to carry on with it". This build cannot open the upgraded database, so
  // the words come from the tab's rescue copy: Today must still offer them, not fail its whole list.
  it('Today still offers the rescued session and journal draft, though the disk cannot be read', async () => {
    const session = { id: 'rescued-1', moduleId: 'five-senses', status: 'active', startedAt: 1000, updatedAt: 2000, snapshot: { context: { note: 'typed in the old tab' } } };
    const store = new Map<string, string>([
      [RESCUE_KEY, JSON.stringify({ 'sessions:rescued-1': session, 'drafts:journal:new': { title: 'Kept', body: 'words of the old tab' } })],
    ]);
    (globalThis as { sessionStorage?: unknown }).sessionStorage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    };
    try {
      toClose.push(await rawOpen(DB_NAME, SCHEMA_VERSION + 1, () => {}));
      pendingWrites.clear(); // a fresh page load: only sessionStorage survived

      expect(await sessionsRepo().unfinished()).toEqual([session]);
      expect(await draftsRepo().waiting()).toEqual([expect.objectContaining({ id: 'journal:new', title: 'Kept', preview: 'words of the old tab' })]);
      expect(problems.map((p) => p.kind)).toContain('newer-tab');
    } finally {
      delete (globalThis as { sessionStorage?: unknown }).sessionStorage;
    }
  });

  it('with nothing rescued, the failure is still reported to the caller', async () => {
    toClose.push(await rawOpen(DB_NAME, SCHEMA_VERSION + 1, () => {}));
    await expect(sessionsRepo().unfinished()).rejects.toBeDefined();
    await expect(draftsRepo().waiting()).rejects.toBeDefined();
  });
});

describe('the browser drops the connection', () => {
  it('is reported as terminated, and the next save reopens the database and succeeds', async () => {
    const first = await getDb();
    // fake-indexeddb's types declare the parameter as the class, not an instance.
    forceCloseDatabase(unwrap(first) as never);
    await vi.waitFor(() => expect(problems).toEqual([{ kind: 'terminated' }]));

    const drafts = draftsRepo(getDb);
    await drafts.put('journal:new', { body: 'still here' });
    const second = await getDb();
    toClose.push(second);
    expect(second).not.toBe(first);
    expect((await drafts.get('journal:new'))?.fields).toEqual({ body: 'still here' });
  });
});

describe('classify', () => {
  const named = (name: string) => new DOMException('x', name);
  it.each<[string, unknown, StorageProblem]>([
    ['QuotaExceededError → quota (device full)', named('QuotaExceededError'), { kind: 'quota' }],
    ['VersionError → newer-tab (a newer build upgraded the database)', named('VersionError'), { kind: 'newer-tab' }],
    ['InvalidStateError → unavailable (Firefox private mode, closed connection)', named('InvalidStateError'), { kind: 'unavailable' }],
    ['UnknownError → unavailable (disk or profile error)', named('UnknownError'), { kind: 'unavailable' }],
    ['SecurityError → unavailable (storage switched off, opaque origin)', named('SecurityError'), { kind: 'unavailable' }],
    ['AbortError → unknown, with its name', named('AbortError'), { kind: 'unknown', detail: 'AbortError' }],
    ['DataCloneError → unknown, with its name', named('DataCloneError'), { kind: 'unknown', detail: 'DataCloneError' }],
    ['an Error subclass is classified by its name too', Object.assign(new Error('x'), { name: 'QuotaExceededError' }), { kind: 'quota' }],
    ['a plain Error → unknown "Error"', new Error('boom'), { kind: 'unknown', detail: 'Error' }],
    ['a thrown string → unknown, with the string', 'oops', { kind: 'unknown', detail: 'oops' }],
    ['undefined → unknown "undefined"', undefined, { kind: 'unknown', detail: 'undefined' }],
  ])('%s', (_name, error, expected) => {
    expect(classify(error)).toEqual(expected);
  });
});

describe('a full disk', () => {
  it('entries.create reports quota and rejects, so the caller keeps the text', async () => {
    const db = await getDb();
    const entries = entriesRepo(fullDisk(db));
    await expect(entries.create({ kind: 'free', title: 'Tonight', body: 'every word of this', complete: true })).rejects.toMatchObject({
      name: 'QuotaExceededError',
    });
    expect(problems).toEqual([{ kind: 'quota' }]);
    expect(await rawGetAll(unwrap(db), 'entries')).toEqual([]);
  });

  it('entries.update reports quota, rejects, and the stored entry is unchanged', async () => {
    const db = await getDb();
    const saved = await entriesRepo(getDb).create({ kind: 'free', title: 'T', body: 'original', complete: true });
    await expect(entriesRepo(fullDisk(db)).update(saved.id, { body: 'edited' })).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(problems).toEqual([{ kind: 'quota' }]);
    expect((await entriesRepo(getDb).get(saved.id))?.body).toBe('original');
  });

  it.each([
    ['drafts.put', (get: () => Promise<Db>) => draftsRepo(get).put('journal:new', { body: 'x' })],
    ['sessions.put', (get: () => Promise<Db>) => sessionsRepo(get).put({ id: 's', moduleId: 'm', status: 'active', startedAt: 1, updatedAt: 1, snapshot: {} })],
    ['settings.set', (get: () => Promise<Db>) => settingsRepo(get).set('volume', 0.5)],
    ['personal.update', (get: () => Promise<Db>) => personalRepo(get).update({ orientationPlace: 'home' })],
    ['entries.remove (soft delete)', (get: () => Promise<Db>) => entriesRepo(get).remove('any')],
  ])('%s reports quota and rejects', async (_name, write) => {
    const db = await getDb();
    if (_name.startsWith('entries.remove')) await entriesRepo(getDb).create({ id: 'any', kind: 'free', title: '', body: 'b', complete: true });
    await expect(write(fullDisk(db))).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(problems).toEqual([{ kind: 'quota' }]);
  });

  it('a full disk never silently drops words: typing keeps failing visibly, then the latest text is saved once space is freed', async () => {
    const db = await getDb();
    let full = true;
    const drafts = draftsRepo(() => (full ? fullDisk(db)() : Promise.resolve(db)));
    const errors: unknown[] = [];
    const autosave = createAutosave((fields) => drafts.put('journal:new', fields), { onError: (e) => errors.push(e) });

    autosave.change({ body: 'I' });
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    autosave.change({ body: 'I am' });
    await vi.waitFor(() => expect(errors).toHaveLength(2));
    expect(autosave.dirty).toBe(true);
    expect(problems.every((p) => p.kind === 'quota')).toBe(true);
    expect(await drafts.get('journal:new')).toBeUndefined();

    full = false;
    autosave.change({ body: 'I am here' });
    await vi.waitFor(async () => expect((await draftsRepo(getDb).get('journal:new'))?.fields).toEqual({ body: 'I am here' }));
    expect(autosave.dirty).toBe(false);
  });
});
