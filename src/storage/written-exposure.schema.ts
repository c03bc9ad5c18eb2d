/**
 * Written exposure (WET-style; CLINICAL.md §4): one course = one memory and its five timed writing sessions.
 * Each session keeps the person's text, where the caret and the scroll were (so grounding returns to the
 * exact place), the timer, the ratings before and after, and the answer to the self-harm question.
 * Types derive from the schema; every read parses it.
 */
import * as v from 'valibot';
import { PersonText } from './limits';

/** Five sessions about one memory (Sloan & Marx). */
export const WRITTEN_SESSION_COUNT = 5;
/** Thirty minutes of writing per session (Sloan & Marx); the timer can be paused. */
export const WRITING_MS = 30 * 60_000;

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const Millis = v.pipe(v.number(), v.integer(), v.minValue(0));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Rating = (max: number) => v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max)));

export const SELF_HARM_ANSWERS = ['yes', 'no', 'rather-not'] as const;
export type SelfHarmAnswer = (typeof SELF_HARM_ANSWERS)[number];

export const SESSION_STATUSES = ['not-started', 'writing', 'done'] as const;
export type WrittenSessionStatus = (typeof SESSION_STATUSES)[number];

/** The countdown as flow/countdown.ts keeps it (`endsAt` null while paused). */
export const TimerSchema = v.object({ durationMs: Millis, remainingMs: Millis, endsAt: v.nullable(Millis) });

/** Where the person was in the text: caret (selection) and how far the box was scrolled. */
export const CaretSchema = v.object({ start: Count, end: Count, scrollTop: v.pipe(v.number(), v.minValue(0)) });
export type Caret = v.InferOutput<typeof CaretSchema>;

export const WrittenSessionSchema = v.object({
  /** 1–5. */
  n: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(WRITTEN_SESSION_COUNT)),
  status: v.picklist(SESSION_STATUSES),
  /** Every word, as typed. Never rendered as HTML. */
  text: PersonText,
  caret: CaretSchema,
  timer: TimerSchema,
  /** Presence 0–10 before writing. */
  presence: Rating(10),
  /** Distress (SUDS) 0–100 before and after. */
  preSuds: Rating(100),
  postSuds: Rating(100),
  /** "Any thoughts of harming yourself?" after the session; null = not asked yet. */
  selfHarm: v.nullable(v.picklist(SELF_HARM_ANSWERS)),
  startedAt: v.nullable(Millis),
  finishedAt: v.nullable(Millis),
});
export type WrittenSession = v.InferOutput<typeof WrittenSessionSchema>;

export const COURSE_STATUSES = ['active', 'complete', 'set-aside'] as const;

export const WrittenCourseSchema = v.object({
  id: Id,
  /** A few words of the person's own to name the memory for themselves (may be empty). */
  name: PersonText,
  /** 'active' until all five are done ('complete') or the person starts another course ('set-aside'). */
  status: v.picklist(COURSE_STATUSES),
  createdAt: Millis,
  updatedAt: Millis,
  sessions: v.pipe(v.array(WrittenSessionSchema), v.length(WRITTEN_SESSION_COUNT)),
});
export type WrittenCourse = v.InferOutput<typeof WrittenCourseSchema>;

export function emptySession(n: number): WrittenSession {
  return {
    n,
    status: 'not-started',
    text: '',
    caret: { start: 0, end: 0, scrollTop: 0 },
    timer: { durationMs: WRITING_MS, remainingMs: WRITING_MS, endsAt: null },
    presence: null,
    preSuds: null,
    postSuds: null,
    selfHarm: null,
    startedAt: null,
    finishedAt: null,
  };
}

export function newCourse(id: string, now: number, name = ''): WrittenCourse {
  return {
    id,
    name,
    status: 'active',
    createdAt: now,
    updatedAt: now,
    sessions: Array.from({ length: WRITTEN_SESSION_COUNT }, (_, i) => emptySession(i + 1)),
  };
}
