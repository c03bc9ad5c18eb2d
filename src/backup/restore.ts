/**
 * Restore: what a validated backup (backup/file.ts `readBackup`) will change, and then changing it.
 *
 * `planRestore` reads this device's records in a read-only transaction and runs the merge rule
 * (backup/merge.ts) to count, per store, what will be added, updated, kept both or skipped: shown before
 * anything is written. `applyRestore` does it for real in ONE read-write transaction over every store
 * involved: it reads the records again inside it (so a change made in another tab since the preview is
 * merged, not overwritten), decides, and writes. IndexedDB commits a transaction whole or not at all, so a
 * browser killed mid-way leaves the database as it was before, never a mix. The puts go out in batches of
 * BATCH, each batch's last success event a task of its own: progress is shown and the page stays alive
 * while the transaction stays open.
 *
 * Encryption at rest on (storage/sealing.ts): this device's records are opened to be compared, and what the
 * restore writes is sealed, so nothing from a backup lands in the clear while the lock is on. WebCrypto would
 * end a transaction, so that happens before it: read and open, decide, seal; then, inside the one read-write
 * transaction, the records are read again and the restore goes on only if none changed meanwhile (another
 * tab, the background re-encryption) — otherwise it starts again. Still all or nothing.
 */
import { unwrap } from 'idb';
import { getDb, type Db } from '../storage/db';
import { newId as makeId } from '../storage/ids';
import { atRest, opened, sealed } from '../storage/sealing';
import type { BackupContents } from './file';
import { decide, type MergeWording, type Outcome } from './merge';
import { backupStore } from './stores';

export const BATCH = 500;

export type StoreCounts = Record<Outcome, number>;

export interface RestorePlan {
  /** Per store in the file, in file order. */
  stores: { store: string; counts: StoreCounts }[];
  /** Records the restore will write (updates, additions and kept copies). */
  writes: number;
  /** Settings in the file that belong to the device that made it, or that this version does not know. */
  ignored: number;
}

