/**
 * Could this browser unlock with the device (fingerprint, face, screen lock) and derive a key from it?
 * That needs a user-verifying platform authenticator and WebAuthn's PRF extension. Detected only: the lock
 * does not use it yet (ARCHITECTURE.md, Lock, deletion and security) — Chromium headless, where the tests
 * run, has no authenticator, so such a path could not be tested here, and it is not faked.
 */
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
