/**
 * Record schemas: the single source of truth for what we store.
 * TypeScript types derive from these (valibot `InferOutput`), and every record that crosses a boundary
 * (read back from an older schema version, restored from a backup, arrived in a link) is parsed with them.
 * Inside the app we trust the types.
 */
import * as v from 'valibot';
import { PersonText } from './limits';

/** Ids are random UUIDs; we keep the check loose so records made by older builds stay readable. */
const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const Millis = v.pipe(v.number(), v.integer(), v.minValue(0));
/** 0–10 self-rating. Non-diagnostic: it routes, it does not measure (CLINICAL.md §2). */
export const Rating = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10));

export const CheckSchema = v.object({
  presence: v.optional(Rating),
  distress: v.optional(Rating),
  at: Millis,
});
export type Check = v.InferOutput<typeof CheckSchema>;

/** 'fragment': a short note or voice note captured as it is, without interpretation (issue 14). */
export const ENTRY_KINDS = ['free', 'session', 'fragment'] as const;

export const EntrySchema = v.object({
  id: Id,
  kind: v.picklist(ENTRY_KINDS),
  createdAt: Millis,
  updatedAt: Millis,
  /** Set when the entry was written inside a guided module. */
  moduleId: v.optional(v.string()),
  /** Reserved for therapist plans and the dose log (later issues); indexed now so no migration is needed. */
  planId: v.optional(v.string()),
  doseId: v.optional(v.string()),
  /** A fragment's voice note: the id of its recording in the `media` store (storage/media.ts). */
  mediaId: v.optional(Id),
  title: PersonText,
  /** Free text the person wrote. Never rendered as HTML. */
  body: PersonText,
  before: v.optional(CheckSchema),
  after: v.optional(CheckSchema),
  /** The module's own answers (validated by the module's schema where it is read). */
  data: v.optional(v.unknown()),
  /** False when the person left a guided session part-way: what they wrote is kept all the same. */
  complete: v.boolean(),
  /** Soft delete, so "Undo" can bring an entry back; purged later (see entries.purgeDeleted). */
  deletedAt: v.optional(Millis),
});
export type Entry = v.InferOutput<typeof EntrySchema>;

export const DraftSchema = v.object({
  /** Which text box this is, e.g. `journal:new`, `journal:<entryId>`, `session:<id>:see`. */
  id: Id,
  fields: v.record(v.string(), PersonText),
  updatedAt: Millis,
});
export type Draft = v.InferOutput<typeof DraftSchema>;

export const SESSION_STATUSES = ['active', 'suspended', 'done', 'left'] as const;

export const SessionRecordSchema = v.object({
  id: Id,
  moduleId: v.string(),
  status: v.picklist(SESSION_STATUSES),
  startedAt: Millis,
  updatedAt: Millis,
  /** XState persisted snapshot (`actor.getPersistedSnapshot()`); checked again before restoring. */
  snapshot: v.unknown(),
});
export type SessionRecord = v.InferOutput<typeof SessionRecordSchema>;

const MeasureDays = v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(365)));
const MeasureAt = v.optional(v.number());

