/**
 * What decides how long body grounding takes, kept apart from its copy so meta.ts can compute the minutes
 * on the card, and content.ts the minutes on each part's button, without either being typed by hand
 * (flow/minutes.ts). content.ts writes one step per id below.
 */
import { estimateMinutes, type Timing } from '../../../flow/minutes';

/**
 * CLINICAL.md §2: tense ~5 s, release ~10 s — the app's own judgment, not Bernstein & Borkovec's timing.
 * The release only ends when the person chooses Next.
 */
export const TENSE_SECONDS = 5;
export const RELEASE_SECONDS = 10;
/** Pressing feet or palms: long enough to feel the contact, short enough to keep going. */
export const PRESS_SECONDS = 20;

export const ANCHOR_STEP_IDS = ['feet', 'palms'] as const;
export const MUSCLE_GROUP_IDS = ['hands', 'upper-arms', 'shoulders', 'face', 'chest-back', 'stomach', 'legs-feet'] as const;

/** The choice, a screen per step, coming back. */
export const anchorTiming: Timing = {
  screens: ANCHOR_STEP_IDS.length + 2,
  timedSeconds: ANCHOR_STEP_IDS.length * PRESS_SECONDS,
};
export const pmrTiming: Timing = {
  screens: MUSCLE_GROUP_IDS.length + 2,
  timedSeconds: MUSCLE_GROUP_IDS.length * (TENSE_SECONDS + RELEASE_SECONDS),
};

export const ANCHOR_MINUTES = estimateMinutes(anchorTiming);
export const PMR_MINUTES = estimateMinutes(pmrTiming);
