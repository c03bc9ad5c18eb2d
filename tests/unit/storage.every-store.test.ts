/**
 * Issue 17, "Every store, every fault": the protections issue 13 built for the journal, drafts and sessions,
 * held by every store added since — doses, voice notes, the safety plan, the fear list and practices,
 * written exposure, questionnaires, plans (and the personal record). Each part runs once per store:
 *  - a record the app cannot read is copied raw to quarantine (once, however often it is read), counted
 *    once in the notice, and never deleted;
 *  - words written while the disk is full stay in memory, come back when the screen is opened again, and are
 *    written when space returns (the "could not save" banner is told to clear);
 *  - one tab at a time writes a record that is edited over time; the other waits, and taking over gets every
 *    word, the last keystroke too, and stops the first tab writing;
 *  - every committed write tells the other tabs which store changed, so their screens read again;
 *  - what each earlier version (fixtures v1…v9) wrote is read by today's repositories after the upgrade.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unwrap } from 'idb';
import { freshIndexedDB, rawGet, rawGetAll, rawPut, recordProblems, until } from './fixtures/idb';
import { openGroundwork, type Db } from '../../src/storage/db';
import { onSaved, type StorageProblem } from '../../src/storage/problems';
import { retryFailedWrites, type Writer } from '../../src/storage/writer';
import { pendingWrites } from '../../src/storage/pending';
import { createTabLock } from '../../src/storage/tab-lock';
import { holdRecord, type Hold, type HoldOptions } from '../../src/storage/record-claim';
import { useChangesChannel, onStoresChanged } from '../../src/storage/changes';
import { dosesRepo } from '../../src/storage/doses';
import { mediaRepo } from '../../src/storage/media';
import { safetyPlanRepo } from '../../src/storage/safety-plan';
import { exposureRepo } from '../../src/storage/exposure';
import { writtenExposureRepo } from '../../src/storage/written-exposure';
import { measuresRepo } from '../../src/storage/measures';
import { personalRepo } from '../../src/storage/personal';
import { draftsRepo } from '../../src/storage/drafts';
import { plansRepo } from '../../src/plans/store';
import { emptyDraft } from '../../src/plans/compose';
import { emptySafetyPlan, type SafetyPlan } from '../../src/storage/safety-plan.schema';
import { emptyHierarchy, type ExposureRecord, type Hierarchy } from '../../src/storage/exposure.schema';
import { newCourse, type WrittenCourse } from '../../src/storage/written-exposure.schema';
import type { MeasureRecord } from '../../src/storage/measures.schema';
import type { ComposedDraft } from '../../src/storage/plans.schema';
import { emptyInVivoData } from '../../src/modules/exposure/in-vivo/machine';
import { FakeLocks, fakeBus } from './lib/fake-tabs';
import { v1 } from './fixtures/v1';
import { v2 } from './fixtures/v2';
import { v3 } from './fixtures/v3';
import { v4 } from './fixtures/v4';
import { v5 } from './fixtures/v5';
import { v6 } from './fixtures/v6';
import { v7 } from './fixtures/v7';
import { v8 } from './fixtures/v8';
import { v9 } from './fixtures/v9';

const NOW = Date.UTC(2026, 10, 30, 12);
const WORDS = 'the words I wrote that night';

let problems: StorageProblem[];
let stopRecording: () => void;
const toClose: Db[] = [];

beforeEach(() => {
  freshIndexedDB();
  ({ problems, stop: stopRecording } = recordProblems());
});
afterEach(() => {
  stopRecording();
  useChangesChannel(undefined);
  for (const db of toClose.splice(0)) db.close();
});

async function openDb(): Promise<Db> {
  const db = await openGroundwork();
  toClose.push(db);
  return db;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const invalidCount = () => problems.filter((p) => p.kind === 'invalid-records').map((p) => (p as { count: number }).count).pop();

// ——— quarantine ———

interface DamagedCase {
  store: string;
  key: string;
  raw: Record<string, unknown>;
  read(db: () => Promise<Db>): Promise<unknown>;
}

const DAMAGED: DamagedCase[] = [
  { store: 'doses', key: 'd-bad', raw: { id: 'd-bad', takenAt: 'yesterday', note: WORDS }, read: (db) => dosesRepo(db).list() },
  { store: 'doses', key: 'd-bad2', raw: { id: 'd-bad2', takenAt: 'z', note: WORDS }, read: (db) => dosesRepo(db).get('d-bad2') },
  { store: 'media', key: 'm-bad', raw: { id: 'm-bad', createdAt: 5, chunks: WORDS }, read: (db) => mediaRepo(db).unfinished() },
  { store: 'safetyPlan', key: 'mine', raw: { id: 'mine', sections: WORDS }, read: (db) => safetyPlanRepo(db).get().catch(() => 'unreadable') },
  { store: 'hierarchy', key: 'mine', raw: { id: 'mine', items: [{ text: WORDS }] }, read: (db) => exposureRepo(db).hierarchy.get().catch(() => 'unreadable') },
  { store: 'exposures', key: 'e-bad', raw: { id: 'e-bad', itemId: 'bus', startedAt: 1, data: { situation: WORDS } }, read: (db) => exposureRepo(db).records.forItem('bus') },
  { store: 'writtenExposure', key: 'c-bad', raw: { id: 'c-bad', name: 'x', sessions: [{ text: WORDS }] }, read: (db) => writtenExposureRepo(db).list() },
  { store: 'measures', key: 'q-bad', raw: { id: 'q-bad', measureId: 'phq9', startedAt: 1, answers: WORDS }, read: (db) => measuresRepo(db).list() },
  { store: 'plans', key: 'accepted:bad', raw: { id: 'accepted:bad', kind: 'accepted', plan: { note: WORDS } }, read: (db) => plansRepo(db).history() },
  { store: 'plans', key: 'composed:bad', raw: { id: 'composed:bad', kind: 'composed', draft: { title: WORDS } }, read: (db) => plansRepo(db).listComposed() },
  { store: 'personal', key: 'mine', raw: { id: 'mine', safePlace: { words: WORDS } }, read: (db) => personalRepo(db).get() },
];

describe.each(DAMAGED.map((c) => [`${c.store} (${c.key})`, c] as const))('an unreadable %s record', (_label, c) => {
  it('is copied raw to quarantine once, counted once, and stays where it was', async () => {
    const db = await openDb();
    await rawPut(unwrap(db), { [c.store]: [c.raw] });
    const get = async () => db;
    await c.read(get);
    await c.read(get); // a list is read on every visit: still one copy, still one in the notice
    await c.read(get);
    const kept = await rawGetAll(unwrap(db), 'quarantine');
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ store: c.store, key: c.key, reason: 'schema', raw: c.raw });
    expect((kept[0] as { words: string[] }).words).toContain(WORDS);
    expect(await rawGet(unwrap(db), c.store, c.key)).toEqual(c.raw); // never deleted
    expect(invalidCount()).toBe(1);
  });
});

// ——— a full disk ———

const quota = () => new DOMException('full', 'QuotaExceededError');

/** Reads work; every write transaction is refused while `state.full`, as Chromium does at its quota. */
function diskThatFills(db: Db, state: { full: boolean }): () => Promise<Db> {
  const wrapped = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'transaction')
        return (stores: never, mode?: IDBTransactionMode) => {
          if (state.full && mode === 'readwrite') throw quota();
          return target.transaction(stores, mode);
        };
      if ((prop === 'put' || prop === 'add') && state.full) return () => Promise.reject(quota());
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return async () => wrapped;
}

