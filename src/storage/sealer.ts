/**
 * Encryption at rest, the working part behind the seam in storage/sealing.ts (issue 17). Loaded with the
 * lock (never on the first screen). It holds the sealer (storage/sealed-fields.ts: AES-GCM-256 under the
 * data key) while unlocked, and fills the seam's slot whenever the lock is on, locked or not:
 *  - unlocked: writes are sealed, sealed records are opened;
 *  - locked (the data key dropped): writes wait for the unlock (the writers keep the words in memory
 *    meanwhile), so nothing is written in the clear while the lock is on; reads of sealed records fail with
 *    `SealedError('locked')`, except what Ground needs while locked (`hook.open` below);
 *  - off: the slot is empty (sealing.ts reads and writes records as they are).
 * A record says itself whether it is sealed (`sealed` present), so a store can hold both while the
 * re-encryption runs, and every record stays readable.
 *
 * Why not one wrapper around the idb handle: WebCrypto is asynchronous, and an IndexedDB transaction
 * commits as soon as it waits on anything but its own requests, so sealing cannot happen inside one.
 * Writes are sealed before their transaction; a read-modify-write reads, opens, changes, seals, then writes
 * only if the record is still the one it read (`changeSealed`, retried otherwise).
 */
import { committed, type Db } from './db';
import { atRest, type AtRestHook, type StoreName } from './sealing';

export type { StoreName };

export interface Sealer {
  /** The data key, so the search worker can open entries in its own memory (CryptoKeys are cloneable). */
  key?: CryptoKey;
  seal(store: StoreName, value: object): Promise<object>;
  open(store: StoreName, value: object): Promise<object>;
}

/** A sealed record could not be opened: `locked` (the key is not in memory), `off` (the lock was removed
 *  but this record is still sealed — it cannot be read without the lock's passphrase), `unreadable`. */
export class SealedError extends Error {
  constructor(readonly reason: 'locked' | 'off' | 'unreadable') {
    super(
      reason === 'locked'
        ? 'This record is encrypted and the app is locked: unlock to read it.'
        : reason === 'off'
          ? 'This record is encrypted, but the app lock is off: it cannot be read without the lock’s passphrase.'
          : 'This encrypted record could not be opened.',
    );
    this.name = 'SealedError';
  }
}

let sealer: Sealer | undefined;
/** At rest is on but the key is not in memory (locked): reads of sealed records fail, writes wait. */
let closed = false;
let waiting: (() => void)[] = [];

/** The lock sets the sealer on unlocking, `(undefined, true)` on locking (the key is dropped), and
 *  `(undefined)` once the lock is removed and every record opened. */
export function setSealer(next: Sealer | undefined, isClosed = false): void {
  sealer = next;
  closed = !next && isClosed;
  // A new hook object at every unlock: what was kept in memory for one unlock is not used in the next.
  atRest.on = next ? { ...hook } : closed ? hook : undefined;
  if (!next) atRest.closed?.();
  // Unlocked, or the lock removed (in another tab): writes that waited go on (sealed, or plain once removed).
  if (!closed) {
    const w = waiting;
    waiting = [];
    for (const go of w) go();
  }
}

export function currentSealer(): Sealer | undefined {
  return sealer;
}

export const isSealed = (raw: unknown): boolean => typeof raw === 'object' && raw !== null && 'sealed' in raw;

/**
 * What to store for `value`: sealed when at rest is on. While locked, the write waits for the unlock (the
 * writer keeps the words in memory meanwhile), so nothing is ever written in the clear while the lock is on.
 */
export async function sealRecord<T extends object>(store: StoreName, value: T): Promise<T> {
  let s = sealer;
  // Settings hold no sealed field (the lock's own record must be readable while locked): never wait.
  if (!s && closed && store !== 'settings') {
    await new Promise<void>((go) => waiting.push(go));
    s = sealer;
  }
  return s ? ((await s.seal(store, value)) as T) : value;
}

