/**
 * The cross-tab guard (src/storage/tab-lock.ts) against the shared fakes of the Web Locks API and of
 * BroadcastChannel (tests/unit/lib/fake-tabs.ts), with the semantics it relies on: `ifAvailable` grants null
 * when held, `steal` takes the lock and rejects the old holder's request with an AbortError, other requests
 * queue until the lock is free and leave the queue when their signal aborts, the lock is held until the
 * callback's promise settles; messages reach every other channel, never the sender, asynchronously.
 * Each "tab" is one createTabLock() with its own channel over the shared fakes.
 */
import { describe, expect, it } from 'vitest';
import { createTabLock, FLUSH_TIMEOUT_MS, type Busy, type LocksLike, type Owned, type TabLockHandlers } from '../../src/storage/tab-lock';
import { FakeLocks, fakeBus } from './lib/fake-tabs';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const LOCK = 'groundwork:draft:journal:new';
const RESOURCE = 'draft:journal:new';

/** A browser profile: one lock manager and one channel name shared by its tabs. */
function profile(flushTimeoutMs = 200) {
  const locks = new FakeLocks();
  const bus = fakeBus();
  return { locks, bus, tab: () => createTabLock({ locks, channel: bus.open(), flushTimeoutMs }) };
}

/**
 * A tab editing a text: `typed` is on screen, `disk` is what its (slow, async) save wrote. Like the
 * editor, it saves on a flush request and again when it loses the lock, then stops editing.
 */
function editor(disk: { text: string; writes: string[] }, saveMs = 20) {
  const calls: string[] = [];
  const state = { typed: '', editing: true };
  const save = async (why: string) => {
    calls.push(why);
    const text = state.typed;
    await sleep(saveMs);
    disk.text = text;
    disk.writes.push(text);
  };
  const handlers: TabLockHandlers = {
    onFlush: () => save('flush'),
    async onLost() {
      state.editing = false;
      await save('lost');
    },
  };
  return { state, calls, handlers };
}

describe('claim', () => {
  it('is owned when no other tab has the resource, under a prefixed lock name', async () => {
    const p = profile();
    const claim = await p.tab().claim(RESOURCE, { onLost() {} });
    expect(claim.status).toBe('owned');
    expect(p.locks.isHeld(LOCK)).toBe(true);
    expect(p.locks.requests).toEqual([{ name: LOCK, options: { ifAvailable: true } }]);
  });

  it('is busy in a second tab while the first holds it, and never waits for it', async () => {
    const p = profile();
    const a = await p.tab().claim(RESOURCE, { onLost() {} });
    const started = Date.now();
    const b = await p.tab().claim(RESOURCE, { onLost() {} });
    expect(a.status).toBe('owned');
    expect(b.status).toBe('busy');
    expect(Date.now() - started).toBeLessThan(100);
    // Another resource is independent.
    expect((await p.tab().claim('session:s1', { onLost() {} })).status).toBe('owned');
  });

  it('release lets another tab claim it, without calling anyone’s onLost', async () => {
    const p = profile();
    let lost = 0;
    const a = (await p.tab().claim(RESOURCE, { onLost: () => void lost++ })) as Owned;
    a.release();
    a.release(); // idempotent
    await sleep(10);
    expect(p.locks.isHeld(LOCK)).toBe(false);
    expect((await p.tab().claim(RESOURCE, { onLost() {} })).status).toBe('owned');
    expect(lost).toBe(0);
  });

  it('release(after) holds the lock until the last save lands; the same tab can claim again at once', async () => {
    const p = profile();
    const tab = p.tab();
    const a = (await tab.claim(RESOURCE, { onLost() {} })) as Owned;
    let landed!: () => void;
    const lastSave = new Promise<void>((r) => (landed = r));
    a.release(lastSave);
    await sleep(20);
    expect(p.locks.isHeld(LOCK)).toBe(true);
    expect((await p.tab().claim(RESOURCE, { onLost() {} })).status).toBe('busy'); // another tab still waits
    const again = tab.claim(RESOURCE, { onLost() {} }); // this tab, e.g. back to the same editor
    landed();
    expect((await again).status).toBe('owned');
  });
});

