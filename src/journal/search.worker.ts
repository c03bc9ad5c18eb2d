/**
 * Journal search off the main thread. Opens the app's IndexedDB itself (never creating or upgrading it),
 * builds the search index with the shared batched scan (storage/search-scan.ts, the same matching rules as
 * `matchesQuery`), keeps it while the store is unchanged, and answers with matching ids, newest first.
 * A newer search supersedes an older one: the older scan stops at its next batch and says nothing more.
 *
 * In:  { type: 'search', id, query }, or { type: 'warm' } (build the index now, answer nothing)
 * Out: { type: 'progress', id, scanned, total } while building, then { type: 'done', id, ids } or { type: 'error', id }.
 */
/// <reference lib="webworker" />
import { buildIndex, searchIndex, storeSignature, type SearchIndex } from '../storage/search-scan';

declare const self: DedicatedWorkerGlobalScope;

/** storage/db.ts `DB_NAME` (not imported: db.ts brings the migrations and the main thread's problem reporting). */
const DB_NAME = 'groundwork';

let connection: Promise<IDBDatabase> | undefined;
let cached: SearchIndex | undefined;
let building: { signature: string; promise: Promise<SearchIndex | undefined> } | undefined;
let latest = 0;

function open(): Promise<IDBDatabase> {
  connection ??= new Promise<IDBDatabase>((resolve, reject) => {
    // No version: open whatever the app made. If there is no database yet, refuse to create an empty one
    // (the app's migrations must make it).
    const req = indexedDB.open(DB_NAME);
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onsuccess = () => {
      const db = req.result;
      // A newer build in another tab needs to upgrade: let go at once; the next search reopens.
      db.onversionchange = () => {
        db.close();
        connection = undefined;
        cached = undefined;
      };
      db.onclose = () => (connection = undefined);
      resolve(db);
    };
    req.onerror = () => reject(req.error);
  });
  connection.catch(() => (connection = undefined));
  return connection;
}

/** The index for the store as it is now: the cached one, the one being built, or a new build. */
async function currentIndex(): Promise<SearchIndex | undefined> {
  const db = await open();
  const signature = await storeSignature(db);
  let index = cached?.signature === signature ? cached : undefined;
  if (!index) {
    // One build at a time: a newer query waits for the build already under way rather than starting another.
    if (building?.signature !== signature) {
      const promise = buildIndex(db, (p) => self.postMessage({ type: 'progress', id: latest, ...p }));
      building = { signature, promise };
      void promise.finally(() => {
        if (building?.promise === promise) building = undefined;
      }).catch(() => {});
    }
    index = await building.promise;
    if (index) cached = index;
  }
  return index;
}

async function search(id: number, query: string): Promise<void> {
  const index = await currentIndex();
  if (id !== latest || !index) return; // superseded while the index was being built
  self.postMessage({ type: 'done', id, ids: searchIndex(index, query) });
}

self.onmessage = (event: MessageEvent<{ type: 'search' | 'warm'; id: number; query: string }>) => {
  const { type, id, query } = event.data;
  // The search field got focus: build the index while the person types (no answer).
  if (type === 'warm') return void currentIndex().catch(() => {});
  if (type !== 'search') return;
  latest = id;
  search(id, query).catch(() => {
    if (id === latest) self.postMessage({ type: 'error', id });
  });
};
