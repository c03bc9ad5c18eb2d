/**
 * Pure helpers over a written exposure course record (storage/written-exposure.schema.ts): which session
 * comes next, and the small, immutable updates the view writes through the coalescing writer. No DOM.
 */
import { pause, type CountdownState } from '../../../flow/countdown';
import type { Caret, SelfHarmAnswer, WrittenCourse, WrittenSession } from '../../../storage/written-exposure.schema';
import type { Loaded, WrittenExposureData } from './machine';

/** The next session to do: the first not finished (1–5), whether it was begun, or 0 when all are done. */
export function nextSession(course: WrittenCourse | undefined): { n: number; begun: boolean } {
  if (!course) return { n: 1, begun: false };
  const open = course.sessions.find((s) => s.status !== 'done');
  if (!open) return { n: 0, begun: false };
  return { n: open.n, begun: open.status === 'writing' };
}

/** What the machine is told when the module opens. */
export function loadedFrom(course: WrittenCourse | undefined): Loaded {
  const { n, begun } = nextSession(course);
  const session = course && n >= 1 ? course.sessions[n - 1] : undefined;
  return {
    courseId: course?.id ?? null,
    session: n,
    resume: begun,
    ...(session && begun ? { timer: session.timer, presence: session.presence, preSuds: session.preSuds } : {}),
  };
}

export function sessionOf(course: WrittenCourse, n: number): WrittenSession | undefined {
  return course.sessions[n - 1];
}

function withSession(course: WrittenCourse, n: number, change: (s: WrittenSession) => WrittenSession): WrittenCourse {
  const sessions = course.sessions.map((s) => (s.n === n ? change(s) : s));
  return { ...course, sessions };
}

/** Every keystroke: the text, where the caret and scroll are, and (while writing) the time left, stored
 *  paused — so a session left part-way carries on with the time it really had left. */
export function withText(course: WrittenCourse, n: number, text: string, caret: Caret, timer?: CountdownState, now = Date.now()): WrittenCourse {
  return withSession(course, n, (s) => ({ ...s, text, caret, ...(timer ? { timer: pause(timer, now) } : {}) }));
}

export function withCaret(course: WrittenCourse, n: number, caret: Caret): WrittenCourse {
  return withSession(course, n, (s) => ({ ...s, caret }));
}

/** The flow's state copied into the session: ratings, the timer (stored paused), begun. */
export function withProgress(
  course: WrittenCourse,
  data: Pick<WrittenExposureData, 'session' | 'presence' | 'preSuds' | 'postSuds' | 'selfHarm'>,
  timer: CountdownState,
  now: number,
): WrittenCourse {
  return withSession(course, data.session, (s) => ({
    ...s,
    status: s.status === 'done' ? 'done' : 'writing',
    startedAt: s.startedAt ?? now,
    presence: data.presence,
    preSuds: data.preSuds,
    postSuds: data.postSuds,
    selfHarm: data.selfHarm as SelfHarmAnswer | null,
    timer: pause(timer, now),
  }));
}

/**
 * The after-questions were answered: the session is finished — unless the person chose "Stop for today",
 * when it stays open to carry on (its words, ratings and the time left all kept). After the fifth, the
 * course is complete.
 */
export function withSessionEnded(course: WrittenCourse, data: WrittenExposureData, timer: CountdownState, now: number): WrittenCourse {
  const progressed = withProgress(course, data, timer, now);
  if (data.stoppedEarly) return progressed;
  const ended = withSession(progressed, data.session, (s) => ({ ...s, status: 'done', finishedAt: now }));
  const complete = ended.sessions.every((s) => s.status === 'done');
  return complete ? { ...ended, status: 'complete' } : ended;
}

export function withName(course: WrittenCourse, name: string): WrittenCourse {
  return { ...course, name };
}

/** Moments worth saying out loud while writing: the start, halfway, five minutes left, the end. */
export function writingMilestone(durationMs: number, beforeMs: number, afterMs: number): 'half' | 'five' | 'end' | null {
  if (afterMs >= beforeMs) return null;
  if (afterMs <= 0) return 'end';
  if (beforeMs > 5 * 60_000 && afterMs <= 5 * 60_000) return 'five';
  if (beforeMs > durationMs / 2 && afterMs <= durationMs / 2) return 'half';
  return null;
}
