import * as v from 'valibot';
import { PersonText } from '../../../storage/limits';
import { QUESTION_IDS } from './timing';

/** How much the person believes something, 0–100; null = not rated (ratings are never required). */
export const Believed = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)));

/** What a stuck-points session keeps in the journal (and validates when it is read back). */
export const StuckPointsDataSchema = v.object({
  /** The belief that keeps the person stuck, in their words. */
  belief: PersonText,
  /** How much they believed it at the start. */
  before: Believed,
  /** Their thoughts on each question, as typed ('' = nothing written). */
  answers: v.object({
    habit: PersonText,
    allOrNone: PersonText,
    feelings: PersonText,
    source: PersonText,
    friend: PersonText,
    whole: PersonText,
    cost: PersonText,
  }),
  /** Questions they chose to skip. */
  skipped: v.array(v.picklist(QUESTION_IDS)),
  /** Another way to see it, in their words. */
  alternative: PersonText,
  /** How much they believe the stuck point at the end. */
  after: Believed,
  /** How much they believe the alternative at the end. */
  alternativeBelieved: Believed,
});

export type StuckPointsData = v.InferOutput<typeof StuckPointsDataSchema>;
