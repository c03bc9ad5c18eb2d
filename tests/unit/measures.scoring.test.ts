// PHQ-9, GAD-7 and PCL-5 scored against worked examples (CLINICAL.md §5): all zero, all max, every band
// edge on both sides, PCL-5 cluster sums, PHQ-9 item 9; the published wording's shape (item counts,
// answer labels, past-week vs past-month PCL-5) and the item-9 rule that nothing can switch off.
import { describe, expect, it } from 'vitest';
import { AnswersError, SCORING, bandOf, clusterSums, emptyAnswers, score, type MeasureId } from '../../src/measures/scoring';
import { MEASURES, PCL5, PHQ9, GAD7, periodFor, NOT_A_DIAGNOSIS } from '../../src/measures/content';
import { opensSafetyPlan } from '../../src/measures/safety';

/** Answers summing to `total`, filled from the first item at the maximum (a worked example). */
function answersFor(id: MeasureId, total: number): number[] {
  const { items, maxAnswer } = SCORING[id];
  let left = total;
  return Array.from({ length: items }, () => {
    const a = Math.min(maxAnswer, left);
    left -= a;
    return a;
  });
}

describe('scoring: all zero and all max', () => {
  it.each([
    ['phq9', 9, 3, 27, 'minimal', 'severe'],
    ['gad7', 7, 3, 21, 'minimal', 'severe'],
    ['pcl5', 20, 4, 80, 'below', 'above'],
  ] as const)('%s: %i items 0–%i; 0 → %s band, all max = %i → %s', (id, items, max, maxTotal, low, high) => {
    const zero = score(id, Array(items).fill(0));
    expect(zero).toMatchObject({ total: 0, answered: items, complete: true, band: low });
    const all = score(id, Array(items).fill(max));
    expect(all).toMatchObject({ total: maxTotal, complete: true, band: high });
  });
});

describe('scoring: every band edge', () => {
  // [measure, total, band] — both sides of each published cut-point.
  const edges: [MeasureId, number, string][] = [
    ['phq9', 4, 'minimal'], ['phq9', 5, 'mild'], ['phq9', 9, 'mild'], ['phq9', 10, 'moderate'],
    ['phq9', 14, 'moderate'], ['phq9', 15, 'moderately-severe'], ['phq9', 19, 'moderately-severe'], ['phq9', 20, 'severe'],
    ['gad7', 4, 'minimal'], ['gad7', 5, 'mild'], ['gad7', 9, 'mild'], ['gad7', 10, 'moderate'],
    ['gad7', 14, 'moderate'], ['gad7', 15, 'severe'], ['gad7', 21, 'severe'],
    ['pcl5', 30, 'below'], ['pcl5', 31, 'near'], ['pcl5', 32, 'near'], ['pcl5', 33, 'above'], ['pcl5', 80, 'above'],
  ];
  it.each(edges)('%s total %i is %s', (id, total, band) => {
    const s = score(id, answersFor(id, total));
    expect(s.total).toBe(total);
    expect(s.band).toBe(band);
    expect(bandOf(id, total)).toBe(band);
  });

  it('bands cover 0…max with no gap and no overlap', () => {
    for (const s of Object.values(SCORING)) {
      expect(s.bands[0]!.min).toBe(0);
      expect(s.bands[s.bands.length - 1]!.max).toBe(s.maxTotal);
      for (let i = 1; i < s.bands.length; i++) expect(s.bands[i]!.min).toBe(s.bands[i - 1]!.max + 1);
      expect(s.maxTotal).toBe(s.items * s.maxAnswer);
    }
  });
});

describe('scoring: partial and invalid answers', () => {
  it('an unfinished questionnaire has a running total but no band', () => {
    const answers = emptyAnswers('gad7');
    answers[0] = 3;
    answers[1] = 2;
    expect(score('gad7', answers)).toEqual({ measureId: 'gad7', total: 5, answered: 2, complete: false, band: null });
  });

  it('wrong length, out-of-range and fractional answers are refused', () => {
    expect(() => score('phq9', [0, 0])).toThrow(AnswersError);
    expect(() => score('phq9', [...Array(8).fill(0), 4])).toThrow(AnswersError);
    expect(() => score('pcl5', [...Array(19).fill(0), 1.5])).toThrow(AnswersError);
    expect(() => score('gad7', [...Array(6).fill(0), -1])).toThrow(AnswersError);
  });
});

