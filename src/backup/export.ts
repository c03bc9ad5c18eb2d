/**
 * Export: every store in BACKUP_STORES into one backup file (format in backup/file.ts).
 *
 * Never freezes the page, whatever the size: the stores are read in one read-only transaction (one
 * consistent moment) in pages of PAGE records by primary key — each page a request whose success event is
 * a task of its own, so the page paints and takes input between pages — and each page is turned into JSON
 * text at once. Voice notes' Blobs are read after the transaction (a Blob outlives it), one recording at a
 * time with a yield between. The text is kept as a list of pieces and joined into bytes by a Blob, natively.
 * Sealing (WebCrypto, and the envelope's base64) runs in a worker, so the page stays responsive throughout.
 *
 * Encryption at rest (storage/sealing.ts): records sealed on this device are written OPENED into the file,
 * since the data key never leaves this device and a backup must restore anywhere (the file has its own
 * passphrase). They are opened after the transaction (WebCrypto would end it), a page at a time.
 */
import { unwrap } from 'idb';
import { getDb, type Db } from '../storage/db';
import { opened } from '../storage/sealing';
import { sealBytes } from './envelope-client';
import { BACKUP_STORES, DEVICE_SETTINGS, SKIPPED_STORES } from './stores';
import { BACKUP_FORMAT, BACKUP_VERSION, yieldNow } from './file';

/** Records per read: big enough that 10,000 entries are 20 round trips, small enough to keep tasks short. */
export const PAGE = 500;

export interface ExportProgress {
  phase: 'reading' | 'voice' | 'sealing';
  done: number;
  total: number;
}

export interface ExportedBackup {
  /** The plain JSON document, as UTF-8 bytes. */
  plain: Uint8Array;
  createdAt: number;
  /** Records per store, as written. */
  counts: Record<string, number>;
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

export async function exportBackup({
  db = getDb,
  now = Date.now,
  onProgress = () => {},
}: { db?: () => Promise<Db>; now?: () => number; onProgress?: (p: ExportProgress) => void } = {}): Promise<ExportedBackup> {
  const raw = unwrap(await db());
  const createdAt = now();
  const stores = BACKUP_STORES.filter((s) => raw.objectStoreNames.contains(s.name));
  const tx = raw.transaction(
    stores.map((s) => s.name),
    'readonly',
  );
  const sizes = await Promise.all(stores.map((s) => request(tx.objectStore(s.name).count())));
  const total = sizes.reduce((a, b) => a + b, 0);
  let done = 0;
  onProgress({ phase: 'reading', done, total });

  /** Per store: JSON pieces, or records still holding Blobs (encoded after the transaction). */
  const pieces = new Map<string, string[]>();
  const withBlobs = new Map<string, unknown[]>();
  /** Pages holding sealed records (lock on): opened and turned into JSON after the transaction. */
  const toOpen = new Map<string, Record<string, unknown>[][]>();
  const counts: Record<string, number> = {};
  for (const store of stores) {
    const os = tx.objectStore(store.name);
    const out: string[] = [];
    const blobbed: unknown[] = [];
    let lower: IDBValidKey | undefined;
    for (;;) {
      const page = (await request(os.getAll(lower === undefined ? null : IDBKeyRange.lowerBound(lower, true), PAGE))) as Record<string, unknown>[];
      if (page.some((r) => 'sealed' in r)) toOpen.set(store.name, [...(toOpen.get(store.name) ?? []), page]);
      else {
        for (const record of page) {
          if (store.name === 'settings' && DEVICE_SETTINGS.includes(record['key'] as string)) continue;
          if (store.codec) blobbed.push(record);
          else out.push(JSON.stringify(record));
        }
      }
      done += page.length;
      onProgress({ phase: 'reading', done, total });
      if (page.length < PAGE) break;
      lower = page[page.length - 1]![store.key] as IDBValidKey;
    }
    pieces.set(store.name, out);
    if (store.codec) withBlobs.set(store.name, blobbed);
  }

  // Sealed pages: opened a page at a time (a record that cannot be opened fails the export: it must not be
  // left out silently, nor written sealed into a file no other device can read).
  for (const store of stores) {
    for (const page of toOpen.get(store.name) ?? []) {
      for (const record of (await opened(store.name as never, page)) as Record<string, unknown>[]) {
        if ('unopened' in record) throw new Error(`A record in ${store.name} could not be opened`);
        if (store.codec) withBlobs.get(store.name)!.push(record);
        else pieces.get(store.name)!.push(JSON.stringify(record));
      }
      await yieldNow();
    }
  }

  // Blobs: read one recording at a time, yielding between, so 200 voice notes never block the page.
  const blobTotal = [...withBlobs.values()].reduce((n, list) => n + list.length, 0);
  let blobDone = 0;
  for (const store of stores) {
    const list = withBlobs.get(store.name);
    if (!list) continue;
    const out = pieces.get(store.name)!;
    for (const record of list) {
      out.push(JSON.stringify(await store.codec!.encode(record)));
      onProgress({ phase: 'voice', done: ++blobDone, total: blobTotal });
      await yieldNow();
    }
  }

  const body: string[] = ['{'];
  stores.forEach((store, i) => {
    const list = pieces.get(store.name)!;
    counts[store.name] = list.length;
    body.push(`${i ? ',' : ''}${JSON.stringify(store.name)}:[`);
    for (let j = 0; j < list.length; j++) body.push(j ? `,${list[j]}` : list[j]!);
    body.push(']');
  });
  body.push('}');
  onProgress({ phase: 'sealing', done: 0, total: 1 });
  const header = JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt,
    schemaVersion: raw.version,
    skipped: SKIPPED_STORES.filter((s) => raw.objectStoreNames.contains(s.name)).map((s) => ({ store: s.name, note: s.note })),
  });
  const plain = new Uint8Array(await new Blob([header.slice(0, -1), ',"stores":', ...body, '}']).arrayBuffer());
  return { plain, createdAt, counts };
}

/** The file to save: sealed with the passphrase, or plain when the person chose that knowingly. */
export async function sealBackup(plain: Uint8Array, secret: { passphrase: string } | { plain: true }): Promise<Blob> {
  // In a worker: the envelope's base64 work takes seconds on a large backup (backup/envelope-client.ts).
  const sealed = await sealBytes(plain, 'passphrase' in secret ? secret.passphrase : null);
  return new Blob([sealed as BlobPart], { type: 'application/json' });
}

/** `groundwork-backup-YYYY-MM-DD.json`, in the person's local date. */
export function backupFileName(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `groundwork-backup-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.json`;
}
