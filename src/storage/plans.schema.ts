/**
 * Records of the `plans` and `keys` stores (migration 010). A plan itself is validated by plans/schema.ts;
 * these wrap it with what this device knows about it.
 */
import * as v from 'valibot';
import { PlanSchema, PublicJwkSchema, MEASURE_IDS } from '../plans/schema';
import { PersonText } from './limits';

/** A plan the person accepted. The active plan is the newest with no `replacedAt`; older ones stay as history. */
export const AcceptedPlanSchema = v.object({
  id: v.string(),
  kind: v.literal('accepted'),
  plan: PlanSchema,
  sig: v.optional(v.string()),
  /** What the person was told when accepting: signed by a key seen before, first seen, unsigned, or another key. */
  trust: v.picklist(['known', 'first-seen', 'unsigned', 'changed-key']),
  acceptedAt: v.number(),
  replacedAt: v.optional(v.number()),
});
export type AcceptedPlan = v.InferOutput<typeof AcceptedPlanSchema>;

const loose = PersonText;
/** A plan being composed in clinician mode: anything may still be empty or half-typed. */
export const ComposedDraftSchema = v.object({
  title: loose,
  clinician: v.object({ name: loose, contact: loose }),
  modules: v.array(v.object({ moduleId: v.string(), day: v.union([v.number(), v.literal('any')]), instruction: loose })),
  thresholds: v.record(v.string(), v.number()),
  exposureThresholds: v.record(v.string(), v.number()),
  measures: v.array(v.object({ id: v.picklist(MEASURE_IDS), everyDays: v.number() })),
  contacts: v.array(v.object({ region: loose, name: loose, number: loose, url: loose })),
  note: loose,
});
export type ComposedDraft = v.InferOutput<typeof ComposedDraftSchema>;

export const ComposedPlanSchema = v.object({
  id: v.string(),
  kind: v.literal('composed'),
  draft: ComposedDraftSchema,
  createdAt: v.number(),
  updatedAt: v.number(),
});
export type ComposedPlan = v.InferOutput<typeof ComposedPlanSchema>;

export const PlanRecordSchema = v.union([AcceptedPlanSchema, ComposedPlanSchema]);
export type PlanRecord = v.InferOutput<typeof PlanRecordSchema>;

// (v.check on unknown, not v.custom/v.instance: valibot is bundled with the first screen, so every valibot
// function used anywhere costs first-screen bytes; check is already there.)
const CryptoKeySchema = v.pipe(
  v.unknown(),
  v.check((x) => typeof CryptoKey !== 'undefined' && x instanceof CryptoKey, 'a CryptoKey'),
) as unknown as v.GenericSchema<CryptoKey>;
const KeyPairSchema = v.object({ publicKey: CryptoKeySchema, privateKey: CryptoKeySchema });

/** This device's clinician keys (made once, private keys non-extractable). */
export const ClinicianKeysSchema = v.object({
  id: v.literal('clinician'),
  signing: KeyPairSchema,
  report: KeyPairSchema,
  publicJwk: v.object({ signing: PublicJwkSchema, report: PublicJwkSchema }),
  createdAt: v.number(),
});
export type ClinicianKeysRecord = v.InferOutput<typeof ClinicianKeysSchema>;

/** The first signing key the person accepted from a clinician (by name, case and spacing ignored). */
export const TrustedKeySchema = v.object({
  id: v.pipe(v.string(), v.regex(/^trust:/)),
  name: v.string(),
  signingKey: PublicJwkSchema,
  firstAcceptedAt: v.number(),
});
export type TrustedKey = v.InferOutput<typeof TrustedKeySchema>;

export type KeyRecord = ClinicianKeysRecord | TrustedKey;
