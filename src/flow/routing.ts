/**
 * Safety routing rules: pure functions, table-tested. Thresholds are defaults a therapist's plan may change
 * (CLINICAL.md §4 "Safety routing (judgment)"; §2 issue 4: check-out still low → offer more support).
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
}

export const DEFAULT_THRESHOLDS: Thresholds = { presenceAtMost: 3, distressAtLeast: 8, afterDistressAtLeast: 8 };

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

function lowPresence(check: Check, atMost: number): boolean {
  return check.presence !== undefined && check.presence <= atMost;
}