describe('PCL-5 cluster sums (B 1–5, C 6–7, D 8–14, E 15–20)', () => {
  it('each cluster sums only its own items', () => {
    // item n answered with a value that marks its cluster: B=1, C=2, D=3, E=4
    const answers = Array.from({ length: 20 }, (_, i) => (i < 5 ? 1 : i < 7 ? 2 : i < 14 ? 3 : 4));
    expect(clusterSums(answers)).toEqual({ B: 5, C: 4, D: 21, E: 24 });
    expect(score('pcl5', answers)).toMatchObject({ total: 54, band: 'above', clusters: { B: 5, C: 4, D: 21, E: 24 } });
  });

  it('all zero and all max', () => {
    expect(clusterSums(Array(20).fill(0))).toEqual({ B: 0, C: 0, D: 0, E: 0 });
    expect(clusterSums(Array(20).fill(4))).toEqual({ B: 20, C: 8, D: 28, E: 24 });
  });

  it('the edge items land in the right cluster: 5→B, 6→C, 7→C, 8→D, 14→D, 15→E', () => {
    const only = (n: number) => clusterSums(Array.from({ length: 20 }, (_, i) => (i === n - 1 ? 4 : 0)));
    expect(only(5)).toEqual({ B: 4, C: 0, D: 0, E: 0 });
    expect(only(6)).toEqual({ B: 0, C: 4, D: 0, E: 0 });
    expect(only(7)).toEqual({ B: 0, C: 4, D: 0, E: 0 });
    expect(only(8)).toEqual({ B: 0, C: 0, D: 4, E: 0 });
    expect(only(14)).toEqual({ B: 0, C: 0, D: 4, E: 0 });
    expect(only(15)).toEqual({ B: 0, C: 0, D: 0, E: 4 });
    expect(only(20)).toEqual({ B: 0, C: 0, D: 0, E: 4 });
  });
});

describe('PHQ-9 item 9', () => {
  const withItem9 = (a: number | null, rest = 0) => [...Array(8).fill(rest), a];

  it('is reported in the score', () => {
    expect(score('phq9', withItem9(2)).item9).toBe(2);
    expect(score('phq9', withItem9(null)).item9).toBeUndefined();
  });

  it('item 9 above 0 opens the safety plan whatever the total — even a total of 1 (minimal band)', () => {
    for (const a of [1, 2, 3]) expect(opensSafetyPlan('phq9', withItem9(a))).toBe(true);
    expect(score('phq9', withItem9(1)).band).toBe('minimal');
    expect(opensSafetyPlan('phq9', withItem9(1, 3))).toBe(true);
  });

  it('item 9 at 0 or unanswered does not, however high the total', () => {
    expect(opensSafetyPlan('phq9', withItem9(0, 3))).toBe(false);
    expect(opensSafetyPlan('phq9', withItem9(null, 3))).toBe(false);
  });

  it('only PHQ-9 has the rule (the ninth answer of GAD-7 or PCL-5 means something else)', () => {
    expect(opensSafetyPlan('pcl5', Array(20).fill(4))).toBe(false);
    expect(opensSafetyPlan('gad7', Array(7).fill(3))).toBe(false);
  });

  it('takes no options: nothing a setting or plan passes can switch it off', () => {
    expect(opensSafetyPlan.length).toBe(2);
  });
});

describe('content: the published wording', () => {
  it('item counts and answers match the scoring', () => {
    for (const [id, c] of Object.entries(MEASURES)) {
      const s = SCORING[id as MeasureId];
      expect(c.items).toHaveLength(s.items);
      expect(c.options.map((o) => o.value)).toEqual(Array.from({ length: s.maxAnswer + 1 }, (_, i) => i));
      expect(Object.keys(c.bands).sort()).toEqual(s.bands.map((b) => b.id).sort());
      expect(c.credit.length).toBeGreaterThan(20);
      expect(c.sources.length).toBeGreaterThan(0);
    }
  });

  it('PHQ-9 and GAD-7 answers and instructions are the published ones, with the Pfizer credit', () => {
    expect(PHQ9.options.map((o) => o.label)).toEqual(['Not at all', 'Several days', 'More than half the days', 'Nearly every day']);
    expect(PHQ9.instructions['two-weeks']).toBe('Over the last 2 weeks, how often have you been bothered by any of the following problems?');
    expect(PHQ9.items[8]).toBe('Thoughts that you would be better off dead or of hurting yourself in some way');
    expect(GAD7.items[0]).toBe('Feeling nervous, anxious or on edge');
    expect(PHQ9.credit).toMatch(/Pfizer.*No permission required/);
    expect(GAD7.credit).toBe(PHQ9.credit);
  });

  it('PCL-5: five answers, public domain, and a weekly one asks about the past week', () => {
    expect(PCL5.options.map((o) => o.label)).toEqual(['Not at all', 'A little bit', 'Moderately', 'Quite a bit', 'Extremely']);
    expect(PCL5.credit).toMatch(/National Center for PTSD.*public domain/);
    expect(periodFor('pcl5', 7)).toBe('week');
    expect(periodFor('pcl5', 14)).toBe('month');
    expect(periodFor('pcl5', undefined)).toBe('month');
    expect(periodFor('phq9', 7)).toBe('two-weeks');
    expect(PCL5.stem?.week).toBe('In the past week, how much were you bothered by:');
    expect(PCL5.stem?.month).toBe('In the past month, how much were you bothered by:');
    expect(PCL5.instructions.week).toMatch(/in the past week\.$/);
    expect(PCL5.instructions.month).toMatch(/in the past month\.$/);
  });

  it('no band is called a diagnosis; every band is explained in plain words', () => {
    for (const c of Object.values(MEASURES)) {
      for (const b of Object.values(c.bands)) {
        expect(b.plain.length).toBeGreaterThan(20);
        expect(`${b.label} ${b.plain}`).not.toMatch(/diagnos|you have|disorder/i);
      }
    }
    expect(NOT_A_DIAGNOSIS).toMatch(/not a diagnosis/);
  });
});
