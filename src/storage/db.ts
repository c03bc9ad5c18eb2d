/**
 * The one IndexedDB database, `groundwork`. Opening it runs any pending numbered migrations and turns
 * IndexedDB's failure modes (blocked upgrade, a newer tab, the browser closing the connection) into
 * `StorageProblem`s the shell shows in plain words. Nothing here knows about the UI.
 */
import { openDB, unwrap, type DBSchema, type IDBPDatabase } from 'idb';
import { MIGRATIONS } from './migrations';
import type { Draft, Entry, Personal, QuarantineRecord, SessionRecord, SettingRecord } from './schema';
import type { Dose } from './doses.schema';
import type { MediaRecord } from './media.schema';
import type { SafetyPlan } from './safety-plan.schema';
import type { PlanRecord, KeyRecord } from './plans.schema';
import type { WrittenCourse } from './written-exposure.schema';
import type { ExposureRecord, Hierarchy } from './exposure.schema';
import type { MeasureRecord } from './measures.schema';
import { markSuperseded, reportProblem, type StorageProblem } from './problems';
import { rescuePending } from './pending';
import { atRest, sealed, type StoreName } from './sealing';
import { announceChanged } from './changes';

export const DB_NAME = 'groundwork';
/** Always the number of the newest migration. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export interface GroundworkDB extends DBSchema {
  entries: {
    key: string;
    value: Entry;
    indexes: { createdAt: number; kind: string; updatedAt: number };
  };
  sessions: { key: string; value: SessionRecord; indexes: { updatedAt: number } };
  drafts: { key: string; value: Draft };
  settings: { key: string; value: SettingRecord };
  personal: { key: string; value: Personal };
  doses: { key: string; value: Dose; indexes: { takenAt: string; updatedAt: number } };
  quarantine: { key: string; value: QuarantineRecord; indexes: { at: number } };
  media: { key: string; value: MediaRecord; indexes: { entryId: string; createdAt: number } };
  safetyPlan: { key: string; value: SafetyPlan };
  plans: { key: string; value: PlanRecord; indexes: { kind: string } };
  keys: { key: string; value: KeyRecord };
  writtenExposure: { key: string; value: WrittenCourse };
  hierarchy: { key: string; value: Hierarchy };
  exposures: { key: string; value: ExposureRecord; indexes: { itemId: string; startedAt: number } };
  measures: { key: string; value: MeasureRecord; indexes: { startedAt: number; measureId: string } };
}

export type Db = IDBPDatabase<GroundworkDB>;

export interface OpenOptions {
  name?: string;
  /** Open at an older version: only tests use this, to build fixture databases. */
  version?: number;
}

export async function openGroundwork({ name = DB_NAME, version = SCHEMA_VERSION }: OpenOptions = {}): Promise<Db> {
  const db = await openDB<GroundworkDB>(name, version, {
    upgrade(database, oldVersion, newVersion, tx) {
      // Raw handles: migrations are written against plain IndexedDB so they never depend on today's types.
      const rawDb = unwrap(database);
      const rawTx = unwrap(tx);
      for (const m of MIGRATIONS) {
        if (m.version > oldVersion && m.version <= (newVersion ?? version)) m.up(rawDb, rawTx);
      }
    },
    blocked() {
      // Another tab still has the older version open; our upgrade waits until it closes.
      reportProblem({ kind: 'blocked' });
    },
    blocking() {
      // A newer version of the app opened in another tab and needs us to let go. Close so it can upgrade;
      // this tab's words are already in drafts (written at each keystroke). From now on this page cannot
      // write: editors turn read-only, and anything still unsaved is copied to sessionStorage so a reload
      // of this tab brings it back.
      db.close();
      markSuperseded();
      rescuePending();
      // Forget the closed connection: the next call reopens, gets a VersionError, and is told "newer-tab".
      resetConnection();
      reportProblem({ kind: 'newer-tab' });
    },
    terminated() {
      // The browser closed the connection (storage cleared, disk error). Later calls reopen it.
      resetConnection();
      reportProblem({ kind: 'terminated' });
    },
  });
  announceWrites(unwrap(db));
  return db;
}

