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

/** 'skip': while locked, leave sealed records out (Ground reading unfinished sessions while locked);
 *  'plain': while locked, give their plain part (a dose without its note: the dose phase keeps working). */
export type OpenMode = 'skip' | 'plain';

export interface AtRestHook {
  seal<T extends object>(store: StoreName, value: T): Promise<T>;
  open(store: StoreName, raws: readonly unknown[], mode?: OpenMode): Promise<unknown[]>;
  change<T extends object>(d: Db, store: StoreName, key: string, fn: (current: unknown) => T): Promise<T>;
}

export const atRest: { on?: AtRestHook | Promise<AtRestHook> } = {};

/** What to store for `value` (sealed while the lock is on). */
export async function sealed<T extends object>(store: StoreName, value: T): Promise<T> {
  const a = await atRest.on;
  return a ? a.seal(store, value) : value;
}

/** The records as their schemas expect them. A sealed record found while the lock is off cannot be read:
 *  that is said (a `SealedError`, reason `off`), not passed off as damage. */
export async function opened(store: StoreName, raws: readonly unknown[], mode?: OpenMode): Promise<unknown[]> {
  const a = await atRest.on;
  if (a) return a.open(store, raws, mode);
  if (raws.some((r) => (r as { sealed?: unknown } | undefined)?.sealed))
    throw Object.assign(Error('Encrypted record, and the app lock is off'), { name: 'SealedError', reason: 'off' });
  return raws as unknown[];
}
