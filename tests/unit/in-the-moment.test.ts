/**
 * "Ground me now is for the moment" (CLINICAL.md §2, issue 12): Ground starts only outward, sensory
 * exercises — 5-4-3-2-1, Here and now, feet and hands, the slow out-breath — and the person's own ratings
 * rank inside that set only. Safe place, cold water, muscle tensing and held breaths are never what it starts.
 */
import { describe, expect, it } from 'vitest';
import { IN_THE_MOMENT, INWARD, isInTheMoment, outwardFirst, pickGroundNow, rankInTheMoment } from '../../src/flow/ground';
import { MODULES } from '../../src/modules/registry';
import type { Entry } from '../../src/storage/schema';

let n = 0;
function rated(moduleId: string, before: [number, number], after: [number, number], data?: unknown): Entry {
  n++;
  return {
    id: `e${n}`,
    kind: 'session',
    moduleId,
    createdAt: n,
    updatedAt: n,
    title: moduleId,
    body: '',
    complete: true,
    before: { at: n, presence: before[0], distress: before[1] },
    after: { at: n, presence: after[0], distress: after[1] },
    ...(data === undefined ? {} : { data }),
  };
}
/** Two sessions that helped a lot (+11 each). */
const helpedALot = (moduleId: string, data?: unknown) => [rated(moduleId, [1, 9], [7, 4], data), rated(moduleId, [1, 9], [7, 4], data)];

describe('the in-the-moment set', () => {
  it('is 5-4-3-2-1, Here and now, feet and hands, and the slow out-breath — nothing else', () => {
    expect(IN_THE_MOMENT.map((m) => [m.moduleId, m.variant])).toEqual([
      ['five-senses', undefined],
      ['orientation', undefined],
      ['body', 'anchor'],
      ['breathing', 'slow-exhale'],
    ]);
    // Every member is a real module of the registry.
    for (const m of IN_THE_MOMENT) expect(MODULES.some((x) => x.id === m.moduleId)).toBe(true);
  });

  it.each<[string, string, unknown, boolean]>([
    ['5-4-3-2-1', 'five-senses', undefined, true],
    ['Here and now', 'orientation', undefined, true],
    ['feet and hands', 'body', { data: { part: 'anchor' } }, true],
    ['muscle tensing (PMR)', 'body', { data: { part: 'pmr' } }, false],
    ['body before a part is chosen', 'body', { data: { part: null } }, false],
    ['slow out-breath (running: context.pattern)', 'breathing', { pattern: 'slow-exhale', data: null }, true],
    ['slow out-breath (recorded: data.pattern)', 'breathing', { data: { pattern: 'slow-exhale' } }, true],
    ['4-7-8 (held breath)', 'breathing', { data: { pattern: '4-7-8' } }, false],
    ['box breathing (held breath)', 'breathing', { pattern: 'box', data: null }, false],
    ['safe-place imagery', 'safe-place', undefined, false],
    ['cold water (temperature)', 'temperature', undefined, false],
  ])('%s → %s', (_name, moduleId, context, expected) => {
    expect(isInTheMoment(moduleId, context)).toBe(expected);
  });
});

describe('ranking inside the set only', () => {
  it('with no history starts 5-4-3-2-1', () => {
    expect(pickGroundNow([])).toEqual({ moduleId: 'five-senses' });
  });

  it('never picks safe place, temperature or muscle tensing, even when they helped most by far', () => {
    const entries = [
      ...helpedALot('safe-place'),
      ...helpedALot('temperature'),
      ...helpedALot('body', { part: 'pmr' }),
      ...helpedALot('breathing', { pattern: '4-7-8' }),
      rated('orientation', [4, 5], [5, 4]), // +2: the only one inside the set that helped
    ];
    expect(pickGroundNow(entries)).toEqual({ moduleId: 'orientation' });
    expect(rankInTheMoment(entries).map((r) => r.module.moduleId)).toEqual(['orientation', 'five-senses', 'body', 'breathing']);
  });

  it('muscle tensing that helped says nothing about feet and hands', () => {
    const ranked = rankInTheMoment(helpedALot('body', { part: 'pmr' }));
    expect(ranked.find((r) => r.module.moduleId === 'body')?.stats).toBeUndefined();
  });

  it('feet and hands that helped most is started as feet and hands', () => {
    expect(pickGroundNow([...helpedALot('body', { part: 'anchor' }), rated('five-senses', [4, 5], [5, 4])])).toEqual({
      moduleId: 'body',
      variant: 'anchor',
    });
  });

  it('the slow out-breath that helped most is started as the slow out-breath', () => {
    expect(pickGroundNow(helpedALot('breathing', { pattern: 'slow-exhale' }))).toEqual({
      moduleId: 'breathing',
      variant: 'slow-exhale',
    });
  });

  it('leaves out an exercise that is already running, suspended (no second copy under the same title)', () => {
    const entries = [...helpedALot('body', { part: 'anchor' }), rated('orientation', [4, 5], [5, 4])];
    expect(pickGroundNow(entries, new Set(['body']))).toEqual({ moduleId: 'orientation' });
    // Every member left out: the best of the set still starts (Ground never starts nothing).
    expect(pickGroundNow(entries, new Set(['five-senses', 'orientation', 'body', 'breathing']))).toEqual({ moduleId: 'body', variant: 'anchor' });
  });

  it('ranks by the person’s own mean change inside the set', () => {
    const entries = [rated('five-senses', [4, 6], [5, 5]), ...helpedALot('orientation'), ...helpedALot('body', { part: 'anchor' })];
    entries.push(rated('body', [5, 5], [5, 5], { part: 'anchor' })); // body's mean drops below orientation's
    expect(rankInTheMoment(entries).map((r) => r.module.moduleId)).toEqual(['orientation', 'body', 'five-senses', 'breathing']);
  });
});

describe('low presence: outward first, inward last', () => {
  // Grounding choices only, as the chooser gets them (the registry also holds other families).
  const choices = MODULES.filter((m) => m.family === 'grounding').map((module) => ({ module }));
  const ids = (list: { module: { id: string } }[]) => list.map((c) => c.module.id);

  it('presence 3 puts imagery, breath focus and muscle work last, keeping the rest of the order', () => {
    expect(ids(outwardFirst(choices, 3))).toEqual(['five-senses', 'orientation', 'temperature', 'safe-place', 'body', 'breathing']);
  });

  it('presence 4, or no rating, keeps the order as it was', () => {
    expect(ids(outwardFirst(choices, 4))).toEqual(ids(choices));
    expect(ids(outwardFirst(choices, undefined))).toEqual(ids(choices));
  });

  it('the inward list names imagery, breath focus and muscle work', () => {
    expect([...INWARD].sort()).toEqual(['body', 'breathing', 'safe-place']);
  });
});
