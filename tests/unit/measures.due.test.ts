// When questionnaires are offered on Today (CLINICAL.md §5: PHQ-9/GAD-7 weekly, PCL-5 every two weeks): a
// rhythm taken as input (a plan may change it), never "overdue", "Not now" hides one for a period, an
// unfinished one is offered back, and none in the session phase.
import { describe, expect, it } from 'vitest';
import { DAY_MS, DEFAULT_RHYTHM, DUE_SLACK_MS, dueMeasures, offerMeasures, resumable, rhythmInUse, rhythmWithPlan, type MeasureHistoryItem } from '../../src/measures/due';

const NOW = Date.UTC(2026, 10, 30, 9);
const HOUR = 60 * 60 * 1000;
const done = (measureId: MeasureHistoryItem['measureId'], daysAgo: number, id = `${measureId}-${daysAgo}`): MeasureHistoryItem => ({
  id,
  measureId,
  startedAt: NOW - daysAgo * DAY_MS - 5 * 60 * 1000,
  completedAt: NOW - daysAgo * DAY_MS,
});

describe('dueMeasures', () => {
  it('with no history, every measure in the rhythm is offered as new, in order', () => {
    expect(dueMeasures([], DEFAULT_RHYTHM, NOW)).toEqual([
      { measureId: 'phq9', reason: 'new' },
      { measureId: 'gad7', reason: 'new' },
      { measureId: 'pcl5', reason: 'new' },
    ]);
  });

  it('weekly: not due 6 days after, due again from 6.5 days (half a day early) on', () => {
    const h = [done('phq9', 6)];
    expect(dueMeasures(h, { phq9: 7 }, NOW)).toEqual([]);
    const at = NOW + DAY_MS / 2;
    expect(dueMeasures(h, { phq9: 7 }, at - 1)).toEqual([]);
    expect(dueMeasures(h, { phq9: 7 }, at)).toEqual([{ measureId: 'phq9', reason: 'again', lastCompletedAt: h[0]!.completedAt }]);
    expect(7 * DAY_MS - DUE_SLACK_MS).toBe(6.5 * DAY_MS);
  });

  it('PCL-5 every two weeks: not due after 10 days, due after 14', () => {
    expect(dueMeasures([done('pcl5', 10)], DEFAULT_RHYTHM, NOW).map((d) => d.measureId)).toEqual(['phq9', 'gad7']);
    expect(dueMeasures([done('pcl5', 14)], { pcl5: 14 }, NOW)).toMatchObject([{ measureId: 'pcl5', reason: 'again' }]);
  });

  it('the newest completed counts, whatever the order of the history', () => {
    expect(dueMeasures([done('gad7', 2), done('gad7', 30)], { gad7: 7 }, NOW)).toEqual([]);
    expect(dueMeasures([done('gad7', 30), done('gad7', 2)], { gad7: 7 }, NOW)).toEqual([]);
  });

  it('a plan can change the rhythm: daily PHQ-9, no PCL-5 (absent or 0 = not offered)', () => {
    const h = [done('phq9', 1), done('pcl5', 100)];
    expect(dueMeasures(h, { phq9: 1, pcl5: 0 }, NOW)).toMatchObject([{ measureId: 'phq9', reason: 'again' }]);
    expect(dueMeasures(h, {}, NOW)).toEqual([]);
  });

  it('an unfinished one started this period is offered back ("carry on"), not a new one', () => {
    const open: MeasureHistoryItem = { id: 'open', measureId: 'gad7', startedAt: NOW - 2 * HOUR };
    expect(dueMeasures([done('gad7', 9), open], { gad7: 7 }, NOW)).toEqual([
      { measureId: 'gad7', reason: 'carry-on', resumeId: 'open', lastCompletedAt: NOW - 9 * DAY_MS },
    ]);
  });

  it('an unfinished one from long ago is not carried on: a fresh one is offered', () => {
    const stale: MeasureHistoryItem = { id: 'stale', measureId: 'gad7', startedAt: NOW - 20 * DAY_MS };
    expect(dueMeasures([stale], { gad7: 7 }, NOW)).toEqual([{ measureId: 'gad7', reason: 'new' }]);
  });

  it('"Not now" hides a measure for one rhythm period, then it comes back; others are unaffected', () => {
    const h = [done('phq9', 8), done('gad7', 8)];
    const notNow = { phq9: NOW - DAY_MS };
    expect(dueMeasures(h, DEFAULT_RHYTHM, NOW, notNow).map((d) => d.measureId)).toEqual(['gad7', 'pcl5']);
    expect(dueMeasures(h, DEFAULT_RHYTHM, NOW + 6 * DAY_MS, notNow).map((d) => d.measureId)).toContain('phq9');
  });

  it('records dated in the future (a changed clock) do not count', () => {
    const future: MeasureHistoryItem = { id: 'f', measureId: 'phq9', startedAt: NOW + DAY_MS, completedAt: NOW + DAY_MS };
    expect(dueMeasures([future], { phq9: 7 }, NOW)).toEqual([{ measureId: 'phq9', reason: 'new' }]);
  });
});

