/**
 * The journal's search worker (src/journal/search.worker.ts), run in node against fake-indexeddb with a
 * stand-in for the worker's global scope: it opens the app's database itself, answers ids newest first,
 * reports progress while scanning, drops a search a newer one superseded, never creates the database, and
 * sees entries written after its first search.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freshIndexedDB } from './fixtures/idb';
import { getDb } from '../../src/storage/db';
import { entriesRepo } from '../../src/storage/entries';

type Msg = { type: string; id: number; ids?: string[]; scanned?: number; total?: number };
const posted: Msg[] = [];
const scope: { postMessage: (m: Msg) => void; onmessage?: (e: { data: unknown }) => void } = { postMessage: (m) => posted.push(m) };

beforeAll(async () => {
  (globalThis as unknown as { self: unknown }).self = scope;
  await import('../../src/journal/search.worker');
});
beforeEach(() => {
  freshIndexedDB();
  posted.length = 0;
});
afterEach(async () => {
  (await getDb()).close();
});

const send = (id: number, query: string) => scope.onmessage!({ data: { type: 'search', id, query } });
const answer = async (id: number) => {
  for (let i = 0; i < 200 && !posted.some((m) => m.id === id && m.type !== 'progress'); i++) await new Promise((r) => setTimeout(r, 5));
  return posted.find((m) => m.id === id && m.type !== 'progress');
};

describe('search worker', () => {
  it('answers the latest search with matching ids, newest first, and sees later writes', async () => {
    const repo = entriesRepo();
    const a = await repo.create({ kind: 'free', title: 'Harbour', body: 'gulls', complete: true, createdAt: 1000 });
    const b = await repo.create({ kind: 'free', title: 'Later', body: 'the harbour at dusk', complete: true, createdAt: 2000 });
    await repo.create({ kind: 'free', title: 'Other', body: 'nothing', complete: true, createdAt: 3000 });
    send(1, 'harb');
    send(2, 'harbour');
    const reply = await answer(2);
    expect(reply).toMatchObject({ type: 'done', ids: [b.id, a.id] });
    expect(posted.some((m) => m.id === 1 && m.type === 'done')).toBe(false);
    expect(posted.some((m) => m.type === 'progress' && m.total === 3)).toBe(true);

    const c = await repo.create({ kind: 'free', title: 'harbour again', body: '', complete: true, createdAt: 4000 });
    await repo.remove(a.id);
    send(3, 'harbour');
    expect(await answer(3)).toMatchObject({ type: 'done', ids: [c.id, b.id] });
  });
});
