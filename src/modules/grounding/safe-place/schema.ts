import * as v from 'valibot';
import { PersonText } from '../../../storage/limits';

/** The person's safe place, in their words. Same limits as `Personal.safePlace` in storage/schema.ts. */
export const SafePlaceWordsSchema = v.object({
  name: PersonText,
  see: PersonText,
  hear: PersonText,
  feel: PersonText,
  word: PersonText,
});

/** What a safe-place session keeps in the journal (and validates when it is read back). */
export const SafePlaceDataSchema = v.object({
  /** A later visit (a walk-through of a kept place) rather than building one. */
  returning: v.boolean(),
  /** The words built, or read back (and perhaps changed) on a later visit. */
  words: SafePlaceWordsSchema,
  /** Changed on a later visit. */
  edited: v.boolean(),
  /** These exact words are kept on the device: the person chose "Keep my safe place". */
  kept: v.boolean(),
});

export type SafePlaceWords = v.InferOutput<typeof SafePlaceWordsSchema>;
export type SafePlaceData = v.InferOutput<typeof SafePlaceDataSchema>;
