import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise, type AnyActorRef } from 'xstate';
import * as v from 'valibot';
import {
  writtenExposureMachine,
  WrittenExposureDataSchema,
  minutesShown,
  type Loaded,
  type WrittenExposureContext,
  type WrittenExposureEvent,
} from '../../src/modules/exposure/written-exposure/machine';
import { loadedFrom, nextSession, withProgress, withSessionEnded, withText, writingMilestone } from '../../src/modules/exposure/written-exposure/course';
import { SESSIONS, sources, copy } from '../../src/modules/exposure/written-exposure/content';
import writtenExposure from '../../src/modules/exposure/written-exposure/index';
import { writtenExposureMeta } from '../../src/modules/exposure/written-exposure/meta';
import { sessionMachine, type SessionContext } from '../../src/flow/session.machine';
import { fitsPhase } from '../../src/flow/phase';
import { findModule } from '../../src/modules/registry';
import { countdown, pause } from '../../src/flow/countdown';
import { newCourse, WRITING_MS, WrittenCourseSchema } from '../../src/storage/written-exposure.schema';

afterEach(() => vi.useRealTimers());

const FRESH: Loaded = { courseId: null, session: 1, resume: false };
const COURSE: Loaded = { courseId: 'c1', session: 1, resume: false };

function start() {
  return createActor(writtenExposureMachine, { input: { quick: false } }).start();
}
type A = ReturnType<typeof start>;
const ctx = (a: A) => a.getSnapshot().context as WrittenExposureContext;
const sendAll = (a: A, events: WrittenExposureEvent[]) => events.forEach((e) => a.send(e));

/** Events that bring a fresh module to each state. */
const PATHS: Record<string, WrittenExposureEvent[]> = {
  loading: [],
  overview: [{ type: 'LOADED', ...COURSE }],
  reading: [{ type: 'LOADED', ...COURSE, session: 2 }, { type: 'READ', session: 1 }],
  before: [{ type: 'LOADED', ...COURSE }, { type: 'BEGIN', courseId: 'c1' }],
  offerGround: [
    { type: 'LOADED', ...COURSE },
    { type: 'BEGIN', courseId: 'c1' },
    { type: 'RATE', field: 'preSuds', value: 90 },
    { type: 'CONTINUE' },
  ],
  'writing.running': [{ type: 'LOADED', ...COURSE }, { type: 'BEGIN', courseId: 'c1' }, { type: 'SKIP' }],
  'writing.paused': [{ type: 'LOADED', ...COURSE }, { type: 'BEGIN', courseId: 'c1' }, { type: 'SKIP' }, { type: 'PAUSE_TIMER' }],
  'writing.timeUp': [{ type: 'LOADED', ...COURSE }, { type: 'BEGIN', courseId: 'c1' }, { type: 'SKIP' }, { type: 'TICK', remainingMs: 0 }],
  after: [{ type: 'LOADED', ...COURSE }, { type: 'BEGIN', courseId: 'c1' }, { type: 'SKIP' }, { type: 'FINISH_WRITING' }],
  support: [
    { type: 'LOADED', ...COURSE },
    { type: 'BEGIN', courseId: 'c1' },
    { type: 'SKIP' },
    { type: 'FINISH_WRITING' },
    { type: 'RATE', field: 'postSuds', value: 90 },
    { type: 'CONTINUE' },
  ],
};
const matches = (a: A, path: string) => a.getSnapshot().matches((path.includes('.') ? { [path.split('.')[0]!]: path.split('.')[1]! } : path) as never);

