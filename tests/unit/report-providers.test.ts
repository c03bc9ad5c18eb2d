/** The measures and exposure report providers: what is offered and the sections they shape (issue 16). */
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { measureOptions, measureSection, summariesIn } from '../../src/report/providers/measures';
import {
  exposureOptions,
  exposureProvider,
  practisedSituations,
  situationSections,
  writtenSessionsDone,
  writtenTable,
  writtenTextSection,
} from '../../src/report/providers/exposure';
import { measuresProvider } from '../../src/report/providers/measures';
import { ReportSectionSchema, type SeriesSectionData, type TableSectionData } from '../../src/report/schema';
import type { ExposureRecord, HierarchyItem, InVivoData } from '../../src/storage/exposure.schema';
import { newCourse, type WrittenCourse } from '../../src/storage/written-exposure.schema';
import type { ReportContext } from '../../src/report/sections';
import type { AppContext } from '../../src/ui/context';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 30, 12);
const W = { from: NOW - 28 * DAY, to: NOW, zone: 'UTC' };

const phq9 = (daysAgo: number, answers: number[], difficulty: number | null = null) => ({
  measureId: 'phq9' as const,
  answers,
  completedAt: NOW - daysAgo * DAY,
  difficulty,
});

describe('measures provider', () => {
  const records = [
    phq9(21, [2, 2, 2, 2, 2, 2, 2, 1, 0], 2), // 15: moderately severe
    phq9(14, [1, 2, 1, 1, 1, 1, 1, 1, 0]), // 9: mild
    phq9(7, [1, 1, 1, 1, 1, 0, 0, 0, 1], 1), // 6: mild, item 9 = 1
    phq9(60, [3, 3, 3, 3, 3, 3, 3, 3, 0]), // outside the 4 weeks
    { measureId: 'phq9' as const, answers: [1, null, null, null, null, null, null, null, null] }, // unfinished
    { measureId: 'gad7' as const, answers: [0, 0, 0, 0, 0, 0, 0] }, // unfinished: no GAD-7 choice
  ];

  it('offers one choice per questionnaire completed in the period, and says question 9 is included', () => {
    const s = summariesIn(records, W);
    const options = measureOptions(s, 'UTC');
    expect(options.map((o) => o.id)).toEqual(['phq9']);
    expect(options[0]!.label).toMatch(/^PHQ-9 — mood/);
    expect(options[0]!.detail).toMatch(/^3 times since/);
    expect(options[0]!.detail).toContain('question 9');
  });

  it('shapes scores over time with band lines, the plain-words band, "not a diagnosis" and item 9 in words', () => {
    const [s] = summariesIn(records, W);
    const section = v.parse(ReportSectionSchema, measureSection(s!, 'UTC')) as SeriesSectionData;
    expect(section.type).toBe('series');
    expect(section.series).toHaveLength(1);
    expect(section.series[0]!.values).toEqual([15, 9, 6]);
    expect(section.xLabels).toHaveLength(3);
    expect(section.yMax).toBe(27);
    expect(section.bands!.map((b) => b.at)).toEqual([5, 10, 15, 20]);
    expect(section.summary).toContain('6 of 27');
    expect(section.summary).toContain('9 points lower than the first (15)');
    expect(section.summary.toLowerCase()).toContain('not a diagnosis');
    expect(section.note).toContain('question 9');
    expect(section.note).toContain('(1 of 3)');
    expect(section.note).toMatch(/daily life/);
  });

  it('the provider reads the measures store and returns only what was chosen', async () => {
    const app = { measures: async () => ({ list: async () => records }) } as unknown as AppContext;
    const ctx: ReportContext = { ...W, app, entries: async () => [] };
    expect((await measuresProvider.options(ctx)).map((o) => o.id)).toEqual(['phq9']);
    expect(await measuresProvider.sections(ctx, [])).toEqual([]);
    expect((await measuresProvider.sections(ctx, ['phq9'])).map((s) => s.id)).toEqual(['measure-phq9']);
  });
});

const item = (id: string, text: string): HierarchyItem => ({ id, text, suds: 50, status: 'practising', safe: 'yes', createdAt: 0 });
function practice(id: string, itemId: string, daysAgo: number, d: Partial<InVivoData>): ExposureRecord {
  const at = NOW - daysAgo * DAY;
  return {
    id,
    kind: 'in-vivo',
    itemId,
    startedAt: at,
    updatedAt: at,
    complete: true,
    data: {
      itemId,
      situation: `old words for ${itemId}`,
      prediction: 'I will faint',
      likelihood: null,
      safetyBehaviours: '',
      preSuds: null,
      presence: null,
      peakSuds: null,
      startedAt: at,
      elapsedMs: 0,
      postSuds: null,
      happened: null,
      learned: '',
      needsSupport: false,
      ...d,
    },
  };
}

