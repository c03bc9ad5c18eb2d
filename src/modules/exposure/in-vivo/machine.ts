/**
 * In-vivo (real-life) exposure, one practice (CLINICAL.md §4; PE and inhibitory learning):
 *   loading → intro → choose (a hierarchy item checked as realistically safe) → predict (what I fear will
 *   happen, how likely 0–100 %) → behaviours (safety behaviours to drop) → ready (pre-SUDS, presence) →
 *   [groundFirst: pre-SUDS ≥ 85 or presence ≤ 3 — grounding offered, the person may go on] → during (a timer
 *   that counts up, pauses with the session, and a one-tap "log peak SUDS") → after (post-SUDS) →
 *   [support: post-SUDS ≥ 85 or a rise ≥ 30 — the safety plan and crisis contacts first, grounding offered]
 *   → outcome (did what I feared happen? what I learned) → done.
 * Every word and rating is in `context.data` the moment it is given (the runner's snapshot holds it), typing
 * and rating are handled at the root so they land whatever the screen. `data.needsSupport` is kept current
 * with what is rated, so leaving part-way after a hard rating also ends with the safety plan (the session
 * machine reads the flag). GROUND/PAUSE/EXIT are the session's; the module only stops its clock on PAUSE.
 * The optional note is the session's own note screen, which comes after this module — so after support.
 */
import { assign, setup } from 'xstate';
import type { ModuleInput } from '../../../flow/module';
import {
  DEFAULT_EXPOSURE_THRESHOLDS,
  groundingFirstBeforeExposure,
  safetyPlanAfterExposure,
  type ExposureThresholds,
} from '../../../flow/routing';
import type { Happened, InVivoData } from '../../../storage/exposure.schema';

/** A hierarchy item offered for practice (realistically safe, not retired). */
export interface Choice {
  id: string;
  text: string;
  suds: number;
}

export type TextField = 'prediction' | 'safetyBehaviours' | 'learned';
export type RatingField = 'likelihood' | 'preSuds' | 'presence' | 'postSuds';

export type InVivoEvent =
  | { type: 'LOADED'; choices: Choice[]; thresholds?: ExposureThresholds }
  | { type: 'NEXT' }
  | { type: 'BACK' }
  | { type: 'CHOOSE'; id: string }
  | { type: 'TYPE'; field: TextField; text: string }
  | { type: 'RATE'; field: RatingField; value: number }
  /** One tap during the practice: how high the distress is now (the highest so far, as the person sees it). */
  | { type: 'PEAK'; value: number }
  | { type: 'ANSWER'; happened: Happened }
  /** Carry on after grounding was offered, or after the safety plan was shown. */
  | { type: 'CONTINUE' }
  /** The practice itself is over: stop the timer. */
  | { type: 'STOP' }
  | { type: 'FINISH' }
  | { type: 'PAUSE' }
  | { type: 'RESUME' };

export interface InVivoContext {
  choices: Choice[];
  thresholds: ExposureThresholds;
  /** While the timer runs: when it last (re)started. Null when stopped or paused. */
  runningSince: number | null;
  data: InVivoData;
}

export function emptyInVivoData(): InVivoData {
  return {
    itemId: '',
    situation: '',
    prediction: '',
    likelihood: null,
    safetyBehaviours: '',
    preSuds: null,
    presence: null,
    peakSuds: null,
    startedAt: null,
    elapsedMs: 0,
    postSuds: null,
    happened: null,
    learned: '',
    needsSupport: false,
  };
}

const num = (n: number | null) => (n === null ? undefined : n);

/** The after-exposure rule on what is known so far: the post-SUDS, or — leaving before it — the peak. */
export function needsSupport(data: InVivoData, t: ExposureThresholds): boolean {
  const post = data.postSuds ?? data.peakSuds;
  return safetyPlanAfterExposure({ preSuds: num(data.preSuds), postSuds: num(post) }, t);
}

/** Timer reading at `now` (pauses excluded). */
export function elapsedAt(context: Pick<InVivoContext, 'runningSince' | 'data'>, now: number): number {
  return context.data.elapsedMs + (context.runningSince === null ? 0 : Math.max(0, now - context.runningSince));
}

const MAX = { likelihood: 100, preSuds: 100, presence: 10, postSuds: 100 } as const;
const clamp = (n: number, max: number) => Math.min(max, Math.max(0, Math.round(Number.isFinite(n) ? n : 0)));

