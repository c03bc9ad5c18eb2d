/**
 * Issue 17, "Unlock with this device": the PRF output (here a fixed fake 32 bytes) wraps a second copy of
 * the same data key the passphrase's record key wraps; the right output opens it and the copy encrypts and
 * decrypts as the original does; any other output is refused; the PRF output is not in what is stored.
 */
import { describe, expect, it } from 'vitest';
import { unwrapWithDevice, wrapForDevice } from '../../src/crypto/device-key';
import { createLockWithKey, openLock } from '../../src/crypto/lock-key';
import { newDataKey, unwrapDataKey } from '../../src/storage/sealed-fields';

const PRF = new Uint8Array(32).map((_, i) => i * 7 + 1);
const OTHER = new Uint8Array(32).map((_, i) => i * 7 + 2);

async function roundTrip(encryptWith: CryptoKey, decryptWith: CryptoKey): Promise<string> {
  const iv = new Uint8Array(12);
  const box = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, encryptWith, new TextEncoder().encode('my words'));
  return new TextDecoder().decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, decryptWith, box));
}

describe('device unlock key wrapping', () => {
  it('the PRF output opens the same data key the passphrase opens; another output is refused', async () => {
    const { record, recordKey } = await createLockWithKey('river stone quiet lamp');
    const { wrapped, dataKey } = await newDataKey(recordKey);
    const shareable = await unwrapDataKey(wrapped, recordKey, true);
    const deviceCopy = await wrapForDevice(shareable, PRF);

    const fromDevice = await unwrapWithDevice(deviceCopy, PRF);
    expect(fromDevice).toBeDefined();
    expect(fromDevice!.extractable).toBe(false);
    // What the passphrase path would open, written with one key, reads with the other.
    const opened = await openLock('river stone quiet lamp', record);
    const fromPassphrase = await unwrapDataKey(wrapped, opened!.recordKey);
    expect(await roundTrip(fromPassphrase, fromDevice!)).toBe('my words');
    expect(await roundTrip(fromDevice!, dataKey)).toBe('my words');

    expect(await unwrapWithDevice(deviceCopy, OTHER)).toBeUndefined();
    expect(await unwrapWithDevice(deviceCopy, new Uint8Array(32))).toBeUndefined();
    // A tampered copy is refused too.
    expect(await unwrapWithDevice({ ...deviceCopy, iv: btoa('x'.repeat(12)) }, PRF)).toBeUndefined();
    // Nothing stored carries the PRF output.
    const b64 = btoa(String.fromCharCode(...PRF));
    expect(JSON.stringify(deviceCopy)).not.toContain(b64);
  }, 30_000);

  it('each wrap uses a fresh IV', async () => {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
    const a = await wrapForDevice(key, PRF);
    const b = await wrapForDevice(key, PRF);
    expect(a.iv).not.toBe(b.iv);
    expect(a.key).not.toBe(b.key);
  });
});
