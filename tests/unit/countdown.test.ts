import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, setup, assign } from 'xstate';
import {
  countdown,
  countdownTicker,
  elapsedAt,
  isRunning,
  milestoneBetween,
  pause,
  remainingAt,
  run,
  secondsShown,
  tick,
  type CountdownState,
  type CountdownTick,
} from '../../src/flow/countdown';

describe('countdown (pure)', () => {
  it('starts idle with the whole duration left', () => {
    const c = countdown(30_000);
    expect(c).toEqual({ durationMs: 30_000, remainingMs: 30_000, endsAt: null });
    expect(isRunning(c)).toBe(false);
    expect(remainingAt(c, 123)).toBe(30_000);
  });

  it('counts down from an end time, so a late reading is only late, never wrong', () => {
    const c = run(countdown(30_000), 1_000);
    expect(c.endsAt).toBe(31_000);
    expect(remainingAt(c, 1_000)).toBe(30_000);
    expect(remainingAt(c, 11_250)).toBe(19_750);
    expect(remainingAt(c, 99_000)).toBe(0);
    expect(elapsedAt(c, 11_250)).toBe(10_250);
  });

  it('pause keeps exactly what was left, however long the pause lasts; resume continues from there', () => {
    let c = run(countdown(30_000), 0);
    c = pause(c, 12_345);
    expect(c).toEqual({ durationMs: 30_000, remainingMs: 17_655, endsAt: null });
    expect(remainingAt(c, 10_000_000)).toBe(17_655);
    c = run(c, 50_000);
    expect(remainingAt(c, 50_000)).toBe(17_655);
    expect(remainingAt(c, 50_000 + 17_655)).toBe(0);
  });

  it('run and pause are idempotent (a double tap changes nothing)', () => {
    const running = run(countdown(5_000), 0);
    expect(run(running, 2_000)).toBe(running);
    const paused = pause(running, 1_000);
    expect(pause(paused, 3_000)).toBe(paused);
  });

  it('clamps odd readings to 0..duration', () => {
    const c = countdown(10_000);
    expect(tick(c, -5).remainingMs).toBe(0);
    expect(tick(c, 99_999).remainingMs).toBe(10_000);
    expect(tick(c, Number.NaN).remainingMs).toBe(0);
    expect(countdown(-1).durationMs).toBe(0);
    // A clock set back while running cannot add time.
    expect(remainingAt(run(c, 1_000), 0)).toBe(10_000);
  });

  it.each([
    [30_000, 30],
    [29_001, 30],
    [29_000, 29],
    [1, 1],
    [0, 0],
    [-10, 0],
  ])('shows %i ms as %i whole seconds (0 only when time is really up)', (ms, s) => {
    expect(secondsShown(ms)).toBe(s);
  });

  it.each([
    // duration, before, after, expected
    [30_000, 15_250, 15_000, 'half'],
    [30_000, 16_000, 14_000, 'half'],
    [30_000, 15_000, 14_000, null],
    [30_000, 1_000, 0, 'end'],
    [30_000, 30_000, 0, 'end'],
    [30_000, 20_000, 19_000, null],
    [30_000, 10_000, 10_000, null],
    [30_000, 5_000, 30_000, null], // a new run, not a crossing
    [10_000, 6_000, 4_000, null], // short timers: start and end only
    [5_000, 1_000, 0, 'end'],
  ] as const)('milestone for %i ms from %i to %i is %s', (d, a, b, m) => {
    expect(milestoneBetween(d, a, b)).toBe(m);
  });
});

/** A tiny machine that holds a countdown and invokes the ticker, as module machines do. */
const host = setup({
  types: {
    context: {} as { timer: CountdownState; ticks: number[] },
    events: {} as CountdownTick | { type: 'PAUSE' } | { type: 'RESUME' },
  },
  actors: { ticker: countdownTicker },
}).createMachine({
  context: () => ({ timer: run(countdown(30_000)), ticks: [] }),
  initial: 'running',
  states: {
    running: {
      invoke: { src: 'ticker', input: ({ context }) => ({ endsAt: context.timer.endsAt }) },
      on: {
        TICK: [
          {
            guard: ({ event }) => event.remainingMs <= 0,
            target: 'done',
            actions: assign(({ context, event }) => ({ timer: tick(context.timer, event.remainingMs), ticks: [...context.ticks, event.remainingMs] })),
          },
          { actions: assign(({ context, event }) => ({ timer: tick(context.timer, event.remainingMs), ticks: [...context.ticks, event.remainingMs] })) },
        ],
        PAUSE: { target: 'paused', actions: assign({ timer: ({ context }) => pause(context.timer) }) },
      },
    },
    paused: { on: { RESUME: { target: 'running', actions: assign({ timer: ({ context }) => run(context.timer) }) } } },
    done: {},
  },
});

describe('countdown ticker (fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
  });
  afterEach(() => vi.useRealTimers());

  it('reports the remaining time about every second, from the clock', () => {
    const a = createActor(host).start();
    vi.advanceTimersByTime(250);
    expect(a.getSnapshot().context.timer.remainingMs).toBe(29_750);
    vi.advanceTimersByTime(750);
    // No new whole second yet at 29.25 s / 29.5 s: one TICK per shown second, not one per 250 ms.
    expect(a.getSnapshot().context.ticks).toEqual([29_750, 29_000]);
    vi.advanceTimersByTime(9_000);
    expect(a.getSnapshot().context.timer.remainingMs).toBe(20_000);
    expect(a.getSnapshot().context.ticks).toHaveLength(11);
    a.stop();
  });

  it('reaches zero exactly at the end, once, and then stops ticking', () => {
    const a = createActor(host).start();
    vi.advanceTimersByTime(29_999);
    expect(a.getSnapshot().value).toBe('running');
    vi.advanceTimersByTime(1);
    expect(a.getSnapshot().value).toBe('done');
    expect(a.getSnapshot().context.timer.remainingMs).toBe(0);
    const ticks = a.getSnapshot().context.ticks.length;
    vi.advanceTimersByTime(10_000);
    expect(a.getSnapshot().context.ticks.length).toBe(ticks);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a tab that slept (timers late) catches up in one tick instead of drifting', () => {
    const a = createActor(host).start();
    // Jump the wall clock without firing timers, as a background tab does, then let one timer fire.
    vi.setSystemTime(1_000_000 + 21_600);
    vi.advanceTimersByTime(250);
    expect(a.getSnapshot().context.timer.remainingMs).toBe(30_000 - 21_850);
    a.stop();
  });

  it('pause keeps the remaining time exact; resume runs down from it; no timers run while paused', () => {
    const a = createActor(host).start();
    vi.advanceTimersByTime(12_345);
    a.send({ type: 'PAUSE' });
    expect(a.getSnapshot().context.timer.remainingMs).toBe(17_655);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(a.getSnapshot().context.timer.remainingMs).toBe(17_655);
    a.send({ type: 'RESUME' });
    vi.advanceTimersByTime(17_654);
    expect(a.getSnapshot().value).toBe('running');
    vi.advanceTimersByTime(1);
    expect(a.getSnapshot().value).toBe('done');
  });

  it('stopping the host stops the ticker (no timers left behind)', () => {
    const a = createActor(host).start();
    vi.advanceTimersByTime(1_000);
    a.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
