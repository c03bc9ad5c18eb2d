/**
 * What decides how long stuck points take, kept apart from its copy so meta.ts can compute the minutes on
 * the card without loading content.ts (flow/minutes.ts).
 */
import type { Timing } from '../../../flow/minutes';

export type QuestionId = 'habit' | 'allOrNone' | 'feelings' | 'source' | 'friend' | 'whole' | 'cost';
/** The challenging questions, one per screen, in this order. Every one can be skipped. */
export const QUESTION_IDS: readonly QuestionId[] = ['habit', 'allOrNone', 'feelings', 'source', 'friend', 'whole', 'cost'];

/** Intro, the belief, its rating, one screen per question, the alternative, the re-rating, the review. */
export const fullWay: Timing = { screens: QUESTION_IDS.length + 6, answers: QUESTION_IDS.length + 2 };
