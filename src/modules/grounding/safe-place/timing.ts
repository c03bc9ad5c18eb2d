/**
 * What decides how long the safe place takes, kept apart from its copy so meta.ts can compute the minutes
 * on the card without loading content.ts (flow/minutes.ts).
 */
import type { Timing } from '../../../flow/minutes';

export type FieldId = 'name' | 'see' | 'hear' | 'feel' | 'word';
/** The parts of the place, built in this order and read back in this order. */
export const FIELD_IDS: readonly FieldId[] = ['name', 'see', 'hear', 'feel', 'word'];

/** First visit: the invitation, one screen and answer per part, the review. */
export const firstVisit: Timing = { screens: FIELD_IDS.length + 2, answers: FIELD_IDS.length };
/** A later visit: the opening, one screen per part, coming back to the room. */
export const laterVisit: Timing = { screens: FIELD_IDS.length + 2 };
