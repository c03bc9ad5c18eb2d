import * as v from 'valibot';
import { PersonText } from '../storage/limits';

/** Validates a steps module's answers read back from storage. */
export const StepsDataSchema = v.record(
  v.string(),
  v.object({
    text: PersonText,
    noticed: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)),
    /** Written by builds before 2026-11-25; ignored now. */
    visited: v.optional(v.boolean()),
  }),
);