export const inVivoMachine = setup({
  types: {
    context: {} as InVivoContext,
    events: {} as InVivoEvent,
    input: {} as ModuleInput,
    output: {} as InVivoData,
  },
  guards: {
    hasItem: ({ context }) => context.data.itemId !== '',
    groundFirst: ({ context }) =>
      groundingFirstBeforeExposure({ preSuds: num(context.data.preSuds), presence: num(context.data.presence) }, context.thresholds),
    supportFirst: ({ context }) => needsSupport(context.data, context.thresholds),
  },
  actions: {
    load: assign(({ context, event }) => {
      if (event.type !== 'LOADED') return {};
      return { choices: event.choices, thresholds: event.thresholds ?? context.thresholds };
    }),
    choose: assign({
      data: ({ context, event }) => {
        if (event.type !== 'CHOOSE') return context.data;
        const c = context.choices.find((x) => x.id === event.id);
        return c ? { ...context.data, itemId: c.id, situation: c.text } : context.data;
      },
    }),
    type: assign({
      data: ({ context, event }) => (event.type === 'TYPE' ? { ...context.data, [event.field]: event.text } : context.data),
    }),
    rate: assign({
      data: ({ context, event }) => {
        if (event.type !== 'RATE') return context.data;
        const data = { ...context.data, [event.field]: clamp(event.value, MAX[event.field]) };
        return { ...data, needsSupport: needsSupport(data, context.thresholds) };
      },
    }),
    peak: assign({
      data: ({ context, event }) => {
        if (event.type !== 'PEAK') return context.data;
        const data = { ...context.data, peakSuds: clamp(event.value, 100) };
        return { ...data, needsSupport: needsSupport(data, context.thresholds) };
      },
    }),
    answer: assign({
      data: ({ context, event }) => (event.type === 'ANSWER' ? { ...context.data, happened: event.happened } : context.data),
    }),
    startTimer: assign(({ context }) => {
      const now = Date.now();
      return { runningSince: now, data: { ...context.data, startedAt: context.data.startedAt ?? now } };
    }),
    /** Stop (or pause) the clock: the time run so far is added to `elapsedMs`. */
    stopTimer: assign(({ context }) => ({
      runningSince: null,
      data: { ...context.data, elapsedMs: elapsedAt(context, Date.now()) },
    })),
    resumeTimer: assign(({ context }) => (context.runningSince === null ? { runningSince: Date.now() } : {})),
  },
}).createMachine({
  id: 'in-vivo',
  context: () => ({ choices: [], thresholds: DEFAULT_EXPOSURE_THRESHOLDS, runningSince: null, data: emptyInVivoData() }),
  initial: 'loading',
  on: {
    TYPE: { actions: 'type' },
    RATE: { actions: 'rate' },
  },
  states: {
    loading: { on: { LOADED: { target: 'intro', actions: 'load' } } },
    intro: { on: { NEXT: 'choose' } },
    choose: {
      on: {
        CHOOSE: { actions: 'choose' },
        NEXT: { guard: 'hasItem', target: 'predict' },
        BACK: 'intro',
      },
    },
    predict: { on: { NEXT: 'behaviours', BACK: 'choose' } },
    behaviours: { on: { NEXT: 'ready', BACK: 'predict' } },
    ready: {
      on: {
        NEXT: [
          { guard: 'groundFirst', target: 'groundFirst' },
          { target: 'during', actions: 'startTimer' },
        ],
        BACK: 'behaviours',
      },
    },
    groundFirst: {
      description: 'Grounding offered first (the Ground control suspends the session); the person may go on.',
      on: { CONTINUE: { target: 'during', actions: 'startTimer' }, BACK: 'ready' },
    },
    during: {
      initial: 'running',
      on: {
        PEAK: { actions: 'peak' },
        STOP: { target: 'after', actions: 'stopTimer' },
      },
      states: {
        running: { on: { PAUSE: { target: 'paused', actions: 'stopTimer' } } },
        paused: { on: { RESUME: { target: 'running', actions: 'resumeTimer' } } },
      },
    },
    after: {
      on: {
        NEXT: [{ guard: 'supportFirst', target: 'support' }, { target: 'outcome' }],
      },
    },
    support: {
      description: 'The safety plan and crisis contacts, before anything else is asked; grounding offered.',
      on: { CONTINUE: 'outcome' },
    },
    outcome: {
      on: {
        ANSWER: { actions: 'answer' },
        FINISH: 'done',
        BACK: 'after',
      },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => context.data,
});
