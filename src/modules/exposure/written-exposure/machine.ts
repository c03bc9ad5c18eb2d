/**
 * One written exposure session (WET-style, CLINICAL.md §4), inside the course:
 *   loading → overview (the course; read a finished session, read-only unless Edit) → before (presence
 *   0–10, pre-SUDS 0–100; both optional) → [offerGround when the exposure routing says so] → writing (30
 *   minutes that can be paused) → after (post-SUDS, "Any thoughts of harming yourself?") → [support: the
 *   safety plan and crisis lines first] → done.
 *
 * The words themselves never pass through this machine: the view writes them (and the caret) straight to
 * the course store through the coalescing writer, so a keystroke in a 5,000-word text costs one small
 * write and not a session snapshot of the whole text. The machine holds what decides the flow: which
 * course and session, the ratings, the timer, where the person is. Its `data` is the journal entry's.
 *
 * PAUSE from the session (Ground me now, "Pause and ground", the session's pause) stops the clock; RESUME
 * does not start it again — after grounding, the person restarts the timer when they are ready.
 * The clock is the shared drift-free countdown state (flow/countdown.ts) with a minute ticker, injected as
 * the `ticker` actor.
 */
import { assign, fromCallback, setup, type EventObject } from 'xstate';
import * as v from 'valibot';
import type { ModuleInput } from '../../../flow/module';
import { countdown, pause, remainingAt, run, tick, type CountdownState } from '../../../flow/countdown';
import {
  DEFAULT_EXPOSURE_THRESHOLDS,
  groundingFirstBeforeExposure,
  safetyPlanAfterExposure,
  type ExposureThresholds,
} from '../../../flow/routing';
import { PersonText } from '../../../storage/limits';
import { SELF_HARM_ANSWERS, WRITING_MS, WRITTEN_SESSION_COUNT, type SelfHarmAnswer } from '../../../storage/written-exposure.schema';

const Rating = (max: number) => v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max)));

/** What a session keeps in the journal (the words stay in the course store). */
export const WrittenExposureDataSchema = v.object({
  courseId: v.nullable(v.string()),
  /** 1–5; 0 before the course was read. */
  session: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(WRITTEN_SESSION_COUNT)),
  presence: Rating(10),
  preSuds: Rating(100),
  postSuds: Rating(100),
  selfHarm: v.nullable(v.picklist(SELF_HARM_ANSWERS)),
  /** Writing time used, ms. */
  writtenMs: v.pipe(v.number(), v.minValue(0)),
  /** "Stop for today": the session stays open to carry on next time. */
  stoppedEarly: v.boolean(),
  /** The safety plan and crisis lines were shown first (flow/routing.ts safetyPlanAfterExposure). */
  moreSupport: v.boolean(),
});
export type WrittenExposureData = v.InferOutput<typeof WrittenExposureDataSchema>;

export type RatingField = 'presence' | 'preSuds' | 'postSuds';

/** What the view read from the course store when the module opened. */
export interface Loaded {
  courseId: string | null;
  /** The session to do next (1–5); 0 when the course is complete. */
  session: number;
  /** That session was begun and left part-way: carry on where it was. */
  resume: boolean;
  /** Its timer as stored (paused). */
  timer?: CountdownState;
  presence?: number | null;
  preSuds?: number | null;
  thresholds?: ExposureThresholds;
}

export type WrittenExposureEvent =
  | ({ type: 'LOADED' } & Loaded)
  /** The name the person gives the memory, typed on the overview before the course exists. */
  | { type: 'NAME'; text: string }
  /** Begin or carry on with the next session; `courseId` is the course the view has just made or read. */
  | { type: 'BEGIN'; courseId: string }
  | { type: 'READ'; session: number }
  | { type: 'EDIT' }
  | { type: 'DONE_EDITING' }
  | { type: 'BACK' }
  | { type: 'RATE'; field: RatingField; value: number | null }
  | { type: 'ANSWER'; answer: SelfHarmAnswer | null }
  | { type: 'CONTINUE' }
  | { type: 'SKIP' }
  | { type: 'START_TIMER' }
  | { type: 'PAUSE_TIMER' }
  | { type: 'RESUME_TIMER' }
  | { type: 'TICK'; remainingMs: number }
  /** "I have finished writing": the session is done. */
  | { type: 'FINISH_WRITING' }
  /** "Stop for today": the after-questions still come; the session stays open to carry on. */
  | { type: 'STOP_FOR_TODAY' }
  /** From the session: Ground, Pause. */
  | { type: 'PAUSE' }
  | { type: 'RESUME' };

