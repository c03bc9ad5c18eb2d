/**
 * A plan can add, never weaken (DESIGN.md §5): its thresholds are clamped to limits.content.ts, its
 * contacts are added after the built-in lines (never replacing them), and it has no way to touch the
 * PHQ-9 item 9 rule. Pure; table-tested in tests/unit/plans.clamp.test.ts.
 */
import { DEFAULT_EXPOSURE_THRESHOLDS, DEFAULT_THRESHOLDS, type ExposureThresholds, type Thresholds } from '../flow/routing';
import { EXPOSURE_LIMITS, SESSION_LIMITS, type ThresholdLimit } from './limits.content';
import type { Plan, PlanContact, MeasureRhythm, PlanExposureThresholds, PlanThresholds } from './schema';
import { exposureAssigned } from './schema';

/** CONTRACTS A: exposure routing thresholds (SUDS 0–100, presence 0–10), flow/routing.ts. */
export type ExposureThresholdValues = ExposureThresholds;
export const DEFAULT_EXPOSURE_VALUES: ExposureThresholds = DEFAULT_EXPOSURE_THRESHOLDS;

export interface Clamped {
  key: string;
  asked: number;
  used: number;
}

/** One threshold within its limit: any value between `weakest` and `strongest` stands; beyond `weakest` it
 *  becomes `weakest`; anything not a number stays the default. */
export function clampOne(limit: ThresholdLimit, asked: number | undefined): number {
  if (asked === undefined || !Number.isFinite(asked)) return limit.default;
  const lo = Math.min(limit.weakest, limit.strongest);
  const hi = Math.max(limit.weakest, limit.strongest);
  return Math.min(hi, Math.max(lo, asked));
}

function clampAll<K extends string>(
  limits: Record<K, ThresholdLimit>,
  asked: Partial<Record<K, number>> | undefined,
  prefix: string,
): { value: Record<K, number>; clamped: Clamped[] } {
  const value = {} as Record<K, number>;
  const clamped: Clamped[] = [];
  for (const key of Object.keys(limits) as K[]) {
    const a = asked?.[key];
    const used = clampOne(limits[key], a);
    value[key] = used;
    if (a !== undefined && a !== used) clamped.push({ key: `${prefix}${key}`, asked: a, used });
  }
  return { value, clamped };
}

export function clampThresholds(asked: PlanThresholds | undefined): { value: Thresholds; clamped: Clamped[] } {
  const { value, clamped } = clampAll(SESSION_LIMITS, asked, '');
  return { value: { ...DEFAULT_THRESHOLDS, ...value }, clamped };
}

export function clampExposureThresholds(asked: PlanExposureThresholds | undefined): {
  value: ExposureThresholdValues;
  clamped: Clamped[];
} {
  const { value, clamped } = clampAll(EXPOSURE_LIMITS, asked, 'exposure.');
  return { value: { ...DEFAULT_EXPOSURE_THRESHOLDS, ...value }, clamped };
}

/** What an active plan changes in the app (or the defaults, with no plan). Others read this (active.ts). */
export interface PlanEffects {
  thresholds: Thresholds;
  exposureThresholds: ExposureThresholdValues;
  /** Added after the built-in crisis lines, which always stay. */
  contacts: readonly PlanContact[];
  exposureAssigned: boolean;
  measures: readonly MeasureRhythm[];
  /** The clinician's public report key, to encrypt a progress report to (CONTRACTS C). */
  reportKey?: JsonWebKey;
}

export function planEffects(plan: Plan | undefined): PlanEffects {
  return {
    thresholds: clampThresholds(plan?.thresholds).value,
    exposureThresholds: clampExposureThresholds(plan?.exposureThresholds).value,
    contacts: plan?.contacts ?? [],
    exposureAssigned: exposureAssigned(plan),
    measures: plan?.measures ?? [],
    ...(plan?.clinician.reportKey ? { reportKey: plan.clinician.reportKey } : {}),
  };
}