describe('written exposure machine: one session of the course', () => {
  it('reaches every state by its path', () => {
    for (const [state, events] of Object.entries(PATHS)) {
      const a = start();
      sendAll(a, events);
      expect(matches(a, state), state).toBe(true);
      a.stop();
    }
  });

  it('walks overview → before → writing (timer running) → after → done, keeping ratings and the answer', () => {
    const a = start();
    a.send({ type: 'LOADED', ...FRESH });
    expect(a.getSnapshot().value).toBe('overview');
    a.send({ type: 'NAME', text: 'the flat on Dale Street' });
    a.send({ type: 'BEGIN', courseId: 'c1' });
    expect(a.getSnapshot().value).toBe('before');
    a.send({ type: 'RATE', field: 'presence', value: 7 });
    a.send({ type: 'RATE', field: 'preSuds', value: 60 });
    a.send({ type: 'CONTINUE' });
    expect(a.getSnapshot().matches({ writing: 'running' })).toBe(true);
    expect(ctx(a).timer.endsAt).not.toBeNull();
    a.send({ type: 'FINISH_WRITING' });
    expect(a.getSnapshot().value).toBe('after');
    expect(ctx(a).timer.endsAt).toBeNull();
    a.send({ type: 'RATE', field: 'postSuds', value: 40 });
    a.send({ type: 'ANSWER', answer: 'no' });
    a.send({ type: 'CONTINUE' });
    expect(a.getSnapshot().status).toBe('done');
    const out = a.getSnapshot().output!;
    expect(out).toMatchObject({ courseId: 'c1', session: 1, presence: 7, preSuds: 60, postSuds: 40, selfHarm: 'no', stoppedEarly: false, moreSupport: false });
    expect(v.safeParse(WrittenExposureDataSchema, out).success).toBe(true);
    expect(ctx(a).name).toBe('the flat on Dale Street');
  });

  it('keeps nothing for the journal until a session is begun (opening the course and leaving adds no entry)', () => {
    const a = start();
    a.send({ type: 'LOADED', ...COURSE, session: 3 });
    expect(ctx(a).data).toMatchObject({ courseId: null, session: 0, presence: null, preSuds: null });
    a.send({ type: 'BEGIN', courseId: 'c1' });
    expect(ctx(a).data).toMatchObject({ courseId: 'c1', session: 3 });
  });

  it('ratings are optional, clamped to whole numbers in range, and can be cleared', () => {
    const a = start();
    sendAll(a, PATHS.before!);
    a.send({ type: 'RATE', field: 'presence', value: 14 });
    a.send({ type: 'RATE', field: 'preSuds', value: 33.6 });
    expect(ctx(a).data).toMatchObject({ presence: 10, preSuds: 34 });
    a.send({ type: 'RATE', field: 'preSuds', value: null });
    expect(ctx(a).data.preSuds).toBeNull();
    a.send({ type: 'SKIP' });
    expect(a.getSnapshot().matches('writing')).toBe(true);
  });

  it('the 30-minute timer pauses exactly, resumes, and says time is up without ending the writing', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const a = start();
    sendAll(a, PATHS['writing.running']!);
    expect(ctx(a).timer.durationMs).toBe(30 * 60_000);
    vi.advanceTimersByTime(10 * 60_000);
    a.send({ type: 'PAUSE_TIMER' });
    expect(ctx(a).timer.remainingMs).toBe(20 * 60_000);
    vi.advanceTimersByTime(5 * 60_000); // paused: no time passes
    a.send({ type: 'RESUME_TIMER' });
    vi.advanceTimersByTime(20 * 60_000 + 500);
    expect(a.getSnapshot().matches({ writing: 'timeUp' })).toBe(true);
    // Still writing: the person finishes their thought.
    a.send({ type: 'FINISH_WRITING' });
    expect(ctx(a).data.writtenMs).toBe(30 * 60_000);
  });

  it('the clock ticks once a minute, not every second (each tick is a snapshot written to disk)', () => {
    vi.useFakeTimers({ now: 2_000_000 });
    const a = start();
    sendAll(a, PATHS['writing.running']!);
    const seen: number[] = [];
    a.subscribe((snap) => seen.push(snap.context.timer.remainingMs));
    vi.advanceTimersByTime(3 * 60_000);
    expect(seen.length).toBe(4); // the first reading, then one a minute (180 seconds would have been 180)
    expect(ctx(a).timer.remainingMs).toBeLessThanOrEqual(27 * 60_000);
  });

  it('"Stop for today" still asks the after-questions and marks the session to carry on', () => {
    const a = start();
    sendAll(a, PATHS['writing.running']!);
    a.send({ type: 'STOP_FOR_TODAY' });
    expect(a.getSnapshot().value).toBe('after');
    expect(ctx(a).data.stoppedEarly).toBe(true);
  });

  it('a session begun earlier carries on straight to the writing, its timer paused and ratings kept', () => {
    const a = start();
    const timer = pause({ ...countdown(WRITING_MS), endsAt: 5_000_000 }, 5_000_000 - 12 * 60_000);
    a.send({ type: 'LOADED', courseId: 'c1', session: 2, resume: true, timer, presence: 6, preSuds: 50 });
    a.send({ type: 'BEGIN', courseId: 'c1' });
    expect(a.getSnapshot().matches({ writing: 'paused' })).toBe(true);
    expect(ctx(a).timer.remainingMs).toBe(12 * 60_000);
    expect(ctx(a).data).toMatchObject({ session: 2, presence: 6, preSuds: 50 });
    a.send({ type: 'RESUME_TIMER' });
    expect(a.getSnapshot().matches({ writing: 'running' })).toBe(true);
  });

  it('finished sessions are read, not changed, unless the person chooses Edit', () => {
    const a = start();
    sendAll(a, PATHS.reading!);
    expect(ctx(a)).toMatchObject({ reading: 1, editing: false });
    a.send({ type: 'EDIT' });
    expect(ctx(a).editing).toBe(true);
    a.send({ type: 'DONE_EDITING' });
    expect(ctx(a).editing).toBe(false);
    a.send({ type: 'BACK' });
    expect(a.getSnapshot().value).toBe('overview');
    expect(ctx(a).reading).toBeNull();
    // Only sessions 1–5 can be opened.
    a.send({ type: 'READ', session: 9 });
    expect(a.getSnapshot().value).toBe('overview');
  });

  it('PAUSE and RESUME from the session, in every state, keep the step and the data; PAUSE stops the clock and RESUME does not restart it', () => {
    for (const [state, events] of Object.entries(PATHS)) {
      const a = start();
      sendAll(a, events);
      const before = JSON.stringify(ctx(a).data);
      a.send({ type: 'PAUSE' });
      if (state === 'writing.running') {
        expect(a.getSnapshot().matches({ writing: 'paused' }), state).toBe(true);
        expect(ctx(a).timer.endsAt).toBeNull();
      } else expect(matches(a, state), state).toBe(true);
      a.send({ type: 'RESUME' });
      if (state !== 'writing.running') expect(matches(a, state), state).toBe(true);
      else expect(a.getSnapshot().matches({ writing: 'paused' })).toBe(true);
      expect(JSON.stringify(ctx(a).data), state).toBe(before);
      a.stop();
    }
  });
});

