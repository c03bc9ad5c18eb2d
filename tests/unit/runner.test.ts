/**
 * The session runner with real storage (fake-indexeddb) and a real module (5-4-3-2-1 senses): every step
 * is on disk without waiting for pagehide, a reload carries on at the same step with the same words,
 * finishing or leaving turns the session into exactly one journal entry, and a snapshot that cannot be
 * resumed becomes an unfinished entry instead of being lost.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyActorRef } from 'xstate';
import { freshIndexedDB, recordProblems, until } from './fixtures/idb';
import { getDb, type Db } from '../../src/storage/db';
import { entriesRepo, type EntriesRepo } from '../../src/storage/entries';
import { entryReadsRepo } from '../../src/storage/entry-reads';
import { sessionsRepo } from '../../src/storage/sessions';
import { quarantineRepo } from '../../src/storage/quarantine';
import type { SessionRecord } from '../../src/storage/schema';
import { createRunner, type Runner, type SessionHandle } from '../../src/flow/runner';
import type { ModuleMeta } from '../../src/flow/module';
import type { StepsContext } from '../../src/flow/steps.machine';
import { fiveSensesMeta } from '../../src/modules/grounding/five-senses/meta';
import type { StorageProblem } from '../../src/storage/problems';
import { DEFAULT_THRESHOLDS } from '../../src/flow/routing';

const START = Date.UTC(2026, 10, 24, 20, 0, 0);
let clock: number;
let problems: StorageProblem[];
let stopRecording: () => void;
const handles: SessionHandle[] = [];

beforeEach(() => {
  freshIndexedDB();
  clock = START;
  ({ problems, stop: stopRecording } = recordProblems());
});

afterEach(async () => {
  for (const h of handles.splice(0)) h.stop();
  stopRecording();
  (await getDb()).close();
});

const findModule = (id: string): ModuleMeta | undefined => (id === fiveSensesMeta.id ? fiveSensesMeta : undefined);

/** One "page load" of the app: its own runner over the same database. */
function load(options: { entries?: EntriesRepo; db?: () => Promise<Db> } = {}) {
  const saved: string[] = [];
  const db = options.db ?? getDb;
  const entries = options.entries ?? entriesRepo(db, () => clock);
  const sessions = sessionsRepo(db);
  const runner: Runner = createRunner({ entries, sessions, findModule, onEntrySaved: (id) => saved.push(id), now: () => clock });
  const track = (h: SessionHandle | undefined) => (h && handles.push(h), h);
  return {
    runner,
    sessions,
    entries: entriesRepo(getDb, () => clock),
    reads: entryReadsRepo(getDb),
    saved,
    start: async (quick = false) => track(await runner.start(fiveSensesMeta.id, { quick }))!,
    open: async (id: string) => track(await runner.open(id)),
  };
}

const moduleOf = (h: SessionHandle): AnyActorRef => {
  const m = h.module();
  if (!m) throw new Error('no module running');
  return m;
};
const moduleContext = (h: SessionHandle) => (moduleOf(h).getSnapshot() as { context: StepsContext }).context;

/** The module's context inside a stored snapshot (what a reload would restore). */
function storedModule(record: SessionRecord | undefined): StepsContext | undefined {
  const snap = record?.snapshot as { children?: { module?: { snapshot?: { context?: StepsContext } } } } | undefined;
  return snap?.children?.module?.snapshot?.context;
}
const storedValue = (record: SessionRecord | undefined) => (record?.snapshot as { value?: unknown } | undefined)?.value;

function junkRecord(id: string, snapshot: unknown, moduleId = fiveSensesMeta.id): SessionRecord {
  return { id, moduleId, status: 'active', startedAt: START - 60_000, updatedAt: START - 30_000, snapshot };
}

