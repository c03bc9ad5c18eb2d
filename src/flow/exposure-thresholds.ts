/**
 * The exposure thresholds in use (issue 16: "plan thresholds apply"): the most protective of the app's
 * defaults, the person's own `exposureThresholds` setting and an accepted plan's (already clamped,
 * plans/clamp.ts) thresholds. For an "at least" threshold (pre-SUDS, post-SUDS, rise) that is the lowest
 * value, for the "at most" one (presence) the highest: grounding and the safety plan are offered at the
 * first point any of them would offer it. The defaults are always in the mix, so no setting and no plan can
 * make exposure routing less protective than CLINICAL.md §4. Pure; table-tested in
 * tests/unit/exposure-thresholds.test.ts.
 */
import { DEFAULT_EXPOSURE_THRESHOLDS, type ExposureThresholds } from './routing';

export type ThresholdSource = Partial<ExposureThresholds> | null | undefined;

const AT_MOST: readonly (keyof ExposureThresholds)[] = ['presenceAtMost'];

export function mostProtectiveExposure(...sources: ThresholdSource[]): ExposureThresholds {
  const out: ExposureThresholds = { ...DEFAULT_EXPOSURE_THRESHOLDS };
  for (const source of sources) {
    if (!source) continue;
    for (const key of Object.keys(out) as (keyof ExposureThresholds)[]) {
      const value = source[key];
      if (typeof value !== 'number' || !Number.isFinite(value)) continue;
      out[key] = AT_MOST.includes(key) ? Math.max(out[key], value) : Math.min(out[key], value);
    }
  }
  return out;
}
