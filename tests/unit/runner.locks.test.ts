/**
 * One claim per running session, in the runner — not per screen (issue 13 #3). Two "tabs" are two
 * runners over the same database and one shared (fake) Web Locks manager: Ground's quick session, a
 * restored session and Today's "Let it go" all claim before they write, so one tab never writes over
 * the other's words.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyActorRef } from 'xstate';
import { freshIndexedDB, until } from './fixtures/idb';
import { getDb } from '../../src/storage/db';
import { entriesRepo } from '../../src/storage/entries';
import { sessionsRepo } from '../../src/storage/sessions';
import { createRunner, type SessionHandle } from '../../src/flow/runner';
import { beginGrounding } from '../../src/flow/ground';
import { createTabLock, type LocksLike } from '../../src/storage/tab-lock';
import type { StepsContext } from '../../src/flow/steps.machine';
import { fiveSensesMeta } from '../../src/modules/grounding/five-senses/meta';
import { FakeLocks as QueueLocks, fakeBus } from './lib/fake-tabs';

/** Web Locks with what the runner needs here: `ifAvailable` grants null while another holder has it. */
class FakeLocks implements LocksLike {
  readonly held = new Set<string>();
  request(name: string, options: { ifAvailable?: boolean; steal?: boolean }, callback: (lock: { name: string } | null) => unknown) {
    return new Promise<unknown>((resolve, reject) => {
      setTimeout(() => {
        if (this.held.has(name) && options.ifAvailable) {
          Promise.resolve(callback(null)).then(resolve, reject);
          return;
        }
        this.held.add(name);
        Promise.resolve(callback({ name })).then(
          (value) => {
            this.held.delete(name);
            resolve(value);
          },
          (error: unknown) => {
            this.held.delete(name);
            reject(error);
          },
        );
      }, 0);
    });
  }
}

const findModule = (id: string) => (id === fiveSensesMeta.id ? fiveSensesMeta : undefined);
const handles: SessionHandle[] = [];
let locks: FakeLocks;

/** One tab: its own runner and lock client over the shared database and lock manager. */
function tab() {
  const lock = createTabLock({ locks, channel: null });
  return createRunner({ entries: entriesRepo(), sessions: sessionsRepo(), findModule, claim: (r, h) => lock.claim(r, h) });
}

const typed = (h: SessionHandle) => ((h.module() as AnyActorRef).getSnapshot() as { context: StepsContext }).context.data['see']?.text;
const storedText = async (id: string) =>
  ((await sessionsRepo().get(id))?.snapshot as { children?: { module?: { snapshot?: { context?: StepsContext } } } } | undefined)
    ?.children?.module?.snapshot?.context?.data['see']?.text;

beforeEach(() => {
  freshIndexedDB();
  locks = new FakeLocks();
});
afterEach(async () => {
  for (const h of handles.splice(0)) h.stop();
  (await getDb()).close();
});

describe('one claim per session, in the runner', () => {
  it('Ground me now in two tabs: the second tab starts its own grounding instead of writing over the first', async () => {
    const a = tab();
    const first = await beginGrounding(a, () => fiveSensesMeta.id);
    handles.push(first.handle);
    (first.handle.module() as AnyActorRef).send({ type: 'TYPE', text: 'typed in tab A' });
    await first.handle.flush();
    expect(locks.held.has(`groundwork:session:${first.handle.id}`)).toBe(true);

    const b = tab();
    const second = await beginGrounding(b, () => fiveSensesMeta.id);
    handles.push(second.handle);
    expect(second.handle.id).not.toBe(first.handle.id);
    (second.handle.module() as AnyActorRef).send({ type: 'TYPE', text: 'typed in tab B' });
    await second.handle.flush();

    expect(await storedText(first.handle.id)).toBe('typed in tab A');
    expect(typed(first.handle)).toBe('typed in tab A');
  });

  it('a restored session is claimed: another tab opening it is told it is busy and writes nothing', async () => {
    const before = tab();
    const h = await before.start(fiveSensesMeta.id, { quick: true });
    (h.module() as AnyActorRef).send({ type: 'TYPE', text: 'before the reload' });
    await h.flush();
    h.stop(); // the page goes away: its lock with it
    await until(() => locks.held.size === 0, 'lock released');

    const a = tab();
    const restored = (await a.open(h.id))!;
    handles.push(restored);
    expect(locks.held.has(`groundwork:session:${h.id}`)).toBe(true);

    const b = tab();
    const opened = await b.openOrBusy(h.id);
    expect(opened.status).toBe('busy');
    expect(await b.open(h.id)).toBeUndefined();
    expect(b.live()).toEqual([]);
  });

  it('"Let it go" on Today leaves alone a session another tab is running', async () => {
    const a = tab();
    const h = await a.start(fiveSensesMeta.id, { quick: true });
    handles.push(h);
    (h.module() as AnyActorRef).send({ type: 'TYPE', text: 'still writing in tab A' });
    await h.flush();

    const b = tab();
    expect(await b.letGo(h.id)).toBe('busy');
    expect(h.actor.getSnapshot().status).toBe('active');
    expect(await entriesRepo().get(h.id)).toBeUndefined();
    expect(await storedText(h.id)).toBe('still writing in tab A');
  });

  it('the claim is let go when the session ends, so another tab can use it again', async () => {
    const a = tab();
    const h = await a.start(fiveSensesMeta.id, { quick: true });
    h.actor.send({ type: 'EXIT' });
    await until(() => !locks.held.has(`groundwork:session:${h.id}`), 'lock released after leaving');
  });
});