export interface RestoreOptions {
  db?: () => Promise<Db>;
  wording: MergeWording;
  /** The label of a store for a kept-words entry's title. */
  labelOf: (store: string) => string;
  now?: () => number;
  newId?: () => string;
  onProgress?: (done: number, total: number) => void;
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

async function readLocal(tx: IDBTransaction, names: string[]): Promise<Map<string, Map<IDBValidKey, Record<string, unknown>>>> {
  const all = await Promise.all(names.map((n) => request(tx.objectStore(n).getAll())));
  const out = new Map<string, Map<IDBValidKey, Record<string, unknown>>>();
  names.forEach((name, i) => {
    const key = backupStore(name)!.key;
    out.set(name, new Map((all[i] as Record<string, unknown>[]).map((r) => [r[key] as IDBValidKey, r])));
  });
  return out;
}

type Local = Map<string, Map<IDBValidKey, Record<string, unknown>>>;

/** The records as the merge compares them: sealed ones opened (lock on). */
async function openLocal(local: Local): Promise<Local> {
  const out: Local = new Map();
  for (const [name, records] of local) {
    const open = (await opened(name as never, [...records.values()])) as Record<string, unknown>[];
    out.set(name, new Map([...records.keys()].map((k, i) => [k, open[i]!])));
  }
  return out;
}

/** One record's version as stored: a sealed record's IV is new at every write; otherwise updatedAt (or a setting's value). */
function version(r: Record<string, unknown> | undefined): string {
  if (r === undefined) return '';
  const box = r['sealed'] as { iv?: Uint8Array } | undefined;
  return box ? `s${Array.from(box.iv ?? []).join()}` : JSON.stringify([r['updatedAt'], r['value']]);
}

function unchanged(a: Local, b: Local): boolean {
  for (const [name, records] of a) {
    const other = b.get(name)!;
    if (other.size !== records.size) return false;
    for (const [k, r] of records) if (version(r) !== version(other.get(k))) return false;
  }
  return true;
}

/** Thrown inside the transaction when the records changed since they were opened: start again. */
const CHANGED = new Error('changed while restoring');

function decideAll(contents: BackupContents, local: Map<string, Map<IDBValidKey, Record<string, unknown>>>, o: Required<Omit<RestoreOptions, 'db' | 'onProgress'>>) {
  const now = o.now();
  const plan: RestorePlan = { stores: [], writes: 0, ignored: contents.ignored };
  const writes: { store: string; record: Record<string, unknown> }[] = [];
  for (const [name, records] of contents.stores) {
    const store = backupStore(name)!;
    const here = local.get(name) ?? new Map();
    const counts: StoreCounts = { added: 0, updated: 0, keptBoth: 0, skipped: 0 };
    for (const incoming of records) {
      const d = decide({
        policy: store.policy,
        key: store.key,
        label: o.labelOf(name),
        incoming,
        local: here.get(incoming[store.key] as IDBValidKey),
        wording: o.wording,
        now,
        newId: o.newId,
      });
      counts[d.outcome]++;
      if (d.put) writes.push({ store: name, record: d.put });
      if (d.extra) writes.push(d.extra);
    }
    plan.stores.push({ store: name, counts });
  }
  plan.writes = writes.length;
  return { plan, writes };
}

function withDefaults(o: RestoreOptions) {
  return { wording: o.wording, labelOf: o.labelOf, now: o.now ?? Date.now, newId: o.newId ?? makeId };
}

/** What a restore would do, without writing anything. */
export async function planRestore(contents: BackupContents, options: RestoreOptions): Promise<RestorePlan> {
  const raw = unwrap(await (options.db ?? getDb)());
  const names = [...contents.stores.keys()].filter((n) => raw.objectStoreNames.contains(n));
  if (names.length === 0) return decideAll(contents, new Map(), withDefaults(options)).plan;
  const tx = raw.transaction(names, 'readonly');
  const local = await openLocal(await readLocal(tx, names));
  return decideAll(contents, local, withDefaults(options)).plan;
}

/** Merge the backup into the database, all or nothing. Resolves once the transaction has committed. */
export async function applyRestore(contents: BackupContents, options: RestoreOptions): Promise<RestorePlan> {
  const raw = unwrap(await (options.db ?? getDb)());
  const names = [...contents.stores.keys()];
  const missing = names.filter((n) => !raw.objectStoreNames.contains(n));
  if (missing.length) throw new Error(`This database has no store ${missing.join(', ')}`);
  const scope = [...new Set([...names, 'entries', 'settings'])];
  const on = await atRest.on;
  for (let attempt = 0; ; attempt++) {
    // Lock on: read, open, decide and seal before the transaction (see the top of this file).
    let prepared: { before: Local; plan: RestorePlan; writes: { store: string; record: Record<string, unknown> }[] } | undefined;
    if (on) {
      const before = await readLocal(raw.transaction(names, 'readonly'), names);
      const { plan, writes } = decideAll(contents, await openLocal(before), withDefaults(options));
      const stored = await Promise.all(writes.map(async (w) => ({ store: w.store, record: await sealed(w.store as never, w.record) })));
      prepared = { before, plan, writes: stored };
    }
    try {
      return await applyOnce(raw, scope, names, contents, options, prepared);
    } catch (error) {
      if (error !== CHANGED || attempt >= 4) throw error === CHANGED ? new Error('Records kept changing during the restore') : error;
    }
  }
}

async function applyOnce(
  raw: IDBDatabase,
  scope: string[],
  names: string[],
  contents: BackupContents,
  options: RestoreOptions,
  prepared: { before: Local; plan: RestorePlan; writes: { store: string; record: Record<string, unknown> }[] } | undefined,
): Promise<RestorePlan> {
  const tx = raw.transaction(scope, 'readwrite');
  const finished = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('The restore was stopped', 'AbortError'));
  });
  finished.catch(() => {}); // awaited below; a failed request must not also surface as unhandled
  try {
    const local = await readLocal(tx, names);
    if (prepared && !unchanged(prepared.before, local)) throw CHANGED;
    const { plan, writes } = prepared ?? decideAll(contents, local, withDefaults(options));
    // The data in this backup was safe as of its making: the reminder counts from then (never backwards).
    const last = (await request(tx.objectStore('settings').get('lastBackupAt'))) as { value?: unknown } | undefined;
    const lastAt = typeof last?.value === 'number' ? last.value : 0;
    if (contents.createdAt > lastAt) writes.push({ store: 'settings', record: { key: 'lastBackupAt', value: contents.createdAt } });
    options.onProgress?.(0, writes.length);
    for (let i = 0; i < writes.length; i += BATCH) {
      const batch: Promise<unknown>[] = [];
      for (const w of writes.slice(i, i + BATCH)) {
        const put = request(tx.objectStore(w.store).put(w.record));
        put.catch(() => {}); // an abort rejects every request still pending; the transaction's error is the one reported
        batch.push(put);
      }
      await Promise.all(batch);
      options.onProgress?.(Math.min(i + BATCH, writes.length), writes.length);
    }
    await finished;
    return plan;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already finished or aborted
    }
    await finished.catch(() => {});
    throw error;
  }
}