describe('takeOver', () => {
  it('asks the holder to save, takes the lock from it, and resolves only after its last save', async () => {
    const p = profile();
    const disk = { text: '', writes: [] as string[] };
    const a = editor(disk);
    const aClaim = await p.tab().claim(RESOURCE, a.handlers);
    expect(aClaim.status).toBe('owned');
    a.state.typed = 'every word';

    const bTab = p.tab();
    const b = await bTab.claim(RESOURCE, { onLost() {} });
    if (b.status !== 'busy') throw new Error('expected busy');
    const taking = b.takeOver();
    // A keystroke after A answered the flush, before the steal: A's onLost saves it too.
    await sleep(5);
    a.state.typed = 'every word, and the last one';
    const owned = await taking;

    expect(owned.status).toBe('owned');
    expect(a.calls).toEqual(['flush', 'lost']);
    expect(a.state.editing).toBe(false);
    expect(disk.text).toBe('every word, and the last one'); // on disk before B reads it
    expect(p.bus.messages()).toEqual([
      { type: 'flush', resource: RESOURCE },
      { type: 'flushed', resource: RESOURCE },
      { type: 'lost', resource: RESOURCE },
    ]);
    expect(p.locks.requests.map((r) => r.options)).toEqual([
      { ifAvailable: true }, // A claims
      { ifAvailable: true }, // B claims: busy
      { ifAvailable: true }, // B tries again before asking
      { steal: true },
    ]);
    expect(p.locks.isHeld(LOCK)).toBe(true);
  });

  it('the holder saves before the lock moves: the flush lands while it still holds the lock', async () => {
    const p = profile();
    let heldDuringFlush: boolean | undefined;
    await p.tab().claim(RESOURCE, {
      onFlush: async () => {
        await sleep(30);
        heldDuringFlush = p.locks.requests.every((r) => !r.options.steal);
      },
      onLost() {},
    });
    const b = await p.tab().claim(RESOURCE, { onLost() {} });
    if (b.status !== 'busy') throw new Error('expected busy');
    await b.takeOver();
    expect(heldDuringFlush).toBe(true);
  });

  it('the old holder cannot release the new holder’s lock, and is busy if it claims again', async () => {
    const p = profile();
    const aTab = p.tab();
    const aClaim = (await aTab.claim(RESOURCE, { onLost() {} })) as Owned;
    const b = await p.tab().claim(RESOURCE, { onLost() {} });
    if (b.status !== 'busy') throw new Error('expected busy');
    await b.takeOver();
    aClaim.release();
    await sleep(10);
    expect(p.locks.isHeld(LOCK)).toBe(true);
    expect((await aTab.claim(RESOURCE, { onLost() {} })).status).toBe('busy');
  });

  it('works both ways: the first tab can take it back, and the second tab then loses it', async () => {
    const p = profile();
    let aLost = 0;
    let bLost = 0;
    const aTab = p.tab();
    const bTab = p.tab();
    await aTab.claim(RESOURCE, { onLost: () => void aLost++ });
    const b = await bTab.claim(RESOURCE, { onLost: () => void bLost++ });
    if (b.status !== 'busy') throw new Error('expected busy');
    await b.takeOver();
    const again = await aTab.claim(RESOURCE, { onLost: () => void aLost++ });
    if (again.status !== 'busy') throw new Error('expected busy');
    await again.takeOver();
    expect([aLost, bLost]).toEqual([1, 1]);
  });

  it('only the holder answers: a third tab that is also waiting stays out of it', async () => {
    const p = profile();
    const a = editor({ text: '', writes: [] });
    await p.tab().claim(RESOURCE, a.handlers);
    let cFlushed = 0;
    const c = await p.tab().claim(RESOURCE, { onFlush: () => void cFlushed++, onLost() {} });
    const b = await p.tab().claim(RESOURCE, { onLost() {} });
    if (b.status !== 'busy' || c.status !== 'busy') throw new Error('expected busy');
    await b.takeOver();
    expect(cFlushed).toBe(0);
    expect(p.bus.messages().filter((m) => (m as { type: string }).type === 'flushed')).toHaveLength(1);
  });

  it('a holder that never answers (frozen tab) is taken over after the timeout, and still told it lost', async () => {
    const p = profile(120);
    let lost = 0;
    // No channel: it cannot hear the flush request.
    await createTabLock({ locks: p.locks, channel: null }).claim(RESOURCE, { onLost: () => void lost++ });
    const b = await p.tab().claim(RESOURCE, { onLost() {} });
    if (b.status !== 'busy') throw new Error('expected busy');
    const started = Date.now();
    const owned = await b.takeOver();
    const waited = Date.now() - started;
    expect(owned.status).toBe('owned');
    expect(waited).toBeGreaterThanOrEqual(110);
    expect(waited).toBeLessThan(400); // no second wait for a tab that never answered
    await sleep(10);
    expect(lost).toBe(1);
  });

  it('a holder whose save fails still answers, so the taker does not wait for the timeout', async () => {
    const p = profile(1000);
    await p.tab().claim(RESOURCE, {
      onFlush: () => Promise.reject(new Error('disk full')),
      onLost: () => Promise.reject(new Error('disk full')),
    });
    const b = await p.tab().claim(RESOURCE, { onLost() {} });
    if (b.status !== 'busy') throw new Error('expected busy');
    const started = Date.now();
    await b.takeOver();
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('when the holder has let go in the meantime, it is owned at once without asking anyone', async () => {
    const p = profile(1000);
    const a = (await p.tab().claim(RESOURCE, { onLost() {} })) as Owned;
    const b = await p.tab().claim(RESOURCE, { onLost() {} });
    if (b.status !== 'busy') throw new Error('expected busy');
    a.release();
    await sleep(10);
    const started = Date.now();
    expect((await b.takeOver()).status).toBe('owned');
    expect(Date.now() - started).toBeLessThan(200);
    expect(p.bus.messages()).toEqual([]);
    expect(p.locks.requests.some((r) => r.options.steal)).toBe(false);
  });

  it('uses an 800 ms default timeout', () => {
    expect(FLUSH_TIMEOUT_MS).toBe(800);
  });
});

describe('whenFree: a busy tab takes the lock by itself when the holder lets go', () => {
  const busy = async (c: Promise<unknown>) => {
    const claim = (await c) as Busy;
    expect(claim.status).toBe('busy');
    return claim;
  };

  it('is granted once the holder lets go (after its last save), with no takeOver and no message', async () => {
    const p = profile();
    const a = (await p.tab().claim(RESOURCE, { onLost() {} })) as Owned;
    const b = await busy(p.tab().claim(RESOURCE, { onLost() {} }));
    let granted = false;
    const waiting = b.whenFree(new AbortController().signal).then((o) => ((granted = true), o));
    await sleep(20);
    expect(granted).toBe(false); // the holder still writes
    let landed!: () => void;
    a.release(new Promise<void>((r) => (landed = r)));
    await sleep(20);
    expect(granted).toBe(false); // not before A's last save is on disk
    landed();
    const owned = await waiting;
    expect(owned.status).toBe('owned');
    expect(p.locks.isHeld(LOCK)).toBe(true);
    expect(p.locks.queued(LOCK)).toBe(0);
    expect(p.bus.messages()).toEqual([]);
    expect(p.locks.requests.at(-1)?.options).toEqual({ signal: expect.any(AbortSignal) });
    owned.release();
    await sleep(10);
    expect(p.locks.isHeld(LOCK)).toBe(false);
  });

  it('the lock it was granted is a real claim: another tab taking over makes it save and step back', async () => {
    const p = profile();
    const a = (await p.tab().claim(RESOURCE, { onLost() {} })) as Owned;
    const disk = { text: '', writes: [] as string[] };
    const ed = editor(disk);
    const b = await busy(p.tab().claim(RESOURCE, ed.handlers));
    const waiting = b.whenFree(new AbortController().signal);
    a.release();
    await waiting;
    ed.state.typed = 'written after it became free';
    const c = await busy(p.tab().claim(RESOURCE, { onLost() {} }));
    await c.takeOver();
    expect(ed.calls).toEqual(['flush', 'lost']);
    expect(disk.text).toBe('written after it became free');
  });

  it('stops waiting when aborted (leaving the screen): rejected, out of the queue, never granted later', async () => {
    const p = profile();
    const a = (await p.tab().claim(RESOURCE, { onLost() {} })) as Owned;
    const b = await busy(p.tab().claim(RESOURCE, { onLost() {} }));
    const stop = new AbortController();
    const waiting = b.whenFree(stop.signal);
    await sleep(10);
    expect(p.locks.queued(LOCK)).toBe(1);
    stop.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(p.locks.queued(LOCK)).toBe(0);
    a.release();
    await sleep(20);
    expect(p.locks.isHeld(LOCK)).toBe(false); // nobody took it: no lock leaks to a screen that left
  });

  it('aborted for takeOver: the tab holds the lock once, and letting go leaves it free (no second grant)', async () => {
    const p = profile();
    await p.tab().claim(RESOURCE, { onLost() {} });
    const b = await busy(p.tab().claim(RESOURCE, { onLost() {} }));
    const stop = new AbortController();
    const waiting = b.whenFree(stop.signal).catch(() => null);
    await sleep(10);
    stop.abort();
    expect(await waiting).toBeNull();
    const owned = await b.takeOver();
    owned.release();
    await sleep(20);
    expect(p.locks.isHeld(LOCK)).toBe(false);
    expect(p.locks.queued(LOCK)).toBe(0);
  });

  it('an already aborted signal never queues', async () => {
    const p = profile();
    await p.tab().claim(RESOURCE, { onLost() {} });
    const b = await busy(p.tab().claim(RESOURCE, { onLost() {} }));
    await expect(b.whenFree(AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
    expect(p.locks.queued(LOCK)).toBe(0);
  });
});

describe('without the Web Locks API', () => {
  it('every claim is owned, as before the guard existed', async () => {
    const tab = createTabLock({ locks: null, channel: null });
    const a = await tab.claim(RESOURCE, { onLost() {} });
    const b = await tab.claim(RESOURCE, { onLost() {} });
    expect([a.status, b.status]).toEqual(['owned', 'owned']);
    if (a.status === 'owned') a.release(); // a no-op, not a throw
  });

  it('defaults to owned where navigator.locks does not exist (node)', async () => {
    const nav = (globalThis as { navigator?: { locks?: unknown } }).navigator;
    expect(nav?.locks).toBeUndefined();
    expect((await createTabLock({ channel: null }).claim(RESOURCE, { onLost() {} })).status).toBe('owned');
  });

  it('is owned when the API exists but refuses (e.g. an opaque origin)', async () => {
    const refusing: LocksLike = {
      request() {
        throw new DOMException('Access denied', 'SecurityError');
      },
    };
    const rejecting: LocksLike = { request: () => Promise.reject(new DOMException('Access denied', 'SecurityError')) };
    expect((await createTabLock({ locks: refusing, channel: null }).claim(RESOURCE, { onLost() {} })).status).toBe('owned');
    expect((await createTabLock({ locks: rejecting, channel: null }).claim(RESOURCE, { onLost() {} })).status).toBe('owned');
  });
});