/** A well-formed snapshot whose state value the current session machine does not have. */
function renamedStateSnapshot(sessionId: string) {
  return {
    status: 'active',
    value: { flow: 'reflectOnIt' },
    historyValue: {},
    context: {
      sessionId,
      moduleId: 'five-senses',
      family: 'grounding',
      quick: false,
      thresholds: { presenceAtMost: 3, distressAtLeast: 8, afterDistressAtLeast: 8 },
      startedAt: START - 60_000,
      note: 'typed before the update',
      moduleDone: true,
      partial: false,
      moreSupport: false,
    },
    children: {},
  };
}

describe('saving as the person goes', () => {
  it('starting a session writes its snapshot to the sessions store at once', async () => {
    const app = load();
    const h = await app.start();
    await until(async () => (await app.sessions.get(h.id)) !== undefined, 'first snapshot');
    const record = await app.sessions.get(h.id);
    expect(record).toMatchObject({ id: h.id, moduleId: 'five-senses', status: 'active', startedAt: START });
    expect(storedValue(record)).toEqual({ flow: 'checkIn' });
  });

  it('every step and every word is on disk without waiting for pagehide', async () => {
    const app = load();
    const h = await app.start();
    const stored = async () => app.sessions.get(h.id);

    h.actor.send({ type: 'CHECK_IN', presence: 5, distress: 4 });
    await until(async () => JSON.stringify(storedValue(await stored())) === '{"flow":"module"}', 'module step stored');

    const steps = ['see', 'feel', 'hear', 'smell', 'taste'];
    for (const [i, step] of steps.entries()) {
      clock += 1000;
      moduleOf(h).send({ type: 'TYPE', text: `words for ${step}` });
      await until(async () => storedModule(await stored())?.data[step]?.text === `words for ${step}`, `text of ${step} stored`);
      if (i < steps.length - 1) {
        moduleOf(h).send({ type: 'NEXT' });
        await until(async () => storedModule(await stored())?.index === i + 1, `step ${i + 1} stored`);
      }
    }
    expect((await stored())?.updatedAt).toBe(clock);
  });
});

