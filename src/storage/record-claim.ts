/**
 * One claim per record for every store a person edits over time (the safety plan, the fear list, a
 * written-exposure course, a questionnaire under way, a composed plan), the way drafts and sessions are
 * claimed (tab-lock.ts). The lock is named after the record's writer key (`safetyPlan:mine`,
 * `writtenExposure:<id>`, `measures:<id>`…), so the claim and the unsaved words in `pendingWrites` name the
 * same thing. Each repository offers `hold(…)` built on this; a screen only renders the state.
 *
 *  - `owned`: this tab writes; `release()` when leaving (held until the last write settles).
 *  - `busy`: another tab writes it; nothing may be written here. `takeOver()` asks that tab to save its
 *    last keystroke, takes the lock, and only then resolves, so what this tab reads next has every word.
 *  - `lost`: another tab took it over. The words were saved first, the writer is stopped (nothing typed
 *    here afterwards can write over the other tab), and the screen stays read-only until taken back.
 *
 * Busy or lost, the hold also waits in the lock's queue (tab-lock `whenFree`): when the other tab lets go
 * (closes the screen or the tab), this one becomes `owned` by itself and `onFree` tells the screen to read
 * the record again and enable editing, as after `takeOver`. The wait is cancelled by `takeOver` (which asks
 * instead) and by `release`, so it never grabs the record later for a screen that holds it or has left.
 *
 * Writes that a screen still sends while not owned are refused by `change()` rather than reaching disk.
 */
import { claim as claimResource, freeWait, type Claim, type Owned, type TabLockHandlers } from './tab-lock';
import type { Writer } from './writer';

export type HoldState = 'claiming' | 'owned' | 'busy' | 'lost';

export interface Hold<T> {
  readonly state: HoldState;
  /** Resolves once the first claim settled: true when this tab may write. */
  readonly ready: Promise<boolean>;
  /** Write `value` through the record's writer — only while owned (returns whether it was taken). */
  change(value: T | (() => T)): boolean;
  /** "Edit here instead": the other tab saves and steps back; resolves true when this tab now writes. */
  takeOver(): Promise<boolean>;
  /** Leaving: save the last words, then let go of the claim. */
  release(): Promise<void>;
}

export interface HoldOptions<T> {
  /** The record's writer (made by its repository with the same key), once the screen has made it. */
  writer: () => Writer<T> | undefined;
  /** Told of every state change (the screen shows the notice, disables its fields, reads again). */
  onState?(state: HoldState): void;
  /**
   * The other tab let go and this tab now holds the record by itself (it was busy or lost): read it again
   * (every word the other tab saved is on disk) and enable editing, as after `takeOver`. `onState('owned')`
   * comes first.
   */
  onFree?(): void;
  /** Injected in tests; `tab-lock.claim` (Web Locks + BroadcastChannel) by default. */
  claim?: (resource: string, handlers: TabLockHandlers) => Promise<Claim>;
}

/** The lock resource for a record's writer key. */
export const recordResource = (writerKey: string) => `record:${writerKey}`;

export function holdRecord<T>(writerKey: string, options: HoldOptions<T>): Hold<T> {
  const claim = options.claim ?? claimResource;
  const resource = recordResource(writerKey);
  const writer = {
    flush: () => options.writer()?.flush() ?? Promise.resolve(),
    cancel: () => options.writer()?.cancel(),
  };
  let state: HoldState = 'claiming';
  let lock: Owned | undefined;
  let closed = false;

  function set(next: HoldState): void {
    state = next;
    options.onState?.(next);
  }

  const handlers: TabLockHandlers = {
    // Another tab asks to take over: its first read must include what was typed a moment ago.
    onFlush: () => writer.flush(),
    async onLost() {
      lock = undefined;
      set('lost');
      await writer.flush();
      // The other tab writes this record from now on; nothing left here may overwrite it.
      writer.cancel();
      // Until it lets go: then this tab writes again.
      waits.wait(() => claim(resource, handlers));
    },
  };

  /** Busy or lost: take the record by ourselves once the other tab lets go (tab-lock `freeWait`). */
  const waits = freeWait(
    () => closed,
    (owned) => {
      if (own(owned)) options.onFree?.();
    },
  );

  function own(owned: Owned): boolean {
    if (closed) {
      owned.release();
      return false;
    }
    lock = owned;
    set('owned');
    return true;
  }

  const ready = (async () => {
    try {
      const first = await claim(resource, handlers);
      if (first.status === 'owned') return own(first);
      if (!closed) {
        set('busy');
        waits.wait(() => Promise.resolve(first));
      }
      return false;
    } catch {
      // The claim itself failed (no locks, a refused request): behave as before, never block writing.
      if (closed) return false;
      set('owned');
      return true;
    }
  })();

  return {
    get state() {
      return state;
    },
    ready,
    change(value) {
      const w = options.writer();
      if (state !== 'owned' || closed || !w) return false;
      w.change(value);
      return true;
    },
    async takeOver() {
      await ready;
      if (state === 'owned') return true;
      // Ask instead of waiting; a lock granted meanwhile is simply ours.
      const early = await waits.stop();
      if (early) return own(early);
      try {
        const again = await claim(resource, handlers);
        return own(again.status === 'owned' ? again : await again.takeOver());
      } catch (error) {
        if ((state as HoldState) !== 'owned') waits.wait(() => claim(resource, handlers));
        throw error;
      }
    },
    async release() {
      closed = true;
      void waits.stop().then((early) => early?.release());
      const last = state === 'owned' ? writer.flush() : Promise.resolve();
      // The lock is held until the last words are on disk, so another tab never reads less.
      lock?.release(last);
      lock = undefined;
      await last;
    },
  };
}
