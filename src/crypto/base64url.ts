/**
 * Strict, unpadded base64url (RFC 4648 §5), the one implementation for the envelope's body and header
 * fields (crypto/envelope.ts) and plan links (plans/bytes.ts). Plain TS, node and browser.
 *
 * Fast: the engine's own `Uint8Array.prototype.toBase64` / `Uint8Array.fromBase64` where it has them
 * (Chromium 140+, Firefox 133+, Safari 18.2+; Debian's Chromium here is 156), else `btoa` / `atob` (node 20
 * in the tests, older browsers) — native loops either way. A 50 MB backup body took seconds in the
 * hand-written loop this replaces (bench/backup.bench.mjs).
 *
 * Canonical, whichever path decodes: only the 64 characters (no padding, no whitespace — the native
 * decoders skip those, so a skipped character shows as a shorter result and is refused), a length whole
 * bytes can give (not ≡ 1 mod 4), and the unused low bits of the last character zero. So exactly one text
 * decodes to given bytes, and a changed character always changes the bytes or is refused.
 */

type NativeFrom = (text: string, options: { alphabet: 'base64url'; lastChunkHandling: 'loose' }) => Uint8Array<ArrayBuffer>;
type NativeTo = (this: Uint8Array, options: { alphabet: 'base64url'; omitPadding: true }) => string;

const nativeFrom = (Uint8Array as unknown as { fromBase64?: NativeFrom }).fromBase64;
const nativeTo = (Uint8Array.prototype as unknown as { toBase64?: NativeTo }).toBase64;

/** Whether this engine has native base64 (tests check both paths give the same results). */
export const NATIVE_BASE64 = typeof nativeFrom === 'function' && typeof nativeTo === 'function';

export function toBase64Url(bytes: Uint8Array, native = NATIVE_BASE64): string {
  if (native) return nativeTo!.call(bytes, { alphabet: 'base64url', omitPadding: true });
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]);
  }
  return btoa(binary).replace(/=+$/, '').replaceAll('+', '-').replaceAll('/', '_');
}

/** The value of a base64url character, or -1. */
function valueOf(code: number): number {
  if (code >= 65 && code <= 90) return code - 65; // A–Z
  if (code >= 97 && code <= 122) return code - 71; // a–z
  if (code >= 48 && code <= 57) return code + 4; // 0–9
  if (code === 45) return 62; // -
  if (code === 95) return 63; // _
  return -1;
}

/** The bytes of canonical unpadded base64url `text`, or undefined when it is not exactly that. */
export function fromBase64Url(text: string, native = NATIVE_BASE64): Uint8Array<ArrayBuffer> | undefined {
  const n = text.length;
  const rem = n % 4;
  if (rem === 1) return undefined;
  if (rem !== 0) {
    // 2 trailing characters carry 1 byte (4 bits unused), 3 carry 2 (2 bits unused): those must be zero.
    const last = valueOf(text.charCodeAt(n - 1));
    if (last < 0 || (last & (rem === 2 ? 15 : 3)) !== 0) return undefined;
  }
  let out: Uint8Array<ArrayBuffer>;
  try {
    if (native) {
      out = nativeFrom!(text, { alphabet: 'base64url', lastChunkHandling: 'loose' });
    } else {
      if (/[^A-Za-z0-9_-]/.test(text)) return undefined;
      const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
      out = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    }
  } catch {
    return undefined; // a character outside the alphabet (SyntaxError)
  }
  // Whitespace and '=' are skipped by the native decoders: anything skipped makes the result shorter.
  return out.length === Math.floor((n * 3) / 4) ? out : undefined;
}
