/**
 * Encryption at rest, turned on, resumed, re-wrapped and removed (issue 17). Loaded with the lock guard.
 *
 * The data key (random AES-GCM-256) is stored only wrapped by the lock's record key (`settings.atRest`),
 * lives in memory only while unlocked (`setSealer`) and is dropped on locking.
 *  - Turning the lock on writes the lock and the wrapped key in one transaction with `job: 'seal'`, then
 *    seals every record in the background (`reseal`), then `job: 'none'`.
 *  - Removing it sets `job: 'open'` (the lock stays until the end), opens every record, then deletes the
 *    lock and the key in one transaction. New writes meanwhile are plain.
 *  - Changing the passphrase re-wraps the data key only (one transaction with the new lock): no record is
 *    re-encrypted, and the device's copy (`atRest.device`, "Unlock with this device") stays valid, since
 *    it wraps the same data key.
 * Each record says whether it is sealed, and the key stays until no record needs it, so a browser killed at
 * any point leaves records that are all readable after the next unlock, which resumes the job where it was
 * (it is idempotent: it only touches records not yet in the target form).
 */
import * as v from 'valibot';
import { committed, type Db } from './db';
import { SettingSchemas, type SettingValue } from './schema';
import { SEALED_STORES, makeSealer, newDataKey, rewrapDataKey, unwrapDataKey } from './sealed-fields';
import { currentSealer, isSealed, sameVersion, setSealer, type Sealer } from './sealer';
import { atRest, type AtRestHook } from './sealing';

/** The `atRest` record of the settings store: only this file reads and writes it, so its schema is here, not
 *  in storage/schema.ts `SettingSchemas` (which is on the first screen). */
const DeviceCopySchema = v.object({
  v: v.literal(1),
  /** base64 of the WebAuthn credential's raw id */
  credentialId: v.pipe(v.string(), v.minLength(1)),
  /** base64 of the 32-byte PRF salt (`eval.first`) */
  salt: v.pipe(v.string(), v.minLength(1)),
  /** the data key wrapped under the PRF output (crypto/device-key.ts) */
  key: v.string(),
  iv: v.string(),
});
const AtRestSchema = v.nullable(
  v.object({
    v: v.literal(1),
    key: v.string(),
    iv: v.string(),
    job: v.picklist(['seal', 'open', 'none']),
    /** "Unlock with this device": a second copy of the same data key, under the device's PRF output. */
    device: v.optional(DeviceCopySchema),
  }),
);
export type AtRest = NonNullable<v.InferOutput<typeof AtRestSchema>>;
export type DeviceCopy = v.InferOutput<typeof DeviceCopySchema>;
export type LockRecordValue = NonNullable<SettingValue<'appLock'>>;
export interface ResealProgress {
  job: 'seal' | 'open';
  done: number;
  total: number;
}

const BATCH = 200;

async function readSetting<K extends 'atRest' | 'appLock'>(d: Db, key: K): Promise<(K extends 'atRest' ? AtRest : LockRecordValue) | null> {
  const record = await d.get('settings', key);
  const parsed = v.safeParse(key === 'atRest' ? AtRestSchema : SettingSchemas.appLock, record?.value);
  return parsed.success ? (parsed.output as never) : null;
}

/** Both settings in one transaction: the lock and its key never disagree on disk. */
async function writeSettings(d: Db, values: { appLock?: LockRecordValue | null; atRest?: AtRest | null }): Promise<void> {
  const tx = d.transaction('settings', 'readwrite');
  const puts = Object.entries(values).map(([key, value]) => tx.store.put({ key, value }));
  await committed(tx, ...puts);
}

/** Writes plain, opens sealed records: while the lock is being removed. */
function openOnly(s: Sealer): Sealer {
  return { seal: async (_store, value) => value, open: s.open };
}

/**
 * Bring every record of every sealed store to `job`'s form (sealed or plain), a batch at a time. A record
 * changed by the app while its batch was being converted is left as the app wrote it (already in the right
 * form). One that cannot be opened is left sealed and counted in `failed`. Returns the records changed.
 */