interface FullCase<T> {
  store: string;
  key: string;
  writer(db: () => Promise<Db>): Writer<T>;
  value: T;
  /** Read back as the screen does when it is opened again (a new repository, the same page). */
  read(db: () => Promise<Db>): Promise<unknown>;
}

const course = (): WrittenCourse => {
  const c = newCourse('course-1', NOW, 'the flat');
  return { ...c, sessions: c.sessions.map((s, i) => (i === 0 ? { ...s, status: 'writing', text: WORDS } : s)) as WrittenCourse['sessions'] };
};
const measure = (): MeasureRecord => ({ ...measuresRepo().create('phq9', 'two-weeks'), id: 'q-1', answers: [2, 1, null, null, null, null, null, null, null] });
const practice = (): ExposureRecord => ({
  id: 'session-1',
  kind: 'in-vivo',
  itemId: 'bus',
  startedAt: NOW,
  updatedAt: NOW,
  complete: false,
  data: { ...emptyInVivoData(), itemId: 'bus', situation: WORDS, preSuds: 60 },
});
const planWithWords = (): SafetyPlan => ({ ...emptySafetyPlan(), sections: { ...emptySafetyPlan().sections, coping: [{ id: 'c1', text: WORDS }] } });
const listWithWords = (): Hierarchy => ({ ...emptyHierarchy(), items: [{ id: 'i1', text: WORDS, suds: 40, status: 'not-yet', safe: 'unchecked', createdAt: NOW }] });

