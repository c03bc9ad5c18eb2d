/**
 * A draft's writer: the shared coalescing writer (`writer.ts`) bound to one draft, and the draft's claim
 * across tabs (`tab-lock.ts`, resource `draft:<id>`). The claim lives here, not in each screen, so every
 * text box that keeps a draft (the journal editor, Capture, any later one) is one-tab-at-a-time without
 * code of its own: only the tab holding the draft writes it; a screen shows `tab` and offers `takeOver`.
 * Busy or lost, it also waits in the lock's queue: when the other tab lets go, this one holds the draft by
 * itself and `onFree` tells the screen to read the words again and enable its text boxes.
 * Kept apart from `drafts.ts` so the first screen, which only reads drafts (Today lists those waiting),
 * does not load it: screens import it themselves (it is not in the app context the shell's chunk builds).
 */
import { createWriter, type Writer } from './writer';
import { draftKey, type DraftsRepo } from './drafts';
import { claimDraft, freeWait, type Claim, type Owned, type TabLockHandlers } from './tab-lock';

export interface AutosaveOptions {
  onSaved?: (at: number) => void;
  onError?: (error: unknown) => void;
  /** The draft's key in `pendingWrites` (unsaved words are kept there for the life of the page). */
  key?: string;
  backoffMs?: readonly number[];
}

/**
 * Whether this tab may write the draft: `claiming` (asking), `owned`, `busy` (another tab or window has
 * it) or `lost` (another tab took it over; everything typed here was saved first).
 */
export type DraftTab = 'claiming' | 'owned' | 'busy' | 'lost';

export interface DraftWriterOptions extends AutosaveOptions {
  /** Told each time `tab` changes (the screen enables its text boxes only while `owned`). */
  onTab?: (tab: DraftTab) => void;
  /**
   * Busy or lost, the other tab let go and this tab now holds the draft by itself (after `onTab('owned')`):
   * read the draft again, as after `takeOver` — it has every word the other tab saved.
   */
  onFree?: () => void;
  /** The cross-tab claim (tests inject one; the browser's Web Locks by default). */
  claim?: (draftId: string, handlers: TabLockHandlers) => Promise<Claim>;
}

export interface DraftWriter extends Writer<Record<string, string>> {
  readonly tab: DraftTab;
  /** Settles once this tab knows whether it holds the draft (`owned` or `busy`). */
  readonly claimed: Promise<DraftTab>;
  /** Busy or lost: the other tab saves its last words and steps back, then this tab holds the draft. */
  takeOver(): Promise<void>;
  /** Leaving the screen: write the latest words, and let the draft go once they are on disk. */
  close(): void;
}

/**
 * The writer of draft `id`: call `change` on every keystroke (a write starts at once), `close` when
 * leaving. It claims the draft across tabs first; writes wait for the claim, and only the holder writes.
 */
export function draftWriter(drafts: Pick<DraftsRepo, 'put'>, id: string, options: DraftWriterOptions = {}): DraftWriter {
  const claim = options.claim ?? claimDraft;
  let tab: DraftTab = 'claiming';
  /** Writes reach the disk only while this is true (it outlives `tab` while the last words are saved on losing). */
  let holding = false;
  let lock: Owned | undefined;
  let closed = false;
  const set = (next: DraftTab) => {
    tab = next;
    options.onTab?.(next);
  };
  // Made before the writer: words kept from earlier in this page are written (after the claim) at once.
  let settle: (tab: DraftTab) => void = () => {};
  const claimed = new Promise<DraftTab>((resolve) => (settle = resolve));

  const writer = createAutosave(
    async (fields) => {
      await claimed;
      // Another tab holds this draft: it writes it, never this one (its words would be overwritten).
      if (holding) await drafts.put(id, fields);
    },
    { ...options, key: draftKey(id) },
  );

  const handlers: TabLockHandlers = {
    // Another tab asks to take over: its first read must include what was typed a moment ago.
    onFlush: () => writer.flush(),
    async onLost() {
      lock = undefined;
      set('lost');
      await writer.flush();
      holding = false;
      writer.cancel(); // from now on the other tab writes this draft
      waits.wait(() => claim(id, handlers)); // until it lets go
    },
  };

  /** Busy or lost: hold the draft by ourselves once the other tab lets go (tab-lock `freeWait`). */
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
    holding = true;
    set('owned');
    return true;
  }

  claim(id, handlers).then(
    (c) => {
      if (c.status === 'owned') own(c);
      else if (!closed) {
        set('busy');
        waits.wait(() => Promise.resolve(c));
      }
      settle(tab);
    },
    () => {
      // No claim possible at all: behave as before tabs were guarded, never stop the person writing.
      holding = !closed;
      if (!closed) set('owned');
      settle(tab);
    },
  );

  return {
    change: (fields) => writer.change(fields),
    flush: () => writer.flush(),
    get dirty() {
      return writer.dirty;
    },
    cancel: () => writer.cancel(),
    get tab() {
      return tab;
    },
    claimed,
    async takeOver() {
      // Ask instead of waiting; a lock granted meanwhile is simply ours.
      const early = await waits.stop();
      if (early) return void own(early);
      try {
        const again = await claim(id, handlers);
        own(again.status === 'owned' ? again : await again.takeOver());
      } catch (error) {
        if (tab !== 'owned') waits.wait(() => claim(id, handlers));
        throw error;
      }
    },
    close() {
      closed = true;
      void waits.stop().then((early) => early?.release());
      // Held until the last words are on disk, so another tab never reads less.
      const last = writer.flush();
      lock?.release(last);
      lock = undefined;
    },
  };
}

let anonymous = 0;

/**
 * Autosave for one text box: `change` on every keystroke starts a write at once (or right after the one
 * in flight), `flush` writes the latest now (pagehide, route change). Failed saves keep the text pending
 * and are retried with backoff, so a full disk never silently drops words.
 */
export function createAutosave(save: (fields: Record<string, string>) => Promise<void>, options: AutosaveOptions = {}): Writer<Record<string, string>> {
  const writer = createWriter<Record<string, string>>({
    key: options.key ?? `autosave:${++anonymous}`,
    write: save,
    onSaved: options.onSaved,
    onError: options.onError,
    backoffMs: options.backoffMs,
  });
  return {
    change: (fields) => writer.change(typeof fields === 'function' ? fields : { ...fields }),
    flush: () => writer.flush(),
    get dirty() {
      return writer.dirty;
    },
    cancel: () => writer.cancel(),
  };
}
