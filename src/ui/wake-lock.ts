/**
 * Keeps the screen awake while a timed exercise is running (the breathing pacer, a countdown), so a phone
 * does not dim and lock halfway through a breath or a 30-second timer.
 *
 *   set(true)   → ask for a Screen Wake Lock (once; a request already under way is not repeated)
 *   set(false)  → let it go (pause, end, leaving the screen)
 *   page hidden → the browser lets it go by itself; when the page is visible again and we still want it,
 *                 it is asked for again
 *   destroy()   → let go and stop listening
 *
 * Silent where unsupported or refused (no API, low battery, permissions policy, an insecure origin): the
 * exercise works the same, the screen may just dim. Nothing here is shown or announced.
 * The browser objects are injected, so tests drive it in node with fakes.
 */

interface SentinelLike {
  readonly released: boolean;
  release(): Promise<void>;
  addEventListener(type: 'release', listener: () => void): void;
}

export interface WakeLockEnv {
  /** `navigator.wakeLock`, or undefined where the API does not exist. */
  wakeLock?: { request(type: 'screen'): Promise<SentinelLike> } | undefined;
  /** Where visibility is read and watched (the document). */
  visibility?: {
    readonly visibilityState: string;
    addEventListener(type: 'visibilitychange', listener: () => void): void;
    removeEventListener(type: 'visibilitychange', listener: () => void): void;
  };
}

export interface WakeLock {
  /** Whether the screen should stay awake now. */
  set(wanted: boolean): void;
  /** The lock is held right now (for tests and diagnostics). */
  readonly held: boolean;
  destroy(): void;
}

function browserEnv(): WakeLockEnv {
  if (typeof navigator === 'undefined' || typeof document === 'undefined') return {};
  const nav = navigator as Navigator & { wakeLock?: WakeLockEnv['wakeLock'] };
  return { wakeLock: nav.wakeLock, visibility: document };
}

export function createWakeLock(env: WakeLockEnv = browserEnv()): WakeLock {
  const api = env.wakeLock;
  const page = env.visibility;
  let wanted = false;
  let alive = true;
  let sentinel: SentinelLike | null = null;
  let requesting = false;

  const visible = (): boolean => !page || page.visibilityState === 'visible';

  function letGo(): void {
    const s = sentinel;
    sentinel = null;
    if (s && !s.released) s.release().catch(() => {});
  }

  function acquire(): void {
    if (!api || requesting || (sentinel && !sentinel.released) || !visible()) return;
    requesting = true;
    let request: Promise<SentinelLike>;
    try {
      request = api.request('screen');
    } catch {
      requesting = false;
      return;
    }
    request.then(
      (s) => {
        requesting = false;
        // Wanted no more while the request was under way (paused, ended, left): give it straight back.
        if (!alive || !wanted) {
          s.release().catch(() => {});
          return;
        }
        sentinel = s;
        s.addEventListener('release', () => {
          if (sentinel === s) sentinel = null;
        });
      },
      () => {
        // Refused (battery saver, policy, hidden meanwhile): stay silent; a later visibility change retries.
        requesting = false;
      },
    );
  }

  const onVisibility = (): void => {
    if (alive && wanted && visible()) acquire();
  };
  page?.addEventListener('visibilitychange', onVisibility);

  return {
    set(next) {
      if (!alive) return;
      wanted = next;
      if (next) acquire();
      else letGo();
    },
    get held() {
      return sentinel !== null && !sentinel.released;
    },
    destroy() {
      if (!alive) return;
      alive = false;
      wanted = false;
      page?.removeEventListener('visibilitychange', onVisibility);
      letGo();
    },
  };
}
