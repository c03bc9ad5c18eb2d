/**
 * What decides how long Temperature takes, kept apart from its copy so meta.ts can compute the minutes on
 * the card without loading content.ts (flow/minutes.ts).
 */
import type { Timing } from '../../../flow/minutes';

/** CLINICAL.md §2: cold water on the face for at least 30 s. */
export const TIMER_SECONDS = 30;

/** Safety note, choice, getting ready, the timer, noticing the change. */
export const timing: Timing = { screens: 5, timedSeconds: TIMER_SECONDS };
