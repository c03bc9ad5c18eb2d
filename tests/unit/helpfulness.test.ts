import { describe, expect, it } from 'vitest';
import { helpfulness, rankByHelpfulness } from '../../src/flow/helpfulness';
import type { Entry } from '../../src/storage/schema';

let n = 0;
function session(moduleId: string, before: [number?, number?], after: [number?, number?]): Entry {
  n++;
  const check = ([presence, distress]: [number?, number?]) => ({
    at: n,
    ...(presence === undefined ? {} : { presence }),
    ...(distress === undefined ? {} : { distress }),
  });
  return {
    id: `e${n}`,
    kind: 'session',
    moduleId,
    createdAt: n,
    updatedAt: n,
    title: moduleId,
    body: '',
    complete: true,
    before: check(before),
    after: check(after),
  };
}

const modules = [{ id: 'five-senses' }, { id: 'orientation' }, { id: 'breathing' }, { id: 'body' }];

describe('what helps right now', () => {
  it('measures change as presence gained plus distress eased, averaged per exercise', () => {
    const stats = helpfulness([session('breathing', [2, 8], [6, 4]), session('breathing', [4, 6], [4, 6])]);
    expect(stats.get('breathing')).toEqual({ moduleId: 'breathing', rated: 2, meanChange: 4 });
  });

  it('counts only sessions with a complete before/after pair, and ignores free entries', () => {
    const free: Entry = { ...session('x', [], []), kind: 'free', moduleId: undefined };
    const stats = helpfulness([session('body', [3], [undefined, 2]), session('body', [3], [5]), free]);
    expect(stats.get('body')).toEqual({ moduleId: 'body', rated: 1, meanChange: 2 });
    expect(stats.size).toBe(1);
  });

  it('puts the exercises that helped this person most first, and marks them', () => {
    const ranked = rankByHelpfulness(modules, [
      session('body', [2, 9], [5, 5]), // +7
      session('body', [2, 9], [5, 5]),
      session('orientation', [3, 7], [5, 6]), // +3
      session('orientation', [3, 7], [5, 6]),
      session('five-senses', [5, 5], [5, 5]), // 0: not "helped"
      session('five-senses', [5, 5], [5, 5]),
    ]);
    expect(ranked.map((r) => r.module.id)).toEqual(['body', 'orientation', 'five-senses', 'breathing']);
    expect(ranked.map((r) => r.helpedMost)).toEqual([true, true, false, false]);
  });

  it('with no history keeps the registry order and claims nothing', () => {
    const ranked = rankByHelpfulness(modules, []);
    expect(ranked.map((r) => r.module.id)).toEqual(modules.map((m) => m.id));
    expect(ranked.every((r) => !r.helpedMost)).toBe(true);
  });

  it('an exercise that made things worse is never shown as helpful', () => {
    const ranked = rankByHelpfulness(modules, [session('breathing', [6, 3], [4, 6])]);
    expect(ranked.find((r) => r.module.id === 'breathing')?.helpedMost).toBe(false);
    expect(ranked[0]?.module.id).toBe('five-senses');
  });

  it('one rated session already orders the list, but "helped you most" waits for a second', () => {
    const once = rankByHelpfulness(modules, [session('body', [2, 9], [5, 5])]);
    expect(once[0]?.module.id).toBe('body');
    expect(once.some((r) => r.helpedMost)).toBe(false);
    const twice = rankByHelpfulness(modules, [session('body', [2, 9], [5, 5]), session('body', [3, 8], [5, 6])]);
    expect(twice[0]).toMatchObject({ helpedMost: true, module: { id: 'body' } });
  });
});