describe('rhythmInUse', () => {
  it('without a stored rhythm, only measures the person has taken come round again, at the defaults', () => {
    expect(rhythmInUse(null, [])).toEqual({});
    expect(rhythmInUse(null, [done('gad7', 3)])).toEqual({ gad7: 7 });
    expect(rhythmInUse(null, [done('pcl5', 3), done('phq9', 1)])).toEqual({ phq9: 7, pcl5: 14 });
  });

  it('a stored rhythm (the person or a plan) wins', () => {
    expect(rhythmInUse({ pcl5: 7 }, [done('gad7', 3)])).toEqual({ pcl5: 7 });
  });
});

describe('offerMeasures', () => {
  it('never in the session phase; in every other phase', () => {
    expect(offerMeasures('session')).toBe(false);
    for (const p of ['settling', 'window', 'consolidation', 'between']) expect(offerMeasures(p)).toBe(true);
  });
});

describe('resumable', () => {
  it('the newest unfinished one after the last completed, within the period', () => {
    const a: MeasureHistoryItem = { id: 'a', measureId: 'phq9', startedAt: NOW - 3 * HOUR };
    const b: MeasureHistoryItem = { id: 'b', measureId: 'phq9', startedAt: NOW - 2 * HOUR };
    expect(resumable([a, b, done('phq9', 1)], 'phq9', NOW)?.id).toBe('b');
    expect(resumable([a, done('phq9', 0.01)], 'phq9', NOW)).toBeUndefined();
    expect(resumable([a], 'gad7', NOW)).toBeUndefined();
  });
});

describe('rhythmWithPlan: a therapist plan’s measures on its rhythm (issue 16)', () => {
  it('a plan-assigned PHQ-9 is offered to someone who never took a questionnaire', () => {
    const rhythm = rhythmWithPlan(rhythmInUse(null, []), [{ id: 'phq9', everyDays: 7 }]);
    expect(rhythm).toEqual({ phq9: 7 });
    expect(dueMeasures([], rhythm, NOW)).toEqual([{ measureId: 'phq9', reason: 'new' }]);
  });

  it('follows the plan’s rhythm, not the default: fortnightly PHQ-9 is not due after 8 days, due after 14', () => {
    const rhythm = rhythmWithPlan(rhythmInUse(null, [done('phq9', 8)]), [{ id: 'phq9', everyDays: 14 }]);
    expect(dueMeasures([done('phq9', 8)], rhythm, NOW)).toEqual([]);
    expect(dueMeasures([done('phq9', 14)], rhythm, NOW)).toMatchObject([{ measureId: 'phq9', reason: 'again' }]);
  });

  it('a plan adds: measures the person takes on their own keep their rhythm', () => {
    const history = [done('gad7', 10)];
    const rhythm = rhythmWithPlan(rhythmInUse(null, history), [{ id: 'pcl5', everyDays: 3 }]);
    expect(rhythm).toEqual({ gad7: 7, pcl5: 3 });
    expect(dueMeasures(history, rhythm, NOW).map((d) => d.measureId)).toEqual(['gad7', 'pcl5']);
  });

  it('no plan leaves the rhythm as it was; "Not now" still hides a planned measure for one period', () => {
    expect(rhythmWithPlan({ gad7: 7 }, [])).toEqual({ gad7: 7 });
    const rhythm = rhythmWithPlan({}, [{ id: 'phq9', everyDays: 7 }]);
    expect(dueMeasures([], rhythm, NOW, { phq9: NOW - DAY_MS })).toEqual([]);
  });
});
