/**
 * How long an exercise takes, worked out from what it asks of the person — never typed by hand, so the
 * "about N min" on a card cannot drift from the exercise when its steps or timers change.
 *
 * Each module keeps the numbers that decide its length (how many screens, things to notice, answers to
 * write, seconds of timers) in a small `timing.ts` beside its `meta.ts`. Its content and machine read the
 * same constants; its meta computes `minutes` from them with `estimateMinutes`. `timing.ts` holds numbers
 * and ids only, so the first screen (which loads every meta) stays small: meta.ts never imports content.ts.
 *
 * The pace below is a judgment, written down so it can be argued with — someone tired or far away reads
 * slowly, and an estimate a little long is kinder than one too short.
 */

/** Reading one screen and choosing what to do next. */
export const READ_SECONDS = 20;
/** Noticing one thing (one of 5-4-3-2-1's fifteen). */
export const NOTICE_SECONDS = 6;
/** Writing a short answer (a place, a few words). */
export const WRITE_SECONDS = 30;

export interface Timing {
  /** Screens the person reads and acts on. */
  screens: number;
  /** Things to notice, one by one. */
  notices?: number;
  /** Short answers invited (optional ones count: the estimate is for someone who writes). */
  answers?: number;
  /** Seconds of timers or a pacer that run while the person follows them. */
  timedSeconds?: number;
}

export function estimateSeconds({ screens, notices = 0, answers = 0, timedSeconds = 0 }: Timing): number {
  return screens * READ_SECONDS + notices * NOTICE_SECONDS + answers * WRITE_SECONDS + timedSeconds;
}

/** Whole minutes, at least 1, rounded to the nearest. */
export function toMinutes(seconds: number): number {
  return Math.max(1, Math.round(seconds / 60));
}

/** The card's "about N min": the longest of the ways through the exercise (e.g. a first visit). */
export function estimateMinutes(...ways: readonly Timing[]): number {
  return toMinutes(Math.max(0, ...ways.map(estimateSeconds)));
}
