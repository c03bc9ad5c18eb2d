/**
 * "Delete everything" (issue 17): this origin's IndexedDB databases, Cache Storage, service-worker
 * registrations, localStorage and sessionStorage — then look again and say what is left, if anything.
 * The browser APIs come in as `env` so node tests can run it against fake-indexeddb and simple fakes.
 */
import { closeForDeletion, DB_NAME } from '../../storage/db';
import { pendingWrites } from '../../storage/pending';

export interface WipeEnv {
  indexedDB: IDBFactory;
  caches?: Pick<CacheStorage, 'keys' | 'delete'>;
  serviceWorker?: Pick<ServiceWorkerContainer, 'getRegistrations'>;
  localStorage?: Storage;
  sessionStorage?: Storage;
  /** Called when another tab holds the database open and the deletion waits for it. */
  onBlocked?: () => void;
}

export interface WipeReport {
  databases: string[];
  caches: string[];
  workers: number;
  /** Keys removed from localStorage and sessionStorage together. */
  savedKeys: number;
  /** What was still there when looked at again afterwards (empty lists and zeros when all is gone). */
  left: { databases: string[]; caches: string[]; workers: number; savedKeys: number };
  ok: boolean;
}

export function browserEnv(): WipeEnv {
  const g = globalThis as unknown as Partial<WipeEnv> & { navigator?: Navigator };
  const safe = <T>(get: () => T): T | undefined => {
    try {
      return get();
    } catch {
      return undefined; // storage switched off: touching it throws
    }
  };
  return {
    indexedDB: g.indexedDB!,
    caches: safe(() => g.caches),
    serviceWorker: safe(() => g.navigator?.serviceWorker),
    localStorage: safe(() => g.localStorage),
    sessionStorage: safe(() => g.sessionStorage),
  };
}

async function databaseNames(idb: IDBFactory): Promise<string[]> {
  // Every database of this origin is this app's. Without databases() (old browsers) the one we know of.
  const list = typeof idb.databases === 'function' ? await idb.databases().catch(() => undefined) : undefined;
  return list ? list.flatMap((d) => (d.name ? [d.name] : [])) : [DB_NAME];
}

function deleteDatabase(idb: IDBFactory, name: string, onBlocked?: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = idb.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
    // Another tab still has it open: it is asked to close (its connection closes on versionchange) and the
    // deletion goes ahead as soon as it has.
    req.onblocked = () => onBlocked?.();
  });
}

async function look(env: WipeEnv) {
  const names = await databaseNames(env.indexedDB);
  return {
    // Without databases() we cannot see; the deletion's own success is the answer then.
    databases: typeof env.indexedDB.databases === 'function' ? names : [],
    caches: (await env.caches?.keys().catch(() => [])) ?? [],
    workers: (await env.serviceWorker?.getRegistrations().catch(() => []))?.length ?? 0,
    savedKeys: (env.localStorage?.length ?? 0) + (env.sessionStorage?.length ?? 0),
  };
}

export async function deleteEverything(env: WipeEnv = browserEnv()): Promise<WipeReport> {
  // Nothing still waiting to be written may come back after the deletion (a reload would restore it).
  pendingWrites.clear();
  await closeForDeletion();
  const databases = await databaseNames(env.indexedDB);
  for (const name of databases) await deleteDatabase(env.indexedDB, name, env.onBlocked);

  const caches = (await env.caches?.keys()) ?? [];
  for (const key of caches) await env.caches!.delete(key);

  const registrations = (await env.serviceWorker?.getRegistrations()) ?? [];
  for (const r of registrations) await r.unregister();

  const savedKeys = (env.localStorage?.length ?? 0) + (env.sessionStorage?.length ?? 0);
  env.localStorage?.clear();
  env.sessionStorage?.clear();

  const left = await look(env);
  const ok = left.databases.length === 0 && left.caches.length === 0 && left.workers === 0 && left.savedKeys === 0;
  return { databases, caches, workers: registrations.length, savedKeys, left, ok };
}
