/**
 * The personal safety plan's record (Stanley & Brown's six steps, CLINICAL.md §6). One record, id `mine`.
 * Each step is a list of items the person writes; an item has its own id so reordering and removing never
 * mix up two items with the same words. Types derive from the schema.
 */
import * as v from 'valibot';
import { PersonText } from './limits';

export const SAFETY_PLAN_SECTION_IDS = ['warningSigns', 'coping', 'distraction', 'people', 'professionals', 'environment'] as const;
export type SafetyPlanSectionId = (typeof SAFETY_PLAN_SECTION_IDS)[number];

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const Millis = v.pipe(v.number(), v.integer(), v.minValue(0));
/** Generous: a plan is a few lines a step; the cap only stops a runaway record. */
export const SAFETY_PLAN_MAX_ITEMS = 200;

export const SafetyPlanItemSchema = v.object({
  id: Id,
  /** The person's own words. Never rendered as HTML. */
  text: PersonText,
});
export type SafetyPlanItem = v.InferOutput<typeof SafetyPlanItemSchema>;

const Items = v.optional(v.pipe(v.array(SafetyPlanItemSchema), v.maxLength(SAFETY_PLAN_MAX_ITEMS)), []);

export const SafetyPlanSchema = v.object({
  id: v.literal('mine'),
  /** 0 until the person first writes something. */
  updatedAt: Millis,
  sections: v.object({
    warningSigns: Items,
    coping: Items,
    distraction: Items,
    people: Items,
    professionals: Items,
    environment: Items,
  }),
});
export type SafetyPlan = v.InferOutput<typeof SafetyPlanSchema>;

export function emptySafetyPlan(): SafetyPlan {
  return {
    id: 'mine',
    updatedAt: 0,
    sections: { warningSigns: [], coping: [], distraction: [], people: [], professionals: [], environment: [] },
  };
}
