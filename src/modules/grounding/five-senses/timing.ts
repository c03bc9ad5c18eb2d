/**
 * What decides how long 5-4-3-2-1 takes, kept apart from its copy so meta.ts can compute the minutes on
 * the card without loading content.ts (flow/minutes.ts). content.ts words each step around these counts.
 */
import type { Timing } from '../../../flow/minutes';

/** How many things each sense asks for, in the order of the exercise. */
export const SENSE_COUNTS = { see: 5, feel: 4, hear: 3, smell: 2, taste: 1 } as const;

/** One screen per sense, one moment per thing noticed. */
export const timing: Timing = {
  screens: Object.keys(SENSE_COUNTS).length,
  notices: Object.values(SENSE_COUNTS).reduce((a, b) => a + b, 0),
};
