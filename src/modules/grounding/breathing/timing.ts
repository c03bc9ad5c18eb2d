/**
 * What decides how long paced breathing takes, kept apart from its copy so meta.ts can compute the minutes
 * on the card without loading content.ts or the pacer (flow/minutes.ts).
 */
import type { Timing } from '../../../flow/minutes';

/** The lengths the person may choose, in minutes. */
export const MINUTE_CHOICES = [1, 2, 3, 4, 5] as const;
/** The length chosen until the person picks their own (also settings' default, storage/schema.ts). */
export const DEFAULT_MINUTES = 2;

/**
 * The choice, the pacer, the quiet close; the pacer runs at most the chosen length (whole breaths only).
 * The card starts from the default length, then shows the person's own last length (settings) once the
 * grounding list has read it (ModuleMeta.minutesFor; the first screen does not wait for IndexedDB).
 */
export const timingFor = (minutes: number): Timing => ({ screens: 3, timedSeconds: minutes * 60 });
export const timing: Timing = timingFor(DEFAULT_MINUTES);