describe('a session another tab runs: restored here by itself when that tab lets go (runner.whenFree)', () => {
  /** Tabs over the shared fakes that queue requests and carry messages, as the browser does. */
  function profile() {
    const queue = new QueueLocks();
    const bus = fakeBus();
    const tabOf = () => {
      const lock = createTabLock({ locks: queue, channel: bus.open(), flushTimeoutMs: 200 });
      return createRunner({ entries: entriesRepo(), sessions: sessionsRepo(), findModule, claim: (r, h) => lock.claim(r, h) });
    };
    return { queue, tab: tabOf };
  }

  it('busy, then the other tab closes: the session is restored here with every word, and what is typed is kept', async () => {
    const p = profile();
    const a = p.tab();
    const h = await a.start(fiveSensesMeta.id, { quick: true });
    (h.module() as AnyActorRef).send({ type: 'TYPE', text: 'typed in tab A' });
    const b = p.tab();
    expect((await b.openOrBusy(h.id)).status).toBe('busy');
    const waiting = b.whenFree(h.id, new AbortController().signal);
    await until(() => p.queue.queued(`groundwork:session:${h.id}`) === 1, 'B waits');
    h.stop(); // tab A closes: its last words are written, then the lock goes
    const restored = (await waiting)!;
    handles.push(restored);
    expect(typed(restored)).toBe('typed in tab A');
    (restored.module() as AnyActorRef).send({ type: 'TYPE', text: 'typed in tab A, then B' });
    await restored.flush();
    expect(await storedText(h.id)).toBe('typed in tab A, then B');
  });

  it('lost to a take-over, then that tab closes: the first tab gets it back by itself', async () => {
    const p = profile();
    const a = p.tab();
    const h = await a.start(fiveSensesMeta.id, { quick: true });
    let regained: Promise<SessionHandle | undefined> | undefined;
    const stop = new AbortController();
    a.onLost(h.id, () => (regained = a.whenFree(h.id, stop.signal)));
    const b = p.tab();
    const busy = await b.openOrBusy(h.id);
    if (busy.status !== 'busy') throw new Error('expected busy');
    const hb = (await busy.takeOver())!;
    expect(h.actor.getSnapshot().status).toBe('stopped');
    (hb.module() as AnyActorRef).send({ type: 'TYPE', text: 'typed in tab B' });
    await hb.flush();
    hb.stop(); // tab B closes
    const back = (await regained)!;
    handles.push(back);
    expect(back).not.toBe(h);
    expect(typed(back)).toBe('typed in tab B');
    expect(a.live()).toEqual([back]);
  });

  it('stopping the wait (leaving the screen) leaves the session to nobody here: rejected, nothing restored', async () => {
    const p = profile();
    const a = p.tab();
    const h = await a.start(fiveSensesMeta.id, { quick: true });
    const b = p.tab();
    const stop = new AbortController();
    const waiting = b.whenFree(h.id, stop.signal);
    await until(() => p.queue.queued(`groundwork:session:${h.id}`) === 1, 'B waits');
    stop.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(p.queue.queued(`groundwork:session:${h.id}`)).toBe(0);
    h.stop();
    await until(() => !p.queue.isHeld(`groundwork:session:${h.id}`), 'the session is free');
    expect(b.live()).toEqual([]);
  });
});