export interface WrittenExposureContext {
  quick: boolean;
  data: WrittenExposureData;
  timer: CountdownState;
  thresholds: ExposureThresholds;
  /** The course as the view read it, and its next session (1–5; 0 = complete). Copied into `data` only at
   *  BEGIN, so opening the course and leaving again keeps nothing in the journal. */
  courseId: string | null;
  next: number;
  /** The session continues one begun earlier (the overview says "Carry on"). */
  resume: boolean;
  /** Ratings stored with a session begun earlier (kept when carrying on). */
  presenceBefore: number | null;
  preSudsBefore: number | null;
  /** The memory's name, typed before the course exists. */
  name: string;
  /** The finished session being read, and whether the person chose Edit. */
  reading: number | null;
  editing: boolean;
}

/** Whole minutes a person sees: 24.2 left shows 25, so "0" only when time is really up. */
export function minutesShown(remainingMs: number): number {
  return Math.max(0, Math.ceil(remainingMs / 60_000));
}

/**
 * The writing clock's ticker: like flow/countdown.ts `countdownTicker` (reads the end time, never counts
 * ticks), but it sends TICK only when the shown *minute* changes and at zero. Thirty minutes of writing
 * need no second hand — a counting clock pressures, and every TICK is a session snapshot written to disk
 * while the person types (measured: bench/wet-typing.bench.mjs).
 */
export const minuteTicker = fromCallback<EventObject, { endsAt: number | null }>(({ input, sendBack }) => {
  const endsAt = input.endsAt ?? Date.now();
  let shown = Number.NaN;
  let stopped = false;
  const check = (): void => {
    if (stopped) return;
    const remainingMs = Math.max(0, endsAt - Date.now());
    const minutes = minutesShown(remainingMs);
    if (minutes !== shown || remainingMs === 0) {
      shown = minutes;
      sendBack({ type: 'TICK', remainingMs });
    }
    if (remainingMs === 0) dispose();
  };
  const interval = setInterval(check, 1000);
  const end = setTimeout(check, Math.max(0, endsAt - Date.now()));
  function dispose(): void {
    stopped = true;
    clearInterval(interval);
    clearTimeout(end);
  }
  return dispose;
});

export function emptyData(): WrittenExposureData {
  return {
    courseId: null,
    session: 0,
    presence: null,
    preSuds: null,
    postSuds: null,
    selfHarm: null,
    writtenMs: 0,
    stoppedEarly: false,
    moreSupport: false,
  };
}

/** A whole number within 0–max, or null. */
export function clampRating(value: number | null, max: number): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return Math.min(max, Math.max(0, Math.round(value)));
}

const opt = (n: number | null) => (n === null ? undefined : n);