const FULL: FullCase<unknown>[] = [
  { store: 'safetyPlan', key: 'mine', writer: (db) => safetyPlanRepo(db).writer({ backoffMs: [60_000] }), value: planWithWords(), read: (db) => safetyPlanRepo(db).get() },
  { store: 'hierarchy', key: 'mine', writer: (db) => exposureRepo(db).hierarchy.writer({ backoffMs: [60_000] }), value: listWithWords(), read: (db) => exposureRepo(db).hierarchy.get() },
  { store: 'writtenExposure', key: 'course-1', writer: (db) => writtenExposureRepo(db).writer('course-1', { backoffMs: [60_000] }), value: course(), read: (db) => writtenExposureRepo(db).get('course-1') },
  { store: 'writtenExposure', key: 'course-1', writer: (db) => writtenExposureRepo(db).writer('course-1', { backoffMs: [60_000] }), value: course(), read: (db) => writtenExposureRepo(db).list() },
  { store: 'measures', key: 'q-1', writer: (db) => measuresRepo(db).writer('q-1', { backoffMs: [60_000] }), value: { ...measure(), answers: [2, 1, 3, null, null, null, null, null, null] }, read: (db) => measuresRepo(db).list() },
  { store: 'exposures', key: 'session-1', writer: (db) => exposureRepo(db).records.writer('session-1', { backoffMs: [60_000] }), value: practice(), read: (db) => exposureRepo(db).records.get('session-1') },
] as FullCase<unknown>[];

describe.each(FULL.map((c, i) => [`${c.store} #${i}`, c] as const))('storage full while writing %s', (_label, c) => {
  it('keeps the words in memory, gives them back when the screen opens again, and writes them when space returns', async () => {
    const db = await openDb();
    const disk = { full: true };
    const get = diskThatFills(db, disk);
    let savedAgain = 0;
    const stop = onSaved(() => savedAgain++);
    try {
      const writer = c.writer(get);
      writer.change(c.value);
      await writer.flush();
      expect(writer.dirty).toBe(true);
      expect(problems).toContainEqual({ kind: 'quota' });
      expect(await rawGet(unwrap(db), c.store, c.key)).toBeUndefined();

      // The person goes elsewhere and comes back: the screen reads the record again — the words are there.
      expect(JSON.stringify(await c.read(get))).toEqual(expect.stringContaining(JSON.stringify(c.value).includes(WORDS) ? WORDS : '[2,1,3'));

      disk.full = false;
      retryFailedWrites(); // what `online`, `focus` and a visible page do
      await writer.flush();
      expect(writer.dirty).toBe(false);
      expect(JSON.stringify(await rawGet(unwrap(db), c.store, c.key))).toEqual(expect.stringContaining(JSON.stringify(c.value).includes(WORDS) ? WORDS : '[2,1,3'));
      expect(savedAgain).toBe(1); // the shell clears its "could not save" banner
      expect(pendingWrites.size).toBe(0);
    } finally {
      stop();
    }
  });
});

// ——— one tab at a time ———

interface ClaimCase<T> {
  store: string;
  key: string;
  hold(db: () => Promise<Db>, options: HoldOptions<T>): Hold<T>;
  writer(db: () => Promise<Db>): Writer<T>;
  first: T;
  last: T;
  fromB: T;
  lastText: string;
  bText: string;
}

