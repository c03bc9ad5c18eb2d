/**
 * Exposure records (migration 007; CLINICAL.md §4). Types derive from the schemas.
 * - `hierarchy`: one record, id `mine` — the person's feared situations or memories, in their own order,
 *   and their own SUDS anchors (what 0, 50 and 100 feel like, in their words, as in PE Coach).
 * - `exposures`: one record per practice, key = the session id (also the journal entry's id), with the
 *   hierarchy item it practised. Every person-written string is `PersonText`.
 */
import * as v from 'valibot';
import { PersonText } from './limits';

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const Millis = v.pipe(v.number(), v.integer(), v.minValue(0));
/** SUDS, 0–100 (Subjective Units of Distress). */
export const Suds = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100));
/** A rating that is never required: null = not given. */
const MaybeSuds = v.nullable(Suds);

export const ITEM_STATUSES = ['not-yet', 'practising', 'done'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
/** "Is this realistically safe, even though it feels dangerous?" — asked before an item is practised. */
export const SAFETY_ANSWERS = ['unchecked', 'yes', 'no'] as const;
export type SafetyAnswer = (typeof SAFETY_ANSWERS)[number];

/** Generous: a hierarchy is ten or twenty lines; the cap only stops a runaway record. */
export const HIERARCHY_MAX_ITEMS = 500;

export const HierarchyItemSchema = v.object({
  id: Id,
  /** The situation or memory, in the person's words. Never rendered as HTML. */
  text: PersonText,
  /** Expected SUDS, 0–100. */
  suds: Suds,
  status: v.picklist(ITEM_STATUSES),
  safe: v.picklist(SAFETY_ANSWERS),
  /** Set when the person set the item aside; kept (and can be brought back), never offered for practice. */
  retiredAt: v.optional(Millis),
  createdAt: Millis,
});
export type HierarchyItem = v.InferOutput<typeof HierarchyItemSchema>;

export const SudsAnchorsSchema = v.object({
  /** What 0 feels like for them. */
  a0: PersonText,
  a50: PersonText,
  a100: PersonText,
});
export type SudsAnchors = v.InferOutput<typeof SudsAnchorsSchema>;

export const HierarchySchema = v.object({
  id: v.literal('mine'),
  /** 0 until the person first writes something. */
  updatedAt: Millis,
  /** Absent until the person sets them (once; they can be changed later). */
  anchors: v.optional(SudsAnchorsSchema),
  items: v.pipe(v.array(HierarchyItemSchema), v.maxLength(HIERARCHY_MAX_ITEMS)),
});
export type Hierarchy = v.InferOutput<typeof HierarchySchema>;

export function emptyHierarchy(): Hierarchy {
  return { id: 'mine', updatedAt: 0, items: [] };
}

/** "Did what you feared happen?" */
export const HAPPENED = ['yes', 'partly', 'no'] as const;
export type Happened = (typeof HAPPENED)[number];

/** One in-vivo practice, as the module keeps it (also the journal entry's `data`). */
export const InVivoDataSchema = v.object({
  /** The hierarchy item practised ('' until chosen). */
  itemId: v.pipe(v.string(), v.maxLength(100)),
  /** The situation's words when it was chosen (the item may be edited or retired later). */
  situation: PersonText,
  /** What the person predicts will happen. */
  prediction: PersonText,
  /** How likely they think it is, 0–100 %. */
  likelihood: MaybeSuds,
  /** Safety behaviours they mean to drop. */
  safetyBehaviours: PersonText,
  preSuds: MaybeSuds,
  /** How present they feel, 0–10. */
  presence: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10))),
  peakSuds: MaybeSuds,
  /** When the practice itself began and how long its timer ran (pauses excluded). */
  startedAt: v.nullable(Millis),
  elapsedMs: Millis,
  postSuds: MaybeSuds,
  happened: v.nullable(v.picklist(HAPPENED)),
  learned: PersonText,
  /** What was rated so far crosses the after-exposure thresholds (flow/routing.ts safetyPlanAfterExposure):
   *  the safety plan and crisis contacts come first — in the module, and on leaving part-way (the session
   *  reads this flag). */
  needsSupport: v.boolean(),
});
export type InVivoData = v.InferOutput<typeof InVivoDataSchema>;

/** The `exposures` store: one practice, keyed by the session id (= journal entry id). */
export const ExposureRecordSchema = v.object({
  id: Id,
  kind: v.literal('in-vivo'),
  itemId: Id,
  /** When the session began (the index charts read in order). */
  startedAt: Millis,
  updatedAt: Millis,
  /** Reached the end (false while under way, or when left part-way). */
  complete: v.boolean(),
  data: InVivoDataSchema,
});
export type ExposureRecord = v.InferOutput<typeof ExposureRecordSchema>;
