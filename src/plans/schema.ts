/**
 * A therapist's plan (issue 16; DESIGN.md §5): versioned data, validated by this schema wherever it enters
 * the app (link, file, storage). There is deliberately no field that could switch off a safety rule: the
 * PHQ-9 item 9 rule and the built-in crisis lines are not data, so a plan cannot reach them. Unknown fields
 * are dropped by parsing (and listed in the preview as ignored, see codec.ts).
 */
import * as v from 'valibot';
import { PLAN_LIMITS as L } from './limits.content';

/** Ids: module ids, plan ids. Same shape as a route segment. */
export const PlanId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/));

/** Cap a line of plan text; text is always rendered as text, never HTML. */
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
/** Required text: not empty, not only spaces. (v.check rather than v.trim: valibot rides in the first-screen
 *  chunk, so a valibot function used only here would cost every first screen.) */
const required = (max: number) => v.pipe(v.string(), v.maxLength(max), v.check((s) => s.trim().length > 0, 'Required'));

/** An EC P-256 public key as JWK, only the fields that matter (anything else, a private part included, is
 *  dropped). */
export const PublicJwkSchema = v.object({
  kty: v.literal('EC'),
  crv: v.literal('P-256'),
  x: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/)),
  y: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/)),
});
export type PublicJwk = v.InferOutput<typeof PublicJwkSchema>;

export const ClinicianSchema = v.object({
  name: required(L.nameChars),
  contact: text(L.contactChars),
  signingKey: v.optional(PublicJwkSchema),
  reportKey: v.optional(PublicJwkSchema),
});
export type Clinician = v.InferOutput<typeof ClinicianSchema>;

/** `day`: days after the dose's date (0 = the day of the dose), or 'any' (any time). */
export const DaySchema = v.union([v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(L.maxDay)), v.literal('any')]);
export type PlanDay = v.InferOutput<typeof DaySchema>;

export const AssignedModuleSchema = v.object({
  moduleId: PlanId,
  day: DaySchema,
  instruction: v.optional(text(L.instructionChars)),
});
export type AssignedModule = v.InferOutput<typeof AssignedModuleSchema>;

const scale10 = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10));
const scale100 = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100));

/** flow/routing.ts `Thresholds`, each optional (missing = the app's default). Clamped on use (clamp.ts). */
export const PlanThresholdsSchema = v.object({
  presenceAtMost: v.optional(scale10),
  distressAtLeast: v.optional(scale10),
  afterDistressAtLeast: v.optional(scale10),
  riseAtLeast: v.optional(scale10),
});
export type PlanThresholds = v.InferOutput<typeof PlanThresholdsSchema>;

/** CONTRACTS A `ExposureThresholds`, each optional. */
export const PlanExposureThresholdsSchema = v.object({
  preSudsAtLeast: v.optional(scale100),
  presenceAtMost: v.optional(scale10),
  postSudsAtLeast: v.optional(scale100),
  riseAtLeast: v.optional(scale100),
});
export type PlanExposureThresholds = v.InferOutput<typeof PlanExposureThresholdsSchema>;

export const MEASURE_IDS = ['phq9', 'gad7', 'pcl5'] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];
export const MeasureRhythmSchema = v.object({
  id: v.picklist(MEASURE_IDS),
  everyDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(L.maxEveryDays)),
});
export type MeasureRhythm = v.InferOutput<typeof MeasureRhythmSchema>;

/** A contact the plan adds to Help, after the built-in lines (which a plan can never remove). */
export const PlanContactSchema = v.pipe(
  v.object({
    region: text(100),
    name: required(200),
    /** A phone number: digits, spaces and + ( ) - . only. */
    number: v.optional(v.pipe(v.string(), v.maxLength(40), v.regex(/^[+0-9 ()\-.]*$/))),
    /** A web page the person opens themselves (https only; never fetched by the app). */
    url: v.optional(v.pipe(v.string(), v.maxLength(500), v.regex(/^https:\/\/[^\s<>"]+$/))),
  }),
  v.check((c) => !!(c.number?.trim() || c.url), 'A contact needs a number or a web address'),
);
export type PlanContact = v.InferOutput<typeof PlanContactSchema>;

export const PLAN_VERSION = 1;

export const PlanSchema = v.object({
  v: v.literal(PLAN_VERSION),
  id: PlanId,
  /** When the clinician made this version (ms since epoch). */
  createdAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  title: required(L.titleChars),
  clinician: ClinicianSchema,
  modules: v.pipe(v.array(AssignedModuleSchema), v.maxLength(L.modules)),
  thresholds: v.optional(PlanThresholdsSchema),
  exposureThresholds: v.optional(PlanExposureThresholdsSchema),
  measures: v.optional(v.pipe(v.array(MeasureRhythmSchema), v.maxLength(MEASURE_IDS.length))),
  contacts: v.optional(v.pipe(v.array(PlanContactSchema), v.maxLength(L.contacts))),
  note: v.optional(text(L.noteChars)),
});
export type Plan = v.InferOutput<typeof PlanSchema>;

/** What travels: the plan and, when made in clinician mode, its signature (base64url ECDSA P-256 r‖s). */
export const SignedPlanSchema = v.object({
  plan: v.unknown(),
  sig: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{86}$/))),
});

/** The `.groundwork-plan.json` file: the same, with a format tag so other JSON is recognised as not a plan. */
export const PLAN_FILE_FORMAT = 'groundwork-plan';

/** Exposure modules: assigning one is the plan's agreement that exposure is part of this person's therapy
 *  (CLINICAL.md §4 "Who may start it"). */
export const EXPOSURE_MODULE_IDS: readonly string[] = ['in-vivo', 'written-exposure'];

export function exposureAssigned(plan: Pick<Plan, 'modules'> | undefined): boolean {
  return !!plan?.modules.some((m) => EXPOSURE_MODULE_IDS.includes(m.moduleId));
}