const withCoping = (text: string): SafetyPlan => ({ ...emptySafetyPlan(), sections: { ...emptySafetyPlan().sections, coping: [{ id: 'c1', text }] } });
const withItem = (text: string): Hierarchy => ({ ...emptyHierarchy(), items: [{ id: 'i1', text, suds: 40, status: 'not-yet', safe: 'unchecked', createdAt: NOW }] });
const courseText = (text: string): WrittenCourse => {
  const c = newCourse('course-1', NOW, 'the flat');
  return { ...c, sessions: c.sessions.map((s, i) => (i === 0 ? { ...s, status: 'writing', text } : s)) as WrittenCourse['sessions'] };
};
const answers = (first: number): MeasureRecord => ({ ...measure(), answers: [first, 1, null, null, null, null, null, null, null] });
const draftTitled = (title: string): ComposedDraft => ({ ...emptyDraft(), title });

const CLAIMS: ClaimCase<unknown>[] = [
  {
    store: 'safetyPlan', key: 'mine',
    hold: (db, o) => safetyPlanRepo(db).hold(o as HoldOptions<SafetyPlan>),
    writer: (db) => safetyPlanRepo(db).writer(),
    first: withCoping('A walk'), last: withCoping('A walk by the river'), fromB: withCoping('A walk by the river, then tea'),
    lastText: 'A walk by the river', bText: 'then tea',
  },
  {
    store: 'hierarchy', key: 'mine',
    hold: (db, o) => exposureRepo(db).hierarchy.hold(o as HoldOptions<Hierarchy>),
    writer: (db) => exposureRepo(db).hierarchy.writer(),
    first: withItem('The bus'), last: withItem('The bus at rush hour'), fromB: withItem('The bus at rush hour, alone'),
    lastText: 'The bus at rush hour', bText: 'alone',
  },
  {
    store: 'writtenExposure', key: 'course-1',
    hold: (db, o) => writtenExposureRepo(db).hold('course-1', o as HoldOptions<WrittenCourse>),
    writer: (db) => writtenExposureRepo(db).writer('course-1'),
    first: courseText('It was dark'), last: courseText('It was dark and cold'), fromB: courseText('It was dark and cold. I left.'),
    lastText: 'It was dark and cold', bText: 'I left.',
  },
  {
    store: 'measures', key: 'q-1',
    hold: (db, o) => measuresRepo(db).hold('q-1', o as HoldOptions<MeasureRecord>),
    writer: (db) => measuresRepo(db).writer('q-1'),
    first: answers(0), last: answers(2), fromB: { ...answers(2), answers: [2, 1, 3, null, null, null, null, null, null] },
    lastText: '"answers":[2,1,null', bText: '"answers":[2,1,3',
  },
  {
    store: 'plans', key: 'composed-1',
    hold: (db, o) => plansRepo(db).holdComposed('composed-1', o as HoldOptions<ComposedDraft>),
    writer: (db) => plansRepo(db).composedWriter('composed-1'),
    first: draftTitled('Week one'), last: draftTitled('Week one, gently'), fromB: draftTitled('Week one, gently — with breathing'),
    lastText: 'Week one, gently', bText: 'with breathing',
  },
] as ClaimCase<unknown>[];

