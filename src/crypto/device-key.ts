/**
 * Unlocking with the device (issue 17): WebAuthn's PRF extension gives 32 bytes that only this credential,
 * after the person's fingerprint, face or screen lock, can produce again for the same salt. HKDF-SHA-256
 * turns them into a non-extractable AES-GCM-256 key that wraps a second copy of the SAME data key the
 * passphrase's record key wraps (storage/sealed-fields.ts). The PRF output itself is never stored; only the
 * credential id, the salt and the wrapped copy are (storage/at-rest.ts, `atRest.device`).
 * WebCrypto only, so it is tested in node with a fixed fake PRF output.
 */
import { unwrapDataKey, wrapDataKey, type WrappedKey } from '../storage/sealed-fields';

const INFO = new TextEncoder().encode('groundwork device unlock v1');

/** The wrapping key from a PRF output: never extractable, never stored. */
export async function deviceWrappingKey(prfOutput: BufferSource): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', prfOutput, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: INFO }, base, { name: 'AES-GCM', length: 256 }, false, [
    'wrapKey',
    'unwrapKey',
  ]);
}

/** Wrap the (extractable) data key under the device's PRF output. */
export async function wrapForDevice(dataKey: CryptoKey, prfOutput: BufferSource): Promise<WrappedKey> {
  return wrapDataKey(dataKey, await deviceWrappingKey(prfOutput));
}

/** The data key (non-extractable) when `prfOutput` is this copy's; `undefined` when it is not (AES-GCM refuses). */
export async function unwrapWithDevice(wrapped: WrappedKey, prfOutput: BufferSource): Promise<CryptoKey | undefined> {
  try {
    return await unwrapDataKey(wrapped, await deviceWrappingKey(prfOutput));
  } catch {
    return undefined;
  }
}
