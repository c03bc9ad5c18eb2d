// The screen stays awake only while a timed exercise runs: asked for once, let go on pause, end or leaving,
// asked again when the page is visible again and still wanted; silent where the API is missing or refuses.
import { describe, expect, it } from 'vitest';
import { createWakeLock, type WakeLockEnv } from '../../src/ui/wake-lock';

function fakeEnv({ refuse = false } = {}) {
  const log: string[] = [];
  let state = 'visible';
  const listeners = new Set<() => void>();
  let current: { released: boolean; release(): Promise<void> } | null = null;
  const releaseListeners = new Map<object, () => void>();
  const env: WakeLockEnv = {
    wakeLock: {
      async request(type) {
        log.push(`request:${type}`);
        if (refuse) throw new DOMException('no', 'NotAllowedError');
        const s = {
          released: false,
          async release() {
            if (s.released) return;
            s.released = true;
            log.push('release');
            releaseListeners.get(s)?.();
          },
          addEventListener(_t: 'release', fn: () => void) {
            releaseListeners.set(s, fn);
          },
        };
        current = s;
        return s;
      },
    },
    visibility: {
      get visibilityState() {
        return state;
      },
      addEventListener: (_t, fn) => listeners.add(fn),
      removeEventListener: (_t, fn) => listeners.delete(fn),
    },
  };
  return {
    env,
    log,
    listeners,
    async hide() {
      state = 'hidden';
      await current?.release(); // the browser lets it go by itself
      for (const fn of listeners) fn();
    },
    show() {
      state = 'visible';
      for (const fn of listeners) fn();
    },
  };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('wake lock (ui/wake-lock.ts)', () => {
  it('asks once while wanted, lets go when not, and asks again after the page was hidden', async () => {
    const f = fakeEnv();
    const lock = createWakeLock(f.env);
    lock.set(true);
    lock.set(true);
    await settle();
    expect(f.log).toEqual(['request:screen']);
    expect(lock.held).toBe(true);
    lock.set(false);
    await settle();
    expect(f.log).toEqual(['request:screen', 'release']);
    expect(lock.held).toBe(false);

    lock.set(true);
    await settle();
    await f.hide();
    expect(lock.held).toBe(false);
    f.show();
    await settle();
    expect(f.log).toEqual(['request:screen', 'release', 'request:screen', 'release', 'request:screen']);
    expect(lock.held).toBe(true);
  });

  it('visible again while paused asks for nothing; destroy lets go and stops listening', async () => {
    const f = fakeEnv();
    const lock = createWakeLock(f.env);
    lock.set(true);
    await settle();
    lock.set(false);
    await f.hide();
    f.show();
    await settle();
    expect(f.log).toEqual(['request:screen', 'release']);
    lock.set(true);
    await settle();
    lock.destroy();
    await settle();
    expect(f.log.at(-1)).toBe('release');
    expect(f.listeners.size).toBe(0);
    lock.set(true);
    await settle();
    expect(f.log.filter((l) => l.startsWith('request'))).toHaveLength(2);
  });

  it('paused before the request came back: the lock is handed straight back', async () => {
    const f = fakeEnv();
    const lock = createWakeLock(f.env);
    lock.set(true);
    lock.set(false);
    await settle();
    expect(f.log).toEqual(['request:screen', 'release']);
    expect(lock.held).toBe(false);
  });

  it('is silent where there is no API, and where the browser refuses', async () => {
    const none = createWakeLock({});
    expect(() => none.set(true)).not.toThrow();
    expect(none.held).toBe(false);
    const f = fakeEnv({ refuse: true });
    const lock = createWakeLock(f.env);
    lock.set(true);
    await settle();
    expect(lock.held).toBe(false);
    // A refusal is not final: visible again and still wanted, it asks again.
    f.show();
    await settle();
    expect(f.log).toEqual(['request:screen', 'request:screen']);
  });
});
