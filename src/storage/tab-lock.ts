/**
 * One writer per record across tabs. A journal draft or a guided session open in two tabs would be
 * autosaved by both, and the last writer would silently win, so each editing screen first `claim`s its
 * resource (`draft:journal:new`, `session:<id>`):
 *
 *  - `owned`: nobody else has it; edit, and `release()` when leaving.
 *  - `busy`: another tab or window has it; show that calmly, and offer `takeOver()`, which asks the holder
 *    to save (BroadcastChannel `flush` → `flushed`, at most FLUSH_TIMEOUT_MS), takes the lock from it
 *    (Web Locks `steal`), and waits (again at most FLUSH_TIMEOUT_MS) for the holder to finish its last
 *    save after losing the lock — so the new tab reads every word before it starts writing.
 *
 *  - `busy` also offers `whenFree(signal)`: a queued lock request (no `ifAvailable`, no `steal`) that is
 *    granted when the holder lets go — it closed the screen or the tab — so the screen becomes editable
 *    by itself. Aborting `signal` (leaving the screen, or pressing takeOver) takes the request out of the
 *    queue, so it never later grabs a lock this tab holds again or no longer wants.
 *
 * The holder learns it lost the lock when its lock request rejects with an AbortError and calls `onLost`,
 * which saves at once and stops editing. Without the Web Locks API (older browsers) every claim is owned:
 * today's behaviour, nothing worse. Plain TypeScript (no Svelte, no DOM beyond the two APIs, both
 * injectable), tested in node with fakes (tests/unit/tab-lock.test.ts).
 */

/** Longest we wait for the holder to answer before taking over anyway (a frozen or closed tab). */
export const FLUSH_TIMEOUT_MS = 800;

/** The channel every Groundwork tab listens on. */
export const CHANNEL_NAME = 'groundwork-tabs';

/** Lock names are prefixed so another app on the same origin cannot collide with ours. */
const LOCK_PREFIX = 'groundwork:';

export interface TabLockHandlers {
  /** Another tab is about to take over: write everything now (the words typed a moment ago too). */
  onFlush?(): void | Promise<void>;
  /** Another tab took over: write everything now and stop editing. */
  onLost(): void | Promise<void>;
}

export interface Owned {
  status: 'owned';
  /**
   * Let go, so another tab can edit. With `after` (e.g. the last save), the lock is held until it
   * settles; a new claim of the same resource in this page waits for that, so it is never `busy` with
   * itself.
   */
  release(after?: Promise<unknown>): void;
}

export interface Busy {
  status: 'busy';
  /** Ask the holder to save, take the lock from it, and wait for its last save. */
  takeOver(): Promise<Owned>;
  /**
   * Wait in the lock's queue until the holder lets go, then hold it (the same Owned as a claim). Abort
   * `signal` to stop waiting: rejects with an AbortError while still queued. A grant that raced the abort
   * still resolves — the caller then holds the lock and must use it or `release()` it.
   */
  whenFree(signal: AbortSignal): Promise<Owned>;
}

export type Claim = Owned | Busy;

/** The part of `LockManager` we use. */
export interface LocksLike {
  request(
    name: string,
    options: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal },
    callback: (lock: { name: string } | null) => unknown,
  ): Promise<unknown>;
}

/** The part of `BroadcastChannel` we use. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

export type TabMessage =
  | { type: 'flush'; resource: string }
  | { type: 'flushed'; resource: string }
  | { type: 'lost'; resource: string };

export interface TabLockOptions {
  /** `navigator.locks` by default; `null` = no Web Locks (every claim is owned). */
  locks?: LocksLike | null;
  /** A `BroadcastChannel(CHANNEL_NAME)` by default; `null` = take over without asking to save first. */
  channel?: ChannelLike | null;
  flushTimeoutMs?: number;
}

function isMessage(data: unknown, type: TabMessage['type'], resource: string): boolean {
  const m = data as Partial<TabMessage> | null;
  return typeof m === 'object' && m !== null && m.type === type && m.resource === resource;
}

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