describe.each(CLAIMS.map((c) => [c.store, c] as const))('%s open in two tabs', (_label, c) => {
  it('one tab writes; the other waits, takes over with the last keystroke, and the first never writes again', async () => {
    const db = await openDb();
    const get = async () => db;
    const locks = new FakeLocks();
    const bus = fakeBus();
    const tabA = createTabLock({ locks, channel: bus.open(), flushTimeoutMs: 300 });
    const tabB = createTabLock({ locks, channel: bus.open(), flushTimeoutMs: 300 });
    const stored = async () => JSON.stringify(await rawGet(unwrap(db), c.store, c.key));

    // Tab A opens the record and types.
    const writerA = c.writer(get);
    const statesA: string[] = [];
    const a = c.hold(get, { writer: () => writerA, claim: tabA.claim, onState: (s) => statesA.push(s) });
    expect(await a.ready).toBe(true);
    expect(a.change(c.first)).toBe(true);
    await writerA.flush();

    // Tab B opens it: it waits, and nothing it sends is written.
    let writerB: Writer<unknown> | undefined;
    const b = c.hold(get, { writer: () => writerB, claim: tabB.claim });
    expect(await b.ready).toBe(false);
    expect(b.state).toBe('busy');
    expect(b.change(c.fromB)).toBe(false);

    // A's last keystroke, not yet on disk, then B takes over at once.
    a.change(c.last);
    expect(await b.takeOver()).toBe(true);
    expect(b.state).toBe('owned');
    expect(await stored()).toContain(c.lastText); // B reads every word, the last keystroke too
    expect(a.state).toBe('lost');
    expect(statesA).toEqual(['owned', 'lost']);
    expect(locks.isHeld(`groundwork:record:${c.store}:${c.key}`)).toBe(true);

    // B goes on writing; A's screen still sends a change (and pagehide flushes): nothing of it reaches disk.
    writerB = c.writer(get);
    expect(b.change(c.fromB)).toBe(true);
    await writerB.flush();
    expect(a.change(c.first)).toBe(false);
    await writerA.flush();
    await a.release();
    await sleep(20);
    expect(await stored()).toContain(c.bText);
    await b.release();
    await sleep(20);
    expect(locks.isHeld(`groundwork:record:${c.store}:${c.key}`)).toBe(false);
  });
});

describe.each(CLAIMS.map((c) => [c.store, c] as const))('%s: the other tab lets go', (_label, c) => {
  it('a busy tab holds it by itself (told onFree) with every word on disk; a lost tab gets it back the same way', async () => {
    const db = await openDb();
    const get = async () => db;
    const locks = new FakeLocks();
    const bus = fakeBus();
    const tabA = createTabLock({ locks, channel: bus.open(), flushTimeoutMs: 300 });
    const tabB = createTabLock({ locks, channel: bus.open(), flushTimeoutMs: 300 });
    const lock = `groundwork:record:${c.store}:${c.key}`;
    const stored = async () => JSON.stringify(await rawGet(unwrap(db), c.store, c.key));

    const writerA = c.writer(get);
    const statesA: string[] = [];
    let freedA = 0;
    const a = c.hold(get, { writer: () => writerA, claim: tabA.claim, onState: (s) => statesA.push(s), onFree: () => freedA++ });
    expect(await a.ready).toBe(true);
    const writerB = c.writer(get);
    const statesB: string[] = [];
    let freedB = 0;
    const b = c.hold(get, { writer: () => writerB, claim: tabB.claim, onState: (s) => statesB.push(s), onFree: () => freedB++ });
    expect(await b.ready).toBe(false);

    // A's last keystroke, then A leaves: B holds the record by itself, after A's words landed.
    a.change(c.last);
    await a.release();
    await until(() => b.state === 'owned', 'B holds it by itself');
    expect(statesB).toEqual(['busy', 'owned']);
    expect(freedB).toBe(1);
    expect(await stored()).toContain(c.lastText);
    expect(b.change(c.fromB)).toBe(true);
    await writerB.flush();
    expect(await stored()).toContain(c.bText);

    // A opens it again (busy now), takes it over; B lost — then A leaves and B gets it back by itself.
    const a2 = c.hold(get, { writer: () => writerA, claim: tabA.claim, onFree: () => freedA++ });
    expect(await a2.ready).toBe(false);
    expect(await a2.takeOver()).toBe(true);
    expect(b.state).toBe('lost');
    await a2.release();
    await until(() => b.state === 'owned', 'B gets it back');
    expect(statesB).toEqual(['busy', 'owned', 'lost', 'owned']);
    expect(freedB).toBe(2);
    expect(freedA).toBe(0);
    expect(locks.queued(lock)).toBe(0);
    await b.release();
    await sleep(20);
    expect(locks.isHeld(lock)).toBe(false);
  });

  it('waiting stops on release and on takeOver: no second grant, no lock left held', async () => {
    const db = await openDb();
    const get = async () => db;
    const locks = new FakeLocks();
    const bus = fakeBus();
    const tabA = createTabLock({ locks, channel: bus.open(), flushTimeoutMs: 300 });
    const tabB = createTabLock({ locks, channel: bus.open(), flushTimeoutMs: 300 });
    const lock = `groundwork:record:${c.store}:${c.key}`;
    const writer = c.writer(get);
    const a = c.hold(get, { writer: () => writer, claim: tabA.claim });
    await a.ready;

    // B leaves while waiting: A letting go later hands it to nobody.
    let freed = 0;
    const b = c.hold(get, { writer: () => writer, claim: tabB.claim, onFree: () => freed++ });
    await b.ready;
    await until(() => locks.queued(lock) === 1, 'B waits');
    await b.release();
    await until(() => locks.queued(lock) === 0, 'B stopped waiting');

    // C takes over while waiting: it holds the lock once; when it lets go, and A (lost, waiting) too, it is free.
    const cHold = c.hold(get, { writer: () => writer, claim: tabB.claim, onFree: () => freed++ });
    await cHold.ready;
    await until(() => locks.queued(lock) === 1, 'C waits');
    expect(await cHold.takeOver()).toBe(true);
    expect(a.state).toBe('lost');
    await cHold.release();
    await until(() => a.state === 'owned', 'A gets it back');
    await a.release();
    await sleep(20);
    expect(locks.isHeld(lock)).toBe(false);
    expect(locks.queued(lock)).toBe(0);
    expect(freed).toBe(0);
    expect(b.state).toBe('busy');
  });
});

