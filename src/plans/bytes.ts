/**
 * Canonical JSON (and base64url, from crypto/base64url.ts), plain TS (node and browser). Canonical bytes are what a plan's signature
 * covers: keys sorted at every level, no spaces, so the same plan always gives the same bytes whatever
 * order a JSON writer chose.
 */

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const s = JSON.stringify(value);
    if (s === undefined) throw new TypeError('canonicalJson: not JSON');
    return s;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  const obj = value as Record<string, unknown>;
  return `{${keys
    .filter((k) => obj[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`;
}

export function canonicalBytes(value: unknown): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(canonicalJson(value));
}

// Strict unpadded base64url: one implementation with the envelope (native where the engine has it).
export { fromBase64Url, toBase64Url } from '../crypto/base64url';
