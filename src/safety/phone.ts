/**
 * Phone numbers in the person's own words become tap-to-call links in the safety plan's view (a plan is
 * read in a crisis; dialling from it should take one tap). Deliberately simple: a run of digits with the
 * usual separators (spaces, dashes, dots, brackets, a leading +), 6 to 15 digits (E.164's maximum), not
 * shaped like a date. Anything else stays plain text — a missed number is only a number to copy by hand.
 */
export type TextPart = { text: string; tel?: undefined } | { text: string; tel: string };

const CANDIDATE = /\+?\(?\d[\d\s().-]*\d/g;
const DATE = /^\d{1,4}[-./]\d{1,2}[-./]\d{1,4}$/;

export function phoneParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const raw = match[0].trim();
    const start = match.index!;
    const digits = raw.replace(/\D/g, '');
    if (digits.length < 6 || digits.length > 15 || DATE.test(raw)) continue;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: raw, tel: (raw.startsWith('+') ? '+' : '') + digits });
    last = start + raw.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
