/**
 * What decides how long a belief rehearsal takes, kept apart from its copy so meta.ts can compute the
 * minutes on the card without loading content.ts (flow/minutes.ts). Kept short on purpose: a few minutes,
 * never more than ten (issue 14).
 */
import type { Timing } from '../../../flow/minutes';

/** Choose the belief, rate it, write it, read it back, rate again, see how it has gone. */
export const rehearsal: Timing = { screens: 6, answers: 2 };

/** The longest a rehearsal is meant to take, in minutes (the tests hold `minutes` to it). */
export const MAX_MINUTES = 10;
