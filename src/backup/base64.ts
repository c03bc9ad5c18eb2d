/**
 * Blobs in a JSON backup: base64, cut into pieces of at most BASE64_PIECE_CHARS characters so that no
 * string in a backup is longer than the one size policy's text limit (a rule validation can then apply to
 * every string: a longer one means a damaged or crafted file).
 */
/** A multiple of 4 (whole base64 quanta) below TEXT_MAX_CHARS: 1 MiB of characters, 768 KiB of bytes. */
export const BASE64_PIECE_CHARS = 1_048_576;
const PIECE_BYTES = (BASE64_PIECE_CHARS / 4) * 3;

/** Native base64 where the engine has it (Chromium 140+, Firefox 133+, Safari 18.2+): many times faster. */
const native = Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array; prototype: { toBase64?: () => string } };

export function bytesToBase64(bytes: Uint8Array): string {
  if (native.prototype.toBase64) return (bytes as unknown as { toBase64(): string }).toBase64();
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export function base64ToBytes(s: string): Uint8Array {
  if (native.fromBase64) return native.fromBase64(s);
  const bin = atob(s);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

export async function blobToBase64Pieces(blob: Blob): Promise<string[]> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const pieces: string[] = [];
  for (let i = 0; i < bytes.length; i += PIECE_BYTES) pieces.push(bytesToBase64(bytes.subarray(i, i + PIECE_BYTES)));
  return pieces;
}

export function base64PiecesToBlob(pieces: readonly string[], type: string): Blob {
  return new Blob(pieces.map((p) => base64ToBytes(p) as BlobPart), { type });
}
