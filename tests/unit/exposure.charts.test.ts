/**
 * Chart data per situation (issue 15): pre/peak/post SUDS in practice order with gaps kept as gaps, the
 * prediction against what happened (yes 100, partly 50, no 0), and summaries in words that do not make a
 * drop in distress the only measure. Also the safety plan's coping suggestions from what helped.
 */
import { describe, expect, it } from 'vitest';
import { expectancy, habituation, HAPPENED_VALUE } from '../../src/modules/exposure/charts';
import { emptyInVivoData } from '../../src/modules/exposure/in-vivo/machine';
import type { ExposureRecord, InVivoData } from '../../src/storage/exposure.schema';
import { copingSuggestions } from '../../src/safety/coping-suggestions';
import { emptySafetyPlan } from '../../src/storage/safety-plan.schema';

function rec(id: string, startedAt: number, data: Partial<InVivoData>): ExposureRecord {
  return { id, kind: 'in-vivo', itemId: 'bus', startedAt, updatedAt: startedAt, complete: true, data: { ...emptyInVivoData(), itemId: 'bus', ...data } };
}

describe('habituation chart data', () => {
  it('orders practices by start, keeps each rating in its own series, and a missing rating stays a gap', () => {
    const d = habituation([
      rec('b', 2000, { preSuds: 50, peakSuds: 70, postSuds: 30 }),
      rec('a', 1000, { preSuds: 60, peakSuds: 80, postSuds: null }),
      rec('c', 3000, { preSuds: 40, peakSuds: 55, postSuds: 20 }),
    ]);
    expect(d.xLabels).toEqual(['1', '2', '3']);
    expect(d.series).toEqual([
      { id: 'pre', values: [60, 50, 40] },
      { id: 'peak', values: [80, 70, 55] },
      { id: 'post', values: [null, 30, 20] },
    ]);
    expect(d.summary).toBe('Over 3 practices: before went from 60 to 40; at its highest went from 80 to 55; after went from 30 to 20.');
  });

  it('one practice, none, and ratings that stayed the same read plainly', () => {
    expect(habituation([]).summary).toBe('No practices of this one yet.');
    expect(habituation([rec('a', 1, { preSuds: 40 })]).summary).toBe('One practice so far: distress 40 before, not rated at its highest, not rated after.');
    expect(habituation([rec('a', 1, { peakSuds: 70 }), rec('b', 2, { peakSuds: 70 })]).summary).toBe('Over 2 practices: at its highest stayed at 70.');
  });

  it('labels carry the date when one is given', () => {
    expect(habituation([rec('a', 1, {})], undefined, () => '2 Dec').xLabels).toEqual(['1 (2 Dec)']);
  });

  it('100 practices shape in well under a millisecond each', () => {
    const many = Array.from({ length: 100 }, (_, i) => rec(`r${i}`, i, { preSuds: 50, peakSuds: 60, postSuds: 40, likelihood: 80, happened: 'no' }));
    const t0 = performance.now();
    const d = habituation(many);
    expectancy(many);
    expect(performance.now() - t0).toBeLessThan(50);
    expect(d.xLabels).toHaveLength(100);
  });
});

describe('expectancy chart data', () => {
  it('puts how likely the fear seemed beside what happened, and counts outcomes in words', () => {
    const d = expectancy([
      rec('a', 1, { likelihood: 90, happened: 'no' }),
      rec('b', 2, { likelihood: 70, happened: 'partly' }),
      rec('c', 3, { likelihood: 40, happened: null }),
      rec('d', 4, { likelihood: 30, happened: 'no' }),
    ]);
    expect(d.series).toEqual([
      { id: 'predicted', values: [90, 70, 40, 30] },
      { id: 'happened', values: [0, 50, null, 0] },
    ]);
    expect(d.summary).toBe(
      'Of 3 practices with an answer, what you feared did not happen in 2, partly happened in 1 and happened in 0. How likely you thought it was: 90 % at first, 30 % most recently.',
    );
    expect(HAPPENED_VALUE).toEqual({ yes: 100, partly: 50, no: 0 });
    expect(expectancy([rec('a', 1, { likelihood: 50 })]).summary).toBe('No predictions answered yet.');
  });
});

describe('safety plan: coping steps suggested from the grounding that helped most', () => {
  const m = (id: string, title: string) => ({ id, title });
  const ranked = [
    { module: m('five-senses', '5-4-3-2-1'), stats: { moduleId: 'five-senses', rated: 3, meanChange: 3 }, helpedMost: true },
    { module: m('breathing', 'Slow breathing'), stats: { moduleId: 'breathing', rated: 1, meanChange: 1 }, helpedMost: false },
    { module: m('body', 'Feet and hands'), stats: { moduleId: 'body', rated: 2, meanChange: 0.5 }, helpedMost: false },
    { module: m('orientation', 'Here and now'), helpedMost: false },
  ];
  it('offers only exercises that helped, best first, and never one already written in the coping step', () => {
    expect(copingSuggestions(ranked, emptySafetyPlan()).map((s) => s.text)).toEqual(['5-4-3-2-1', 'Slow breathing']);
    const plan = emptySafetyPlan();
    plan.sections.coping = [{ id: 'c1', text: 'Do 5-4-3-2-1 by the window' }];
    expect(copingSuggestions(ranked, plan).map((s) => s.text)).toEqual(['Slow breathing']);
    expect(copingSuggestions([], plan)).toEqual([]);
  });
});