it('without Web Locks, or when the claim itself fails, a record is owned (never blocked from writing)', async () => {
  const db = await openDb();
  const writer = safetyPlanRepo(async () => db).writer();
  const none = holdRecord('safetyPlan:mine', { writer: () => writer, claim: createTabLock({ locks: null, channel: null }).claim });
  expect(await none.ready).toBe(true);
  const refused = holdRecord('safetyPlan:mine', { writer: () => writer, claim: () => Promise.reject(new Error('SecurityError')) });
  expect(await refused.ready).toBe(true);
  expect(refused.change(withCoping('still kept'))).toBe(true);
});

// ——— edits show in the other tab ———

describe('every committed write tells the other tabs which store changed', () => {
  const WRITES: [string, (db: () => Promise<Db>) => Promise<unknown>][] = [
    ['doses', (db) => dosesRepo(db, () => NOW).add({ takenAt: NOW - 3600_000, setting: 'clinic', note: 'n' })],
    ['media', (db) => mediaRepo(db).start('audio/webm')],
    ['safetyPlan', (db) => safetyPlanRepo(db).put(withCoping('x'))],
    ['hierarchy', (db) => exposureRepo(db).hierarchy.put(withItem('x'))],
    ['exposures', (db) => exposureRepo(db).records.put(practice())],
    ['writtenExposure', (db) => writtenExposureRepo(db).start('x')],
    ['measures', (db) => measuresRepo(db).put(measure())],
    ['plans', (db) => plansRepo(db).putComposed('p1', draftTitled('x'))],
    ['personal', (db) => personalRepo(db).update({ safePlace: { name: 'x' } } as never).catch(() => personalRepo(db).update({ orientationPlace: 'x' }))],
    // idb's shortcuts too (a saved entry's draft is removed this way): the connection itself announces.
    ['drafts', (db) => draftsRepo(db).remove('journal:new')],
    ['entries', async (db) => (await db()).put('entries', { id: 'e-x' } as never)],
  ];

  it.each(WRITES)('%s', async (store, write) => {
    const db = await openDb();
    const bus = fakeBus();
    useChangesChannel(bus.open()); // this tab
    const other = bus.open(); // another tab
    const heard: unknown[] = [];
    other.addEventListener('message', (e) => heard.push(e.data));
    await write(async () => db);
    await sleep(5);
    expect(heard).toContainEqual({ type: 'changed', stores: [store] });
    expect(JSON.stringify(heard)).not.toContain('"x"'); // only store names travel, never the words
  });

  it('a screen listening to a store hears other tabs, only about that store, never its own tab', async () => {
    const bus = fakeBus();
    const mine = bus.open();
    useChangesChannel(mine);
    const other = bus.open();
    const repo = safetyPlanRepo();
    const calls: number[] = [];
    const stop = repo.onChange(() => calls.push(1));
    const stopE = exposureRepo().onChange(() => calls.push(2));
    other.postMessage({ type: 'changed', stores: ['safetyPlan'] });
    other.postMessage({ type: 'changed', stores: ['entries'] });
    other.postMessage({ type: 'changed', stores: ['exposures'] });
    other.postMessage({ type: 'nonsense' });
    mine.postMessage({ type: 'changed', stores: ['safetyPlan'] }); // its own: never delivered back
    await sleep(5);
    expect(calls).toEqual([1, 2]);
    stop();
    stopE();
    other.postMessage({ type: 'changed', stores: ['safetyPlan'] });
    await sleep(5);
    expect(calls).toEqual([1, 2]);
    expect(onStoresChanged).toBeTypeOf('function');
  });
});

