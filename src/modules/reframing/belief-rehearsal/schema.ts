import * as v from 'valibot';
import { PersonText } from '../../../storage/limits';

/** How believable, 0–100; null = not rated (ratings are never required). */
export const Believability = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)));

/** Where the belief came from: the person's own words, or offered from an earlier exercise. */
export const BELIEF_ORIGINS = ['own', 'stuck-points', 'thought-record', 'rehearsal'] as const;

/** What one rehearsal keeps in the journal (and validates when it is read back). */
export const BeliefRehearsalDataSchema = v.object({
  /** The belief the person wants to strengthen, in their words. */
  belief: PersonText,
  from: v.picklist(BELIEF_ORIGINS),
  /** Believability before writing it out. */
  before: Believability,
  /** The belief written out again, as typed. */
  written: PersonText,
  /** Believability after reading it back. */
  after: Believability,
});

export type BeliefRehearsalData = v.InferOutput<typeof BeliefRehearsalDataSchema>;
export type BeliefOrigin = (typeof BELIEF_ORIGINS)[number];