export async function reseal(
  d: Db,
  job: 'seal' | 'open',
  sealer: Sealer,
  onProgress: (p: ResealProgress) => void = () => {},
): Promise<{ changed: number; failed: number }> {
  const counts = await Promise.all(SEALED_STORES.map((s) => d.count(s)));
  const total = counts.reduce((a, b) => a + b, 0);
  let done = 0;
  let changed = 0;
  let failed = 0;
  onProgress({ job, done, total });
  for (const store of SEALED_STORES) {
    let after: IDBValidKey | undefined;
    for (;;) {
      const range = after === undefined ? null : IDBKeyRange.lowerBound(after, true);
      const tx = d.transaction(store);
      const [values, keys] = await Promise.all([tx.store.getAll(range, BATCH), tx.store.getAllKeys(range, BATCH)]);
      if (!values.length) break;
      const todo = values.map((value, i) => ({ value, key: keys[i]! })).filter(({ value }) => isSealed(value) === (job === 'open'));
      const next = await Promise.all(
        todo.map(({ value }) =>
          (job === 'seal' ? sealer.seal(store, value) : sealer.open(store, value)).catch(() => {
            failed++;
            return undefined;
          }),
        ),
      );
      if (todo.length) {
        const w = d.transaction(store, 'readwrite');
        const writes = todo.map(async ({ value, key }, i) => {
          const n = next[i];
          if (!n) return;
          const now = await w.store.get(key as string);
          if (!sameVersion(now, value)) return;
          await w.store.put(n as never);
          changed++;
        });
        await committed(w, ...writes);
      }
      done += values.length;
      onProgress({ job, done, total: Math.max(total, done) });
      after = keys[keys.length - 1];
      if (values.length < BATCH) break;
    }
  }
  return { changed, failed };
}

/*
 * Other tabs. Removing the lock in one tab while another is unlocked: the other would go on sealing what it
 * writes after the removal's pass, with a key about to be deleted. So the removing tab says 'opening' first
 * (the others write plain from then on, still opening sealed records), makes a last pass for anything sealed
 * meanwhile, and says 'off' once the lock and key are gone (the others empty their slot; a write waiting in
 * a locked tab then goes on, plain).
 */
const CHANNEL = 'groundwork:at-rest';
let channel: BroadcastChannel | undefined;

function listen(): void {
  if (channel || typeof BroadcastChannel !== 'function') return;
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (e: MessageEvent) => {
    const s = currentSealer();
    if (e.data === 'opening' && s) setSealer(openOnly(s));
    else if (e.data === 'off') setSealer(undefined);
  };
}

function tell(what: 'opening' | 'off'): void {
  listen();
  channel?.postMessage(what);
}

/** Stop listening (tests: a fresh "page"). */
export function closeChannel(): void {
  channel?.close();
  channel = undefined;
}

let running: Promise<void> | undefined;
let listener: (p: ResealProgress | undefined) => void = () => {};

/** Settings shows the progress; `undefined` when nothing runs. */
export function onResealProgress(fn: (p: ResealProgress | undefined) => void): void {
  listener = fn;
}

function run(d: Db, job: 'seal' | 'open', sealer: Sealer, atRest: AtRest): Promise<void> {
  running ??= (async () => {
    try {
      await reseal(d, job, sealer, listener);
      if (job === 'seal') await writeSettings(d, { atRest: { ...atRest, job: 'none' } });
      else {
        // A last pass for anything another tab sealed before it heard 'opening' (until one changes nothing).
        for (let pass = 0; pass < 5 && (await reseal(d, job, sealer)).changed > 0; pass++);
        await writeSettings(d, { appLock: null, atRest: null });
        setSealer(undefined);
        tell('off');
      }
    } finally {
      running = undefined;
      listener(undefined);
    }
  })();
  return running;
}

/** The job under way, if any (tests and Settings wait on it). */
export function resealing(): Promise<void> | undefined {
  return running;
}

/** The lock is on and closed (at start, or locked): sealed records cannot be read; writes wait for the key. */
export function closeAtRest(): AtRestHook {
  listen();
  setSealer(undefined, true);
  return atRest.on as AtRestHook;
}

/**
 * Turn the lock on: the lock and a new wrapped data key are written together, then every record is sealed
 * in the background (the returned promise ends when it is finished).
 */
export async function turnOn(d: Db, lock: LockRecordValue, recordKey: CryptoKey): Promise<{ job: Promise<void> }> {
  const { wrapped, dataKey } = await newDataKey(recordKey);
  const atRest: AtRest = { v: 1, ...wrapped, job: 'seal' };
  await writeSettings(d, { appLock: lock, atRest });
  const sealer = makeSealer(dataKey);
  setSealer(sealer);
  listen();
  return { job: run(d, 'seal', sealer, atRest) };
}

