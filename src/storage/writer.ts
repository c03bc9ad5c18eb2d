/**
 * The one way words reach the disk: a coalescing writer per record, shared by sessions and drafts (and
 * every later store). A write starts at the keystroke; while it runs, newer changes wait as "the latest"
 * and the next write takes only that — one in flight, always of the latest text. No debounce, so a reload
 * or navigation a moment after the last keystroke still finds the words on disk (or in flight).
 *
 * Until a value is on disk it sits in `pendingWrites` (memory for the life of the page). A failed write
 * (full disk, closed connection) is retried with backoff, and at once when the page comes back into view,
 * gets focus or goes online — not only on the next keystroke. The first success after a failure tells the
 * shell (`reportSaved`) so the "could not save" banner goes away.
 */
import { pendingWrites, rescuePending } from './pending';
import { isSuperseded, onSuperseded, reportSaved } from './problems';

/** Waits between retries after a failed write, then the last one repeats. */
export const RETRY_BACKOFF_MS = [1000, 2000, 4000, 8000, 15_000, 30_000] as const;

export interface WriterOptions<T> {
  /** The record in `pendingWrites`, e.g. `drafts:journal:new`. */
  key: string;
  /** Store the value (throws when storage refuses; the repository reports why). */
  write(value: T): Promise<void>;
  onSaved?(at: number): void;
  onError?(error: unknown): void;
  backoffMs?: readonly number[];
}

export interface Writer<T> {
  /** The latest value changed: write it now, or right after the write in flight. */
  change(value: T | (() => T)): void;
  /** Write the latest value now; resolves once it was attempted (never rejects). */
  flush(): Promise<void>;
  /** Not yet on disk. */
  readonly dirty: boolean;
  /** Forget the unsaved value (it was saved elsewhere, or another tab owns it now). */
  cancel(): void;
}

/** Writers with a failed write, retried together when the page is seen, focused or back online. */
const failing = new Set<() => void>();
let listening = false;

function listenForRecovery(): void {
  if (listening) return;
  const g = globalThis as { addEventListener?: (type: string, fn: () => void) => void; document?: { visibilityState?: string } };
  if (typeof g.addEventListener !== 'function') return;
  listening = true;
  const retryAll = () => {
    if (g.document?.visibilityState === 'hidden') return;
    for (const retry of [...failing]) retry();
  };
  for (const type of ['online', 'focus', 'pageshow']) g.addEventListener(type, retryAll);
  (g.document as { addEventListener?: (type: string, fn: () => void) => void } | undefined)?.addEventListener?.('visibilitychange', retryAll);
}

/**
 * The latest value of every writer in this page, saved or not. When a newer version takes the database,
 * this build can no longer read even what it stored, so every open text is copied to the rescue copy
 * (sessionStorage): a reload of this tab shows the words whichever version it loads.
 */
const latestByKey = new Map<string, () => unknown>();
onSuperseded(() => {
  for (const [key, get] of latestByKey) if (!pendingWrites.has(key)) pendingWrites.set(key, get);
  rescuePending();
});

/** Bumped by `resetWriters`: writers from before it stop writing (tests: a fresh page). */
let generation = 0;

/** Tests only: forget every writer of the "previous page" (their retries would write into the next test). */
export function resetWriters(): void {
  generation++;
  failing.clear();
  latestByKey.clear();
}

/** Retry every failed write now (tests, and the shell's "Try again"). */
export function retryFailedWrites(): void {
  for (const retry of [...failing]) retry();
}

export function createWriter<T>(options: WriterOptions<T>): Writer<T> {
  const backoff = options.backoffMs ?? RETRY_BACKOFF_MS;
  let latest: () => T = () => undefined as T;
  let dirty = false;
  let running: Promise<void> | undefined;
  let failures = 0;
  /** Failed retries in a row since the last keystroke: how long the next retry waits. */
  let retries = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by `cancel`: a write that fails after it must not bring cancelled words back. */
  let epoch = 0;

  const born = generation;
  const retry = () => {
    retries++;
    void pump();
  };

  function clearRetry(): void {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = undefined;
  }

  function pump(): Promise<void> {
    clearRetry();
    if (born !== generation) return Promise.resolve();
    if (running) return running;
    // The write starts now, at the keystroke. But the run may also end now, synchronously (nothing to write,
    // or a newer writer owns the record): then its `finally` ran before `running` could be assigned, and
    // assigning it afterwards would leave a settled promise there for good — flush()'s `while (running)`
    // would spin forever and freeze the tab. So `running` is set only while the run is still going.
    let settled = false;
    let run: Promise<void> | undefined;
    run = (async () => {
      try {
        while (dirty && born === generation) {
          if (!pendingWrites.isCurrent(options.key, latest)) {
            // A newer writer of the same record (the editor reopened) has newer words: never write older ones.
            dirty = false;
            failing.delete(retry);
            return;
          }
          dirty = false;
          const startedIn = epoch;
          const value = latest();
          try {
            await options.write(value);
          } catch (error) {
            if (startedIn === epoch) {
              dirty = true; // keep the words for the next attempt
              failures++;
              failing.add(retry);
              listenForRecovery();
              // A newer version owns the database now: retrying cannot work; the words stay in memory.
              if (!isSuperseded()) retryTimer = setTimeout(retry, backoff[Math.min(retries, backoff.length - 1)]);
              else rescuePending(); // the words cannot reach the disk from this page: keep them for a reload
            }
            options.onError?.(error);
            return;
          }
          if (startedIn === epoch && !dirty) pendingWrites.delete(options.key);
          if (failures > 0) {
            failures = 0;
            retries = 0;
            failing.delete(retry);
            reportSaved();
          }
          options.onSaved?.(Date.now());
        }
      } finally {
        settled = true;
        if (running === run) running = undefined;
      }
    })();
    if (!settled) running = run;
    return run;
  }

  const writer: Writer<T> = {
    change(value) {
      latest = typeof value === 'function' ? (value as () => T) : () => value;
      dirty = true;
      retries = 0; // typing again: the next retry waits the shortest time again
      pendingWrites.set(options.key, latest);
      latestByKey.set(options.key, latest);
      void pump();
    },
    async flush() {
      // A write in flight may be of older words: wait for it, then write the latest if still unsaved.
      while (running) await running;
      if (dirty) await pump();
    },
    get dirty() {
      return dirty;
    },
    cancel() {
      epoch++;
      dirty = false;
      clearRetry();
      failing.delete(retry);
      failures = 0;
      pendingWrites.delete(options.key);
      if (latestByKey.get(options.key) === latest) latestByKey.delete(options.key);
    },
  };
  // Words this record could not store earlier in this page (or, rescued, in the previous load of this
  // tab) are written as soon as a writer for it exists again.
  if (pendingWrites.has(options.key)) {
    const unsaved = pendingWrites.get<T>(options.key) as T;
    writer.change(() => unsaved);
  }
  return writer;
}