describe('reload', () => {
  it('a new page carries on at the same step with the same words', async () => {
    const first = load();
    const h = await first.start();
    h.actor.send({ type: 'CHECK_IN', presence: 2, distress: 6 });
    moduleOf(h).send({ type: 'NOTICE', count: 5 });
    moduleOf(h).send({ type: 'TYPE', text: 'lamp, mug, window, rain, my hands' });
    moduleOf(h).send({ type: 'NEXT' });
    moduleOf(h).send({ type: 'TYPE', text: 'socks on the rug' });
    await h.flush();
    h.stop(); // the tab goes away

    const second = load();
    expect((await second.runner.unfinished()).map((u) => [u.record.id, u.meta.id])).toEqual([[h.id, 'five-senses']]);
    const back = await second.open(h.id);
    expect(back).toBeDefined();
    expect(back!.actor.getSnapshot().value).toEqual({ flow: 'module' });
    expect(back!.actor.getSnapshot().context.before).toMatchObject({ presence: 2, distress: 6 });
    const ctx = moduleContext(back!);
    expect(ctx.index).toBe(1);
    expect(ctx.data['see']).toEqual({ text: 'lamp, mug, window, rain, my hands', noticed: 5 });
    expect(ctx.data['feel']?.text).toBe('socks on the rug');
  });

  it('words typed after a reload are saved together with the words typed before it', async () => {
    const first = load();
    const h = await first.start(true);
    moduleOf(h).send({ type: 'TYPE', text: 'before the reload' });
    await h.flush();
    h.stop();

    const second = load();
    const back = (await second.open(h.id))!;
    moduleOf(back).send({ type: 'NEXT' });
    moduleOf(back).send({ type: 'TYPE', text: 'after the reload' });
    for (let i = 0; i < 4; i++) moduleOf(back).send({ type: 'NEXT' });
    back.actor.send({ type: 'SKIP_CHECK_OUT' });
    back.actor.send({ type: 'FINISH' });
    await until(async () => (await second.entries.get(h.id)) !== undefined, 'entry saved');
    const entry = await second.entries.get(h.id);
    expect(entry?.data).toMatchObject({ see: { text: 'before the reload' }, feel: { text: 'after the reload' } });
  });

  it('each keystroke after a reload reaches disk by itself, without waiting for the next step', async () => {
    const first = load();
    const h = await first.start(true);
    await h.flush();
    h.stop();

    const second = load();
    const back = (await second.open(h.id))!;
    moduleOf(back).send({ type: 'TYPE', text: 'typed after reopening' });
    // No session-level change and no pagehide: a killed tab must still keep these words.
    await until(async () => storedModule(await second.sessions.get(h.id))?.data['see']?.text === 'typed after reopening', 'keystroke on disk');
  });

  it('grounding mid-exercise survives a reload, and RESUME returns to the same step', async () => {
    const first = load();
    const h = await first.start();
    h.actor.send({ type: 'SKIP_CHECK_IN' });
    moduleOf(h).send({ type: 'NEXT' });
    moduleOf(h).send({ type: 'TYPE', text: 'cold floor' });
    h.actor.send({ type: 'GROUND' });
    await until(async () => (await first.sessions.get(h.id))?.status === 'suspended', 'suspended status stored');
    h.stop();

    const second = load();
    const back = (await second.open(h.id))!;
    expect(back.actor.getSnapshot().value).toBe('grounding');
    back.actor.send({ type: 'RESUME' });
    expect(back.actor.getSnapshot().value).toEqual({ flow: 'module' });
    expect(moduleContext(back).index).toBe(1);
    expect(moduleContext(back).data['feel']?.text).toBe('cold floor');
    await until(async () => (await second.sessions.get(h.id))?.status === 'active', 'active again');
  });

  it('opening a session that is already running returns the live one; an unknown id returns nothing', async () => {
    const app = load();
    const h = await app.start();
    expect(await app.runner.open(h.id)).toBe(h);
    expect(await app.runner.open('no-such-session')).toBeUndefined();
  });
});

describe('check-in ratings chosen but not yet confirmed (issue 13 #7)', () => {
  it('are on disk at once and come back after a kill, on the same check screen', async () => {
    const first = load();
    const h = await first.start();
    h.actor.send({ type: 'RATE', presence: 3 });
    h.actor.send({ type: 'RATE', presence: 3, distress: 7 });
    await until(async () => JSON.stringify((await first.sessions.get(h.id))?.snapshot).includes('"rating"'), 'rating stored');
    h.stop(); // killed before Continue

    const second = load();
    const back = (await second.open(h.id))!;
    expect(back.actor.getSnapshot().value).toEqual({ flow: 'checkIn' });
    expect(back.actor.getSnapshot().context.rating).toEqual({ presence: 3, distress: 7 });
    // Confirming uses them as the check-in, and the next check screen starts empty.
    back.actor.send({ type: 'CHECK_IN', presence: 3, distress: 7 });
    expect(back.actor.getSnapshot().context.before).toMatchObject({ presence: 3, distress: 7 });
    expect(back.actor.getSnapshot().context.rating).toBeUndefined();
  });
});