export function createTabLock(options: TabLockOptions = {}) {
  const locks = options.locks === undefined ? defaultLocks() : options.locks;
  const timeoutMs = options.flushTimeoutMs ?? FLUSH_TIMEOUT_MS;
  let channel = options.channel;
  /** Releases still in progress in this page, by resource: a new claim waits for them. */
  const releasing = new Map<string, Promise<unknown>>();

  function getChannel(): ChannelLike | null {
    if (channel === undefined) channel = defaultChannel();
    return channel;
  }

  /** Resolve on the first message of `type` for `resource`, or with false after the timeout. */
  function waitFor(type: TabMessage['type'], resource: string): { done: Promise<boolean>; cancel(): void } {
    const ch = getChannel();
    if (!ch) return { done: Promise.resolve(false), cancel() {} };
    let finish: (answered: boolean) => void = () => {};
    const done = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => finish(false), timeoutMs);
      const listener = (event: { data: unknown }) => {
        if (isMessage(event.data, type, resource)) finish(true);
      };
      finish = (answered) => {
        clearTimeout(timer);
        ch.removeEventListener('message', listener);
        resolve(answered);
      };
      ch.addEventListener('message', listener);
    });
    return { done, cancel: () => finish(false) };
  }

  function post(message: TabMessage): void {
    try {
      getChannel()?.postMessage(message);
    } catch {
      // A closed channel: the other tab simply gets no message and the timeouts take over.
    }
  }

  /**
   * Request the lock (ifAvailable, steal, or queued until free) and keep it until released or stolen.
   * Resolves the Owned handle, or null when another tab has it (ifAvailable only).
   */
  function acquire(resource: string, mode: Mode, handlers: TabLockHandlers, l: LocksLike, signal?: AbortSignal): Promise<Owned | null> {
    const name = LOCK_PREFIX + resource;
    return new Promise<Owned | null>((resolve, reject) => {
      let letGo: () => void = () => {};
      const holding = new Promise<void>((r) => (letGo = r));
      let granted = false;
      let released = false;
      let lost = false;

      const onMessage = (event: { data: unknown }) => {
        if (released || lost || !isMessage(event.data, 'flush', resource)) return;
        void (async () => {
          try {
            await handlers.onFlush?.();
          } catch {
            // Saving failed: the storage layer reports why; answer anyway so the other tab is not stuck.
          }
          post({ type: 'flushed', resource });
        })();
      };

      const settled = requestLock(l, name, mode, signal, (lock) => {
        if (!lock) {
          resolve(null);
          return undefined;
        }
        granted = true;
        getChannel()?.addEventListener('message', onMessage);
        const owned: Owned = {
          status: 'owned',
          release(after) {
            if (released || lost) return;
            released = true;
            getChannel()?.removeEventListener('message', onMessage);
            const done = Promise.resolve(after)
              .catch(() => {})
              .then(() => {
                letGo();
                return settled.catch(() => {});
              });
            releasing.set(resource, done);
            void done.then(() => {
              if (releasing.get(resource) === done) releasing.delete(resource);
            });
          },
        };
        resolve(owned);
        return holding;
      });

      settled.catch(async (error: unknown) => {
        if (!granted) {
          reject(error);
          return;
        }
        if (released || !isAbort(error)) return;
        // Another tab stole the lock: save the last words, stop editing, then tell the new holder.
        lost = true;
        letGo();
        getChannel()?.removeEventListener('message', onMessage);
        try {
          await handlers.onLost();
        } catch {
          // Reported by the storage layer; the new holder stops waiting after its timeout.
        }
        post({ type: 'lost', resource });
      });
    });
  }

  async function takeOver(resource: string, handlers: TabLockHandlers, l: LocksLike): Promise<Owned> {
    // The other tab may have let go in the meantime: then there is nobody to ask.
    const free = await acquire(resource, 'ifAvailable', handlers, l).catch(() => null);
    if (free) return free;
    const flushed = waitFor('flushed', resource);
    post({ type: 'flush', resource });
    const answered = await flushed.done;
    // Listen before stealing: the old holder may answer very quickly.
    const lost = answered ? waitFor('lost', resource) : undefined;
    try {
      const owned = await acquire(resource, 'steal', handlers, l);
      if (!owned) throw new Error('steal was not granted');
      if (lost) await lost.done;
      return owned;
    } catch (error) {
      lost?.cancel();
      throw error;
    }
  }

  return {
    /** Claim `resource` for this tab; see the file comment. */
    async claim(resource: string, handlers: TabLockHandlers): Promise<Claim> {
      const l = locks;
      if (!l) return { status: 'owned', release() {} };
      await releasing.get(resource);
      let owned: Owned | null;
      try {
        owned = await acquire(resource, 'ifAvailable', handlers, l);
      } catch {
        // Web Locks present but refused (e.g. an opaque origin): behave as before, never block writing.
        return { status: 'owned', release() {} };
      }
      if (owned) return owned;
      return {
        status: 'busy',
        takeOver: () => takeOver(resource, handlers, l),
        async whenFree(signal) {
          const free = await acquire(resource, 'wait', handlers, l, signal);
          if (!free) throw new Error('a queued lock request was granted nothing');
          return free;
        },
      };
    },
  };
}

