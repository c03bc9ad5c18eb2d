/**
 * Encryption at rest: the seam every repository goes through (issue 17). It is on the first screen, so it
 * is only a slot and two small helpers; the sealing itself (storage/sealer.ts, storage/sealed-fields.ts)
 * loads with the lock and fills `atRest.on` — a promise while it loads at start — and empties it when the
 * lock is removed. While the slot is empty, records are written and read as they are.
 *
 * Every write of a record goes through `sealed` (putOne does it), every read through `opened` before its
 * schema parse, and a read-modify-write through `atRest.on.change` when the slot is filled (WebCrypto is
 * asynchronous and would end an IndexedDB transaction, so sealing happens outside one; sealer.ts says how).
 */
import type { StoreNames } from 'idb';
import type { Db, GroundworkDB } from './db';

export type StoreName = StoreNames<GroundworkDB>;

export interface AtRestHook {
  seal<T extends object>(store: StoreName, value: T): Promise<T>;
  /** While locked, what a store gives depends on the store (sealer.ts `hook`): sessions leave sealed records
   *  out (Ground reads unfinished sessions while locked), doses give their plain part (the dose phase keeps
   *  working), every other store fails with a SealedError. */
  open(store: StoreName, raws: readonly unknown[]): Promise<unknown[]>;
  change<T extends object>(d: Db, store: StoreName, key: string, fn: (current: unknown) => T): Promise<T>;
}

/** `on`: the slot. `closed`: called when the app locks or the lock is removed (the main-thread search index,
 *  which holds opened words in memory, is dropped then: storage/search-scan.ts). */
export const atRest: { on?: AtRestHook | Promise<AtRestHook>; closed?: () => void } = {};

/** What to store for `value` (sealed while the lock is on). */
export async function sealed<T extends object>(store: StoreName, value: T): Promise<T> {
  const a = await atRest.on;
  return a ? a.seal(store, value) : value;
}

/** The records as their schemas expect them. A sealed record found while the lock is off cannot be read:
 *  that is said (an error), not passed off as damage (which a parse failure would be, or worse, a record whose
 *  fields are all optional read as empty and later written over). */
export async function opened(store: StoreName, raws: readonly unknown[]): Promise<unknown[]> {
  const a = await atRest.on;
  if (a) return a.open(store, raws);
  if (raws.some((r) => (r as { sealed?: unknown } | undefined)?.sealed))
    throw Error('sealed');
  return raws as unknown[];
}