describe('the end of a session', () => {
  it('finishing writes exactly one journal entry (id = session id) with ratings, answers and note, and removes the session', async () => {
    const app = load();
    const h = await app.start();
    h.actor.send({ type: 'CHECK_IN', presence: 3, distress: 7 });
    moduleOf(h).send({ type: 'NOTICE', count: 5 });
    moduleOf(h).send({ type: 'TYPE', text: 'the blue mug' });
    for (let i = 0; i < 5; i++) moduleOf(h).send({ type: 'NEXT' });
    expect(h.actor.getSnapshot().value).toEqual({ flow: 'checkOut' });
    h.actor.send({ type: 'CHECK_OUT', presence: 7, distress: 2 });
    h.actor.send({ type: 'NOTE', text: 'Calmer now.' });
    clock += 180_000;
    h.actor.send({ type: 'FINISH' });

    await until(() => h.actor.getSnapshot().status === 'done', 'session done');
    await until(async () => (await app.sessions.get(h.id)) === undefined, 'session record removed');
    const list = await app.reads.list();
    expect(list).toHaveLength(1);
    const entry = list[0]!;
    expect(entry).toMatchObject({
      id: h.id,
      kind: 'session',
      moduleId: 'five-senses',
      title: fiveSensesMeta.title,
      body: 'Calmer now.',
      createdAt: START,
      updatedAt: clock,
      complete: true,
      before: { presence: 3, distress: 7 },
      after: { presence: 7, distress: 2 },
    });
    expect(entry.data).toMatchObject({ see: { text: 'the blue mug', noticed: 5 }, taste: { text: '', noticed: 0 } });
    expect(app.saved).toEqual([h.id]);
    expect(app.runner.live()).toEqual([]);
    expect(await app.runner.unfinished()).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('EXIT mid-way writes an unfinished entry with what was typed, and removes the session', async () => {
    const app = load();
    const h = await app.start();
    h.actor.send({ type: 'SKIP_CHECK_IN' });
    moduleOf(h).send({ type: 'TYPE', text: 'only got this far' });
    moduleOf(h).send({ type: 'NEXT' });
    h.actor.send({ type: 'EXIT' });

    await until(async () => (await app.entries.get(h.id)) !== undefined, 'entry saved');
    const entry = await app.entries.get(h.id);
    expect(entry).toMatchObject({ id: h.id, kind: 'session', complete: false, moduleId: 'five-senses' });
    expect(entry?.data).toMatchObject({ see: { text: 'only got this far' }, feel: { text: '' } });
    await until(async () => (await app.sessions.get(h.id)) === undefined, 'session record removed');
    expect(app.saved).toEqual([h.id]);
  });

  it('EXIT from grounding keeps the interrupted exercise’s words as an unfinished entry', async () => {
    const app = load();
    const h = await app.start();
    h.actor.send({ type: 'SKIP_CHECK_IN' });
    moduleOf(h).send({ type: 'TYPE', text: 'the hum of the fridge' });
    h.actor.send({ type: 'GROUND' });
    h.actor.send({ type: 'EXIT' });
    await until(async () => (await app.entries.get(h.id)) !== undefined, 'entry saved');
    expect((await app.entries.get(h.id))?.data).toMatchObject({ see: { text: 'the hum of the fridge' } });
    expect((await app.entries.get(h.id))?.complete).toBe(false);
  });

  it('leaving at check-in, before any exercise step, leaves no entry and no session', async () => {
    const app = load();
    const h = await app.start();
    h.actor.send({ type: 'EXIT' });
    await until(() => h.actor.getSnapshot().status === 'done', 'session done');
    await until(async () => (await app.sessions.get(h.id)) === undefined, 'session record removed');
    expect(await app.reads.list()).toEqual([]);
  });

  // Regression: the steps machine once marked steps `visited: true`, which counted as an answer.
  it('leaving a just-started exercise with nothing typed writes no empty entry', async () => {
    const app = load();
    const h = await app.start(true); // "Ground me now": straight to the first step
    h.actor.send({ type: 'EXIT' });
    await until(() => h.actor.getSnapshot().status === 'done', 'session done');
    await until(async () => (await app.sessions.get(h.id)) === undefined, 'session record removed');
    expect(await app.reads.list()).toEqual([]);
  });

  it('a full disk at the end keeps the session on disk; after a reload, RETRY saves the entry', async () => {
    const full = load({
      entries: {
        ...entriesRepo(getDb, () => clock),
        create: async () => {
          throw new DOMException('full', 'QuotaExceededError');
        },
      },
    });
    const h = await full.start(true);
    moduleOf(h).send({ type: 'TYPE', text: 'words on a full disk' });
    for (let i = 0; i < 5; i++) moduleOf(h).send({ type: 'NEXT' });
    h.actor.send({ type: 'SKIP_CHECK_OUT' });
    h.actor.send({ type: 'FINISH' });
    await until(() => h.actor.getSnapshot().value === 'saveFailed', 'save failed');
    await until(async () => storedValue(await full.sessions.get(h.id)) === 'saveFailed', 'failed state stored');
    h.stop();

    const later = load();
    const back = (await later.open(h.id))!;
    expect(back.actor.getSnapshot().value).toBe('saveFailed');
    back.actor.send({ type: 'RETRY' });
    await until(async () => (await later.entries.get(h.id)) !== undefined, 'entry saved on retry');
    expect((await later.entries.get(h.id))?.data).toMatchObject({ see: { text: 'words on a full disk' } });
    expect((await later.entries.get(h.id))?.complete).toBe(true);
    await until(async () => (await later.sessions.get(h.id)) === undefined, 'session record removed');
  });
});

describe('a snapshot that cannot be resumed', () => {
  it.each<[string, unknown]>([
    ['garbage string', 'garbage'],
    ['null', null],
    ['an empty object', {}],
    ['a snapshot from another library', { state: 'running', step: 3 }],
    ['a snapshot with the wrong context shape', { status: 'active', value: { flow: 'module' }, context: { foo: 1 } }],
  ])('an unrestorable snapshot (%s) is turned into an unfinished entry instead of being lost', async (_name, snapshot) => {
    const app = load();
    await app.sessions.put(junkRecord('broken-1', snapshot));
    expect(await app.open('broken-1')).toBeUndefined();
    const entry = await app.entries.get('broken-1');
    expect(entry).toMatchObject({ id: 'broken-1', kind: 'session', moduleId: 'five-senses', title: fiveSensesMeta.title, complete: false, createdAt: START - 60_000 });
    expect(await app.sessions.get('broken-1')).toBeUndefined();
    expect(app.runner.live()).toEqual([]);
  });

  it('the words inside an unrestorable snapshot are kept in the entry', async () => {
    const app = load();
    const snapshot = {
      status: 'active',
      value: 42, // not a state value XState could resume
      context: { note: 'my note from before' },
      children: { module: { snapshot: { context: { data: { see: { text: 'kept words', noticed: 1, visited: true } } } } } },
    };
    await app.sessions.put(junkRecord('broken-2', snapshot));
    expect(await app.open('broken-2')).toBeUndefined();
    const entry = await app.entries.get('broken-2');
    // The note and every other string the person wrote, wherever it sits in the snapshot (issue 13 #5).
    expect(entry).toMatchObject({ body: 'my note from before\n\nkept words', complete: false, data: { see: { text: 'kept words' } } });
  });

  // Issue 13 #5: the words were not where this build expects them, and the record used to be deleted.
  it('never deletes what it cannot read: the raw record is quarantined and every written string goes into the entry', async () => {
    const app = load();
    const snapshot = {
      status: 'active',
      value: { flow: 'reflect' },
      context: { sessionId: 'newer-1', moduleId: 'five-senses', note: '', reflections: [{ prompt: 'what-helped', said: 'Walking by the river helped.' }] },
      children: { module: { snapshot: { context: { answers: { first: 'the smell of rain', stepIds: ['see'] } } } } },
    };
    await app.sessions.put(junkRecord('newer-1', snapshot));
    expect(await app.open('newer-1')).toBeUndefined();
    const entry = await app.entries.get('newer-1');
    expect(entry?.body).toContain('Walking by the river helped.');
    expect(entry?.body).toContain('the smell of rain');
    expect(entry?.body).not.toMatch(/what-helped|five-senses|newer-1|reflect/); // machinery is left out
    const kept = await quarantineRepo().list();
    expect(kept).toEqual([expect.objectContaining({ store: 'sessions', key: 'newer-1', raw: expect.objectContaining({ snapshot }) })]);
  });

  it('when the quarantine cannot be written, the unreadable session stays where it is', async () => {
    const app = load();
    const snapshot = { status: 'active', value: 42, context: { note: 'keep me' } };
    await app.sessions.put(junkRecord('stuck-1', snapshot));
    const failing = createRunner({
      entries: entriesRepo(getDb, () => clock),
      sessions: sessionsRepo(),
      findModule,
      quarantine: { ...quarantineRepo(), keep: async () => Promise.reject(new DOMException('full', 'QuotaExceededError')) },
    });
    expect(await failing.open('stuck-1')).toBeUndefined();
    expect(await app.sessions.raw('stuck-1')).toMatchObject({ id: 'stuck-1', snapshot });
    expect(await app.entries.get('stuck-1')).toBeUndefined();
  });

  it('unreadable session records are counted in the notice, once each', async () => {
    const app = load();
    const db = await getDb();
    await db.put('sessions', { id: 'bad-a', moduleId: 'five-senses', status: 'weird', startedAt: 1, updatedAt: 1, snapshot: {} } as never);
    await db.put('sessions', { id: 'bad-b', moduleId: 'five-senses', status: 'active', startedAt: -5, updatedAt: 2, snapshot: {} } as never);
    await app.runner.unfinished();
    await app.runner.unfinished();
    expect(problems.filter((p) => p.kind === 'invalid-records')).toEqual([{ kind: 'invalid-records', count: 2 }]);
  });

  // Issue 13 #5: a record not even shaped like a session record (an older or newer build, damage) was left
  // where it was and counted, while the screen said its words were in the journal — they were not.
  it('a record that fails the session schema: raw record quarantined, its words in an unfinished entry', async () => {
    const app = load();
    const db = await getDb();
    const raw = {
      id: 'odd-1',
      moduleId: 'five-senses',
      status: 'paused-by-a-newer-build',
      startedAt: START - 90_000,
      updatedAt: -5,
      snapshot: { context: { note: 'a note from another build' }, steps: [{ stepId: 'see', text: 'the blue cup' }] },
    };
    await db.put('sessions', raw as never);
    expect(await app.open('odd-1')).toBeUndefined();
    const entry = await app.entries.get('odd-1');
    expect(entry).toMatchObject({ kind: 'session', moduleId: 'five-senses', title: fiveSensesMeta.title, complete: false, createdAt: START - 90_000 });
    expect(entry?.body).toContain('a note from another build');
    expect(entry?.body).toContain('the blue cup');
    expect(entry?.body).not.toMatch(/paused-by-a-newer-build|odd-1|see/);
    expect(await quarantineRepo().list()).toEqual([expect.objectContaining({ store: 'sessions', key: 'odd-1', raw })]);
    expect(await app.sessions.raw('odd-1')).toBeUndefined();
  });

  it('a session of a module that no longer exists is kept as an entry titled by its id', async () => {
    const app = load();
    await app.sessions.put(junkRecord('old-module', { status: 'active', value: 'x', context: { note: 'n' } }, 'retired-module'));
    expect(await app.runner.unfinished()).toEqual([]); // not offered: it cannot be carried on
    expect(await app.open('old-module')).toBeUndefined();
    expect(await app.entries.get('old-module')).toMatchObject({ title: 'retired-module', moduleId: 'retired-module', body: 'n', complete: false });
  });

  // XState v5 does not throw on such a snapshot: the actor is created in status 'error' with no context.
  // restore() then fails inside track() (reading context.sessionId) and its catch keeps the words. This
  // pins the outcome, so a refactor of restore() cannot quietly start handing the view a dead actor.
  it('a snapshot in a state this build no longer has (renamed by an update) becomes an unfinished entry', async () => {
    const app = load();
    await app.sessions.put(junkRecord('renamed-state', renamedStateSnapshot('renamed-state')));
    expect(await app.open('renamed-state')).toBeUndefined();
    expect(await app.entries.get('renamed-state')).toMatchObject({ body: 'typed before the update', complete: false });
    await new Promise((r) => setTimeout(r, 20)); // nothing writes the record back afterwards
    expect(await app.sessions.get('renamed-state')).toBeUndefined();
    expect(app.runner.live()).toEqual([]);
  });

  // Regression: an actor restored into an error state used to rethrow from a timer (uncaught).
  it('reopening a snapshot in a state this build no longer has raises no uncaught error', async () => {
    const uncaught: unknown[] = [];
    const listener = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', listener);
    try {
      const app = load();
      await app.sessions.put(junkRecord('renamed-uncaught', renamedStateSnapshot('renamed-uncaught')));
      expect(await app.open('renamed-uncaught')).toBeUndefined();
      await new Promise((r) => setTimeout(r, 20)); // XState rethrows from a setTimeout(0)
    } finally {
      process.off('uncaughtException', listener);
    }
    expect(uncaught.map(String)).toEqual([]);
  });

  // Found while writing these tests: when only the module child cannot be restored (a module's machine
  // changed between builds while a session was unfinished — "carry on where you left off" after an
  // update), XState restores the session as 'active' with the child in status 'error'. restore() returns
  // that half-dead session, and track() at once persists it: the stored record's child snapshot becomes
  // {"status":"error","error":{}} — the person's words in it are overwritten on disk. Leaving then saves
  // an entry without them. Fix in src/flow/runner.ts restore(): after start, if the session or its
  // `module` child is not 'active', stop it and keepWhatWasWritten(record) from the record as read,
  // before anything is persisted (and only then track()).
  it('a session whose module step was renamed by an update keeps its words when reopened', async () => {
    const app = load();
    const snap = renamedStateSnapshot('child-renamed');
    const withChild = {
      ...snap,
      value: { flow: 'module' },
      context: { ...snap.context, moduleDone: false },
      children: {
        module: {
          snapshot: {
            status: 'active',
            value: 'aStepThatNoLongerExists',
            historyValue: {},
            context: { stepIds: ['see'], index: 0, data: { see: { text: 'the kettle', noticed: 0, visited: true } } },
            children: {},
          },
          src: 'module',
          syncSnapshot: false,
        },
      },
    };
    await app.sessions.put(junkRecord('child-renamed', withChild));
    const opened = await app.open('child-renamed');
    await new Promise((r) => setTimeout(r, 20));
    const onDisk = async () => JSON.stringify([await app.reads.list(), await app.sessions.get('child-renamed')]);
    expect(await onDisk()).toContain('the kettle');
    // The person gives up on the broken screen and leaves: the words must still be in the journal.
    opened?.actor.send({ type: 'EXIT' });
    await new Promise((r) => setTimeout(r, 20));
    expect(JSON.stringify(await app.reads.list())).toContain('the kettle');
  });
});

describe('a therapist plan’s thresholds (issue 16)', () => {
  it('a new session routes with the thresholds the runner is given; without them, or when they fail, the defaults', async () => {
    const plan = { presenceAtMost: 5, distressAtLeast: 7, afterDistressAtLeast: 8, riseAtLeast: 3 };
    const withPlan = createRunner({ entries: entriesRepo(getDb), sessions: sessionsRepo(getDb), findModule, thresholds: async () => plan });
    const a = await withPlan.start(fiveSensesMeta.id);
    handles.push(a);
    expect(a.actor.getSnapshot().context.thresholds).toEqual(plan);
    const failing = createRunner({
      entries: entriesRepo(getDb),
      sessions: sessionsRepo(getDb),
      findModule,
      thresholds: () => Promise.reject(new Error('plans chunk missing')),
    });
    const b = await failing.start(fiveSensesMeta.id);
    handles.push(b);
    expect(b.actor.getSnapshot().context.thresholds).toEqual(DEFAULT_THRESHOLDS);
  });
});
