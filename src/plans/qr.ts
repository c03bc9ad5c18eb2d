/**
 * The plan link as a QR code, generated on this device with uqr (no request anywhere). Rendered by the view
 * as one SVG path from the module matrix, so no markup string is ever injected. Plain TS; loaded only in
 * clinician mode (uqr is its own lazy chunk).
 */
import { encode } from 'uqr';

/**
 * The largest QR code the app makes is the largest there is (version 40, 177×177 modules, ~2,900 bytes at
 * level L): a 10-module plan with a sentence of instruction each needs version 33 (bench/plan-link.bench.mjs),
 * and printed 15 cm wide each module is still ~0.8 mm, which phone cameras read from 20 cm. Above
 * DENSE_FROM the page says to print it large or hand over the file; beyond 40 there is only the file.
 */
export const QR_MAX_VERSION = 40;
export const DENSE_FROM = 30;

export interface QrPath {
  version: number;
  /** Modules per side, border included. */
  size: number;
  /** One SVG path drawing every dark module as a unit square. */
  d: string;
  /** Above DENSE_FROM: print it large, or hand over the file. */
  dense: boolean;
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
  return { version: result.version, size: result.size, d, dense: result.version > DENSE_FROM };
}
