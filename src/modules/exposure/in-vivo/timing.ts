/**
 * What decides how long an in-vivo practice takes (flow/minutes.ts), apart from its copy so meta.ts never
 * loads content.ts. The practice itself is as long as the person and their clinician agreed; PE suggests
 * staying until distress has eased noticeably, often 30–45 minutes — the card counts a typical 20.
 */
import type { Timing } from '../../../flow/minutes';

/** Minutes of practice the card's estimate counts (a judgment; the timer itself has no end). */
export const TYPICAL_PRACTICE_MINUTES = 20;

/** Intro, choose, predict, behaviours, ready, during, after, outcome, and the session around it. */
export const practice: Timing = { screens: 8, answers: 3, timedSeconds: TYPICAL_PRACTICE_MINUTES * 60 };
