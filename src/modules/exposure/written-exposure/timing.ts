/**
 * What decides how long a written exposure session takes, kept apart from its copy so meta.ts can compute
 * the card's minutes without loading content.ts (flow/minutes.ts).
 */
import type { Timing } from '../../../flow/minutes';

/** Thirty minutes of writing (Sloan & Marx); the same number as the store's WRITING_MS. */
export const WRITING_SECONDS = 30 * 60;

/** Screens around the writing: the session's instructions, the ratings before, the ratings after. */
export const SCREENS = ['overview', 'before', 'writing', 'after'] as const;

/** One session: its screens read, two short ratings, and the thirty minutes. */
export const timing: Timing = { screens: SCREENS.length, answers: 2, timedSeconds: WRITING_SECONDS };