describe('written exposure routing (flow/routing.ts exposure rules, settings thresholds)', () => {
  const toContinue = (preSuds: number | null, presence: number | null, loaded: Partial<Loaded> = {}) => {
    const a = start();
    a.send({ type: 'LOADED', ...COURSE, ...loaded });
    a.send({ type: 'BEGIN', courseId: 'c1' });
    a.send({ type: 'RATE', field: 'preSuds', value: preSuds });
    a.send({ type: 'RATE', field: 'presence', value: presence });
    a.send({ type: 'CONTINUE' });
    return a.getSnapshot().value;
  };
  it.each([
    [90, 7, 'offerGround'],
    [85, 7, 'offerGround'],
    [80, 7, { writing: 'running' }],
    [40, 3, 'offerGround'],
    [40, 4, { writing: 'running' }],
    [null, null, { writing: 'running' }],
  ] as const)('pre-SUDS %s, presence %s → %j', (pre, presence, expected) => {
    expect(toContinue(pre, presence)).toEqual(expected);
  });

  it('grounding first can be declined: Continue goes on to the writing', () => {
    const a = start();
    sendAll(a, PATHS.offerGround!);
    a.send({ type: 'CONTINUE' });
    expect(a.getSnapshot().matches({ writing: 'running' })).toBe(true);
  });

  it('uses the thresholds from settings', () => {
    const stricter = { preSudsAtLeast: 70, presenceAtMost: 3, postSudsAtLeast: 70, riseAtLeast: 20 };
    expect(toContinue(75, 7, { thresholds: stricter })).toBe('offerGround');
  });

  const after = (pre: number | null, post: number | null, answer: 'yes' | 'no' | 'rather-not' | null) => {
    const a = start();
    sendAll(a, [{ type: 'LOADED', ...COURSE }, { type: 'BEGIN', courseId: 'c1' }, { type: 'RATE', field: 'preSuds', value: pre }, { type: 'SKIP' }]);
    a.send({ type: 'FINISH_WRITING' });
    a.send({ type: 'RATE', field: 'postSuds', value: post });
    a.send({ type: 'ANSWER', answer });
    a.send({ type: 'CONTINUE' });
    return a;
  };
  it.each([
    [null, 90, null, 'support'],
    [null, 85, 'no', 'support'],
    [null, 80, 'no', 'done'],
    [40, 70, 'no', 'support'], // a rise of 30
    [41, 70, 'no', 'done'], // a rise of 29
    [20, 20, 'yes', 'support'],
    [20, 20, 'rather-not', 'done'],
    [null, null, null, 'done'],
  ] as const)('pre %s, post %s, self-harm %s → %s', (pre, post, answer, expected) => {
    const a = after(pre, post, answer);
    if (expected === 'done') expect(a.getSnapshot().status).toBe('done');
    else expect(a.getSnapshot().value).toBe('support');
    if (expected === 'support') {
      expect(ctx(a).data.moreSupport).toBe(true);
      a.send({ type: 'CONTINUE' }); // never a dead end
      expect(a.getSnapshot().status).toBe('done');
    }
  });
});

