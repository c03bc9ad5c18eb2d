/**
 * Plan signatures, pure WebCrypto (node and browser; no storage): ECDSA P-256 with SHA-256 over the plan's
 * canonical bytes (bytes.ts) exactly as received, unknown fields included, so any change after signing is
 * caught. Keys are kept by keys.ts.
 */
import * as v from 'valibot';
import { canonicalBytes, fromBase64Url, toBase64Url } from './bytes';
import { PublicJwkSchema, type PublicJwk } from './schema';

const SIGN = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN_HASH = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** Only the public fields, so a plan never carries `key_ops`/`ext` noise (or anything private). */
export function publicPart(jwk: JsonWebKey): PublicJwk {
  return v.parse(PublicJwkSchema, { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y });
}

/** Sign a plan's canonical bytes; returns base64url r‖s (64 bytes). */
export async function signPlan(plan: unknown, privateKey: CryptoKey): Promise<string> {
  const sig = await crypto.subtle.sign(SIGN_HASH, privateKey, canonicalBytes(plan));
  return toBase64Url(new Uint8Array(sig));
}

/** Whether `sig` is a valid signature of `rawPlan` by `key`. Any malformed input is simply false. */
export async function verifyPlan(rawPlan: unknown, sig: string, key: PublicJwk): Promise<boolean> {
  const bytes = fromBase64Url(sig);
  if (!bytes || bytes.length !== 64) return false;
  try {
    const pub = await crypto.subtle.importKey('jwk', { ...key, ext: true }, SIGN, true, ['verify']);
    return await crypto.subtle.verify(SIGN_HASH, pub, bytes, canonicalBytes(rawPlan));
  } catch {
    return false;
  }
}

/** Who a plan claims to be from, as the key of the trust record: case and spacing ignored. */
export function clinicianIdentity(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function sameKey(a: PublicJwk, b: PublicJwk): boolean {
  return a.x === b.x && a.y === b.y && a.crv === b.crv;
}

/** A short, readable fingerprint of a public key for people to compare by eye (SHA-256 of x‖y, 8 groups). */
export async function fingerprint(key: PublicJwk): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${key.x}.${key.y}`)));
  const hex = [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return hex.toUpperCase().match(/.{4}/g)!.join(' ');
}

