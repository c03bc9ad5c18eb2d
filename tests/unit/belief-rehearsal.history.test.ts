import { describe, expect, it } from 'vitest';
import {
  believabilityOverSessions,
  firstAndLatest,
  suggestBeliefs,
  type EntryLike,
} from '../../src/modules/reframing/belief-rehearsal/history';
import { copy } from '../../src/modules/reframing/belief-rehearsal/content';

const B = 'I did what I could with what I knew then.';
const rehearsal = (at: number, before: number | null, after: number | null, belief = B, extra: Partial<EntryLike> = {}): EntryLike => ({
  moduleId: 'belief-rehearsal',
  createdAt: at,
  data: { belief, from: 'own', before, written: belief, after },
  ...extra,
});

describe('belief rehearsal: believability over sessions (the chart’s data)', () => {
  const cases: { name: string; entries: EntryLike[]; belief?: string; points: [number, number | null, number | null][] }[] = [
    { name: 'no entries', entries: [], points: [] },
    {
      name: 'oldest first, whatever the stored order',
      entries: [rehearsal(300, 40, 55), rehearsal(100, 20, 30), rehearsal(200, 30, 45)],
      points: [[100, 20, 30], [200, 30, 45], [300, 40, 55]],
    },
    {
      name: 'same belief whatever the case and spacing',
      entries: [rehearsal(100, 20, 30, `  ${B.toUpperCase()} `), rehearsal(200, 30, 40, B.replace(' ', '   '))],
      points: [[100, 20, 30], [200, 30, 40]],
    },
    {
      name: 'other beliefs, other modules, deleted and unreadable entries left out',
      entries: [
        rehearsal(100, 20, 30, 'I am allowed to rest.'),
        { moduleId: 'stuck-points', createdAt: 150, data: { belief: B } },
        rehearsal(200, 30, 40, B, { deletedAt: 999 }),
        rehearsal(250, 30, 40, B, { data: { belief: B, before: 'lots' } }),
        rehearsal(300, 50, 60),
      ],
      points: [[300, 50, 60]],
    },
    {
      name: 'unrated before or after kept as gaps',
      entries: [rehearsal(100, null, 30), rehearsal(200, 40, null)],
      points: [[100, null, 30], [200, 40, null]],
    },
    { name: 'an empty belief matches nothing', entries: [rehearsal(100, 10, 20, '')], belief: '', points: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(believabilityOverSessions(c.entries, c.belief ?? B)).toEqual(c.points.map(([at, before, after]) => ({ at, before, after })));
    });
  }
});

describe('belief rehearsal: the chart’s one-line summary', () => {
  const summaries: [string, [number, number | null, number | null][], string][] = [
    ['one practice', [[1, 30, 50]], '1 practice of this belief: 30 out of 100 before the first, 50 after the latest.'],
    ['several: first before, latest after', [[1, 20, 30], [2, 35, 45], [3, 40, 60]], '3 practices of this belief: 20 out of 100 before the first, 60 after the latest.'],
    ['first rated before is used when the first was not', [[1, null, 30], [2, 35, null]], '2 practices of this belief: 35 out of 100 before the first, 30 after the latest.'],
    ['nothing rated', [[1, null, null]], '1 practice of this belief, not rated.'],
    ['only after', [[1, null, 45]], '1 practice of this belief; after the latest it felt 45 out of 100.'],
  ];
  for (const [name, rows, text] of summaries) {
    it(`summary: ${name}`, () => {
      const points = rows.map(([at, before, after]) => ({ at, before, after }));
      const { first, latest } = firstAndLatest(points);
      expect(copy.chart.summary(points.length, first, latest)).toBe(text);
    });
  }
});

describe('belief rehearsal: what is offered to rehearse', () => {
  it('newest first, one per origin, the last rehearsed belief included, duplicates and deleted left out', () => {
    const entries: EntryLike[] = [
      { moduleId: 'stuck-points', createdAt: 100, data: { alternative: 'older alternative' } },
      { moduleId: 'stuck-points', createdAt: 300, data: { alternative: ' newer alternative ' } },
      { moduleId: 'thought-record', createdAt: 400, data: { alternative: 'a balanced thought' } },
      { moduleId: 'thought-record', createdAt: 500, data: { alternative: 'deleted one' }, deletedAt: 1 },
      rehearsal(200, 10, 20, 'newer alternative'),
      rehearsal(50, 10, 20, 'I am allowed to rest.'),
      { moduleId: 'five-senses', createdAt: 600, data: { alternative: 'not a belief' } },
    ];
    expect(suggestBeliefs(entries)).toEqual([
      { text: 'a balanced thought', from: 'thought-record', at: 400 },
      { text: 'newer alternative', from: 'stuck-points', at: 300 },
      { text: 'I am allowed to rest.', from: 'rehearsal', at: 50 },
    ]);
  });

  it('nothing in the journal, or only empty alternatives: nothing offered', () => {
    expect(suggestBeliefs([])).toEqual([]);
    expect(suggestBeliefs([{ moduleId: 'stuck-points', createdAt: 1, data: { alternative: '  ' } }])).toEqual([]);
  });
});