describe('the course: five sessions about one memory', () => {
  const data = (session: number, extra: object = {}) => ({
    courseId: 'c1', session, presence: null, preSuds: 50, postSuds: 40, selfHarm: 'no' as const, writtenMs: WRITING_MS, stoppedEarly: false, moreSupport: false, ...extra,
  });

  it('progresses 1 → 5, then the course is complete; "Stop for today" keeps a session open to carry on', () => {
    let c = newCourse('c1', 1000, '');
    expect(nextSession(c)).toEqual({ n: 1, begun: false });
    expect(loadedFrom(undefined)).toEqual({ courseId: null, session: 1, resume: false });
    c = withProgress(c, data(1), countdown(WRITING_MS), 2000);
    expect(nextSession(c)).toEqual({ n: 1, begun: true });
    c = withSessionEnded(c, data(1, { stoppedEarly: true }), countdown(WRITING_MS), 3000);
    expect(nextSession(c)).toEqual({ n: 1, begun: true });
    expect(loadedFrom(c)).toMatchObject({ session: 1, resume: true, preSuds: 50 });
    for (let n = 1; n <= 5; n++) {
      c = withText(c, n, `session ${n} words`, { start: 3, end: 3, scrollTop: 0 });
      c = withSessionEnded(c, data(n), countdown(WRITING_MS), 4000 + n);
      expect(c.sessions[n - 1]).toMatchObject({ status: 'done', finishedAt: 4000 + n, text: `session ${n} words` });
      expect(nextSession(c).n).toBe(n === 5 ? 0 : n + 1);
    }
    expect(c.status).toBe('complete');
    expect(v.safeParse(WrittenCourseSchema, c).success).toBe(true);
  });

  it('each keystroke stores the time really left (paused), so a session left part-way carries on with it', () => {
    const running = { durationMs: WRITING_MS, remainingMs: WRITING_MS, endsAt: 1_000_000 + WRITING_MS };
    const c = withText(newCourse('c1', 0), 1, 'words', { start: 5, end: 5, scrollTop: 0 }, running, 1_000_000 + 20 * 60_000);
    expect(c.sessions[0]!.timer).toEqual({ durationMs: WRITING_MS, remainingMs: 10 * 60_000, endsAt: null });
    expect(loadedFrom(withProgress(c, data(1), c.sessions[0]!.timer, 0)).timer?.remainingMs).toBe(10 * 60_000);
  });

  it('each session has its own original instructions, and session 1 is the event in detail with thoughts and feelings', () => {
    expect(SESSIONS).toHaveLength(5);
    expect(new Set(SESSIONS.map((s) => s.paragraphs.join(' '))).size).toBe(5);
    expect(SESSIONS[0]!.paragraphs.join(' ')).toMatch(/detail/);
    expect(SESSIONS[0]!.paragraphs.join(' ')).toMatch(/thought and felt/);
    expect(SESSIONS[2]!.paragraphs.join(' ')).toMatch(/hardest/);
    expect(SESSIONS[3]!.paragraphs.join(' ') + SESSIONS[4]!.paragraphs.join(' ')).toMatch(/means to you now/);
    // Before session 1: distress often rises at first and eases later; stop at any time.
    expect(copy.overview.rises).toMatch(/rises in the first sessions and eases/);
    expect(copy.overview.stop).toMatch(/stop at any time/);
    // Never grades or counts words.
    expect(JSON.stringify({ SESSIONS, copy })).not.toMatch(/word count|words written|score|grade/i);
    expect(sources.map((s) => s.citation).join('\n')).toMatch(/Sloan DM, Marx BP/);
    expect(sources.map((s) => s.citation).join('\n')).toMatch(/JAMA Psychiatry 2018/);
    expect(sources.map((s) => s.citation).join('\n')).toMatch(/JAMA Psychiatry 2023/);
  });

  it('the timer shows whole minutes (no second hand) and speaks only at halfway, five minutes left and the end', () => {
    expect(minutesShown(30 * 60_000)).toBe(30);
    expect(minutesShown(60_001)).toBe(2);
    expect(minutesShown(1)).toBe(1);
    expect(minutesShown(0)).toBe(0);
    expect(writingMilestone(WRITING_MS, 15 * 60_000 + 500, 15 * 60_000 - 500)).toBe('half');
    expect(writingMilestone(WRITING_MS, 5 * 60_000 + 500, 5 * 60_000 - 500)).toBe('five');
    expect(writingMilestone(WRITING_MS, 500, 0)).toBe('end');
    expect(writingMilestone(WRITING_MS, 20 * 60_000, 19 * 60_000)).toBeNull();
  });

  it('summarises the session for the journal without the words', () => {
    expect(writtenExposure.summarize(data(2, { preSuds: 60, postSuds: 45 }))).toBe(
      'Written exposure, session 2 of 5\nDistress 60 → 45\nThe writing is kept in the written exposure course.',
    );
  });
});