describe('exposure provider', () => {
  const items = [item('bus', 'Taking the bus at rush hour'), item('shop', 'The busy shop')];
  const records = [
    practice('p2', 'bus', 3, { preSuds: 50, peakSuds: 60, postSuds: 20, likelihood: 60, happened: 'partly' }),
    practice('p1', 'bus', 10, { preSuds: 70, peakSuds: 85, postSuds: 40, likelihood: 90, happened: 'no' }),
    practice('p0', 'shop', 90, { preSuds: 90 }), // outside the period
    practice('p3', 'gone', 2, { preSuds: 30 }), // its item is no longer on the list
  ];

  it('lists the situations practised in the period in the list’s order, oldest practice first', () => {
    const s = practisedSituations(items, records, W);
    expect(s.map((x) => [x.itemId, x.situation, x.records.map((r) => r.id)])).toEqual([
      ['bus', 'Taking the bus at rush hour', ['p1', 'p2']],
      ['gone', 'old words for gone', ['p3']],
    ]);
  });

  it('shapes pre/peak/post distress and predicted-vs-happened per situation, as the exposure charts do', () => {
    const [bus] = practisedSituations(items, records, W);
    const [suds, expect_] = situationSections(bus!, 'UTC').map((x) => v.parse(ReportSectionSchema, x) as SeriesSectionData);
    expect(suds!.title).toContain('“Taking the bus at rush hour”');
    expect(suds!.series.map((x) => [x.id, x.values])).toEqual([
      ['pre', [70, 50]],
      ['peak', [85, 60]],
      ['post', [40, 20]],
    ]);
    expect(suds!.summary).toBe('Over 2 practices: before went from 70 to 50; at its highest went from 85 to 60; after went from 40 to 20.');
    expect(expect_!.series.map((x) => [x.id, x.values])).toEqual([
      ['predicted', [90, 60]],
      ['happened', [0, 50]],
    ]);
    expect(expect_!.summary).toContain('did not happen in 1, partly happened in 1');
  });

  const course = (): WrittenCourse => {
    const c = newCourse('c1', NOW - 20 * DAY, 'The accident');
    c.sessions[0] = { ...c.sessions[0]!, status: 'done', text: 'Every word of the memory', preSuds: 80, postSuds: 55, finishedAt: NOW - 5 * DAY };
    c.sessions[1] = { ...c.sessions[1]!, status: 'done', text: 'More words', preSuds: 70, postSuds: null, finishedAt: NOW - 2 * DAY };
    c.sessions[2] = { ...c.sessions[2]!, status: 'writing', text: 'Half written', preSuds: 60 };
    return c;
  };

  it('written exposure: the sessions table holds numbers only, never the name or the words', () => {
    const done = writtenSessionsDone([course()], W);
    expect(done.map((d) => d.n)).toEqual([1, 2]);
    const table = v.parse(ReportSectionSchema, writtenTable(done, 'UTC')) as TableSectionData;
    expect(table.rows.map((r) => r.slice(1))).toEqual([
      ['Session 1 of 5', '80', '55'],
      ['Session 2 of 5', '70', 'not rated'],
    ]);
    const json = JSON.stringify(table);
    expect(json).not.toContain('Every word');
    expect(json).not.toContain('The accident');
  });

  it('the words are a separate choice; chosen, they come as entries; not chosen, nowhere in the report', async () => {
    const done = writtenSessionsDone([course()], W);
    const options = exposureOptions(practisedSituations(items, records, W), done);
    expect(options.map((o) => o.id)).toEqual(['item:bus', 'item:gone', 'written', 'written-text']);
    const text = v.parse(ReportSectionSchema, writtenTextSection(done));
    expect(JSON.stringify(text)).toContain('Every word of the memory');

    const app = {
      exposures: async () => ({
        hierarchy: { get: async () => ({ id: 'mine', updatedAt: 1, items }) },
        records: {
          countByItem: async () => new Map([['bus', 2], ['shop', 1], ['gone', 1]]),
          forItem: async (id: string) => records.filter((r) => r.itemId === id),
        },
      }),
      writtenExposure: async () => ({ list: async () => [course()] }),
    } as unknown as AppContext;
    const ctx: ReportContext = { ...W, app, entries: async () => [] };
    const everythingButText = await exposureProvider.sections(ctx, ['item:bus', 'item:gone', 'written']);
    expect(everythingButText.map((s) => s.id)).toEqual([
      'exposure-bus-suds',
      'exposure-bus-expect',
      'exposure-gone-suds',
      'exposure-gone-expect',
      'written-sessions',
    ]);
    expect(JSON.stringify(everythingButText)).not.toContain('Every word');
    const withText = await exposureProvider.sections(ctx, ['written-text']);
    expect(withText.map((s) => s.id)).toEqual(['written-text']);
  });

  it('a damaged fear list still offers its practices, named as practised', async () => {
    const app = {
      exposures: async () => ({
        hierarchy: { get: async () => Promise.reject(new Error('damaged')) },
        records: { countByItem: async () => new Map([['bus', 2]]), forItem: async (id: string) => records.filter((r) => r.itemId === id) },
      }),
      writtenExposure: async () => ({ list: async () => [] }),
    } as unknown as AppContext;
    const options = await exposureProvider.options({ ...W, app, entries: async () => [] });
    expect(options).toEqual([{ id: 'item:bus', label: 'old words for bus', detail: '2 practices' }]);
  });
});
