/**
 * What decides how long "Here and now" takes, kept apart from its copy so meta.ts can compute the minutes
 * on the card without loading content.ts (flow/minutes.ts).
 */
import type { Timing } from '../../../flow/minutes';

export type LineId = 'day' | 'time' | 'place' | 'statement';
/** One line per screen, in this order. */
export const LINE_IDS: readonly LineId[] = ['day', 'time', 'place', 'statement'];

/** A screen per line; the place is asked and written each time. */
export const timing: Timing = { screens: LINE_IDS.length, answers: 1 };