/** The record as its schema expects it. Throws `SealedError` when it cannot be opened. */
export async function openRecord(store: StoreName, raw: unknown): Promise<unknown> {
  if (!isSealed(raw)) return raw;
  const s = sealer;
  if (!s) throw new SealedError(closed ? 'locked' : 'off');
  try {
    return await s.open(store, raw as object);
  } catch {
    throw new SealedError('unreadable');
  }
}

/**
 * Open a batch. A record that fails to open (damaged, another key) comes back as `{ id, unopened: true }`,
 * which its schema refuses, so it is reported unreadable like any damaged record (and never deleted).
 * Locked or off: throws, since then nothing sealed can be read and that is not damage.
 */
export async function openMany(store: StoreName, raws: readonly unknown[]): Promise<unknown[]> {
  if (!raws.some(isSealed)) return raws as unknown[];
  const s = sealer;
  if (!s) throw new SealedError(closed ? 'locked' : 'off');
  return Promise.all(
    raws.map((r) =>
      isSealed(r) ? s.open(store, r as object).catch(() => ({ id: (r as { id?: unknown }).id, unopened: true })) : r,
    ),
  );
}

/**
 * Like `openMany`, but while locked the sealed records are left out instead of failing: for what Ground
 * may read while the app is locked (unfinished sessions), which then reads as if they were not there.
 */
async function openReadable(store: StoreName, raws: readonly unknown[]): Promise<unknown[]> {
  if (!sealer && closed) return raws.filter((r) => !isSealed(r));
  return openMany(store, raws);
}

/**
 * For records whose plain part is still a whole record (a dose without its note): while locked, the plain
 * part; otherwise opened. Today's dose phase, which decides what Ground offers, keeps working while locked.
 */
async function openOrPlain(store: StoreName, raws: readonly unknown[]): Promise<unknown[]> {
  if (!sealer && closed) return raws.map((r) => (isSealed(r) ? (({ sealed: _s, ...plain }) => plain)(r as { sealed: unknown }) : r));
  return openMany(store, raws);
}

/** Same record as when it was read: `updatedAt` (plain) and sealed-ness unchanged. */
export function sameVersion(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (a as { updatedAt?: unknown }).updatedAt === (b as { updatedAt?: unknown }).updatedAt && isSealed(a) === isSealed(b);
}

/**
 * Read-modify-write of one record, with sealing outside the transaction: read and open, `fn` gives the
 * next value (or undefined to leave it), seal, then in one transaction put it only if the stored record
 * is still the one read; otherwise start again (another tab or the re-encryption wrote in between).
 */
export async function changeSealed<S extends StoreName, T extends object>(
  d: Db,
  store: S,
  key: string,
  fn: (current: unknown) => T | undefined,
): Promise<T | undefined> {
  for (let attempt = 0; ; attempt++) {
    const raw = await d.get(store, key);
    const next = fn(raw === undefined ? undefined : await openRecord(store, raw));
    if (next === undefined) return undefined;
    const stored = await sealRecord(store, next);
    const tx = d.transaction(store, 'readwrite');
    const now = await tx.store.get(key);
    if (!sameVersion(now, raw)) {
      await tx.done;
      if (attempt >= 8) throw new Error(`${store} ${key} kept changing while being saved`);
      continue;
    }
    // committed(): the transaction's own error, and the other tabs told the store changed (changes.ts).
    await committed(tx, tx.store.put(stored as never));
    return next;
  }
}

const hook: AtRestHook = {
  seal: sealRecord,
  // While locked: Ground reads unfinished sessions (sealed ones left out) and today's dose phase (a dose's
  // plain part: when it was taken, not its note).
  open: (store, raws) => (store === 'sessions' ? openReadable(store, raws) : store === 'doses' ? openOrPlain(store, raws) : openMany(store, raws)),
  change: (d, store, key, fn) => changeSealed(d, store, key, fn) as never,

};
