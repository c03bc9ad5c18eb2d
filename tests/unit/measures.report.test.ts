// The report helper's view of measures: latest score and band, points over time, change, and the text
// summary — recomputed from the answers, unfinished ones left out.
import { describe, expect, it } from 'vitest';
import { measureSummaries, type MeasureRecordLike } from '../../src/measures/report';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 10, 1, 9);
const phq = (total: number, day: number, item9 = 0): MeasureRecordLike => {
  const answers = [...Array(8).fill(0), item9];
  let left = total - item9;
  for (let i = 0; i < 8 && left > 0; i++) {
    answers[i] = Math.min(3, left);
    left -= answers[i];
  }
  return { measureId: 'phq9', answers, completedAt: T0 + day * DAY };
};

describe('measureSummaries', () => {
  it('nothing completed → nothing to report', () => {
    expect(measureSummaries([])).toEqual([]);
    expect(measureSummaries([{ measureId: 'gad7', answers: [1, null, null, null, null, null, null] }])).toEqual([]);
  });

  it('one per measure in order, oldest point first, latest with band words, change since the first', () => {
    const records: MeasureRecordLike[] = [
      phq(18, 14),
      { measureId: 'pcl5', answers: Array(20).fill(2), completedAt: T0 },
      phq(12, 0),
      phq(6, 7, 1),
      { measureId: 'gad7', answers: [3, 3, 3, 3, 3, 3, null], completedAt: undefined },
    ];
    const [p, c, ...rest] = measureSummaries(records);
    expect(rest).toEqual([]);
    expect(p!.measureId).toBe('phq9');
    expect(p!.points).toEqual([
      { at: T0, total: 12, band: 'moderate' },
      { at: T0 + 7 * DAY, total: 6, band: 'mild' },
      { at: T0 + 14 * DAY, total: 18, band: 'moderately-severe' },
    ]);
    expect(p!.latest).toMatchObject({ total: 18, band: 'moderately-severe', bandLabel: 'Moderately severe (15–19)', item9: 0 });
    expect(p!.change).toBe(6);
    expect(p!.count).toBe(3);
    expect(p!.bands.map((b) => b.min)).toEqual([0, 5, 10, 15, 20]);
    expect(p!.text).toMatch(/^PHQ-9: 18 of 27 on 2026-11-15 — Moderately severe/);
    expect(p!.text).toMatch(/6 points higher than the first \(12\)\. Lowest 6, highest 18\./);
    expect(p!.text).toMatch(/not a diagnosis/);
    expect(c).toMatchObject({ measureId: 'pcl5', count: 1, latest: { total: 40, band: 'above', clusters: { B: 10, C: 4, D: 14, E: 12 } } });
    expect(c!.change).toBeUndefined();
    expect(c!.text).toMatch(/first one, so there is no trend yet/);
  });

  it('a record whose answers do not fit its measure is left out, not guessed', () => {
    expect(measureSummaries([{ measureId: 'gad7', answers: [9, 9], completedAt: T0 }])).toEqual([]);
  });

  it('the latest difficulty answer is given in its published words', () => {
    const [g] = measureSummaries([{ measureId: 'gad7', answers: [1, 1, 1, 1, 1, 1, 1], completedAt: T0, difficulty: 2 }]);
    expect(g!.latest.difficulty).toBe('Very difficult');
  });
});
