/**
 * The restore's merge rule (backup/merge.ts) as a table: newer wins, equal skips, conflicting edits keep
 * both — a copy for journal entries, the older words in a new entry for singletons — and nothing that only
 * the older version holds is ever silently dropped.
 */
import { describe, expect, it } from 'vitest';
import { decide, sameContent, wordsMissing, type MergeInput } from '../../src/backup/merge';

const wording = { fromBackup: ' (from backup)', beforeRestore: ' (before restore)', keptWordsTitle: (l: string) => `Words kept from ${l}` };
const entry = (over: Record<string, unknown> = {}) => ({ id: 'e1', kind: 'free', createdAt: 1, updatedAt: 10, title: 'Rain', body: 'the rain on the roof', complete: true, ...over });
const base = (over: Partial<MergeInput>): MergeInput => ({ policy: 'copy', key: 'id', label: 'Safety plan', incoming: entry(), local: undefined, wording, now: 500, newId: () => 'new-id', ...over });

describe('merge rule, journal entries (policy copy)', () => {
  const rows: [string, Partial<MergeInput>, string, unknown, unknown][] = [
    ['not here → added', {}, 'added', entry(), undefined],
    ['same record → skipped', { local: entry() }, 'skipped', undefined, undefined],
    ['same words, only updatedAt differs → skipped', { local: entry({ updatedAt: 99 }) }, 'skipped', undefined, undefined],
    ['backup newer, it only adds words → updated, no copy', { incoming: entry({ updatedAt: 20, body: 'the rain on the roof, and then quiet' }), local: entry() }, 'updated', entry({ updatedAt: 20, body: 'the rain on the roof, and then quiet' }), undefined],
    ['here newer, it only adds words → skipped', { incoming: entry(), local: entry({ updatedAt: 20, body: 'the rain on the roof, and then quiet' }) }, 'skipped', undefined, undefined],
    [
      'backup newer, this device has words it lacks → updated, this device’s version kept as “(before restore)”',
      { incoming: entry({ updatedAt: 20, body: 'sunlight' }), local: entry() },
      'keptBoth',
      entry({ updatedAt: 20, body: 'sunlight' }),
      { store: 'entries', record: entry({ id: 'new-id', title: 'Rain (before restore)' }) },
    ],
    [
      'here newer, the backup has words it lacks → kept both, the backup’s as “(from backup)”',
      { incoming: entry(), local: entry({ updatedAt: 20, body: 'sunlight' }) },
      'keptBoth',
      undefined,
      { store: 'entries', record: entry({ id: 'new-id', title: 'Rain (from backup)' }) },
    ],
    [
      'equal updatedAt but different words → this device keeps the id, the backup’s kept as a copy',
      { incoming: entry({ body: 'snow' }), local: entry() },
      'keptBoth',
      undefined,
      { store: 'entries', record: entry({ id: 'new-id', body: 'snow', title: 'Rain (from backup)' }) },
    ],
    ['older copy soft-deleted → not brought back', { incoming: entry({ deletedAt: 5, body: 'gone' }), local: entry({ updatedAt: 20 }) }, 'skipped', undefined, undefined],
  ];
  for (const [name, input, outcome, put, extra] of rows) {
    it(name, () => {
      const d = decide(base(input));
      expect(d.outcome).toBe(outcome);
      expect(d.put).toEqual(put);
      expect(d.extra).toEqual(extra);
    });
  }
});

describe('merge rule, other policies', () => {
  const plan = (updatedAt: number, coping: string[]) => ({
    id: 'mine',
    updatedAt,
    sections: { warningSigns: [], coping: coping.map((text, i) => ({ id: `c${i}`, text })), distraction: [], people: [], professionals: [], environment: [] },
  });

  it('safety plan (words): backup newer wins; words only this device had go into a new journal entry', () => {
    const d = decide(base({ policy: 'words', incoming: plan(20, ['walk the dog']), local: plan(10, ['call Sam', 'walk']) }));
    expect(d.outcome).toBe('keptBoth');
    expect(d.put).toEqual(plan(20, ['walk the dog']));
    expect(d.extra).toEqual({
      store: 'entries',
      record: { id: 'new-id', kind: 'free', createdAt: 500, updatedAt: 500, title: 'Words kept from Safety plan', body: 'call Sam', complete: true },
    });
  });

  it('safety plan (words): this device newer keeps its plan; the backup’s extra words become an entry', () => {
    const d = decide(base({ policy: 'words', incoming: plan(10, ['breathe out slowly']), local: plan(20, ['call Sam']) }));
    expect(d.outcome).toBe('keptBoth');
    expect(d.put).toBeUndefined();
    expect(d.extra?.record['body']).toBe('breathe out slowly');
  });

  it('voice notes (newer): newer wins and the older is dropped (a recording only grows)', () => {
    const rec = (updatedAt: number, n: number) => ({ id: 'm1', mime: 'audio/webm', durationMs: n * 1000, status: 'saved', chunks: Array.from({ length: n }, () => new Blob(['x'])), createdAt: 1, updatedAt });
    expect(decide(base({ policy: 'newer', incoming: rec(20, 3), local: rec(10, 2) }))).toEqual({ outcome: 'updated', put: rec(20, 3) });
    expect(decide(base({ policy: 'newer', incoming: rec(10, 2), local: rec(20, 3) }))).toEqual({ outcome: 'skipped' });
    expect(decide(base({ policy: 'newer', incoming: rec(10, 2), local: rec(30, 2) })).outcome).toBe('skipped');
  });

  it('settings (add-missing): a setting already here is never replaced; a missing one is added', () => {
    expect(decide(base({ policy: 'add-missing', key: 'key', incoming: { key: 'sound', value: true }, local: { key: 'sound', value: false } }))).toEqual({ outcome: 'skipped' });
    expect(decide(base({ policy: 'add-missing', key: 'key', incoming: { key: 'sound', value: true }, local: undefined }))).toEqual({ outcome: 'added', put: { key: 'sound', value: true } });
  });
});

describe('helpers', () => {
  it('sameContent ignores key order and updatedAt, and compares Blobs by type and size', () => {
    expect(sameContent({ a: 1, b: { c: 2, d: 3 }, updatedAt: 1 }, { b: { d: 3, c: 2 }, a: 1, updatedAt: 2 })).toBe(true);
    expect(sameContent({ a: [new Blob(['ab'])] }, { a: [new Blob(['cd'])] })).toBe(true);
    expect(sameContent({ a: [new Blob(['ab'])] }, { a: [new Blob(['abc'])] })).toBe(false);
  });
  it('wordsMissing finds a person’s words absent from every string of the newer version, ids and machinery ignored', () => {
    expect(wordsMissing({ id: 'x', title: 'a', body: 'b c' }, { id: 'y', title: 'a', body: 'b c d' })).toEqual([]);
    expect(wordsMissing({ title: 'a', body: 'gone' }, { title: 'a', body: 'b' })).toEqual(['gone']);
  });
});
