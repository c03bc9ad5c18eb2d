/**
 * A plain hint about how hard a passphrase is to guess. Not a gate: the person decides. A rough estimate
 * (length × the kinds of characters used, less for repeats, sequences and very common words), enough to
 * nudge towards "several unrelated words". No word list is shipped.
 */
export type Strength = 'empty' | 'too-short' | 'weak' | 'fair' | 'strong';

/** Fewer characters than this is never accepted: a short passphrase can be guessed offline in minutes. */
export const MIN_PASSPHRASE_CHARS = 8;

const COMMON = /(password|passwort|qwerty|azerty|letmein|welcome|iloveyou|admin|groundwork|123456|abc123|111111)/i;

/** Rough guessing cost in bits. */
export function passphraseBits(p: string): number {
  if (!p) return 0;
  const chars = [...p];
  let pool = 0;
  if (/[a-z]/.test(p)) pool += 26;
  if (/[A-Z]/.test(p)) pool += 26;
  if (/[0-9]/.test(p)) pool += 10;
  if (/[^A-Za-z0-9]/.test(p)) pool += 33;
  // Repeats and runs add little: count a character only when it differs from the last and does not
  // continue a run (abc, 321).
  let effective = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!.codePointAt(0)!;
    const prev = i > 0 ? chars[i - 1]!.codePointAt(0)! : undefined;
    const prev2 = i > 1 ? chars[i - 2]!.codePointAt(0)! : undefined;
    if (prev === c) continue;
    if (prev !== undefined && prev2 !== undefined && c - prev === prev - prev2 && Math.abs(c - prev) === 1) continue;
    effective++;
  }
  // At most 4 bits a character: people pick characters far from uniformly (Tr0ub4dor&3 is a word with
  // substitutions, not 11 random symbols).
  let bits = effective * Math.min(4, Math.log2(Math.max(pool, 10)));
  if (COMMON.test(p)) bits -= 20;
  // Several words separated by spaces are strong for their length even in lower case.
  const words = p.trim().split(/\s+/).filter((w) => w.length >= 3);
  if (words.length >= 4) bits = Math.max(bits, words.length * 11);
  return Math.max(0, bits);
}

export function passphraseStrength(p: string): Strength {
  if (!p) return 'empty';
  if ([...p].length < MIN_PASSPHRASE_CHARS) return 'too-short';
  const bits = passphraseBits(p);
  if (bits < 40) return 'weak';
  if (bits < 60) return 'fair';
  return 'strong';
}
