/**
 * A countdown for timed steps (cold water 30 s, feet pressing 20 s, tense 5 s / release 10 s, …): pure
 * helpers that module machines keep in their context, and one ticker actor their `running` states invoke.
 *
 * Why an end timestamp instead of counting ticks: browsers delay timers in background tabs and on slow
 * phones, so adding up 250 ms ticks drifts. The countdown stores when it will reach zero (`endsAt`, wall-clock
 * ms) and every tick just reads the clock, so a late tick is only late, never wrong. Pausing turns `endsAt`
 * back into an exact `remainingMs`; resuming makes a new `endsAt` from it, so no time is gained or lost.
 *
 * `Date.now()` rather than `performance.now()`: the countdown lives in the persisted session snapshot, and
 * performance.now() starts again at 0 after a reload. Vitest's fake timers and Playwright's `page.clock`
 * both control Date.now, so tests drive it directly.
 */
import { fromCallback, type EventObject } from 'xstate';

export interface CountdownState {
  /** Full length in ms. */
  readonly durationMs: number;
  /** Time left: exact while paused or finished; while running, as of the last tick (see `remainingAt`). */
  readonly remainingMs: number;
  /** `Date.now()` value at which it reaches zero while running; null while not running. */
  readonly endsAt: number | null;
}

/** How often the ticker looks at the clock. */
export const TICK_INTERVAL_MS = 250;

/** What the ticker sends its parent machine. */
export interface CountdownTick {
  type: 'TICK';
  remainingMs: number;
}

/** A countdown that has not started yet. */
export function countdown(durationMs: number): CountdownState {
  const d = Math.max(0, Number.isFinite(durationMs) ? durationMs : 0);
  return { durationMs: d, remainingMs: d, endsAt: null };
}

/** Time left at `now`, exact, whatever the state. */
export function remainingAt(c: CountdownState, now: number = Date.now()): number {
  if (c.endsAt === null) return clamp(c.remainingMs, c);
  return clamp(c.endsAt - now, c);
}

/** Time done at `now` (what a module records as "seconds completed"). */
export function elapsedAt(c: CountdownState, now: number = Date.now()): number {
  return c.durationMs - remainingAt(c, now);
}

/** Start, or resume after a pause: from now on it runs down from exactly what was left. */
export function run(c: CountdownState, now: number = Date.now()): CountdownState {
  if (c.endsAt !== null) return c;
  return { ...c, endsAt: now + clamp(c.remainingMs, c) };
}

/** Stop the clock, keeping exactly what was left at `now`. */
export function pause(c: CountdownState, now: number = Date.now()): CountdownState {
  if (c.endsAt === null) return c;
  return { ...c, remainingMs: remainingAt(c, now), endsAt: null };
}

/** Record a tick from the ticker (the running end time stays the single source of truth). */
export function tick(c: CountdownState, remainingMs: number): CountdownState {
  return { ...c, remainingMs: clamp(remainingMs, c) };
}

export function isRunning(c: CountdownState): boolean {
  return c.endsAt !== null;
}

/** The whole seconds a person sees: 29.2 s left shows 30, so "0" appears only when time is really up. */
export function secondsShown(remainingMs: number): number {
  return Math.max(0, Math.ceil(remainingMs / 1000));
}

/** Only a clock that reached 0 reports this, so a guard can use it on any TICK. */
export function isTimeUp(remainingMs: number): boolean {
  return remainingMs <= 0;
}

/** Moments worth saying out loud (screen readers): never every second. */
export type Milestone = 'half' | 'end';

/**
 * The milestone crossed between two readings, if any. Halfway is only announced for timers of 20 s or
 * more: on a 5 s "tense" a halfway message would arrive just before the end one and crowd it out.
 */
export function milestoneBetween(durationMs: number, beforeMs: number, afterMs: number): Milestone | null {
  if (afterMs >= beforeMs) return null;
  if (afterMs <= 0) return 'end';
  const half = durationMs / 2;
  if (durationMs >= 20_000 && beforeMs > half && afterMs <= half) return 'half';
  return null;
}

/** Words the Countdown component shows and announces; each module passes its own (from its content.ts). */
export interface CountdownCopy {
  /** The words after the big number, e.g. "seconds left" (n = 1: "second left"). */
  secondsLeft: (n: number) => string;
  /** Announced when a timer starts, e.g. "Tense gently: 5 seconds". `label` is the phase label (may be ''). */
  started: (label: string, seconds: number) => string;
  /** Announced halfway through timers of 20 s or more. */
  halfway: (seconds: number) => string;
  /** Shown and announced at the end; never an instruction to hurry. */
  timeUp: string;
  pause: string;
  resume: string;
  /** Shown beside the number while paused. */
  paused: string;
}

/**
 * The ticker a `running` state invokes with `input: { endsAt }`. It looks at the clock every 250 ms and at
 * the exact end, and sends `TICK` only when the shown second changes (and once at zero). Why not every
 * 250 ms: each TICK changes the module snapshot, and the runner persists every snapshot to IndexedDB — one
 * write a second is plenty, four would be waste on a phone. Pausing is exact anyway (see `pause`).
 */
export const countdownTicker = fromCallback<EventObject, { endsAt: number | null }>(({ input, sendBack }) => {
  const endsAt = input.endsAt ?? Date.now();
  let shown = Number.NaN;
  let stopped = false;
  const check = (): void => {
    if (stopped) return;
    const remainingMs = Math.max(0, endsAt - Date.now());
    const seconds = secondsShown(remainingMs);
    if (seconds !== shown || remainingMs === 0) {
      shown = seconds;
      const event: CountdownTick = { type: 'TICK', remainingMs };
      sendBack(event);
    }
    if (remainingMs === 0) dispose();
  };
  const interval = setInterval(check, TICK_INTERVAL_MS);
  // One timer at the very end, so zero arrives on time rather than up to one interval late.
  const end = setTimeout(check, Math.max(0, endsAt - Date.now()));
  function dispose(): void {
    stopped = true;
    clearInterval(interval);
    clearTimeout(end);
  }
  return dispose;
});

function clamp(ms: number, c: CountdownState): number {
  if (!Number.isFinite(ms)) return 0;
  return Math.min(c.durationMs, Math.max(0, ms));
}
