/**
 * Body grounding: choose a part → its steps one per screen → coming back (optional note) → done.
 * Each step: ready (read the instruction, Start or Skip) → a timed phase → ended ("time's up", Next).
 *  - Feet and hands: one 20 s "press" phase per step.
 *  - Tense and let go: a 5 s "tense" phase that moves on by itself to a 10 s "release" phase (the one automatic
 *    move: holding tension longer than asked is what should not happen). The release ends only with Next.
 * "Skip this one" works from every screen of a step; "Let go now" ends a tension early.
 *
 * Two kinds of pause, kept apart on purpose: TIMER_PAUSE/TIMER_RESUME are the person's own button;
 * PAUSE/RESUME come from the session while it is suspended (Ground me now, Pause). A timer the person
 * paused stays paused after grounding rather than starting again by itself.
 */
import { assign, not, setup } from 'xstate';
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
import { anchorSteps, muscleGroups, PRESS_SECONDS, RELEASE_SECONDS, TENSE_SECONDS, type Part } from './content';

export interface BodyData {
  /** The part the person chose; null if they left before choosing. */
  part: Part | null;
  /** Step or muscle-group ids the person went through, in order. */
  done: string[];
  /** Step or muscle-group ids the person chose to skip. */
  skipped: string[];
  /** Optional "what do you notice" notes by step id ('close' for the last screen). */
  notes: Record<string, string>;
}

const Id = v.pipe(v.string(), v.maxLength(64));
export const BodyDataSchema = v.object({
  part: v.nullable(v.picklist(['anchor', 'pmr'])),
  done: v.pipe(v.array(Id), v.maxLength(50)),
  skipped: v.pipe(v.array(Id), v.maxLength(50)),
  notes: v.record(Id, PersonText),
});

export type BodyPhase = 'press' | 'tense' | 'release';

export interface BodyContext {
  data: BodyData;
  /** Index of the current step within the chosen part. */
  index: number;
  phase: BodyPhase;
  timer: CountdownState;
  /** Counts timer runs, so the view can announce each new start (tense → release). */
  run: number;
  /** The part was given by the start (Ground me now's feet and hands), not chosen here: no choice lies behind
   *  its first step. Absent in snapshots from older builds (Back then works as it did). */
  given?: boolean;
}

/**
 * Whether Back is offered on this step: to the previous step, or from the first step to the choice of part —
 * except in a Ground me now start, where the first step has nothing behind it. Ground chose feet and hands
 * because it is for the moment (CLINICAL.md §2); Back must not lead from there into muscle tensing, and the
 * Ground screen lists the other exercises just below.
 */
export function canGoBack(context: Pick<BodyContext, 'index' | 'given'>): boolean {
  return context.index > 0 || !context.given;
}

export type BodyEvent =
  | { type: 'CHOOSE'; part: Part }
  | { type: 'START' }
  | { type: 'LET_GO' }
  | { type: 'NEXT' }
  | { type: 'SKIP' }
  | { type: 'STOP' }
  | { type: 'BACK' }
  | { type: 'TYPE'; text: string }
  | { type: 'TIMER_PAUSE' }
  | { type: 'TIMER_RESUME' }
  | { type: 'PAUSE' }
  | { type: 'RESUME' }
  | CountdownTick;

export function stepIdsOf(part: Part | null): readonly string[] {
  return part === 'pmr' ? muscleGroups.map((g) => g.id) : anchorSteps.map((s) => s.id);
}

export const CLOSE_ID = 'close';

const seconds = { press: PRESS_SECONDS, tense: TENSE_SECONDS, release: RELEASE_SECONDS } as const;
const firstPhase = (part: Part | null): BodyPhase => (part === 'pmr' ? 'tense' : 'press');

function currentId(context: BodyContext): string {
  return stepIdsOf(context.data.part)[context.index] ?? '';
}

function mark(data: BodyData, id: string, as: 'done' | 'skipped'): BodyData {
  const done = data.done.filter((x) => x !== id);
  const skipped = data.skipped.filter((x) => x !== id);
  (as === 'done' ? done : skipped).push(id);
  return { ...data, done, skipped };
}

/** The idle state of step `index`: first phase, clock not started. */
function atStep(context: BodyContext, index: number): Partial<BodyContext> {
  const phase = firstPhase(context.data.part);
  return { index, phase, timer: countdown(seconds[phase] * 1000) };
}

function begin(context: BodyContext, phase: BodyPhase): Partial<BodyContext> {
  return { phase, timer: run(countdown(seconds[phase] * 1000)), run: context.run + 1 };
}