// ——— migrations: today's repositories read what every earlier version wrote ———

const FIXTURES = [v1, v2, v3, v4, v5, v6, v7, v8, v9] as const;

describe.each(FIXTURES.map((f) => [f.version, f] as const))('upgraded from v%i', (version, fixture) => {
  it('every store it had is read by today’s repositories, record for record, with nothing reported', async () => {
    const old = await openGroundwork({ version });
    await rawPut(unwrap(old), fixture.stores as Record<string, readonly unknown[]>);
    old.close();
    const db = await openDb();
    const get = async () => db;
    const s = fixture.stores as Record<string, readonly { id?: string; deletedAt?: number }[]>;
    if (s.doses) expect((await dosesRepo(get).list()).length).toBe(s.doses.filter((d) => d.deletedAt === undefined).length);
    if (s.safetyPlan) expect((await safetyPlanRepo(get).get()).id).toBe('mine');
    if (s.hierarchy) expect((await exposureRepo(get).hierarchy.get()).items.length).toBeGreaterThan(0);
    if (s.exposures) for (const r of s.exposures) expect(await exposureRepo(get).records.get(r.id!)).toBeDefined();
    if (s.writtenExposure) expect((await writtenExposureRepo(get).list()).map((c) => c.id).sort()).toEqual(s.writtenExposure.map((c) => c.id).sort());
    if (s.measures) expect((await measuresRepo(get).list()).length).toBe(s.measures.length);
    if (s.personal) expect((await personalRepo(get).get()).updatedAt).toBeGreaterThan(0);
    expect(await mediaRepo(get).unfinished()).toEqual([]);
    expect(await plansRepo(get).history()).toEqual([]);
    expect(await rawGetAll(unwrap(db), 'quarantine')).toEqual('quarantine' in fixture.stores ? [...(fixture.stores as unknown as { quarantine: unknown[] }).quarantine] : []);
    expect(problems).toEqual([]);
  });
});

describe.each([5, 6, 7, 8, 9].map((v) => [v] as const))('a voice note written under v%i', (version) => {
  it('plays back after the upgrade: the same audio, attached to its fragment, nothing reported', async () => {
    const fixture = FIXTURES.find((f) => f.version === version)!;
    const old = await openGroundwork({ version });
    const note = {
      id: `m-v${version}`,
      entryId: `f-v${version}`,
      mime: 'audio/webm;codecs=opus',
      durationMs: 2500,
      status: 'saved',
      chunks: [new Blob(['first second'], { type: 'audio/webm' }), new Blob([' and the rest'], { type: 'audio/webm' })],
      createdAt: NOW,
      updatedAt: NOW,
    };
    await rawPut(unwrap(old), { ...(fixture.stores as Record<string, readonly unknown[]>), media: [note] });
    old.close();
    const db = await openDb();
    const played = await mediaRepo(async () => db).get(note.id);
    expect(played).toMatchObject({ id: note.id, entryId: note.entryId, status: 'saved', durationMs: 2500 });
    expect(await new Blob(played!.chunks).text()).toBe('first second and the rest');
    expect(problems).toEqual([]);
  });
});
