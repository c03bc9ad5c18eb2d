import { describe, expect, it } from 'vitest';
import { mostProtectiveExposure, type ThresholdSource } from '../../src/flow/exposure-thresholds';
import { DEFAULT_EXPOSURE_THRESHOLDS as D, groundingFirstBeforeExposure, safetyPlanAfterExposure } from '../../src/flow/routing';
import { clampExposureThresholds } from '../../src/plans/clamp';
import { exposureThresholdsInUse } from '../../src/modules/exposure/thresholds';

describe('mostProtectiveExposure: the defaults, the person’s setting and the plan’s', () => {
  const table: [string, ThresholdSource[], ReturnType<typeof mostProtectiveExposure>][] = [
    ['nothing given → the defaults', [], D],
    ['no setting, no plan (undefined, null) → the defaults', [undefined, null], D],
    ['a setting equal to the defaults → the defaults', [{ ...D }], D],
    ['a plan lower on pre-SUDS (more protective) → its value', [D, { preSudsAtLeast: 70 }], { ...D, preSudsAtLeast: 70 }],
    ['a plan higher on pre-SUDS (less protective, within its clamp) → the default stays', [D, { preSudsAtLeast: 90 }], D],
    ['a plan higher on presence (more protective) → its value', [D, { presenceAtMost: 5 }], { ...D, presenceAtMost: 5 }],
    ['a setting lower on presence (less protective) → the default stays', [{ presenceAtMost: 1 }, undefined], D],
    [
      'setting and plan each more protective on different keys → both',
      [{ ...D, postSudsAtLeast: 75 }, { ...D, riseAtLeast: 20 }],
      { ...D, postSudsAtLeast: 75, riseAtLeast: 20 },
    ],
    [
      'setting and plan both more protective on one key → the more protective of the two',
      [{ ...D, riseAtLeast: 25, presenceAtMost: 6 }, { ...D, riseAtLeast: 15, presenceAtMost: 4 }],
      { ...D, riseAtLeast: 15, presenceAtMost: 6 },
    ],
    ['a value that is not a number is ignored', [{ preSudsAtLeast: Number.NaN, riseAtLeast: Infinity }], D],
  ];
  it.each(table)('%s', (_name, sources, expected) => {
    expect(mostProtectiveExposure(...sources)).toEqual(expected);
  });

  it('a plan asking for less protection, even within its clamp, never delays the safety plan', () => {
    const plan = clampExposureThresholds({ postSudsAtLeast: 90, riseAtLeast: 40, preSudsAtLeast: 90 }).value;
    const used = mostProtectiveExposure(D, plan);
    expect(safetyPlanAfterExposure({ preSuds: 50, postSuds: 85 }, used)).toBe(true);
    expect(safetyPlanAfterExposure({ preSuds: 40, postSuds: 70 }, used)).toBe(true);
    expect(groundingFirstBeforeExposure({ preSuds: 85 }, used)).toBe(true);
  });

  it('a plan asking for more protection offers grounding sooner', () => {
    const plan = clampExposureThresholds({ preSudsAtLeast: 70 }).value;
    expect(groundingFirstBeforeExposure({ preSuds: 72 }, mostProtectiveExposure(D))).toBe(false);
    expect(groundingFirstBeforeExposure({ preSuds: 72 }, mostProtectiveExposure(D, plan))).toBe(true);
  });
});

describe('exposureThresholdsInUse (what both exposure modules read)', () => {
  const app = (own: unknown, plan: unknown) =>
    ({
      settings: { get: () => (own instanceof Error ? Promise.reject(own) : Promise.resolve(own)) },
      plans: () => (plan instanceof Error ? Promise.reject(plan) : Promise.resolve({ activePlanEffects: async () => ({ exposureThresholds: plan }) })),
    }) as unknown as Parameters<typeof exposureThresholdsInUse>[0];

  it('the plan’s more protective value wins over the person’s setting', async () => {
    expect(await exposureThresholdsInUse(app({ ...D }, { ...D, postSudsAtLeast: 70 }))).toEqual({ ...D, postSudsAtLeast: 70 });
  });

  it('a plan or setting that cannot be read leaves the rest (never less protective than the defaults)', async () => {
    expect(await exposureThresholdsInUse(app({ ...D, riseAtLeast: 20 }, new Error('no storage')))).toEqual({ ...D, riseAtLeast: 20 });
    expect(await exposureThresholdsInUse(app(new Error('no storage'), new Error('no storage')))).toEqual(D);
  });
});
