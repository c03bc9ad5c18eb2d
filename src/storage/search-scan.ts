/**
 * The journal search scan over plain IndexedDB: reads the `entries` store a batch at a time (getAll over a
 * key range — one request per 500 records, where a cursor costs one per record), validates each record,
 * and keeps what the person wrote as one folded string per entry. The search worker keeps that index
 * between searches and rebuilds it only when the store changed (count or newest `updatedAt`); the
 * main-thread search (entries.searchIds: no worker, or encryption at rest on — the worker has no key) keeps
 * it the same way in `keptIndex`. No idb wrapper, no DOM: it runs in a worker.
 */
import * as v from 'valibot';
import { EntrySchema } from './schema';
import { haystack, matchesHaystack } from './search';
import { atRest, opened } from './sealing';

export interface SearchRow {
  id: string;
  createdAt: number;
  hay: string;
}

export interface SearchIndex {
  /** Newest first (createdAt, then id, both descending — the journal list's order). */
  rows: SearchRow[];
  /** Ids of records that did not pass the schema (reported by the list when it reaches them). */
  unreadable: string[];
  signature: string;
}

export interface ScanProgress {
  scanned: number;
  total: number;
}

export const SCAN_BATCH = 500;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** What changes whenever an entry is created, edited, deleted, restored or purged. */
export async function storeSignature(db: IDBDatabase): Promise<string> {
  const store = db.transaction('entries').objectStore('entries');
  const [count, newest] = await Promise.all([
    request(store.count()),
    request(store.index('updatedAt').openKeyCursor(null, 'prev')).then((c) => (c ? String(c.key) : '')),
  ]);
  return `${count}:${newest}`;
}

/** Build the index; resolves undefined when `cancelled()` turns true between batches. */
export async function buildIndex(
  db: IDBDatabase,
  onProgress: (p: ScanProgress) => void = () => {},
  cancelled: () => boolean = () => false,
  /** Opens sealed records (encryption at rest) in memory; what it opens is never written back. Without it
   *  (the worker, which has no key), a sealed record fails the scan, and the client searches on the main
   *  thread instead (search-client's fail-over), where `entries.searchIds` opens them. */
  open: (raws: unknown[]) => Promise<unknown[]> = async (raws) => {
    if (raws.some((r) => (r as { sealed?: unknown } | undefined)?.sealed)) throw Error('sealed');
    return raws;
  },
): Promise<SearchIndex | undefined> {
  const signature = await storeSignature(db);
  const total = Number(signature.split(':')[0]);
  const rows: SearchRow[] = [];
  const unreadable: string[] = [];
  let after: IDBValidKey | undefined;
  let scanned = 0;
  for (;;) {
    if (cancelled()) return undefined;
    const store = db.transaction('entries').objectStore('entries');
    const range = after === undefined ? null : IDBKeyRange.lowerBound(after, true);
    const [raws, keys] = await Promise.all([request(store.getAll(range, SCAN_BATCH)), request(store.getAllKeys(range, SCAN_BATCH))]);
    if (!raws.length) break;
    const values = await open(raws);
    for (let i = 0; i < values.length; i++) {
      const parsed = v.safeParse(EntrySchema, values[i]);
      if (!parsed.success) unreadable.push(String(keys[i]));
      else if (parsed.output.deletedAt === undefined) rows.push({ id: parsed.output.id, createdAt: parsed.output.createdAt, hay: haystack(parsed.output) });
    }
    scanned += values.length;
    after = keys[keys.length - 1];
    onProgress({ scanned, total: Math.max(total, scanned) });
    if (values.length < SCAN_BATCH) break;
  }
  rows.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return { rows, unreadable, signature };
}

let kept: { db: IDBDatabase; key: unknown; index: SearchIndex } | undefined;

/**
 * The main thread's index, kept between searches while the store is unchanged (its signature), as the
 * worker keeps its own. With encryption at rest it holds opened words in memory: it is kept only for the
 * unlock it was built in (sealer.ts gives each unlock a new hook object) and dropped when the app locks.
 */
export async function keptIndex(db: IDBDatabase, onProgress?: (p: ScanProgress) => void, cancelled?: () => boolean): Promise<SearchIndex | undefined> {
  const key = await atRest.on;
  atRest.closed = () => (kept = undefined);
  if (kept?.db === db && kept.key === key && kept.index.signature === (await storeSignature(db))) return kept.index;
  // On this thread sealed entries are opened in memory (the worker, without the key, refuses them).
  const index = await buildIndex(db, onProgress, cancelled, (raws) => opened('entries', raws));
  if (index) kept = { db, key, index };
  return index;
}

/** Ids of the entries matching `query`, newest first. */
export function searchIndex(index: SearchIndex, query: string): string[] {
  const out: string[] = [];
  for (const row of index.rows) if (matchesHaystack(row.hay, query)) out.push(row.id);
  return out;
}