type Mode = 'ifAvailable' | 'steal' | 'wait';

function requestLock(
  l: LocksLike,
  name: string,
  mode: Mode,
  signal: AbortSignal | undefined,
  callback: (lock: { name: string } | null) => unknown,
): Promise<unknown> {
  const options = mode === 'steal' ? { steal: true } : mode === 'wait' ? { signal } : { ifAvailable: true };
  try {
    return l.request(name, options, callback);
  } catch (error) {
    return Promise.reject(error);
  }
}

function defaultLocks(): LocksLike | null {
  const nav = (globalThis as { navigator?: { locks?: LocksLike } }).navigator;
  return nav?.locks && typeof nav.locks.request === 'function' ? nav.locks : null;
}

function defaultChannel(): ChannelLike | null {
  if (typeof BroadcastChannel !== 'function') return null;
  try {
    return new BroadcastChannel(CHANNEL_NAME) as unknown as ChannelLike;
  } catch {
    return null;
  }
}

/**
 * Wait, cancellably, until this tab holds `resource`: `claimNow()` claims it (owned → done at once; busy →
 * queued with `whenFree` until the holder lets go), and `onFree` gets the lock. Returns `stop()`, which
 * takes the request out of the queue (leaving the screen, or takeOver about to ask instead) and resolves a
 * lock granted just before it was stopped — then the caller uses it or releases it; `onFree` is not called.
 * Exactly one of the two ever gets the lock.
 */
export function waitForFree(claimNow: () => Promise<Claim>, onFree: (owned: Owned) => void): () => Promise<Owned | null> {
  const abort = new AbortController();
  let stopped = false;
  let handed = false;
  const done = (async (): Promise<Owned | null> => {
    const now = await claimNow();
    if (now.status === 'owned') return now;
    if (abort.signal.aborted) return null;
    return now.whenFree(abort.signal);
  })().catch(() => null);
  void done.then((owned) => {
    if (!owned || stopped) return;
    handed = true;
    onFree(owned);
  });
  return async () => {
    if (handed) return null;
    stopped = true;
    abort.abort();
    const owned = await done;
    return handed ? null : owned;
  };
}

/**
 * The one wait a busy or lost claim keeps (drafts and every store share it): `wait(claimNow)` starts waiting
 * with `waitForFree`, replacing an earlier wait (a lock that one was granted meanwhile is released);
 * `stop()` ends it and resolves a lock granted just before, for the caller to use or release. Nothing starts
 * once `closed()`; `onFree` gets the lock when the other tab lets go.
 */
export function freeWait(closed: () => boolean, onFree: (owned: Owned) => void) {
  let stopWaiting: (() => Promise<Owned | null>) | undefined;
  return {
    wait(claimNow: () => Promise<Claim>): void {
      if (closed()) return;
      const before = stopWaiting;
      stopWaiting = waitForFree(claimNow, (owned) => {
        stopWaiting = undefined;
        onFree(owned);
      });
      if (before) void before().then((early) => early?.release());
    },
    stop(): Promise<Owned | null> {
      const stop = stopWaiting;
      stopWaiting = undefined;
      return stop ? stop() : Promise.resolve(null);
    },
  };
}

let shared: ReturnType<typeof createTabLock> | undefined;

/** Claim `resource` for this tab with the browser's Web Locks and BroadcastChannel. */
export function claim(resource: string, handlers: TabLockHandlers): Promise<Claim> {
  shared ??= createTabLock();
  return shared.claim(resource, handlers);
}

/**
 * One tab at a time per draft (`draft:<id>`): every text box that keeps a draft (journal today, notes
 * and written exposures later) claims through here, as the runner does for sessions.
 */
export function claimDraft(draftId: string, handlers: TabLockHandlers): Promise<Claim> {
  return claim(`draft:${draftId}`, handlers);
}
