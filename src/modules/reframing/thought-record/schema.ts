import * as v from 'valibot';
import { PersonText } from '../../../storage/limits';
import { MAX_EMOTIONS } from './timing';

/** A 0–100 rating, or null when the person chose not to rate. */
export const Rating100 = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)));

/** One feeling the person named, with how strong it was at first and when they look again at the end. */
export const EmotionSchema = v.object({
  name: PersonText,
  before: Rating100,
  after: Rating100,
});

/** What a thought record keeps in the journal (and validates when it is read back). */
export const ThoughtRecordDataSchema = v.object({
  situation: PersonText,
  /** The automatic thought, in the person's words. */
  thought: PersonText,
  /** How much they believed it at first, 0–100. */
  beliefBefore: Rating100,
  emotions: v.pipe(v.array(EmotionSchema), v.maxLength(MAX_EMOTIONS)),
  evidenceFor: PersonText,
  evidenceAgainst: PersonText,
  /** The balanced alternative thought. */
  alternative: PersonText,
  /** How much they believe the alternative, 0–100. */
  alternativeBelief: Rating100,
  /** How much they believe the original thought at the end, 0–100. */
  beliefAfter: Rating100,
  /**
   * The safety check: is this about a danger happening now? true = yes (the record stops there and offers
   * Help and grounding), false = no, null = not answered yet or "not sure".
   */
  dangerNow: v.nullable(v.boolean()),
  /** They answered "I'm not sure" at the safety check. */
  dangerUnsure: v.boolean(),
});

export type Emotion = v.InferOutput<typeof EmotionSchema>;
export type ThoughtRecordData = v.InferOutput<typeof ThoughtRecordDataSchema>;
