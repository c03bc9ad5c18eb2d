/**
 * Safety routing rules: pure functions, table-tested. Thresholds are defaults a therapist's plan may change
 * (CLINICAL.md §4 "Safety routing (judgment)"; §2 issue 4: check-out still low → offer more support;
 * issue 12: support before paperwork). A plan may only make them more protective (DESIGN.md §5).
 */
import type { Check } from '../storage/schema';
import type { Family } from './module';

export interface Thresholds {
  /** Presence at or below this (0–10) suggests grounding first. CLINICAL.md §4: ≤ 3/10. */
  presenceAtMost: number;
  /** Distress at or above this (0–10) suggests grounding first. CLINICAL.md §4: pre-SUDS ≥ 85/100 is 8.5/10;
   *  rounded down to 8, so grounding is offered slightly sooner — offering is harmless, the person may go on. */
  distressAtLeast: number;
  /** After a session: distress still at or above this → offer another exercise or Help. Issue 4: ≥ 8/10. */
  afterDistressAtLeast: number;
  /** Distress that rose by at least this much over the exercise → Help first (issue 12: 3 points of 10).
   *  Optional only because sessions stored before issue 12 lack it; missing means the default. */
  riseAtLeast?: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { presenceAtMost: 3, distressAtLeast: 8, afterDistressAtLeast: 8, riseAtLeast: 3 };

/** Before a non-grounding module: offer grounding first (the person may still choose to continue). */
export function shouldOfferGroundingFirst(family: Family, check: Check | undefined, t: Thresholds = DEFAULT_THRESHOLDS): boolean {
  if (family === 'grounding' || !check) return false;
  return lowPresence(check, t.presenceAtMost) || (check.distress !== undefined && check.distress >= t.distressAtLeast);
}

/** After any session: still far from present, or still very distressed → never a dead end. */
export function needsMoreSupport(check: Check | undefined, t: Thresholds = DEFAULT_THRESHOLDS): boolean {
  if (!check) return false;
  return lowPresence(check, t.presenceAtMost) || (check.distress !== undefined && check.distress >= t.afterDistressAtLeast);
}

/** Distress rose over the exercise by at least the threshold (both ratings given). */
export function distressRose(before: Check | undefined, after: Check | undefined, t: Thresholds = DEFAULT_THRESHOLDS): boolean {
  if (before?.distress === undefined || after?.distress === undefined) return false;
  return after.distress - before.distress >= (t.riseAtLeast ?? DEFAULT_THRESHOLDS.riseAtLeast!);
}

/**
 * Support before paperwork (issue 12): a check-out at presence ≤ 3 or distress ≥ 8, or distress that rose
 * by 3 or more over the exercise, shows Help and other exercises at once — before the note screen.
 */
export function supportAfterCheckOut(before: Check | undefined, after: Check | undefined, t: Thresholds = DEFAULT_THRESHOLDS): boolean {
  return needsMoreSupport(after, t) || distressRose(before, after, t);
}

/**
 * Leaving an exercise (EXIT) after such a rating shows the same support: judged on the check-out when there
 * was one, otherwise on the check-in (the person said they were far away or overwhelmed, then left).
 */
export function supportOnLeaving(before: Check | undefined, after: Check | undefined, t: Thresholds = DEFAULT_THRESHOLDS): boolean {
  return after ? supportAfterCheckOut(before, after, t) : needsMoreSupport(before, t);
}

function lowPresence(check: Check, atMost: number): boolean {
  return check.presence !== undefined && check.presence <= atMost;
}

/**
 * Exposure routing (CLINICAL.md §4 "Safety routing"; issue 15), on SUDS 0–100. Defaults are the documented
 * ones; a therapist plan may only make them more protective, within the limit the plans content states.
 */
export interface ExposureThresholds {
  /** Pre-SUDS at or above this → offer grounding first (the person may still continue). §4: ≥ 85. */
  preSudsAtLeast: number;
  /** Presence (0–10) at or below this before exposure → offer grounding first. §4: ≤ 3/10. */
  presenceAtMost: number;
  /** Post-SUDS at or above this → the safety plan and crisis contacts first. §4: ≥ 85. */
  postSudsAtLeast: number;
  /** Distress that rose by at least this many SUDS points from pre to post → safety plan first.
   *  Issue 15's "a rise of 3 or more", read on the 0–10 check scale, is 30 on SUDS 0–100. */
  riseAtLeast: number;
}

export const DEFAULT_EXPOSURE_THRESHOLDS: ExposureThresholds = { preSudsAtLeast: 85, presenceAtMost: 3, postSudsAtLeast: 85, riseAtLeast: 30 };

/** Before any exposure or writing session: offer grounding first? */
export function groundingFirstBeforeExposure(
  before: { preSuds?: number; presence?: number },
  t: ExposureThresholds = DEFAULT_EXPOSURE_THRESHOLDS,
): boolean {
  return (before.preSuds !== undefined && before.preSuds >= t.preSudsAtLeast) || (before.presence !== undefined && before.presence <= t.presenceAtMost);
}

/** After (or on leaving part-way): open the safety plan and crisis contacts before anything else? */
export function safetyPlanAfterExposure(
  after: { preSuds?: number; postSuds?: number; selfHarm?: 'yes' | 'no' | 'rather-not' },
  t: ExposureThresholds = DEFAULT_EXPOSURE_THRESHOLDS,
): boolean {
  if (after.selfHarm === 'yes') return true;
  if (after.postSuds === undefined) return false;
  if (after.postSuds >= t.postSudsAtLeast) return true;
  return after.preSuds !== undefined && after.postSuds - after.preSuds >= t.riseAtLeast;
}
