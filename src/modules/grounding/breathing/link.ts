/**
 * Links the breathing machine to the one pacer clock the view, the screen reader and the audio cue follow.
 *
 *   machine running/paused/ended  →  clock.start/resume · pause · stop   (so the session's PAUSE stops it too)
 *   clock phase / paused / done   →  PHASE · TICK(exact elapsed) · FINISHED  (so the record is exact)
 *   clock origin + schedule       →  the count shown inside each phase, on whole seconds of that phase
 *
 * Plain TypeScript with the clock's time source and timers injected, so node tests drive it with fake
 * timers exactly as the browser drives it with performance.now() and setTimeout.
 */
import type { BreathingContext, BreathingEvent } from './machine';
import { scheduleFor } from './machine';
import {
  createPacerClock,
  phaseAt,
  type BreathPhase,
  type PacerClock,
  type PacerStatus,
  type ScheduledPhase,
} from '../../../flow/pacer';

/** The part of the module actor the link needs (the real one is the session's `module` child). */
export interface BreathingActorLike {
  getSnapshot(): { value: unknown; status: string; context: BreathingContext };
  subscribe(listener: (snapshot: { value: unknown; status: string; context: BreathingContext }) => void): {
    unsubscribe(): void;
  };
  send(event: BreathingEvent): void;
}

export interface PacerState {
  /** The clock's status; 'paused' also when the exercise was started but the clock is not running yet. */
  status: PacerStatus;
  phase: BreathPhase | null;
  /** Index of the phase in the schedule, -1 before the first. */
  index: number;
  /** Whole seconds into this phase, counting 1, 2, 3 …; 0 before the first phase. */
  count: number;
  /** The count this phase reaches (its length rounded: 5.45 s counts to 5). */
  of: number;
  /** The shape is large: after an in-breath, until the next out-breath. */
  expanded: boolean;
  /** Seconds until this phase ends, taken when it began or resumed: the length of the shape's motion. */
  remaining: number;
}

export interface PacerLink {
  readonly clock: PacerClock;
  readonly schedule: readonly ScheduledPhase[];
  readonly state: PacerState;
  /** Called with every change of `state`; returns the unsubscribe function. */
  subscribe(listener: (state: PacerState) => void): () => void;
  /** "That's enough for now": end with the clock's exact time. */
  stop(): void;
  /** The view is going away: keep the exact time in the machine and let go of the clock and timers. */
  destroy(): void;
}