/**
 * The right passphrase was entered: the data key goes into memory and an interrupted job resumes.
 * `removing`: a removal had been interrupted; it goes on now, and when `job` ends the lock is off.
 * A lock made before encryption at rest existed gets its data key now, and its records sealed.
 */
export async function unlockAtRest(d: Db, recordKey: CryptoKey): Promise<{ job?: Promise<void>; removing?: true }> {
  listen();
  const atRest = await readSetting(d, 'atRest');
  if (!atRest) {
    const lock = await readSetting(d, 'appLock');
    if (!lock) {
      lockRemoved();
      return {};
    }
    return turnOn(d, lock, recordKey);
  }
  return resumeWith(d, atRest, await unwrapDataKey(atRest, recordKey));
}

/** The device's copy of the data key, if "Unlock with this device" was set up (and the lock is on). */
export async function deviceCopy(d: Db): Promise<DeviceCopy | null> {
  const atRest = await readSetting(d, 'atRest');
  return (atRest?.job !== 'open' && atRest?.device) || null;
}

/**
 * Unlocked with the device: `open` turns the stored copy into the data key (or `undefined` when the device's
 * answer does not open it). Returns `false` when it did not open, otherwise as `unlockAtRest`.
 */
export async function unlockAtRestWithDevice(
  d: Db,
  open: (copy: DeviceCopy) => Promise<CryptoKey | undefined>,
): Promise<false | { job?: Promise<void>; removing?: true }> {
  listen();
  const atRest = await readSetting(d, 'atRest');
  if (!atRest?.device) return false;
  const dataKey = await open(atRest.device);
  return dataKey ? resumeWith(d, atRest, dataKey) : false;
}

/** The extractable data key, to wrap a device copy of it (Settings, after the passphrase was checked). */
export async function dataKeyToShare(d: Db, recordKey: CryptoKey): Promise<CryptoKey | undefined> {
  const atRest = await readSetting(d, 'atRest');
  return atRest ? unwrapDataKey(atRest, recordKey, true) : undefined;
}

/** Store (or, with `null`, delete) the device's copy of the data key. */
export async function setDeviceCopy(d: Db, device: DeviceCopy | null): Promise<void> {
  const atRest = await readSetting(d, 'atRest');
  if (!atRest) return;
  const { device: _old, ...rest } = atRest;
  await writeSettings(d, { atRest: device ? { ...rest, device } : rest });
}

function resumeWith(d: Db, atRest: AtRest, dataKey: CryptoKey): { job?: Promise<void>; removing?: true } {
  const sealer = makeSealer(dataKey);
  if (atRest.job === 'open') {
    setSealer(openOnly(sealer));
    return { job: run(d, 'open', openOnly(sealer), atRest), removing: true };
  }
  setSealer(sealer);
  return atRest.job === 'seal' ? { job: run(d, 'seal', sealer, atRest) } : {};
}

/** The lock was removed (in another tab) while this one was locked: no key any more, writes go on plain. */
export function lockRemoved(): void {
  setSealer(undefined);
}

/** A new passphrase: only the data key is re-wrapped, in the same transaction as the new lock. */
export async function changePassphrase(d: Db, lock: LockRecordValue, oldRecordKey: CryptoKey, newRecordKey: CryptoKey): Promise<void> {
  const atRest = await readSetting(d, 'atRest');
  if (!atRest) return writeSettings(d, { appLock: lock });
  await writeSettings(d, { appLock: lock, atRest: { ...atRest, ...(await rewrapDataKey(atRest, oldRecordKey, newRecordKey)) } });
}

/**
 * Remove the lock: every record is opened first (in the background, resumable); the lock and the key are
 * deleted together at the very end, so no sealed record is ever left without the key that opens it.
 */
export async function turnOff(d: Db, recordKey: CryptoKey): Promise<{ job: Promise<void> }> {
  const atRest = await readSetting(d, 'atRest');
  if (!atRest) {
    await writeSettings(d, { appLock: null });
    setSealer(undefined);
    return { job: Promise.resolve() };
  }
  await running?.catch(() => undefined);
  const sealer = openOnly(makeSealer(await unwrapDataKey(atRest, recordKey)));
  // The device's copy goes at once: from now on only the passphrase opens what is left.
  const { device: _device, ...rest } = atRest;
  const opening: AtRest = { ...rest, job: 'open' };
  await writeSettings(d, { atRest: opening });
  setSealer(sealer);
  tell('opening');
  return { job: run(d, 'open', sealer, opening) };
}
