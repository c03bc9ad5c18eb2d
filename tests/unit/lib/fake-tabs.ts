/**
 * Fakes of the Web Locks API and of BroadcastChannel for node tests of everything across tabs, with the
 * semantics the code relies on (the same as tests/unit/tab-lock.test.ts): `ifAvailable` grants null when
 * held, `steal` takes the lock and rejects the old holder's request with an AbortError, a lock is held until
 * its callback's promise settles; a message reaches every other channel of the bus, never the sender, later.
 */
import type { ChannelLike, LocksLike } from '../../../src/storage/tab-lock';

export class FakeLocks implements LocksLike {
  private held = new Map<string, { abort(e: unknown): void }>();

  request(name: string, options: { ifAvailable?: boolean; steal?: boolean }, callback: (lock: { name: string } | null) => unknown) {
    return new Promise<unknown>((resolve, reject) => {
      setTimeout(() => {
        const current = this.held.get(name);
        if (current && options.ifAvailable) {
          Promise.resolve()
            .then(() => callback(null))
            .then(resolve, reject);
          return;
        }
        if (current && !options.steal) throw new Error('fake: queued requests are not used');
        if (current) {
          this.held.delete(name);
          current.abort(new DOMException('The lock request was aborted.', 'AbortError'));
        }
        const entry = { abort: reject };
        this.held.set(name, entry);
        Promise.resolve()
          .then(() => callback({ name }))
          .then(
            (value) => {
              if (this.held.get(name) !== entry) return;
              this.held.delete(name);
              resolve(value);
            },
            (error: unknown) => {
              if (this.held.get(name) === entry) this.held.delete(name);
              reject(error);
            },
          );
      }, 0);
    });
  }

  isHeld(name: string): boolean {
    return this.held.has(name);
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
