/**
 * Fakes of the Web Locks API and of BroadcastChannel for node tests of everything across tabs, with the
 * semantics the code relies on: `ifAvailable` grants null when held, `steal` takes the lock and rejects the
 * old holder's request with an AbortError, any other request is queued until the lock is free (first come,
 * first served; the queue goes before any later request) and leaves the queue with an AbortError when its
 * `signal` aborts; a lock is held until its callback's promise settles; the callback runs in a later task,
 * never inside request(). A message reaches every other channel of the bus, never the sender, later.
 */
import type { ChannelLike, LocksLike } from '../../../src/storage/tab-lock';

type Options = { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal };

const abortError = () => new DOMException('The lock request was aborted.', 'AbortError');

export class FakeLocks implements LocksLike {
  private held = new Map<string, { abort(e: unknown): void }>();
  private queues = new Map<string, { grant(): void }[]>();
  readonly requests: { name: string; options: Options }[] = [];

  request(name: string, options: Options, callback: (lock: { name: string } | null) => unknown) {
    this.requests.push({ name, options: { ...options } });
    return new Promise<unknown>((resolve, reject) => {
      const grant = () => {
        const entry = { abort: reject };
        this.held.set(name, entry);
        Promise.resolve()
          .then(() => callback({ name }))
          .then(
            (value) => {
              if (this.held.get(name) !== entry) return; // stolen: its promise was already rejected
              this.free(name);
              resolve(value);
            },
            (error: unknown) => {
              if (this.held.get(name) === entry) this.free(name);
              reject(error);
            },
          );
      };
      setTimeout(() => {
        const { signal } = options;
        if (signal?.aborted) return reject(signal.reason ?? abortError());
        const current = this.held.get(name);
        const waiting = (this.queues.get(name)?.length ?? 0) > 0;
        if ((current || waiting) && options.ifAvailable) {
          Promise.resolve()
            .then(() => callback(null))
            .then(resolve, reject);
          return;
        }
        if (current && options.steal) {
          this.held.delete(name);
          current.abort(abortError());
          return grant();
        }
        if (!current && !waiting) return grant();
        // Queued until every holder and every earlier request has let go.
        const queue = this.queues.get(name) ?? [];
        this.queues.set(name, queue);
        const item = {
          grant: () => {
            signal?.removeEventListener('abort', onAbort);
            grant();
          },
        };
        const onAbort = () => {
          const at = queue.indexOf(item);
          if (at === -1) return; // granted already: aborting no longer matters
          queue.splice(at, 1);
          reject(signal?.reason ?? abortError());
        };
        signal?.addEventListener('abort', onAbort);
        queue.push(item);
      }, 0);
    });
  }

  /** The lock is let go: the first queued request (if any) gets it at once. */
  private free(name: string): void {
    this.held.delete(name);
    this.queues.get(name)?.shift()?.grant();
  }

  isHeld(name: string): boolean {
    return this.held.has(name);
  }

  /** How many requests wait in the queue of `name` (a request left behind is a leak). */
  queued(name: string): number {
    return this.queues.get(name)?.length ?? 0;
  }
}

export function fakeBus() {
  const members = new Set<FakeChannel>();
  const log: unknown[] = [];
  class FakeChannel implements ChannelLike {
    private listeners = new Set<(event: { data: unknown }) => void>();
    constructor() {
      members.add(this);
    }
    postMessage(message: unknown): void {
      const data = structuredClone(message);
      log.push(data);
      for (const other of members) {
        if (other === this) continue;
        setTimeout(() => other.listeners.forEach((l) => l({ data })), 0);
      }
    }
    addEventListener(_type: 'message', listener: (event: { data: unknown }) => void): void {
      this.listeners.add(listener);
    }
    removeEventListener(_type: 'message', listener: (event: { data: unknown }) => void): void {
      this.listeners.delete(listener);
    }
  }
  return { open: () => new FakeChannel(), messages: () => [...log] };
}