/** Settings are typed per key, so a tampered or old value is caught on read and replaced by the default. */
export const SettingSchemas = {
  sound: v.boolean(),
  soundscape: v.string(),
  /** 0–1 multiplier under the engine's own cap. */
  volume: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  persistAsked: v.boolean(),
  /** Last-chosen breathing pattern and length, so the next visit starts where the person likes it. */
  breathing: v.object({ pattern: v.string(), minutes: v.pipe(v.number(), v.minValue(1), v.maxValue(5)) }),
  /** Whose crisis lines Help lists first: 'auto' (from the device), a region id, or 'other' (safety/region.ts). */
  region: v.string(),
  /** The dose whose window invitation to revisit fragments was dismissed ('' = none): asked once per dose. */
  revisitDismissed: v.string(),
  /** The person's statement, in their words, that they agreed exposure work with their clinician
   *  (flow/exposure-gate.ts); null = not given or taken back in Settings. */
  exposureAgreement: v.nullable(v.object({ agreedAt: v.number(), words: PersonText })),
  /** Exposure routing thresholds on SUDS 0–100 (flow/routing.ts ExposureThresholds). */
  exposureThresholds: v.object({
    preSudsAtLeast: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
    presenceAtMost: v.pipe(v.number(), v.minValue(0), v.maxValue(10)),
    postSudsAtLeast: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
    riseAtLeast: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
  }),
  /** The app lock (crypto/lock-key.ts): salt, iterations and verifier only — never the passphrase or a key. null = off. */
  appLock: v.nullable(
    v.object({
      v: v.literal(1),
      iterations: v.pipe(v.number(), v.minValue(600_000)),
      salt: v.string(),
      verifier: v.string(),
    }),
  ),
  /** Minutes without a touch or key (or hidden) before the lock closes again. */
  lockAfterMinutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(60)),
  /** Questionnaires: one item per screen or the whole form on one page — the person's choice. */
  measureMode: v.picklist(['one', 'form']),
  /** Days between questionnaires, per measure (measures/due.ts); null = the defaults, for measures already taken. A plan may set it. */
  measureRhythm: v.nullable(v.object({ phq9: MeasureDays, gad7: MeasureDays, pcl5: MeasureDays })),
  /** When "Not now" was chosen on Today for each due questionnaire (ms): hidden for one rhythm period. */
  measuresNotNow: v.object({ phq9: MeasureAt, gad7: MeasureAt, pcl5: MeasureAt }),
  /** When the person last saved a backup file (ms; 0 = never). Device-only: never exported (backup/stores.ts). */
  lastBackupAt: v.number(),
  /** Whether Settings and Today may gently remind about backing up (backup/reminder.ts). */
  backupReminder: v.boolean(),
  // Encryption at rest's record (`atRest`: the data key wrapped by the lock's record key, and the
  // re-encryption under way) is in the settings store too, but read and checked only by storage/at-rest.ts.
} as const;
export type SettingKey = keyof typeof SettingSchemas;
export type SettingValue<K extends SettingKey> = v.InferOutput<(typeof SettingSchemas)[K]>;

export const SETTING_DEFAULTS: { [K in SettingKey]: SettingValue<K> } = {
  sound: false,
  soundscape: 'low-hum',
  volume: 0.6,
  persistAsked: false,
  breathing: { pattern: 'slow-exhale', minutes: 2 },
  region: 'auto',
  revisitDismissed: '',
  exposureAgreement: null,
  exposureThresholds: { preSudsAtLeast: 85, presenceAtMost: 3, postSudsAtLeast: 85, riseAtLeast: 30 },
  appLock: null,
  lockAfterMinutes: 5,
  measureMode: 'one',
  measureRhythm: null,
  measuresNotNow: {},
  lastBackupAt: 0,
  backupReminder: true,
};

export const SettingRecordSchema = v.object({ key: v.string(), value: v.unknown() });
export type SettingRecord = v.InferOutput<typeof SettingRecordSchema>;

/**
 * The person's own grounding material: the orientation statement and place (CLINICAL.md §2), and their
 * safe place in their own words. One record, id `mine`. The Stanley–Brown safety plan fields join it later.
 */
export const PersonalSchema = v.object({
  id: v.literal('mine'),
  orientationPlace: v.optional(PersonText),
  orientationStatement: v.optional(PersonText),
  safePlace: v.optional(
    v.object({
      name: PersonText,
      see: PersonText,
      hear: PersonText,
      feel: PersonText,
      word: v.optional(PersonText),
    }),
  ),
  updatedAt: Millis,
});
export type Personal = v.InferOutput<typeof PersonalSchema>;

/**
 * A record the app could not read, kept as it was (never deleted): `store` and `key` say where it came
 * from, `raw` is the record itself, `words` every person-written string found in it.
 */
export const QuarantineRecordSchema = v.object({
  id: Id,
  store: v.string(),
  key: v.string(),
  at: Millis,
  reason: v.string(),
  raw: v.unknown(),
  words: v.array(v.string()),
});
export type QuarantineRecord = v.InferOutput<typeof QuarantineRecordSchema>;
