import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sources as temperatureSources } from '../../src/modules/grounding/temperature/content';
import * as v from 'valibot';
import { createActor, fromPromise, type AnyActorRef } from 'xstate';
import { temperatureMachine, TemperatureDataSchema } from '../../src/modules/grounding/temperature/machine';
import temperature from '../../src/modules/grounding/temperature/index';
import { temperatureMeta } from '../../src/modules/grounding/temperature/meta';
import { sessionMachine, type SessionContext } from '../../src/flow/session.machine';

const start = () => createActor(temperatureMachine, { input: { quick: false } }).start();
type Actor = ReturnType<typeof start>;
const value = (a: Actor) => a.getSnapshot().value;
const ctx = (a: Actor) => a.getSnapshot().context;

/** Safety note → face → prepare → timer running. */
function toTimer(variant: 'face' | 'hands' = 'face'): Actor {
  const a = start();
  a.send({ type: 'CONTINUE' });
  a.send({ type: 'CHOOSE', variant });
  a.send({ type: 'START' });
  return a;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(5_000_000);
});
afterEach(() => vi.useRealTimers());

describe('temperature machine', () => {
  it('always opens on the safety note, quick start included', () => {
    expect(value(start())).toBe('safety');
    expect(createActor(temperatureMachine, { input: { quick: true } }).start().getSnapshot().value).toBe('safety');
  });

  it('walks safety → choose → prepare → 30 s timer → time is up → notice → done, output = data', () => {
    const a = start();
    a.send({ type: 'CONTINUE' });
    expect(value(a)).toBe('choose');
    a.send({ type: 'CHOOSE', variant: 'face' });
    expect(value(a)).toBe('prepare');
    expect(ctx(a).data.variant).toBe('face');
    a.send({ type: 'START' });
    expect(value(a)).toEqual({ timer: 'running' });
    vi.advanceTimersByTime(10_000);
    expect(ctx(a).timer.remainingMs).toBe(20_000);
    expect(ctx(a).data.secondsCompleted).toBe(10);
    vi.advanceTimersByTime(20_000);
    // Time is up: it says so and waits; nothing moves on by itself.
    expect(value(a)).toEqual({ timer: 'ended' });
    vi.advanceTimersByTime(120_000);
    expect(value(a)).toEqual({ timer: 'ended' });
    expect(ctx(a).data.secondsCompleted).toBe(30);
    a.send({ type: 'NEXT' });
    expect(value(a)).toBe('notice');
    a.send({ type: 'TYPE', text: 'slower heartbeat' });
    a.send({ type: 'NEXT' });
    const snap = a.getSnapshot();
    expect(snap.status).toBe('done');
    expect(snap.output).toEqual({ variant: 'face', secondsCompleted: 30, note: 'slower heartbeat' });
    expect(v.safeParse(TemperatureDataSchema, snap.output).success).toBe(true);
  });

  it('the gentler option from the safety note goes straight to the hands version', () => {
    const a = start();
    a.send({ type: 'GENTLER' });
    expect(value(a)).toBe('prepare');
    expect(ctx(a).data.variant).toBe('hands');
  });

  it('Back goes prepare → choose → safety', () => {
    const a = start();
    a.send({ type: 'CONTINUE' });
    a.send({ type: 'CHOOSE', variant: 'hands' });
    a.send({ type: 'BACK' });
    expect(value(a)).toBe('choose');
    a.send({ type: 'BACK' });
    expect(value(a)).toBe('safety');
  });

  it('the timer only starts when the person says so', () => {
    const a = start();
    a.send({ type: 'GENTLER' });
    vi.advanceTimersByTime(60_000);
    expect(value(a)).toBe('prepare');
    expect(ctx(a).timer.remainingMs).toBe(30_000);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stopping early is fine: it records the seconds done and moves on', () => {
    const a = toTimer('hands');
    vi.advanceTimersByTime(12_400);
    a.send({ type: 'NEXT' });
    expect(value(a)).toBe('notice');
    expect(ctx(a).data.secondsCompleted).toBe(12);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("the person's pause keeps the remaining time exact, and resume continues from it", () => {
    const a = toTimer();
    vi.advanceTimersByTime(7_321);
    a.send({ type: 'TIMER_PAUSE' });
    expect(value(a)).toEqual({ timer: 'held' });
    expect(ctx(a).timer.remainingMs).toBe(22_679);
    vi.advanceTimersByTime(300_000);
    expect(ctx(a).timer.remainingMs).toBe(22_679);
    a.send({ type: 'TIMER_RESUME' });
    expect(value(a)).toEqual({ timer: 'running' });
    vi.advanceTimersByTime(22_678);
    expect(value(a)).toEqual({ timer: 'running' });
    vi.advanceTimersByTime(1);
    expect(value(a)).toEqual({ timer: 'ended' });
  });

  it("the session's PAUSE stops the clock and RESUME continues it", () => {
    const a = toTimer();
    vi.advanceTimersByTime(5_000);
    a.send({ type: 'PAUSE' });
    expect(value(a)).toEqual({ timer: 'suspended' });
    expect(ctx(a).timer.remainingMs).toBe(25_000);
    vi.advanceTimersByTime(60_000);
    a.send({ type: 'RESUME' });
    vi.advanceTimersByTime(24_999);
    expect(value(a)).toEqual({ timer: 'running' });
    vi.advanceTimersByTime(1);
    expect(value(a)).toEqual({ timer: 'ended' });
  });

  it("a timer the person paused stays paused through the session's PAUSE and RESUME", () => {
    const a = toTimer();
    vi.advanceTimersByTime(3_000);
    a.send({ type: 'TIMER_PAUSE' });
    a.send({ type: 'PAUSE' });
    a.send({ type: 'RESUME' });
    expect(value(a)).toEqual({ timer: 'held' });
    vi.advanceTimersByTime(60_000);
    expect(ctx(a).timer.remainingMs).toBe(27_000);
  });

  it('PAUSE and RESUME are ignored where there is no clock', () => {
    const a = start();
    a.send({ type: 'PAUSE' });
    a.send({ type: 'RESUME' });
    expect(value(a)).toBe('safety');
    const b = toTimer();
    vi.advanceTimersByTime(30_000);
    b.send({ type: 'PAUSE' });
    expect(value(b)).toEqual({ timer: 'ended' });
  });

  it('a snapshot saved mid-timer (reload) restores and runs to the same end time', () => {
    const a = toTimer();
    vi.advanceTimersByTime(10_000);
    const saved = JSON.parse(JSON.stringify(a.getPersistedSnapshot()));
    a.stop();
    vi.advanceTimersByTime(5_000); // the reload took 5 s
    const b = createActor(temperatureMachine, { snapshot: saved, input: { quick: false } }).start();
    expect(b.getSnapshot().value).toEqual({ timer: 'running' });
    vi.advanceTimersByTime(14_999);
    expect(b.getSnapshot().value).toEqual({ timer: 'running' });
    vi.advanceTimersByTime(1);
    expect(b.getSnapshot().value).toEqual({ timer: 'ended' });
  });

  it('a snapshot saved while suspended restores with the exact time left', () => {
    const a = toTimer();
    vi.advanceTimersByTime(4_500);
    a.send({ type: 'PAUSE' });
    const saved = JSON.parse(JSON.stringify(a.getPersistedSnapshot()));
    a.stop();
    vi.advanceTimersByTime(3_600_000);
    const b = createActor(temperatureMachine, { snapshot: saved, input: { quick: false } }).start();
    b.send({ type: 'RESUME' });
    expect(b.getSnapshot().context.timer.remainingMs).toBe(25_500);
    vi.advanceTimersByTime(25_500);
    expect(b.getSnapshot().value).toEqual({ timer: 'ended' });
  });

  it('summarizes for the journal', () => {
    expect(temperature.summarize({ variant: 'hands', secondsCompleted: 30, note: ' calmer ' })).toBe(
      'Something cold in the hands: 30 seconds\nNoticed: calmer',
    );
    expect(temperature.summarize({ variant: 'face', secondsCompleted: 1, note: '' })).toBe('Cool water on the face: 1 second');
    expect(temperature.summarize({ variant: null, secondsCompleted: 0, note: '' })).toBe('Read the safety note');
  });
});

describe('temperature inside a session', () => {
  function session(saved: SessionContext[]) {
    const machine = sessionMachine.provide({
      actors: {
        module: temperatureMachine,
        saveEntry: fromPromise(async ({ input: { context } }) => {
          saved.push(context);
          return 'entry-1';
        }),
      },
    });
    const actor = createActor(machine, { input: { sessionId: 's1', moduleId: 'temperature', family: 'grounding' } }).start();
    actor.send({ type: 'SKIP_CHECK_IN' });
    return actor;
  }
  const mod = (actor: { getSnapshot(): { children: Record<string, unknown> } }) =>
    actor.getSnapshot().children['module'] as AnyActorRef;

  it('Ground me now freezes the timer; coming back continues it', () => {
    const actor = session([]);
    const m = mod(actor);
    m.send({ type: 'CONTINUE' });
    m.send({ type: 'CHOOSE', variant: 'face' });
    m.send({ type: 'START' });
    vi.advanceTimersByTime(10_000);
    actor.send({ type: 'GROUND' });
    expect(m.getSnapshot().value).toEqual({ timer: 'suspended' });
    vi.advanceTimersByTime(600_000);
    expect(m.getSnapshot().context.timer.remainingMs).toBe(20_000);
    actor.send({ type: 'RESUME' });
    expect(m.getSnapshot().value).toEqual({ timer: 'running' });
    vi.advanceTimersByTime(20_000);
    expect(m.getSnapshot().value).toEqual({ timer: 'ended' });
  });

  it('leaving mid-timer keeps the variant and the seconds done', async () => {
    const saved: SessionContext[] = [];
    const actor = session(saved);
    const m = mod(actor);
    m.send({ type: 'GENTLER' });
    m.send({ type: 'START' });
    vi.advanceTimersByTime(8_000);
    actor.send({ type: 'EXIT' });
    await vi.runAllTimersAsync();
    expect(saved[0]?.data).toEqual({ variant: 'hands', secondsCompleted: 8, note: '' });
    expect(saved[0]?.partial).toBe(true);
  });

  it('choosing another exercise at the safety note (the view’s leave → EXIT) ends the session: nothing left unfinished', async () => {
    const saved: SessionContext[] = [];
    const actor = session(saved);
    expect(mod(actor).getSnapshot().value).toBe('safety');
    actor.send({ type: 'EXIT' });
    await vi.runAllTimersAsync();
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().value).toBe('left');
    expect(saved).toEqual([]);
  });

  it('finishing hands the data to the session', async () => {
    const saved: SessionContext[] = [];
    const actor = session(saved);
    const m = mod(actor);
    m.send({ type: 'CONTINUE' });
    m.send({ type: 'CHOOSE', variant: 'face' });
    m.send({ type: 'START' });
    vi.advanceTimersByTime(30_000);
    m.send({ type: 'NEXT' });
    m.send({ type: 'NEXT' });
    expect(actor.getSnapshot().value).toEqual({ flow: 'checkOut' });
    expect(actor.getSnapshot().context.data).toEqual({ variant: 'face', secondsCompleted: 30, note: '' });
  });

  it('meta: ~2 minutes, not offered in the first hours after a dose', () => {
    expect(temperatureMeta.id).toBe('temperature');
    expect(temperatureMeta.minutes).toBe(2);
    expect(temperatureMeta.phases).not.toContain('session');
    expect(temperatureSources.some((s) => s.citation.includes('Linehan'))).toBe(true);
  });
});
