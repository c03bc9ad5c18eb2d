/**
 * Paced breathing: choose → ready → running ⇄ paused → ended → done.
 *
 * The machine holds the plan and the record (what was chosen, how long the person breathed); it runs no
 * timer. Time belongs to the pacer clock (flow/pacer.ts), which the view owns and links to this machine with
 * `linkPacer` (link.ts): the clock reports phases and exact pause times here, and follows this machine's
 * running/paused state. So this machine runs in node with plain events, and the session's PAUSE/RESUME
 * (sent while the person grounds elsewhere) stop and restart the very clock the eyes and ears follow.
 */
import { and, assign, setup } from 'xstate';
import type { ModuleInput } from '../../../flow/module';
import { PATTERNS, isPatternId, schedule, scheduleSeconds, type PatternId, type ScheduledPhase } from '../../../flow/pacer';
import { DEFAULT_MINUTES, MINUTE_CHOICES } from './timing';

export interface BreathingData {
  pattern: PatternId;
  /** The length the person chose, 1–5. */
  minutes: number;
  /** Whole seconds breathed with the pacer. */
  seconds: number;
  /** Breath cycles completed (a cycle = every phase of the pattern once). */
  cycles: number;
  /** The person chose to stop before the end ("That's enough for now"). */
  finishedEarly: boolean;
}

export interface BreathingContext {
  quick: boolean;
  /** A choice was made or loaded: the stored preset must not overwrite it (e.g. after Back). */
  chosen: boolean;
  /** The current choice; copied into `data` when the person starts. */
  pattern: PatternId;
  minutes: number;
  /** Exact seconds of the exercise done, as the clock last reported them (frozen while paused). */
  elapsed: number;
  /** Who paused: it runs again only when both have let go (a session RESUME never overrides the person). */
  pausedBy: { person: boolean; session: boolean };
  /** Null until the person starts, so leaving at the chooser keeps nothing. */
  data: BreathingData | null;
}

export type BreathingEvent =
  /** The person's last choice, loaded from settings; in quick mode it also skips the chooser. */
  | { type: 'PRESET'; pattern: string; minutes: number }
  | { type: 'CHOOSE'; pattern?: string; minutes?: number }
  | { type: 'NEXT' }
  | { type: 'BACK' }
  | { type: 'START' }
  /** From the clock: phase `index` of the schedule began. */
  | { type: 'PHASE'; index: number }
  /** From the clock: exact elapsed seconds (on pause, and before leaving the view). */
  | { type: 'TICK'; elapsed: number }
  /** From the clock: the schedule is over. */
  | { type: 'FINISHED' }
  /** `by: 'person'` from the Pause button; without it, from the session (GROUND, PAUSE). */
  | { type: 'PAUSE'; by?: 'person' }
  | { type: 'RESUME'; by?: 'person' }
  /** "That's enough for now"; `elapsed` is the clock's exact time when pressed. */
  | { type: 'STOP'; elapsed?: number }
  /** Leave the closing screen. */
  | { type: 'FINISH' };

export const DEFAULT_PATTERN: PatternId = 'slow-exhale';
export { DEFAULT_MINUTES };

export function isMinutes(n: unknown): n is number {
  return typeof n === 'number' && (MINUTE_CHOICES as readonly number[]).includes(n);
}

/** The phases the pacer runs for this choice (whole cycles that fit the chosen minutes). */
export function scheduleFor(pattern: PatternId, minutes: number): ScheduledPhase[] {
  return schedule(PATTERNS[pattern], minutes * 60);
}

// Clock times are exact to the microsecond; whole seconds are what the person sees and the journal keeps.
const wholeSeconds = (s: number): number => Math.floor(Math.round(s * 1000) / 1000);

function planOf(context: BreathingContext) {
  const sched = scheduleFor(context.data?.pattern ?? context.pattern, context.data?.minutes ?? context.minutes);
  return { sched, total: scheduleSeconds(sched) };
}

/** Record `elapsed` (never backwards, never past the end) and the cycles completed by then. */
function progressTo(context: BreathingContext, elapsed: number, cyclesDone?: number): Partial<BreathingContext> {
  if (!context.data) return {};
  const { total } = planOf(context);
  const next = Math.min(total, Math.max(context.elapsed, Number.isFinite(elapsed) ? elapsed : 0));
  return {
    elapsed: next,
    data: {
      ...context.data,
      seconds: wholeSeconds(next),
      cycles: cyclesDone === undefined ? context.data.cycles : Math.max(context.data.cycles, cyclesDone),
    },
  };
}