/**
 * Every committed write tells the other tabs which stores changed (changes.ts), whatever the path — a
 * repository's own transaction or idb's shortcuts (`db.delete('drafts', id)`) — so a list in another tab
 * never misses one. Hooked where the connection opens, for the connection's lifetime; store names only.
 */
function announceWrites(raw: IDBDatabase): void {
  const transaction = raw.transaction;
  raw.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const tx = transaction.apply(this, args);
    if (tx.mode !== 'readonly') tx.addEventListener('complete', () => announceChanged(Array.from(tx.objectStoreNames)));
    return tx;
  } as IDBDatabase['transaction'];
}

/**
 * Put one record and wait for the commit. A refused commit (a full disk) fails the request with a bare
 * AbortError before the transaction reports why; waiting on the transaction gives the real reason
 * (QuotaExceededError), so the person is told the disk is full rather than "something went wrong".
 */
export async function putOne<S extends 'entries' | 'sessions' | 'drafts' | 'settings' | 'personal' | 'quarantine'>(
  db: Db,
  store: S,
  value: GroundworkDB[S]['value'],
): Promise<void> {
  // Sealed (when the lock is on) before the transaction opens: WebCrypto cannot run inside one.
  const stored = await sealed(store, value);
  const tx = db.transaction(store, 'readwrite');
  await committed(tx, tx.store.put(stored as never));
}

/**
 * Read-modify-write of one record: `make` gets the stored record (opened, or undefined) and returns the next
 * (undefined: leave it). Lock off: one transaction. Lock on: storage/sealer.ts `changeSealed` (WebCrypto
 * cannot run inside a transaction, so it reads and opens, seals, and writes only if the record is still the
 * one it read).
 */
export async function changeOne<T>(db: Db, store: StoreName, key: string, make: (stored: unknown) => T): Promise<T> {
  const a = await atRest.on;
  if (a) return a.change(db, store, key, make as (stored: unknown) => T & object);
  const tx = db.transaction(store, 'readwrite');
  const next = make(await tx.store.get(key));
  await committed(tx, next === undefined ? tx.done : tx.store.put(next as never));
  return next;
}

/**
 * Wait for a write transaction to commit, with its own error rather than its requests' AbortErrors. (The
 * other tabs are told which stores changed by the connection itself: `announceWrites`.)
 */
export async function committed(
  tx: { done: Promise<void>; objectStoreNames?: ArrayLike<string> },
  ...requests: Promise<unknown>[]
): Promise<void> {
  const [done, ...rest] = await Promise.allSettled([tx.done, ...requests]);
  if (done?.status === 'rejected') throw done.reason;
  const failed = rest.find((r) => r.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
}

let connection: Promise<Db> | undefined;

/** The shared connection, opened on first use (never on the first screen's critical path before paint). */
export function getDb(): Promise<Db> {
  connection ??= openGroundwork().catch((error: unknown) => {
    connection = undefined;
    reportProblem(classify(error));
    throw error;
  });
  return connection;
}

export function resetConnection(): void {
  connection = undefined;
}

/**
 * "Delete everything" (shell/lock/wipe.ts): close this page's connection so the database can be deleted,
 * and never open it again in this page — a read or write still to come waits until the page reloads
 * instead of making a new, empty database behind the deletion.
 */
export async function closeForDeletion(): Promise<void> {
  const open = connection;
  connection = new Promise<Db>(() => {});
  (await open?.catch(() => undefined))?.close();
}

/** Map a DOMException to the problem the person is told about. */
export function classify(error: unknown): StorageProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') return { kind: 'quota' };
  if (name === 'VersionError') {
    markSuperseded();
    rescuePending();
    return { kind: 'newer-tab' };
  }
  if (name === 'InvalidStateError' || name === 'UnknownError' || name === 'SecurityError') return { kind: 'unavailable' };
  return { kind: 'unknown', detail: name || String(error) };
}
