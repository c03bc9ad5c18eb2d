/**
 * One size policy for every text a person writes: journal title and body, session notes, module answers,
 * and the long written-exposure texts to come. The same number is the input's `maxlength`, the drafts'
 * schema and the entries' schema, so a text the app accepts on screen is always one it can store and read
 * back. Generous on purpose: a 100,000-word account is a real case (≈ 600,000 characters in English,
 * more in languages with longer words or in UTF-16 surrogate pairs), so the limit is 2,000,000 UTF-16 code
 * units — what both `maxlength` and `String.length` count.
 */
import * as v from 'valibot';

export const TEXT_MAX_CHARS = 2_000_000;

/** A text the person wrote: any Unicode (lone surrogates included), at most TEXT_MAX_CHARS code units. */
export const PersonText = v.pipe(v.string(), v.maxLength(TEXT_MAX_CHARS));

/** True when `text` is at the limit: the input stops taking more, and the person is told at once. */
export function atTextLimit(text: string): boolean {
  return text.length >= TEXT_MAX_CHARS;
}