export const bodyMachine = setup({
  types: {
    context: {} as BodyContext,
    events: {} as BodyEvent,
    input: {} as ModuleInput,
    output: {} as BodyData,
  },
  actors: { ticker: countdownTicker },
  guards: {
    isLast: ({ context }) => context.index >= stepIdsOf(context.data.part).length - 1,
    isFirst: ({ context }) => context.index === 0,
    canGoBack: ({ context }) => canGoBack(context),
    partGiven: ({ context }) => context.data.part !== null,
    isTense: ({ context }) => context.phase === 'tense',
    notTense: ({ context }) => context.phase !== 'tense',
    timeUp: ({ event }) => event.type === 'TICK' && isTimeUp(event.remainingMs),
  },
  actions: {
    choose: assign(({ context, event }) => {
      if (event.type !== 'CHOOSE') return {};
      // Switching part starts afresh: a list of muscle groups next to feet/palms would not make sense.
      const data: BodyData =
        event.part === context.data.part ? context.data : { part: event.part, done: [], skipped: [], notes: {} };
      return { ...atStep({ ...context, data }, 0), data };
    }),
    advance: assign(({ context }) => atStep(context, context.index + 1)),
    retreat: assign(({ context }) => atStep(context, context.index - 1)),
    markDone: assign({ data: ({ context }) => mark(context.data, currentId(context), 'done') }),
    markSkipped: assign({ data: ({ context }) => mark(context.data, currentId(context), 'skipped') }),
    beginFirst: assign(({ context }) => begin(context, firstPhase(context.data.part))),
    beginRelease: assign(({ context }) => begin(context, 'release')),
    tick: assign({
      timer: ({ context, event }) => (event.type === 'TICK' ? tick(context.timer, event.remainingMs) : context.timer),
    }),
    stopClock: assign({ timer: ({ context }) => pause(context.timer) }),
    resumeClock: assign({ timer: ({ context }) => run(context.timer) }),
    typeNote: assign({
      data: ({ context, event }) =>
        event.type === 'TYPE' ? { ...context.data, notes: { ...context.data.notes, [currentId(context)]: event.text } } : context.data,
    }),
    typeClosingNote: assign({
      data: ({ context, event }) =>
        event.type === 'TYPE' ? { ...context.data, notes: { ...context.data.notes, [CLOSE_ID]: event.text } } : context.data,
    }),
  },
}).createMachine({
  id: 'body',
  context: ({ input }) => {
    // A quick start from Ground me now asks for feet and hands (flow/ground.ts): straight to its first step.
    const part: Part | null = input?.variant === 'anchor' || input?.variant === 'pmr' ? input.variant : null;
    const phase = firstPhase(part);
    return {
      data: { part, done: [], skipped: [], notes: {} },
      index: 0,
      phase,
      timer: countdown(seconds[phase] * 1000),
      run: 0,
      given: part !== null,
    };
  },
  initial: 'start',
  states: {
    start: {
      always: [{ guard: 'partGiven', target: 'step' }, { target: 'choose' }],
    },
    choose: {
      on: { CHOOSE: { target: 'step', actions: 'choose' } },
    },
    step: {
      initial: 'ready',
      on: {
        // Skipping is always allowed and never questioned (CLINICAL.md §6: skip without penalty).
        SKIP: [
          { guard: 'isLast', target: 'closing', actions: ['stopClock', 'markSkipped'] },
          { target: 'step', reenter: true, actions: ['stopClock', 'markSkipped', 'advance'] },
        ],
        TYPE: { actions: 'typeNote' },
        // "Stop here" (muscle work can make some people uneasier): straight to coming back, this step
        // neither done nor skipped.
        STOP: { target: 'closing', actions: 'stopClock' },
      },
      states: {
        ready: {
          on: {
            START: { target: 'timed', actions: 'beginFirst' },
            BACK: [
              { guard: not('canGoBack') },
              { guard: 'isFirst', target: '#body.choose' },
              { target: '#body.step', reenter: true, actions: 'retreat' },
            ],
          },
        },
        timed: {
          initial: 'running',
          on: {
            // Moving on before the time is up is fine — except in the middle of a tension, where "Let go now"
            // is the way out (it leads to the release, never straight past it).
            NEXT: { guard: 'notTense', target: '#body.step.leaving', actions: ['stopClock', 'markDone'] },
            LET_GO: { guard: 'isTense', target: 'timed', reenter: true, actions: 'beginRelease' },
          },
          states: {
            running: {
              invoke: { src: 'ticker', input: ({ context }) => ({ endsAt: context.timer.endsAt }) },
              on: {
                TICK: [{ guard: 'timeUp', target: '#body.step.phaseOver', actions: 'tick' }, { actions: 'tick' }],
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
          },
        },
        phaseOver: {
          always: [{ guard: 'isTense', target: 'timed', actions: 'beginRelease' }, { target: 'ended' }],
        },
        ended: {
          on: { NEXT: { target: 'leaving', actions: 'markDone' } },
        },
        /** Done with this step: the next one, or the closing screen after the last. */
        leaving: {
          always: [{ guard: 'isLast', target: '#body.closing' }, { target: '#body.step', reenter: true, actions: 'advance' }],
        },
      },
    },
    closing: {
      on: {
        TYPE: { actions: 'typeClosingNote' },
        NEXT: 'done',
      },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => context.data,
});