export interface LinkOptions {
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

// Module actors this page has already shown. A module found running that this page never showed was
// restored from storage (reload, reopened app): it waits for the person's Resume instead of breathing on
// by itself, maybe hours later. One that was shown before (back from grounding) continues, as
// the session contract asks.
const shownThisPage = new WeakSet<object>();

// A timer a hair early still counts as the second having begun (same reason as the clock's EDGE_MS).
const EDGE_S = 0.001;

/** Large after an in-breath, small after an out-breath; holds and rests keep the size they follow. */
export function expandedAt(sched: readonly ScheduledPhase[], index: number): boolean {
  for (let i = index; i >= 0; i--) {
    const p = sched[i]?.phase;
    if (p === 'inhale') return true;
    if (p === 'exhale') return false;
  }
  return false;
}

export function countTo(entry: ScheduledPhase): number {
  return Math.max(1, Math.round(entry.end - entry.start));
}

export function linkPacer(actor: BreathingActorLike, options: LinkOptions = {}): PacerLink {
  const now = options.now ?? (() => performance.now());
  const setTimer = options.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>));

  const first = actor.getSnapshot();
  const chosen = first.context.data ?? first.context;
  const sched = scheduleFor(chosen.pattern, chosen.minutes);
  const clock = createPacerClock({ schedule: sched, now, setTimer, clearTimer });
  const listeners = new Set<(s: PacerState) => void>();

  let state: PacerState = initialState(first.context);
  let countTimer: unknown = null;
  let alive = true;

  function initialState(ctx: BreathingContext): PacerState {
    const started = ctx.data !== null;
    const pos = started ? phaseAt(sched, ctx.elapsed) : null;
    const entry = pos ? sched[pos.index] : undefined;
    if (!pos || !entry) {
      return { status: started ? 'paused' : 'idle', phase: null, index: -1, count: 0, of: 0, expanded: false, remaining: 0 };
    }
    return {
      status: 'paused',
      phase: entry.phase,
      index: pos.index,
      count: Math.min(countTo(entry), Math.floor(ctx.elapsed - entry.start + EDGE_S) + 1),
      of: countTo(entry),
      expanded: expandedAt(sched, pos.index),
      remaining: pos.remaining,
    };
  }

  const set = (patch: Partial<PacerState>): void => {
    state = { ...state, ...patch };
    for (const fn of [...listeners]) fn(state);
  };
  const send = (event: BreathingEvent): void => {
    if (alive && actor.getSnapshot().status === 'active') actor.send(event);
  };
  const disarmCount = (): void => {
    if (countTimer !== null) clearTimer(countTimer);
    countTimer = null;
  };

  // The count is placed on the clock's own timeline (origin + phase start + n seconds), never counted by
  // an interval of its own, so it changes in step with the phase word and the audio cue after any pause.
  const countIn = (entry: ScheduledPhase, origin: number): number =>
    Math.max(1, Math.min(countTo(entry), Math.floor((now() - origin) / 1000 - entry.start + EDGE_S) + 1));
  const armCount = (): void => {
    countTimer = null;
    const origin = clock.origin;
    const pos = clock.position();
    const entry = pos ? sched[pos.index] : undefined;
    if (clock.status !== 'running' || origin === null || !entry) return;
    const of = countTo(entry);
    const count = countIn(entry, origin);
    if (count !== state.count || of !== state.of) set({ count, of });
    if (count < of) countTimer = setTimer(armCount, Math.max(1, origin + (entry.start + count) * 1000 - now()));
  };

  clock.subscribe((event) => {
    switch (event.type) {
      case 'phase': {
        disarmCount();
        const pos = clock.position();
        set({
          status: 'running',
          phase: event.entry.phase,
          index: event.index,
          // 1 at a phase's start; further on when the clock starts part-way through it (restored).
          count: clock.origin === null ? 1 : countIn(event.entry, clock.origin),
          of: countTo(event.entry),
          expanded: expandedAt(sched, event.index),
          remaining: pos?.remaining ?? event.entry.end - event.entry.start,
        });
        armCount();
        send({ type: 'PHASE', index: event.index });
        break;
      }
      case 'running': {
        // Resume: the phase under way carries on for what is left of it. On a start, the 'phase' event
        // that follows at once sets everything.
        const pos = clock.position();
        if (!pos || pos.index !== state.index) break;
        set({ status: 'running', remaining: pos.remaining });
        disarmCount();
        armCount();
        break;
      }
      case 'paused':
        disarmCount();
        set({ status: 'paused' });
        send({ type: 'TICK', elapsed: event.elapsed });
        break;
      case 'done':
        disarmCount();
        set({ status: 'done' });
        send({ type: 'FINISHED' });
        break;
      case 'stopped':
        disarmCount();
        break;
    }
  });

  // The machine says whether time runs; the clock obeys.
  const follow = (snap: { value: unknown; status: string; context: BreathingContext }): void => {
    if (!alive) return;
    const value = snap.status === 'active' ? snap.value : 'gone';
    if (value === 'running') {
      if (clock.status === 'idle') clock.start(snap.context.elapsed);
      else if (clock.status === 'paused') clock.resume();
    } else if (value === 'paused') {
      if (clock.status === 'running') clock.pause();
    } else if (value === 'ended' || value === 'done' || value === 'gone') {
      if (clock.status === 'running' || clock.status === 'paused') clock.stop();
      disarmCount();
    }
  };

  const restored = first.status === 'active' && first.value === 'running' && !shownThisPage.has(actor);
  shownThisPage.add(actor);
  const sub = actor.subscribe(follow);
  if (restored) send({ type: 'PAUSE', by: 'person' });
  else follow(actor.getSnapshot());

  return {
    clock,
    schedule: sched,
    get state() {
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      const elapsed = clock.status === 'idle' ? actor.getSnapshot().context.elapsed : clock.elapsed();
      send({ type: 'STOP', elapsed });
    },
    destroy() {
      if (!alive) return;
      if (clock.status === 'running') send({ type: 'TICK', elapsed: clock.elapsed() });
      alive = false;
      sub.unsubscribe();
      listeners.clear();
      disarmCount();
      clock.stop();
    },
  };
}
