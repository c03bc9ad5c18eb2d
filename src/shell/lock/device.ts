/**
 * Unlocking with the device (issue 17): a user-verifying platform authenticator (fingerprint, face, screen
 * lock) with WebAuthn's PRF extension. `deviceUnlock()` says whether the browser offers it; `createDeviceCopy`
 * makes a credential and wraps the data key under its PRF output; `openDeviceCopy` asks the authenticator
 * again and unwraps. The PRF output lives only inside these functions: it is never stored (crypto/device-key.ts).
 * Only the lock's own lazy code imports this file. No request leaves the origin: WebAuthn talks to the device.
 */
import { fromBase64, toBase64 } from '../../crypto/lock-key';
import { unwrapWithDevice, wrapForDevice } from '../../crypto/device-key';
import type { DeviceCopy } from '../../storage/at-rest';

export type DeviceUnlock = 'none' | 'prf';

export async function deviceUnlock(): Promise<DeviceUnlock> {
  try {
    const PKC = globalThis.PublicKeyCredential as
      | (typeof PublicKeyCredential & { getClientCapabilities?: () => Promise<Record<string, boolean>> })
      | undefined;
    if (!PKC) return 'none';
    if (!(await PKC.isUserVerifyingPlatformAuthenticatorAvailable())) return 'none';
    const caps = await PKC.getClientCapabilities?.();
    return caps?.['extension:prf'] ? 'prf' : 'none';
  } catch {
    return 'none';
  }
}

interface PrfResults {
  prf?: { enabled?: boolean; results?: { first?: BufferSource } };
}

/** No server: the challenge only has to be fresh; what matters is the PRF output, checked by unwrapping. */
const challenge = () => crypto.getRandomValues(new Uint8Array(32));

/** Ask the authenticator for the PRF output of `credentialId` at `salt`; `undefined` if it gives none. */
async function prfOf(credentialId: Uint8Array<ArrayBuffer>, salt: Uint8Array<ArrayBuffer>): Promise<BufferSource | undefined> {
  const got = (await navigator.credentials.get({
    publicKey: {
      challenge: challenge(),
      allowCredentials: [{ type: 'public-key', id: credentialId }],
      userVerification: 'required',
      timeout: 120_000,
      extensions: { prf: { eval: { first: salt } } } as AuthenticationExtensionsClientInputs,
    },
  })) as PublicKeyCredential | null;
  return (got?.getClientExtensionResults() as PrfResults | undefined)?.prf?.results?.first;
}

/**
 * A new credential on this device and the data key wrapped under its PRF output. Throws when the person
 * cancelled, the authenticator refused, or it offers no PRF.
 */
export async function createDeviceCopy(dataKey: CryptoKey): Promise<DeviceCopy> {
  const salt = crypto.getRandomValues(new Uint8Array(32));
  const made = (await navigator.credentials.create({
    publicKey: {
      rp: { name: 'Groundwork' },
      user: { id: crypto.getRandomValues(new Uint8Array(16)), name: 'Groundwork lock', displayName: 'Groundwork lock' },
      challenge: challenge(),
      pubKeyCredParams: [
        { type: 'public-key', alg: -7 },
        { type: 'public-key', alg: -257 },
      ],
      authenticatorSelection: { authenticatorAttachment: 'platform', userVerification: 'required', residentKey: 'preferred' },
      timeout: 120_000,
      extensions: { prf: { eval: { first: salt } } } as AuthenticationExtensionsClientInputs,
    },
  })) as PublicKeyCredential | null;
  if (!made) throw new Error('no credential');
  const id = new Uint8Array(made.rawId);
  const results = (made.getClientExtensionResults() as PrfResults).prf;
  if (results?.enabled === false) throw new Error('no PRF');
  // Some authenticators give the PRF output only when asked to sign in: ask once more then.
  const prf = results?.results?.first ?? (await prfOf(id, salt));
  if (!prf) throw new Error('no PRF');
  const wrapped = await wrapForDevice(dataKey, prf);
  return { v: 1, credentialId: toBase64(id), salt: toBase64(salt), ...wrapped };
}

/** The data key from the device's copy, or `undefined` when the device's answer does not open it. Throws when cancelled. */
export async function openDeviceCopy(copy: DeviceCopy): Promise<CryptoKey | undefined> {
  const prf = await prfOf(fromBase64(copy.credentialId), fromBase64(copy.salt));
  return prf ? unwrapWithDevice(copy, prf) : undefined;
}