describe('registry and gating', () => {
  it('is one registry line, family exposure, typing, never in session or settling', () => {
    expect(findModule('written-exposure')).toBe(writtenExposureMeta);
    expect(writtenExposureMeta).toMatchObject({ family: 'exposure', asksTyping: true, ownChecks: true });
    expect(fitsPhase(writtenExposureMeta, 'session')).toBe(false);
    expect(fitsPhase(writtenExposureMeta, 'settling')).toBe(false);
    expect(fitsPhase(writtenExposureMeta, 'window')).toBe(true);
    expect(fitsPhase(writtenExposureMeta, 'between')).toBe(true);
  });
});

describe('inside a session: GROUND, PAUSE and EXIT from every state', () => {
  function session(saved: SessionContext[]) {
    const machine = sessionMachine.provide({
      actors: {
        module: writtenExposureMachine,
        saveEntry: fromPromise(async ({ input: { context } }) => {
          saved.push(context);
          return 'entry-1';
        }),
      },
    });
    return createActor(machine, {
      input: { sessionId: 's1', moduleId: 'written-exposure', family: 'exposure', ownChecks: true, now: 1000 },
    }).start();
  }
  const mod = (a: { getSnapshot(): { children: Record<string, unknown> } }) => a.getSnapshot().children['module'] as AnyActorRef;
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it('skips the 0–10 check-in and check-out: the module asks its own, and the session saves when it ends', async () => {
    const saved: SessionContext[] = [];
    const s = session(saved);
    expect(s.getSnapshot().value).toEqual({ flow: 'module' });
    for (const e of PATHS.support!) mod(s).send(e);
    mod(s).send({ type: 'CONTINUE' });
    await settle();
    expect(s.getSnapshot().value).toBe('saved');
    expect(saved[0]!.data).toMatchObject({ session: 1, postSuds: 90, moreSupport: true });
    expect(saved[0]!.partial).toBe(false);
    // The closing screen repeats the support.
    expect(s.getSnapshot().context.moreSupport).toBe(true);
  });

  for (const [state, events] of Object.entries(PATHS)) {
    it(`GROUND and PAUSE from ${state}: suspended, then back to the same step with the same data`, () => {
      const s = session([]);
      for (const e of events) mod(s).send(e);
      const data = JSON.stringify(mod(s).getSnapshot().context.data);
      for (const global of ['GROUND', 'PAUSE'] as const) {
        s.send({ type: global });
        expect(s.getSnapshot().value).toBe(global === 'GROUND' ? 'grounding' : 'paused');
        // The clock stops while suspended.
        expect(mod(s).getSnapshot().context.timer.endsAt).toBeNull();
        s.send({ type: 'RESUME' });
        expect(s.getSnapshot().value).toEqual({ flow: 'module' });
        const m = mod(s).getSnapshot();
        const expected = state === 'writing.running' ? { writing: 'paused' } : state.includes('.') ? { [state.split('.')[0]!]: state.split('.')[1]! } : state;
        expect(m.matches(expected as never), `${global} ${state}`).toBe(true);
        expect(JSON.stringify(m.context.data)).toBe(data);
      }
    });

    it(`EXIT from ${state}: what was given is kept as an unfinished entry, and the way out shows support`, async () => {
      const saved: SessionContext[] = [];
      const s = session(saved);
      for (const e of events) mod(s).send(e);
      s.send({ type: 'EXIT' });
      await settle();
      const begun = (mod(s)?.getSnapshot().context.data.session ?? saved[0]?.data) !== undefined && events.some((e) => e.type === 'BEGIN');
      if (begun) {
        expect(s.getSnapshot().value).toBe('saved');
        expect(saved[0]!.partial).toBe(true);
        expect(saved[0]!.data).toMatchObject({ courseId: 'c1', session: 1 });
      } else {
        expect(s.getSnapshot().value).toBe('left');
        expect(saved).toHaveLength(0);
      }
      // Never a dead end: leaving an exposure part-way always offers the safety plan, Help and grounding.
      expect(s.getSnapshot().context.moreSupport).toBe(true);
    });
  }
});