export const breathingMachine = setup({
  types: {
    context: {} as BreathingContext,
    events: {} as BreathingEvent,
    input: {} as ModuleInput,
    output: {} as BreathingData,
  },
  guards: {
    isQuick: ({ context }) => context.quick,
    notChosen: ({ context }) => !context.chosen,
    chosenAlready: ({ context }) => context.chosen,
    /** RESUME lets go of the last hold on the clock. */
    lastHoldReleased: ({ context, event }) => {
      if (event.type !== 'RESUME') return false;
      const after = event.by === 'person' ? { ...context.pausedBy, person: false } : { ...context.pausedBy, session: false };
      return !after.person && !after.session;
    },
  },
  actions: {
    choose: assign(({ context, event }) => {
      if (event.type !== 'CHOOSE' && event.type !== 'PRESET') return {};
      return {
        chosen: true,
        pattern: event.pattern !== undefined && isPatternId(event.pattern) ? event.pattern : context.pattern,
        minutes: isMinutes(event.minutes) ? event.minutes : context.minutes,
      };
    }),
    begin: assign(({ context }) => ({
      elapsed: 0,
      pausedBy: { person: false, session: false },
      data: { pattern: context.pattern, minutes: context.minutes, seconds: 0, cycles: 0, finishedEarly: false },
    })),
    phase: assign(({ context, event }) => {
      if (event.type !== 'PHASE') return {};
      const entry = planOf(context).sched[event.index];
      // The phase under way belongs to an unfinished cycle: every cycle before it is complete.
      return entry ? progressTo(context, entry.start, entry.cycle) : {};
    }),
    tick: assign(({ context, event }) => (event.type === 'TICK' ? progressTo(context, event.elapsed) : {})),
    holdBy: assign(({ context, event }) => ({
      pausedBy: event.type === 'PAUSE' && event.by === 'person' ? { ...context.pausedBy, person: true } : { ...context.pausedBy, session: true },
    })),
    releaseBy: assign(({ context, event }) => ({
      pausedBy:
        event.type === 'RESUME' && event.by === 'person' ? { ...context.pausedBy, person: false } : { ...context.pausedBy, session: false },
    })),
    completeAll: assign(({ context }) => {
      const { sched, total } = planOf(context);
      const cycles = (sched[sched.length - 1]?.cycle ?? -1) + 1;
      const done = progressTo(context, total, cycles);
      return { ...done, data: done.data ? { ...done.data, finishedEarly: false } : context.data };
    }),
    stopEarly: assign(({ context, event }) => {
      const done = event.type === 'STOP' && event.elapsed !== undefined ? progressTo(context, event.elapsed) : {};
      const data = done.data ?? context.data;
      return { ...done, data: data ? { ...data, finishedEarly: true } : data };
    }),
  },
}).createMachine({
  id: 'breathing',
  context: ({ input }) => ({
    quick: input?.quick ?? false,
    // Ground me now asks for the slow out-breath (flow/ground.ts): chosen already, the stored preset is ignored.
    chosen: input?.variant !== undefined && isPatternId(input.variant),
    pattern: input?.variant !== undefined && isPatternId(input.variant) ? input.variant : DEFAULT_PATTERN,
    minutes: DEFAULT_MINUTES,
    elapsed: 0,
    pausedBy: { person: false, session: false },
    data: null,
  }),
  initial: 'start',
  states: {
    start: {
      always: [{ guard: 'chosenAlready', target: 'ready' }, { target: 'choose' }],
    },
    choose: {
      on: {
        // Only before any choice: coming Back to the chooser keeps what the person picked this time.
        PRESET: [
          { guard: and(['notChosen', 'isQuick']), target: 'ready', actions: 'choose' },
          { guard: 'notChosen', actions: 'choose' },
        ],
        CHOOSE: { actions: 'choose' },
        NEXT: { target: 'ready', actions: assign({ chosen: true }) },
      },
    },
    ready: {
      on: {
        BACK: { target: 'choose' },
        // "Breathe without holding", offered with the caution before a held-breath pattern starts.
        CHOOSE: { actions: 'choose' },
        START: { target: 'running', actions: 'begin' },
      },
    },
    running: {
      on: {
        PHASE: { actions: 'phase' },
        TICK: { actions: 'tick' },
        PAUSE: { target: 'paused', actions: 'holdBy' },
        FINISHED: { target: 'ended', actions: 'completeAll' },
        STOP: { target: 'ended', actions: 'stopEarly' },
      },
    },
    paused: {
      on: {
        // Late reports from the clock as it stops (the exact pause time) still count.
        PHASE: { actions: 'phase' },
        TICK: { actions: 'tick' },
        PAUSE: { actions: 'holdBy' },
        RESUME: [{ guard: 'lastHoldReleased', target: 'running', actions: 'releaseBy' }, { actions: 'releaseBy' }],
        STOP: { target: 'ended', actions: 'stopEarly' },
      },
    },
    ended: {
      description: 'A quiet closing screen, so the last breath is not cut short by the check-out questions.',
      on: {
        FINISH: { target: 'done' },
      },
    },
    done: { type: 'final' },
  },
  output: ({ context }) =>
    context.data ?? { pattern: context.pattern, minutes: context.minutes, seconds: 0, cycles: 0, finishedEarly: false },
});

export type BreathingMachine = typeof breathingMachine;
