// The breathing machine and the one pacer clock, linked as the view links them, on fake timers: the record
// the journal keeps, and the session's PAUSE/RESUME, follow the clock to the millisecond.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise, type AnyActorRef } from 'xstate';
import { breathingMachine } from '../../src/modules/grounding/breathing/machine';
import { linkPacer, type PacerState } from '../../src/modules/grounding/breathing/link';
import { createPacerClock, schedule, PATTERNS, type PacerEvent } from '../../src/flow/pacer';
import { sessionMachine } from '../../src/flow/session.machine';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_000_000);
});
afterEach(() => {
  vi.useRealTimers();
});

const timing = {
  now: () => Date.now(),
  setTimer: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clearTimer: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

function ready(pattern = 'slow-exhale', minutes = 1) {
  const actor = createActor(breathingMachine, { input: { quick: false } });
  actor.start();
  actor.send({ type: 'CHOOSE', pattern, minutes });
  actor.send({ type: 'NEXT' });
  return actor;
}

/** A linked pacer whose every state change is logged with the time since the start. */
function linked(actor: ReturnType<typeof ready>) {
  const t0 = Date.now();
  const link = linkPacer(actor, timing);
  const log: string[] = [];
  let last: PacerState = link.state;
  link.subscribe((s) => {
    if (s.index !== last.index) log.push(`${Date.now() - t0} ${s.phase}`);
    else if (s.count !== last.count) log.push(`${Date.now() - t0} ${s.count}`);
    last = s;
  });
  return { link, log, at: () => Date.now() - t0 };
}

describe('pacer clock: start part-way (added for restored exercises)', () => {
  it('start(from) continues at that point of the schedule, phases on their usual times', () => {
    const clock = createPacerClock({ schedule: schedule(PATTERNS.box, 32), ...timing });
    const seen: string[] = [];
    clock.subscribe((e: PacerEvent) => {
      if (e.type === 'running') seen.push(`running ${e.elapsed}`);
      if (e.type === 'phase') seen.push(`${Date.now() - 1_000_000} ${e.entry.phase}#${e.index}`);
    });
    clock.start(6); // 2 s into the first hold
    expect(clock.elapsed()).toBe(6);
    expect(clock.origin).toBe(1_000_000 - 6_000);
    vi.advanceTimersByTime(6_000);
    expect(seen).toEqual(['running 6', '0 hold#1', '2000 exhale#2', '6000 hold#3']);
  });

  it.each([
    [-5, 0],
    [Number.NaN, 0],
    [1e9, 32],
  ])('start(%s) is clamped to %s', (from, expected) => {
    const clock = createPacerClock({ schedule: schedule(PATTERNS.box, 32), ...timing });
    clock.start(from);
    expect(clock.elapsed()).toBe(expected);
  });
});

describe('linked pacer', () => {
  it('Start runs the clock: phase, count and the machine’s record move on the schedule’s times', () => {
    const actor = ready(); // 4 s in, 6 s out
    const { log } = linked(actor);
    expect(actor.getSnapshot().value).toBe('ready');
    vi.advanceTimersByTime(5_000);
    expect(log).toEqual([]); // nothing moves before Start

    actor.send({ type: 'START' });
    vi.advanceTimersByTime(10_000);
    expect(log).toEqual([
      '5000 inhale',
      '6000 2',
      '7000 3',
      '8000 4',
      '9000 exhale',
      '10000 2',
      '11000 3',
      '12000 4',
      '13000 5',
      '14000 6',
      '15000 inhale',
    ]);
    expect(actor.getSnapshot().context).toMatchObject({ elapsed: 10, data: { seconds: 10, cycles: 1 } });
  });

  it('the session’s PAUSE stops the clock at the exact time; RESUME continues from exactly there', () => {
    const actor = ready();
    const { link, log } = linked(actor);
    actor.send({ type: 'START' });
    vi.advanceTimersByTime(6_250);
    actor.send({ type: 'PAUSE' }); // what the session sends on GROUND
    expect(link.clock.status).toBe('paused');
    expect(actor.getSnapshot().context).toMatchObject({ elapsed: 6.25, data: { seconds: 6 } });

    vi.advanceTimersByTime(30_000); // nothing moves while paused
    expect(log.at(-1)).toBe('6000 3');
    expect(link.state).toMatchObject({ status: 'paused', phase: 'exhale', count: 3 });

    actor.send({ type: 'RESUME' });
    expect(link.state).toMatchObject({ status: 'running', remaining: 3.75 });
    vi.advanceTimersByTime(3_750);
    // Paused at 6.25 s (2.25 s into the out-breath) for 30 s: its 4th second comes 750 ms after the
    // resume, the next in-breath exactly 30 s later than planned.
    expect(log.slice(-4)).toEqual(['37000 4', '38000 5', '39000 6', '40000 inhale']);
    expect(actor.getSnapshot().context.elapsed).toBe(10);
  });

  it('a pause by the person is kept through the session’s pause and resume', () => {
    const actor = ready();
    const { link } = linked(actor);
    actor.send({ type: 'START' });
    vi.advanceTimersByTime(2_000);
    actor.send({ type: 'PAUSE', by: 'person' });
    actor.send({ type: 'PAUSE' });
    actor.send({ type: 'RESUME' });
    vi.advanceTimersByTime(20_000);
    expect(link.clock.status).toBe('paused');
    expect(actor.getSnapshot().context.elapsed).toBe(2);
  });

  it('the clock reaching the end ends the exercise with every cycle', () => {
    const actor = ready('4-7-8', 1);
    linked(actor);
    actor.send({ type: 'START' });
    vi.advanceTimersByTime(56_999);
    expect(actor.getSnapshot().value).toBe('running');
    vi.advanceTimersByTime(1);
    expect(actor.getSnapshot().value).toBe('ended');
    expect(actor.getSnapshot().context.data).toEqual({
      pattern: '4-7-8',
      minutes: 1,
      seconds: 57,
      cycles: 3,
      finishedEarly: false,
    });
  });

  it('“That’s enough for now” ends at the exact time, keeps what was done and silences the clock', () => {
    const actor = ready();
    const { link } = linked(actor);
    actor.send({ type: 'START' });
    vi.advanceTimersByTime(23_400);
    link.stop();
    expect(actor.getSnapshot().value).toBe('ended');
    expect(actor.getSnapshot().context.data).toMatchObject({ seconds: 23, cycles: 2, finishedEarly: true });
    expect(link.clock.status).toBe('idle');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a view that goes away keeps the exact time; the next one continues from there', () => {
    const actor = ready();
    const first = linked(actor);
    actor.send({ type: 'START' });
    vi.advanceTimersByTime(7_500);
    first.link.destroy();
    expect(actor.getSnapshot().context.elapsed).toBe(7.5);
    expect(vi.getTimerCount()).toBe(0);

    vi.advanceTimersByTime(60_000); // away: no time passes for the exercise
    const second = linked(actor); // same actor (back from another screen): carries on by itself
    expect(second.link.state).toMatchObject({ status: 'running', phase: 'exhale', count: 4, remaining: 2.5 });
    vi.advanceTimersByTime(2_500);
    expect(second.log).toEqual(['500 5', '1500 6', '2500 inhale']);
  });

  it('an exercise restored from storage waits for the person, then continues where it stood', () => {
    const original = ready();
    const first = linked(original);
    original.send({ type: 'START' });
    vi.advanceTimersByTime(14_000);
    const stored = JSON.parse(JSON.stringify(original.getPersistedSnapshot()));
    first.link.destroy();
    original.stop();

    const restored = createActor(breathingMachine, { snapshot: stored, input: { quick: false } });
    restored.start();
    expect(restored.getSnapshot().value).toBe('running');
    const { link, log } = linked(restored);
    expect(restored.getSnapshot().value).toBe('paused');
    expect(restored.getSnapshot().context.pausedBy).toEqual({ person: true, session: false });
    expect(link.state).toMatchObject({ status: 'paused', phase: 'exhale', count: 1 });
    vi.advanceTimersByTime(10_000);
    expect(log).toEqual([]);

    restored.send({ type: 'RESUME', by: 'person' }); // 10 s after the view appeared
    vi.advanceTimersByTime(6_000);
    expect(log).toEqual(['11000 2', '12000 3', '13000 4', '14000 5', '15000 6', '16000 inhale']);
    expect(restored.getSnapshot().context.elapsed).toBe(20);
  });

  it('coherent breathing (5.45 s phases) counts to 5 and changes phase on the right millisecond', () => {
    const actor = ready('coherent', 1);
    const { log } = linked(actor);
    actor.send({ type: 'START' });
    vi.advanceTimersByTime(5_450);
    expect(log).toEqual(['0 inhale', '1000 2', '2000 3', '3000 4', '4000 5', '5450 exhale']);
  });

  it('with the browser’s own time source (performance.now + setTimeout) it runs the same way', () => {
    const actor = ready();
    const link = linkPacer(actor);
    actor.send({ type: 'START' });
    vi.advanceTimersByTime(4_000);
    expect(link.state.phase).toBe('exhale');
    link.destroy();
  });
});

describe('inside a session', () => {
  it('grounding mid-exercise pauses the clock; coming back continues it without losing a millisecond', async () => {
    const session = createActor(
      sessionMachine.provide({
        actors: { module: breathingMachine, saveEntry: fromPromise(async () => 'entry-1') },
      }),
      { input: { sessionId: 's1', moduleId: 'breathing', family: 'grounding', now: 1000 } },
    );
    session.start();
    session.send({ type: 'SKIP_CHECK_IN' });
    const mod = session.getSnapshot().children['module'] as AnyActorRef;
    mod.send({ type: 'NEXT' });
    const { link } = linked(mod as never);
    mod.send({ type: 'START' });
    vi.advanceTimersByTime(3_300);

    session.send({ type: 'GROUND' });
    expect(mod.getSnapshot().value).toBe('paused');
    expect(link.clock.status).toBe('paused');
    expect(mod.getSnapshot().context.elapsed).toBe(3.3);
    vi.advanceTimersByTime(120_000);

    session.send({ type: 'RESUME' });
    expect(mod.getSnapshot().value).toBe('running');
    expect(link.clock.elapsed()).toBe(3.3);
    vi.advanceTimersByTime(120_000 - 3_300);
    // Finished on its own: 2 minutes of exercise, however long the break.
    expect(session.getSnapshot().value).toEqual({ flow: 'module' });
    expect(mod.getSnapshot().value).toBe('ended');
    mod.send({ type: 'FINISH' });
    expect(session.getSnapshot().value).toEqual({ flow: 'checkOut' });
    expect(session.getSnapshot().context.data).toEqual({
      pattern: 'slow-exhale',
      minutes: 2,
      seconds: 120,
      cycles: 12,
      finishedEarly: false,
    });
  });

  it('leaving mid-exercise keeps what was done as an unfinished entry', async () => {
    const saved: unknown[] = [];
    const session = createActor(
      sessionMachine.provide({
        actors: {
          module: breathingMachine,
          saveEntry: fromPromise(async ({ input }) => {
            saved.push(input.context);
            return 'entry-1';
          }),
        },
      }),
      { input: { sessionId: 's1', moduleId: 'breathing', family: 'grounding', now: 1000 } },
    );
    session.start();
    session.send({ type: 'SKIP_CHECK_IN' });
    const mod = session.getSnapshot().children['module'] as AnyActorRef;
    mod.send({ type: 'NEXT' });
    linked(mod as never);
    mod.send({ type: 'START' });
    vi.advanceTimersByTime(25_000);
    session.send({ type: 'EXIT' });
    await vi.runAllTimersAsync();
    expect(session.getSnapshot().value).toBe('saved');
    expect(saved[0]).toMatchObject({ partial: true, data: { seconds: 24, cycles: 2, finishedEarly: false } });
  });

  it('leaving at the chooser keeps nothing', async () => {
    const session = createActor(
      sessionMachine.provide({
        actors: { module: breathingMachine, saveEntry: fromPromise(async () => 'entry-1') },
      }),
      { input: { sessionId: 's1', moduleId: 'breathing', family: 'grounding', now: 1000 } },
    );
    session.start();
    session.send({ type: 'SKIP_CHECK_IN' });
    (session.getSnapshot().children['module'] as AnyActorRef).send({ type: 'CHOOSE', pattern: 'box' });
    session.send({ type: 'EXIT' });
    expect(session.getSnapshot().value).toBe('left');
  });
});
