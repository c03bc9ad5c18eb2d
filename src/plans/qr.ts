/**
 * The plan link as a QR code, generated on this device with uqr (no request anywhere). Rendered by the view
 * as one SVG path from the module matrix, so no markup string is ever injected. Plain TS; loaded only in
 * clinician mode (uqr is its own lazy chunk).
 */
import { encode } from 'uqr';

/**
 * Above this version a code gets dense (137×137 modules at 30): printed at a hand's width, phone cameras
 * read it slowly or not at all. A larger plan travels as a file instead. (bench/plan-link.bench.mjs measures
 * what a 10-module plan needs.)
 */
export const QR_MAX_VERSION = 30;

export interface QrPath {
  version: number;
  /** Modules per side, border included. */
  size: number;
  /** One SVG path drawing every dark module as a unit square. */
  d: string;
}

/** Undefined when the link does not fit in a QR code of QR_MAX_VERSION at error correction level L. */
export function qrPath(text: string, maxVersion = QR_MAX_VERSION): QrPath | undefined {
  let result;
  try {
    result = encode(text, { ecc: 'L', border: 4, maxVersion });
  } catch {
    return undefined;
  }
  let d = '';
  result.data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return { version: result.version, size: result.size, d };
}
