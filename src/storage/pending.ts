/**
 * Pending writes: the words a person wrote that are not on disk yet (the disk is full, the database was
 * closed by a newer version, the write is still running), kept in memory for the life of the page and
 * keyed by record — `drafts:<draftId>`, `sessions:<sessionId>`, and later stores alike. Repositories read
 * through it (memory first, then disk), so wherever the person returns — after Ground, from Today, by
 * reopening the editor — the unsaved words come back. A value is a getter, so a running session is only
 * serialised when something reads it.
 *
 * Last resort: when this page can no longer write at all (a newer version took the database) or is
 * going away with words still unsaved, `rescuePending()` copies them into sessionStorage, which survives a
 * reload of the same tab; the next page load reads them back here and writes them to disk.
 * Plain TypeScript; the two Web Storage calls are guarded so node tests run without them.
 */

export const RESCUE_KEY = 'groundwork:pending';

const memory = new Map<string, () => unknown>();
let rescued: Map<string, unknown> | undefined;

interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function webStorage(): StorageLike | undefined {
  try {
    return (globalThis as { sessionStorage?: StorageLike }).sessionStorage;
  } catch {
    return undefined; // storage switched off: reading sessionStorage throws
  }
}

/** Words a previous load of this tab could not store, read once per page. */
function rescuedWords(): Map<string, unknown> {
  if (rescued) return rescued;
  rescued = new Map();
  try {
    const raw = webStorage()?.getItem(RESCUE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : undefined;
    if (parsed && typeof parsed === 'object') for (const [k, v] of Object.entries(parsed)) rescued.set(k, v);
  } catch {
    // Unreadable rescue data: leave it in sessionStorage untouched, start empty.
  }
  return rescued;
}

function writeRescued(): void {
  const store = webStorage();
  if (!store || !rescued) return;
  try {
    if (rescued.size === 0) store.removeItem(RESCUE_KEY);
    else store.setItem(RESCUE_KEY, JSON.stringify(Object.fromEntries(rescued)));
  } catch {
    // sessionStorage full too: memory still has the words for as long as this page lives.
  }
}

export const pendingWrites = {
  /** The newest unsaved value for `key` (`null` = a removal not yet done), or undefined when none. */
  get<T>(key: string): T | undefined {
    const fromMemory = memory.get(key);
    if (fromMemory) return fromMemory() as T;
    return rescuedWords().get(key) as T | undefined;
  },
  has(key: string): boolean {
    return memory.has(key) || rescuedWords().has(key);
  },
  /** Whether `getter` is still the newest value for `key` (a newer writer of the same record took over). */
  isCurrent(key: string, getter: () => unknown): boolean {
    return memory.get(key) === getter;
  },
  set(key: string, value: () => unknown): void {
    memory.set(key, value);
  },
  /** The value is on disk: forget it here (and in the rescue copy). */
  delete(key: string): void {
    memory.delete(key);
    if (rescuedWords().delete(key)) writeRescued();
  },
  /** Every unsaved value whose key starts with `prefix` (e.g. `sessions:`), rescued ones included. */
  withPrefix<T>(prefix: string): Map<string, T> {
    const out = new Map<string, T>();
    for (const [k, v] of rescuedWords()) if (k.startsWith(prefix)) out.set(k, v as T);
    for (const [k, get] of memory) if (k.startsWith(prefix)) out.set(k, get() as T);
    return out;
  },
  get size(): number {
    return memory.size + rescuedWords().size;
  },
  /** Tests only: a fresh page. */
  clear(): void {
    memory.clear();
    rescued = undefined;
  },
};

/** Copy every unsaved value into sessionStorage (kept across a reload of this tab). */
export function rescuePending(): void {
  const all = rescuedWords();
  for (const [k, get] of memory) {
    try {
      all.set(k, JSON.parse(JSON.stringify(get() ?? null)));
    } catch {
      // A value that cannot be serialised stays in memory only.
    }
  }
  writeRescued();
}
