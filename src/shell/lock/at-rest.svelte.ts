/**
 * Encryption at rest as the shell sees it (issue 17): the storage side is storage/at-rest.ts; this holds
 * the re-encryption's progress for Settings and gives the lock screen and Settings the database handle.
 * Loaded only with the lock's own code (guard, lock screen, lock settings).
 */
import { getDb } from '../../storage/db';
import * as atRest from '../../storage/at-rest';
import type { ResealProgress } from '../../storage/at-rest';

export const resealState = $state<{ progress: ResealProgress | undefined }>({ progress: undefined });

atRest.onResealProgress((p) => {
  resealState.progress = p;
});

export const closeAtRest = atRest.closeAtRest;
export const lockRemoved = atRest.lockRemoved;

export async function turnOn(lock: atRest.LockRecordValue, recordKey: CryptoKey) {
  return atRest.turnOn(await getDb(), lock, recordKey);
}
export async function unlockAtRest(recordKey: CryptoKey) {
  return atRest.unlockAtRest(await getDb(), recordKey);
}
export async function changePassphrase(lock: atRest.LockRecordValue, oldKey: CryptoKey, newKey: CryptoKey) {
  return atRest.changePassphrase(await getDb(), lock, oldKey, newKey);
}
export async function turnOff(recordKey: CryptoKey) {
  return atRest.turnOff(await getDb(), recordKey);
}
export async function deviceCopy() {
  return atRest.deviceCopy(await getDb());
}
export async function unlockAtRestWithDevice(open: (copy: atRest.DeviceCopy) => Promise<CryptoKey | undefined>) {
  return atRest.unlockAtRestWithDevice(await getDb(), open);
}
export async function dataKeyToShare(recordKey: CryptoKey) {
  return atRest.dataKeyToShare(await getDb(), recordKey);
}
export async function setDeviceCopy(device: atRest.DeviceCopy | null) {
  return atRest.setDeviceCopy(await getDb(), device);
}
