/**
 * One claim per draft, in the draft writer — not per screen (issue 13 #3). Every text box that keeps a
 * draft (the journal editor, Capture, any later one) gets its writer from `draftWriter`, and the writer
 * claims `draft:<id>` across tabs before it writes: a screen that forgets to claim cannot write over another
 * tab's words. Two "tabs" are two tab-lock clients over one fake Web Locks manager and one fake
 * BroadcastChannel bus, writing the same drafts store (fake-indexeddb).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshIndexedDB, until } from './fixtures/idb';
import { getDb } from '../../src/storage/db';
import { draftsRepo } from '../../src/storage/drafts';
import { draftWriter, type DraftTab } from '../../src/storage/draft-writer';
import { createTabLock, type ChannelLike } from '../../src/storage/tab-lock';
import { FakeLocks, fakeBus } from './lib/fake-tabs';

const ID = 'capture:new';
let locks: FakeLocks;
let channel: () => ChannelLike;

/** One tab's draft writer for draft ID, with a record of what it asked the store to write. */
function tab() {
  const lock = createTabLock({ locks, channel: channel(), flushTimeoutMs: 200 });
  const repo = draftsRepo();
  const writes: string[] = [];
  const tabs: DraftTab[] = [];
  const freed: DraftTab[] = [];
  const writer = draftWriter(
    { put: (id, fields) => (writes.push(fields['body'] ?? ''), repo.put(id, fields)) },
    ID,
    {
      claim: (id, handlers) => lock.claim(`draft:${id}`, handlers),
      onTab: (t) => tabs.push(t),
      onFree: () => freed.push(writer.tab),
    },
  );
  return { writer, writes, tabs, freed };
}

const LOCK = `groundwork:draft:${ID}`;

const onDisk = async () => (await draftsRepo().get(ID))?.fields['body'];

beforeEach(() => {
  freshIndexedDB();
  locks = new FakeLocks();
  const bus = fakeBus();
  channel = bus.open;
});
afterEach(async () => {
  (await getDb()).close();
});

describe('a draft open in two tabs (the claim is in the draft writer)', () => {
  it('only the tab holding the draft writes it: the second tab is busy and never writes over the first', async () => {
    const a = tab();
    expect(await a.writer.claimed).toBe('owned');
    a.writer.change({ body: 'written in tab A' });
    await a.writer.flush();

    const b = tab();
    expect(await b.writer.claimed).toBe('busy');
    expect(b.tabs).toEqual(['busy']);
    // Even a screen that lets the person type while busy cannot reach the disk from this tab.
    b.writer.change({ body: 'typed in tab B' });
    await b.writer.flush();
    expect(b.writes).toEqual([]);
    expect(await onDisk()).toBe('written in tab A');

    a.writer.change({ body: 'written in tab A, and more' });
    await a.writer.flush();
    expect(await onDisk()).toBe('written in tab A, and more');
  });

  it('taking over: the holder saves its last words and steps back, then only the new holder writes', async () => {
    const a = tab();
    await a.writer.claimed;
    a.writer.change({ body: 'the last words in A' }); // not yet awaited: the take-over must wait for them

    const b = tab();
    await b.writer.claimed;
    await b.writer.takeOver();
    expect(b.writer.tab).toBe('owned');
    expect(a.tabs).toEqual(['owned', 'lost']);
    expect(await onDisk()).toBe('the last words in A');

    b.writer.change({ body: 'the last words in A, then B' });
    await b.writer.flush();
    // The tab that lost the draft writes nothing more, whatever it is asked to.
    a.writer.change({ body: 'a stale screen in A' });
    await a.writer.flush();
    expect(a.writes).toEqual(['the last words in A']);
    expect(await onDisk()).toBe('the last words in A, then B');
  });

  it('closing the screen writes the last words, then lets the draft go for another tab', async () => {
    const a = tab();
    await a.writer.claimed;
    a.writer.change({ body: 'before closing' });
    a.writer.close();
    await until(() => !locks.isHeld(`groundwork:draft:${ID}`), 'draft let go');
    expect(await onDisk()).toBe('before closing');

    const b = tab();
    expect(await b.writer.claimed).toBe('owned');
  });

  it('the other tab closes: a busy tab holds the draft by itself, after every word was saved, and writes on', async () => {
    const a = tab();
    await a.writer.claimed;
    const b = tab();
    expect(await b.writer.claimed).toBe('busy');
    a.writer.change({ body: 'the last words in A' }); // not yet on disk when A closes
    a.writer.close();
    await until(() => b.writer.tab === 'owned', 'B holds the draft by itself');
    expect(b.tabs).toEqual(['busy', 'owned']);
    expect(b.freed).toEqual(['owned']); // told once, to read again: owned already
    expect(await onDisk()).toBe('the last words in A'); // what B reads now has every word
    b.writer.change({ body: 'the last words in A, then B' });
    await b.writer.flush();
    expect(await onDisk()).toBe('the last words in A, then B');
    expect(locks.queued(LOCK)).toBe(0);
  });

  it('a tab that lost the draft gets it back by itself when the other tab lets go', async () => {
    const a = tab();
    await a.writer.claimed;
    const b = tab();
    await b.writer.claimed;
    await b.writer.takeOver();
    expect(a.writer.tab).toBe('lost');
    b.writer.change({ body: 'written in B' });
    b.writer.close();
    await until(() => a.writer.tab === 'owned', 'A holds the draft again');
    expect(a.tabs).toEqual(['owned', 'lost', 'owned']);
    expect(a.freed).toEqual(['owned']);
    expect(await onDisk()).toBe('written in B');
    a.writer.change({ body: 'written in B, then A again' });
    await a.writer.flush();
    expect(await onDisk()).toBe('written in B, then A again');
  });

  it('leaving while waiting stops the wait: the draft is never grabbed for a screen that is gone', async () => {
    const a = tab();
    await a.writer.claimed;
    const b = tab();
    await b.writer.claimed;
    await until(() => locks.queued(LOCK) === 1, 'B waits in the queue');
    b.writer.close();
    await until(() => locks.queued(LOCK) === 0, 'B out of the queue');
    a.writer.close();
    await until(() => !locks.isHeld(LOCK), 'nobody holds the draft');
    await new Promise((r) => setTimeout(r, 20));
    expect(locks.isHeld(LOCK)).toBe(false);
    expect(b.tabs).toEqual(['busy']);
    expect(b.freed).toEqual([]);
  });

  it('taking over while waiting: one grant only, and letting go afterwards leaves the draft free', async () => {
    const a = tab();
    await a.writer.claimed;
    const b = tab();
    await b.writer.claimed;
    await until(() => locks.queued(LOCK) === 1, 'B waits in the queue');
    await b.writer.takeOver();
    expect(b.writer.tab).toBe('owned');
    expect(b.freed).toEqual([]); // taken over, not freed
    // Now A waits (it lost the draft); B's own wait is gone, so exactly one request is queued.
    await until(() => a.writer.tab === 'lost' && locks.queued(LOCK) === 1, 'A waits');
    await new Promise((r) => setTimeout(r, 20));
    expect(locks.queued(LOCK)).toBe(1);
    a.writer.close();
    await until(() => locks.queued(LOCK) === 0, 'A out of the queue');
    b.writer.close();
    await until(() => !locks.isHeld(LOCK), 'the draft is free');
    await new Promise((r) => setTimeout(r, 20));
    expect(locks.isHeld(LOCK)).toBe(false);
    expect(a.tabs).toEqual(['owned', 'lost']);
  });
});
