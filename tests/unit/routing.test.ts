/**
 * Safety routing (CLINICAL.md §4; issue 4): before a non-grounding module, low presence (≤ 3/10) or high
 * distress (≥ 8/10) offers grounding first; after any session, the same still-low state offers more
 * support. Offering is never forcing, so every edge is pinned on both sides.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_THRESHOLDS,
  DEFAULT_EXPOSURE_THRESHOLDS,
  groundingFirstBeforeExposure,
  safetyPlanAfterExposure,
  distressRose,
  needsMoreSupport,
  shouldOfferGroundingFirst,
  supportAfterCheckOut,
  supportOnLeaving,
  type Thresholds,
} from '../../src/flow/routing';
import type { Family } from '../../src/flow/module';
import type { Check } from '../../src/storage/schema';

const at = 1_795_500_000_000;
const check = (presence?: number, distress?: number): Check => ({
  at,
  ...(presence === undefined ? {} : { presence }),
  ...(distress === undefined ? {} : { distress }),
});
const NON_GROUNDING: Family[] = ['reframing', 'exposure', 'capture'];
const RATINGS = Array.from({ length: 11 }, (_, i) => i);

describe('the default thresholds', () => {
  it('are the clinical ones: presence ≤ 3, distress ≥ 8 before, distress ≥ 8 after, a rise of 3', () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ presenceAtMost: 3, distressAtLeast: 8, afterDistressAtLeast: 8, riseAtLeast: 3 });
  });
});

describe('shouldOfferGroundingFirst', () => {
  it.each<[string, number | undefined, number | undefined, boolean]>([
    ['presence 3 (at the edge) offers grounding', 3, undefined, true],
    ['presence 4 (just above) does not', 4, undefined, false],
    ['presence 0 offers grounding', 0, undefined, true],
    ['presence 10 does not', 10, undefined, false],
    ['distress 8 (at the edge) offers grounding', undefined, 8, true],
    ['distress 7 (just below) does not', undefined, 7, false],
    ['distress 10 offers grounding', undefined, 10, true],
    ['distress 0 does not', undefined, 0, false],
    ['either one is enough: low presence, calm', 2, 1, true],
    ['either one is enough: present, very distressed', 9, 9, true],
    ['both fine: presence 4, distress 7', 4, 7, false],
    ['both at their edges', 3, 8, true],
    ['no ratings at all (skipped check-in) does not', undefined, undefined, false],
  ])('%s', (_name, presence, distress, expected) => {
    for (const family of NON_GROUNDING) expect(shouldOfferGroundingFirst(family, check(presence, distress))).toBe(expected);
  });

  it('no check-in at all never blocks the way to a tool', () => {
    for (const family of NON_GROUNDING) expect(shouldOfferGroundingFirst(family, undefined)).toBe(false);
  });

  it('is never offered before a grounding exercise — the person is already grounding', () => {
    for (const p of RATINGS) for (const d of RATINGS) expect(shouldOfferGroundingFirst('grounding', check(p, d))).toBe(false);
  });

  it('matches presence ≤ 3 or distress ≥ 8 over the whole 0–10 grid', () => {
    for (const family of NON_GROUNDING)
      for (const p of RATINGS)
        for (const d of RATINGS) expect(shouldOfferGroundingFirst(family, check(p, d)), `${family} p=${p} d=${d}`).toBe(p <= 3 || d >= 8);
  });

  it('follows a plan’s own thresholds at their edges', () => {
    const plan: Thresholds = { presenceAtMost: 5, distressAtLeast: 6, afterDistressAtLeast: 9 };
    expect(shouldOfferGroundingFirst('exposure', check(5, 0), plan)).toBe(true);
    expect(shouldOfferGroundingFirst('exposure', check(6, 0), plan)).toBe(false);
    expect(shouldOfferGroundingFirst('exposure', check(10, 6), plan)).toBe(true);
    expect(shouldOfferGroundingFirst('exposure', check(10, 5), plan)).toBe(false);
  });

  it('uses the before-threshold, not the after-threshold', () => {
    const plan: Thresholds = { presenceAtMost: 3, distressAtLeast: 9, afterDistressAtLeast: 5 };
    expect(shouldOfferGroundingFirst('reframing', check(undefined, 8), plan)).toBe(false);
    expect(shouldOfferGroundingFirst('reframing', check(undefined, 9), plan)).toBe(true);
  });
});

describe('needsMoreSupport (after a session)', () => {
  it.each<[string, number | undefined, number | undefined, boolean]>([
    ['presence still 3 (at the edge) offers more support', 3, undefined, true],
    ['presence 4 does not', 4, undefined, false],
    ['presence 0 offers more support', 0, undefined, true],
    ['distress still 8 (at the edge) offers more support', undefined, 8, true],
    ['distress 7 does not', undefined, 7, false],
    ['distress 10 offers more support', undefined, 10, true],
    ['feeling better on both does not', 7, 2, false],
    ['present but still very distressed does', 9, 9, true],
    ['calm but still far away does', 1, 0, true],
    ['no ratings (skipped check-out) does not', undefined, undefined, false],
  ])('%s', (_name, presence, distress, expected) => {
    expect(needsMoreSupport(check(presence, distress))).toBe(expected);
  });

  it('no check-out at all does not', () => {
    expect(needsMoreSupport(undefined)).toBe(false);
  });

  it('matches presence ≤ 3 or distress ≥ 8 over the whole 0–10 grid, for every family', () => {
    for (const p of RATINGS) for (const d of RATINGS) expect(needsMoreSupport(check(p, d)), `p=${p} d=${d}`).toBe(p <= 3 || d >= 8);
  });

  it('uses the after-threshold, not the before-threshold', () => {
    const plan: Thresholds = { presenceAtMost: 3, distressAtLeast: 9, afterDistressAtLeast: 5 };
    expect(needsMoreSupport(check(undefined, 4), plan)).toBe(false);
    expect(needsMoreSupport(check(undefined, 5), plan)).toBe(true);
    expect(needsMoreSupport(check(undefined, 9), { ...plan, afterDistressAtLeast: 10 })).toBe(false);
  });

  it('follows a plan’s presence threshold at its edge', () => {
    const plan: Thresholds = { presenceAtMost: 1, distressAtLeast: 8, afterDistressAtLeast: 8 };
    expect(needsMoreSupport(check(1, 0), plan)).toBe(true);
    expect(needsMoreSupport(check(2, 0), plan)).toBe(false);
  });
});

describe('support before paperwork (issue 12): Help and other exercises before the note', () => {
  it.each<[string, Check | undefined, Check | undefined, boolean]>([
    ['check-out presence 3 (at the edge) shows support', check(6, 2), check(3, 2), true],
    ['check-out presence 4 (just above) does not', check(6, 2), check(4, 2), false],
    ['check-out distress 8 (at the edge) shows support', check(6, 2), check(7, 8), true],
    ['check-out distress 7 (just below), risen by 2, does not', check(6, 5), check(7, 7), false],
    ['distress rose by exactly 3 shows support, though 6 is below 8', check(6, 3), check(7, 6), true],
    ['distress rose by 2 does not', check(6, 3), check(7, 5), false],
    ['distress rose by 4 shows support', check(6, 0), check(7, 4), true],
    ['distress fell by 3 does not', check(6, 6), check(7, 3), false],
    ['a rise needs both ratings: no check-in distress, check-out 6', check(6), check(7, 6), false],
    ['no check-in at all, check-out presence 2, shows support', undefined, check(2, 1), true],
    ['skipped check-out does not', check(2, 9), undefined, false],
  ])('%s', (_name, before, after, expected) => {
    expect(supportAfterCheckOut(before, after)).toBe(expected);
  });

  it('matches presence ≤ 3, distress ≥ 8, or a rise ≥ 3 over the whole grid', () => {
    for (const b of RATINGS)
      for (const p of RATINGS)
        for (const d of RATINGS)
          expect(supportAfterCheckOut(check(5, b), check(p, d)), `before ${b} → p=${p} d=${d}`).toBe(p <= 3 || d >= 8 || d - b >= 3);
  });

  it('a plan may tighten the rise', () => {
    const plan: Thresholds = { ...DEFAULT_THRESHOLDS, riseAtLeast: 2 };
    expect(distressRose(check(5, 3), check(5, 5), plan)).toBe(true);
    expect(distressRose(check(5, 3), check(5, 4), plan)).toBe(false);
  });

  it('thresholds stored before the rise existed use the default rise of 3', () => {
    const old = { presenceAtMost: 3, distressAtLeast: 8, afterDistressAtLeast: 8 } as Thresholds;
    expect(supportAfterCheckOut(check(5, 2), check(5, 5), old)).toBe(true);
    expect(supportAfterCheckOut(check(5, 2), check(5, 4), old)).toBe(false);
  });

  it.each<[string, Check | undefined, Check | undefined, boolean]>([
    ['leaving after a check-in at presence 3 shows support', check(3, 2), undefined, true],
    ['leaving after a check-in at presence 4 does not', check(4, 2), undefined, false],
    ['leaving after a check-in at distress 8 shows support', check(6, 8), undefined, true],
    ['leaving after a check-in at distress 7 does not', check(6, 7), undefined, false],
    ['leaving with no ratings does not', undefined, undefined, false],
    ['leaving after a hard check-out shows support', check(6, 2), check(6, 5), true],
    ['leaving after a better check-out does not, though the check-in was hard', check(2, 9), check(6, 4), false],
  ])('%s', (_name, before, after, expected) => {
    expect(supportOnLeaving(before, after)).toBe(expected);
  });
});

describe('exposure routing (issue 15, CLINICAL.md §4), at every threshold edge', () => {
  const t = DEFAULT_EXPOSURE_THRESHOLDS;
  it('defaults: pre-SUDS ≥ 85, presence ≤ 3, post-SUDS ≥ 85, a rise of 30 SUDS points', () => {
    expect(t).toEqual({ preSudsAtLeast: 85, presenceAtMost: 3, postSudsAtLeast: 85, riseAtLeast: 30 });
  });
  it.each([
    [{ preSuds: 84 }, false],
    [{ preSuds: 85 }, true],
    [{ presence: 4 }, false],
    [{ presence: 3 }, true],
    [{ preSuds: 40, presence: 7 }, false],
    [{}, false],
  ])('grounding first before exposure: %j → %s', (before, expected) => {
    expect(groundingFirstBeforeExposure(before, t)).toBe(expected);
  });
  it.each([
    [{ postSuds: 84 }, false],
    [{ postSuds: 85 }, true],
    [{ preSuds: 40, postSuds: 69 }, false],
    [{ preSuds: 40, postSuds: 70 }, true],
    [{ preSuds: 60, postSuds: 20 }, false],
    [{ selfHarm: 'yes' as const }, true],
    [{ selfHarm: 'rather-not' as const, postSuds: 10 }, false],
    [{ selfHarm: 'no' as const, postSuds: 90 }, true],
    [{}, false],
  ])('safety plan after exposure: %j → %s', (after, expected) => {
    expect(safetyPlanAfterExposure(after, t)).toBe(expected);
  });
  it('a plan that makes routing more protective is honoured', () => {
    expect(safetyPlanAfterExposure({ postSuds: 75 }, { ...t, postSudsAtLeast: 75 })).toBe(true);
  });
});