export const writtenExposureMachine = setup({
  types: {
    context: {} as WrittenExposureContext,
    events: {} as WrittenExposureEvent,
    input: {} as ModuleInput,
    output: {} as WrittenExposureData,
  },
  actors: { ticker: minuteTicker },
  guards: {
    resuming: ({ context }) => context.resume,
    groundFirst: ({ context }) =>
      groundingFirstBeforeExposure({ preSuds: opt(context.data.preSuds), presence: opt(context.data.presence) }, context.thresholds),
    safetyPlanFirst: ({ context }) =>
      safetyPlanAfterExposure(
        { preSuds: opt(context.data.preSuds), postSuds: opt(context.data.postSuds), selfHarm: context.data.selfHarm ?? undefined },
        context.thresholds,
      ),
    canBegin: ({ context, event }) => event.type === 'BEGIN' && event.courseId !== '' && context.next >= 1,
    // A session begun earlier goes straight back to the writing (its ratings before are kept).
    canResume: ({ context, event }) =>
      event.type === 'BEGIN' && event.courseId !== '' && context.next >= 1 && context.resume,
    finishedSession: ({ event }) =>
      event.type === 'READ' && Number.isInteger(event.session) && event.session >= 1 && event.session <= WRITTEN_SESSION_COUNT,
    timeLeft: ({ event }) => event.type === 'TICK' && event.remainingMs > 0,
  },
  actions: {
    load: assign(({ context, event }) => {
      if (event.type !== 'LOADED') return {};
      const session = Math.min(WRITTEN_SESSION_COUNT, Math.max(0, Math.trunc(event.session)));
      return {
        courseId: event.courseId,
        next: session,
        resume: event.resume && session >= 1,
        thresholds: event.thresholds ?? context.thresholds,
        timer: event.timer ? pause(event.timer) : countdown(WRITING_MS),
        presenceBefore: event.resume ? clampRating(event.presence ?? null, 10) : null,
        preSudsBefore: event.resume ? clampRating(event.preSuds ?? null, 100) : null,
      };
    }),
    name: assign({ name: ({ context, event }) => (event.type === 'NAME' ? event.text.slice(0, 200) : context.name) }),
    begin: assign({
      data: ({ context, event }) =>
        event.type === 'BEGIN'
          ? {
              ...context.data,
              courseId: event.courseId,
              session: context.next,
              // Carrying on: the ratings given before writing the first time still hold.
              presence: context.resume ? context.presenceBefore : null,
              preSuds: context.resume ? context.preSudsBefore : null,
            }
          : context.data,
    }),
    read: assign({
      reading: ({ event }) => (event.type === 'READ' ? event.session : null),
      editing: false,
    }),
    stopReading: assign({ reading: null, editing: false }),
    rate: assign({
      data: ({ context, event }) => {
        if (event.type !== 'RATE') return context.data;
        return { ...context.data, [event.field]: clampRating(event.value, event.field === 'presence' ? 10 : 100) };
      },
    }),
    answer: assign({
      data: ({ context, event }) => (event.type === 'ANSWER' ? { ...context.data, selfHarm: event.answer } : context.data),
    }),
    startClock: assign({ timer: ({ context }) => run(context.timer) }),
    stopClock: assign({ timer: ({ context }) => pause(context.timer) }),
    tick: assign({ timer: ({ context, event }) => (event.type === 'TICK' ? tick(context.timer, event.remainingMs) : context.timer) }),
    recordTime: assign({
      data: ({ context }) => ({ ...context.data, writtenMs: context.timer.durationMs - remainingAt(context.timer) }),
    }),
    stoppedEarly: assign({ data: ({ context }) => ({ ...context.data, stoppedEarly: true }) }),
    finished: assign({ data: ({ context }) => ({ ...context.data, stoppedEarly: false }) }),
    supportShown: assign({ data: ({ context }) => ({ ...context.data, moreSupport: true }) }),
  },
}).createMachine({
  id: 'writtenExposure',
  context: ({ input }) => ({
    quick: input?.quick ?? false,
    data: emptyData(),
    timer: countdown(WRITING_MS),
    thresholds: DEFAULT_EXPOSURE_THRESHOLDS,
    courseId: null,
    next: 0,
    resume: false,
    presenceBefore: null,
    preSudsBefore: null,
    name: '',
    reading: null,
    editing: false,
  }),
  initial: 'loading',
  states: {
    loading: {
      description: 'The view reads the course store and sends LOADED.',
      on: { LOADED: { target: 'overview', actions: 'load' } },
    },
    overview: {
      on: {
        NAME: { actions: 'name' },
        BEGIN: [
          { guard: 'canResume', target: 'writing', actions: 'begin' },
          { guard: 'canBegin', target: 'before', actions: 'begin' },
        ],
        READ: { guard: 'finishedSession', target: 'reading', actions: 'read' },
        // The course was begun again (a new memory) or changed on the overview: read again.
        LOADED: { actions: 'load' },
      },
    },
    reading: {
      description: 'A finished session, read-only unless the person chooses Edit (the view writes edits to the store).',
      on: {
        EDIT: { actions: assign({ editing: true }) },
        DONE_EDITING: { actions: assign({ editing: false }) },
        BACK: { target: 'overview', actions: 'stopReading' },
      },
    },
    before: {
      on: {
        RATE: { actions: 'rate' },
        CONTINUE: [{ guard: 'groundFirst', target: 'offerGround' }, { target: 'writing' }],
        // No rating is ever required to reach the writing (CLINICAL.md §6).
        SKIP: { target: 'writing' },
        BACK: { target: 'overview' },
      },
    },
    offerGround: {
      description: 'Grounding first (Ground me now suspends the session); the person may still go on.',
      on: { CONTINUE: { target: 'writing' } },
    },
    writing: {
      initial: 'start',
      on: {
        FINISH_WRITING: { target: 'after', actions: ['stopClock', 'recordTime', 'finished'] },
        STOP_FOR_TODAY: { target: 'after', actions: ['stopClock', 'recordTime', 'stoppedEarly'] },
      },
      states: {
        start: {
          // A new session starts its clock at once; one carried on from earlier waits for the person.
          always: [{ guard: 'resuming', target: 'paused' }, { target: 'running' }],
        },
        running: {
          entry: 'startClock',
          invoke: { src: 'ticker', input: ({ context }) => ({ endsAt: context.timer.endsAt }) },
          on: {
            TICK: [{ guard: 'timeLeft', actions: 'tick' }, { target: 'timeUp', actions: 'tick' }],
            PAUSE_TIMER: { target: 'paused', actions: 'stopClock' },
            PAUSE: { target: 'paused', actions: 'stopClock' },
          },
        },
        paused: {
          on: {
            RESUME_TIMER: { target: 'running' },
            START_TIMER: { target: 'running' },
          },
        },
        timeUp: {
          description: 'The thirty minutes are up: the person finishes their thought and stops when ready.',
          entry: assign({ timer: ({ context }) => ({ ...context.timer, remainingMs: 0, endsAt: null }) }),
        },
      },
    },
    after: {
      on: {
        RATE: { actions: 'rate' },
        ANSWER: { actions: 'answer' },
        CONTINUE: [{ guard: 'safetyPlanFirst', target: 'support', actions: 'supportShown' }, { target: 'done' }],
      },
    },
    support: {
      description: 'The safety plan and crisis lines before anything else; grounding offered; never a dead end.',
      on: { CONTINUE: { target: 'done' } },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => context.data,
});

