/**
 * Issue 17, "Unlock with this device" in storage: the device's copy of the data key lives in the `atRest`
 * setting (schema-checked at read); with the right PRF output it opens the same records the passphrase
 * opens; a wrong output opens nothing; changing the passphrase keeps the copy working; "Remove device
 * unlock" and removing the lock delete it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshIndexedDB } from './fixtures/idb';
import { getDb } from '../../src/storage/db';
import { entriesRepo } from '../../src/storage/entries';
import { setSealer } from '../../src/storage/sealer';
import { unwrapWithDevice, wrapForDevice } from '../../src/crypto/device-key';
import {
  changePassphrase,
  closeAtRest,
  closeChannel,
  dataKeyToShare,
  deviceCopy,
  resealing,
  setDeviceCopy,
  turnOff,
  turnOn,
  unlockAtRestWithDevice,
  type DeviceCopy,
  type LockRecordValue,
} from '../../src/storage/at-rest';

const LOCK: LockRecordValue = { v: 1, iterations: 600_000, salt: 'c2FsdA==', verifier: 'dmVyaWZpZXI=' };
const recordKey = () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['wrapKey', 'unwrapKey']);
const PRF = new Uint8Array(32).fill(9);
const WRONG = new Uint8Array(32).fill(8);
const withPrf = (prf: Uint8Array<ArrayBuffer>) => (copy: DeviceCopy) => unwrapWithDevice(copy, prf);

beforeEach(() => {
  freshIndexedDB();
  setSealer(undefined);
});
afterEach(async () => {
  await resealing()?.catch(() => undefined);
  closeChannel();
  setSealer(undefined);
  (await getDb()).close();
});

async function lockedWithDevice() {
  const d = await getDb();
  const key = await recordKey();
  await (await turnOn(d, LOCK, key)).job;
  const entry = await entriesRepo().create({ kind: 'free', title: 'Tide', body: 'the keeper sang', complete: true });
  const wrapped = await wrapForDevice((await dataKeyToShare(d, key))!, PRF);
  await setDeviceCopy(d, { v: 1, credentialId: 'Y3JlZA==', salt: 'c2FsdA==', ...wrapped });
  closeAtRest();
  return { d, key, entry };
}

describe('the device copy of the data key', () => {
  it('opens the records with the right PRF output, and nothing with a wrong one', async () => {
    const { d, entry } = await lockedWithDevice();
    expect(await deviceCopy(d)).toMatchObject({ v: 1, credentialId: 'Y3JlZA==' });
    expect(await unlockAtRestWithDevice(d, withPrf(WRONG))).toBe(false);
    await expect(entriesRepo().get(entry.id)).rejects.toThrow();
    expect(await unlockAtRestWithDevice(d, withPrf(PRF))).toEqual({});
    expect((await entriesRepo().get(entry.id))?.body).toBe('the keeper sang');
  });

  it('is ignored when malformed (schema-checked at read)', async () => {
    const { d } = await lockedWithDevice();
    const raw = (await d.get('settings', 'atRest'))!.value as Record<string, unknown>;
    await d.put('settings', { key: 'atRest', value: { ...raw, device: { v: 1, credentialId: 5 } } });
    expect(await deviceCopy(d)).toBeNull();
    expect(await unlockAtRestWithDevice(d, withPrf(PRF))).toBe(false);
  });

  it('keeps working after the passphrase is changed', async () => {
    const { d, key, entry } = await lockedWithDevice();
    await changePassphrase(d, { ...LOCK, salt: 'bmV3' }, key, await recordKey());
    expect(await unlockAtRestWithDevice(d, withPrf(PRF))).toEqual({});
    expect((await entriesRepo().get(entry.id))?.body).toBe('the keeper sang');
  });

  it('is deleted by "Remove device unlock" and by removing the lock', async () => {
    const { d, key } = await lockedWithDevice();
    await setDeviceCopy(d, null);
    expect(await deviceCopy(d)).toBeNull();
    expect(await unlockAtRestWithDevice(d, withPrf(PRF))).toBe(false);

    const again = await lockedWithDevice();
    expect(await deviceCopy(again.d)).not.toBeNull();
    const { job } = await turnOff(again.d, again.key);
    // Gone as soon as the removal starts: only the passphrase opens what is left to decrypt.
    expect(await deviceCopy(again.d)).toBeNull();
    expect(((await again.d.get('settings', 'atRest'))?.value as { device?: unknown }).device).toBeUndefined();
    await job;
    expect((await again.d.get('settings', 'atRest'))?.value ?? null).toBeNull();
    void key;
  });
});
