/**
 * Temperature: safety note → choose face or hands (or go straight to the gentler hands version) → prepare →
 * a 30-second timer → notice the change. The timer can be paused, and left early without penalty; reaching
 * zero moves nothing on by itself.
 *
 * Two kinds of pause, kept apart on purpose: TIMER_PAUSE/TIMER_RESUME are the person's own button;
 * PAUSE/RESUME come from the session while it is suspended (Ground me now, Pause). A person who paused the
 * timer themselves and then went to ground finds it still paused when they come back, not running.
 */
import { assign, setup } from 'xstate';
import * as v from 'valibot';
import { PersonText } from '../../../storage/limits';
import type { ModuleInput } from '../../../flow/module';
import {
  countdown,
  countdownTicker,
  isTimeUp,
  pause,
  run,
  tick,
  type CountdownState,
  type CountdownTick,
} from '../../../flow/countdown';
import { TIMER_SECONDS, type Variant } from './content';

export interface TemperatureData {
  /** The version the person chose; null if they left before choosing. */
  variant: Variant | null;
  /** Whole seconds of the timer done (0 to 30). */
  secondsCompleted: number;
  /** What they noticed afterwards (optional). */
  note: string;
}

export const TemperatureDataSchema = v.object({
  variant: v.nullable(v.picklist(['face', 'hands'])),
  secondsCompleted: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3600)),
  note: PersonText,
});

export interface TemperatureContext {
  data: TemperatureData;
  timer: CountdownState;
}

export type TemperatureEvent =
  | { type: 'CONTINUE' }
  | { type: 'GENTLER' }
  | { type: 'CHOOSE'; variant: Variant }
  | { type: 'BACK' }
  | { type: 'START' }
  | { type: 'TIMER_PAUSE' }
  | { type: 'TIMER_RESUME' }
  | { type: 'PAUSE' }
  | { type: 'RESUME' }
  | { type: 'NEXT' }
  | { type: 'TYPE'; text: string }
  | CountdownTick;

const DURATION_MS = TIMER_SECONDS * 1000;

/** Whole seconds done, from the remaining time the countdown last recorded (exact after a pause). */
const secondsDone = (timer: CountdownState) => Math.round((timer.durationMs - timer.remainingMs) / 1000);

export const temperatureMachine = setup({
  types: {
    context: {} as TemperatureContext,
    events: {} as TemperatureEvent,
    input: {} as ModuleInput,
    output: {} as TemperatureData,
  },
  actors: { ticker: countdownTicker },
  guards: {
    timeUp: ({ event }) => event.type === 'TICK' && isTimeUp(event.remainingMs),
  },
  actions: {
    choose: assign({
      data: ({ context, event }) => (event.type === 'CHOOSE' ? { ...context.data, variant: event.variant } : context.data),
    }),
    chooseGentler: assign({ data: ({ context }) => ({ ...context.data, variant: 'hands' as const }) }),
    startClock: assign(() => {
      const timer = run(countdown(DURATION_MS));
      return { timer };
    }),
    tick: assign(({ context, event }) => {
      if (event.type !== 'TICK') return {};
      const timer = tick(context.timer, event.remainingMs);
      // Kept in data as it goes, so leaving part-way still records how long the person held the cold.
      return { timer, data: { ...context.data, secondsCompleted: secondsDone(timer) } };
    }),
    stopClock: assign(({ context }) => {
      const timer = pause(context.timer);
      return { timer, data: { ...context.data, secondsCompleted: secondsDone(timer) } };
    }),
    resumeClock: assign({ timer: ({ context }) => run(context.timer) }),
    type: assign({
      data: ({ context, event }) => (event.type === 'TYPE' ? { ...context.data, note: event.text } : context.data),
    }),
  },
}).createMachine({
  id: 'temperature',
  context: () => ({
    data: { variant: null, secondsCompleted: 0, note: '' },
    timer: countdown(DURATION_MS),
  }),
  initial: 'safety',
  states: {
    // The safety note always comes first, quick start included: it is the one screen that must not be skipped.
    safety: {
      on: {
        CONTINUE: 'choose',
        GENTLER: { target: 'prepare', actions: 'chooseGentler' },
      },
    },
    choose: {
      on: {
        CHOOSE: { target: 'prepare', actions: 'choose' },
        BACK: 'safety',
      },
    },
    prepare: {
      on: {
        START: { target: 'timer', actions: 'startClock' },
        BACK: 'choose',
      },
    },
    timer: {
      initial: 'running',
      // Next is always allowed: stopping early is fine, and after zero it is how the person moves on.
      on: { NEXT: { target: 'notice', actions: 'stopClock' } },
      states: {
        running: {
          invoke: { src: 'ticker', input: ({ context }) => ({ endsAt: context.timer.endsAt }) },
          on: {
            TICK: [{ guard: 'timeUp', target: 'ended', actions: 'tick' }, { actions: 'tick' }],
            TIMER_PAUSE: { target: 'held', actions: 'stopClock' },
            PAUSE: { target: 'suspended', actions: 'stopClock' },
          },
        },
        /** Paused by the person: stays paused through the session's PAUSE/RESUME. */
        held: {
          on: { TIMER_RESUME: { target: 'running', actions: 'resumeClock' } },
        },
        /** Paused by the session (grounding or pause); its RESUME carries on. */
        suspended: {
          on: { RESUME: { target: 'running', actions: 'resumeClock' } },
        },
        ended: {},
      },
    },
    notice: {
      on: {
        TYPE: { actions: 'type' },
        NEXT: 'done',
      },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => context.data,
});
