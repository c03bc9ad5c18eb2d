/** The shared chart's geometry: values land where a reader expects, gaps break the line, labels never crowd. */
import { describe, expect, it } from 'vitest';
import { defaultTicks, layout, segments } from '../../src/ui/chart/shape';

describe('layout', () => {
  it('puts the minimum on the bottom edge and the maximum on the top, out-of-range values clamped', () => {
    const l = layout({ columns: 3, yMin: 0, yMax: 100 });
    expect(l.y(0)).toBe(l.bottom);
    expect(l.y(100)).toBe(l.top);
    expect(l.y(50)).toBe((l.top + l.bottom) / 2);
    expect(l.y(140)).toBe(l.top);
    expect(l.y(-5)).toBe(l.bottom);
  });
  it('spreads columns left to right, a single column in the middle', () => {
    const l = layout({ columns: 4, yMin: 0, yMax: 10 });
    expect(l.xs).toHaveLength(4);
    expect([...l.xs].sort((a, b) => a - b)).toEqual(l.xs);
    expect(layout({ columns: 1, yMin: 0, yMax: 10 }).xs[0]).toBe((l.left + l.right) / 2);
  });
  it('100 sessions: labels thinned so they are at least ~40 units apart, the last one always shown', () => {
    const l = layout({ columns: 100, yMin: 0, yMax: 100 });
    expect(l.labelled.at(-1)).toBe(99);
    for (let i = 1; i < l.labelled.length; i++) expect(l.xs[l.labelled[i]!]! - l.xs[l.labelled[i - 1]!]!).toBeGreaterThanOrEqual(36);
    expect(layout({ columns: 5, yMin: 0, yMax: 100 }).labelled).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('defaultTicks', () => {
  it('SUDS 0–100 → 0, 25, 50, 75, 100; PHQ-9 0–27 → round steps within range', () => {
    expect(defaultTicks(0, 100)).toEqual([0, 25, 50, 75, 100]);
    const phq = defaultTicks(0, 27);
    expect(phq[0]).toBe(0);
    expect(phq.at(-1)).toBeLessThanOrEqual(27);
    expect(phq.length).toBeGreaterThanOrEqual(3);
  });
});

describe('segments', () => {
  it('a missing value breaks the line; a lone point draws no line (its marker still shows)', () => {
    const l = layout({ columns: 5, yMin: 0, yMax: 100 });
    expect(segments([10, 20, null, 30, 40], l)).toHaveLength(2);
    expect(segments([10, null, 30, null, 50], l)).toHaveLength(0);
    expect(segments([10, 20, 30, 40, 50], l)[0]!.split(' ')).toHaveLength(5);
  });
});
