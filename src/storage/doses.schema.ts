/**
 * The dose log's record schema (kept beside schema.ts so the dose slice reads alone). Types derive from it.
 *
 * Time: `takenAt` is an instant (canonical ISO `…Z`, so it sorts as text and reads the same everywhere). The
 * person's IANA time zone and UTC offset at logging are kept beside it, so "Day 2 after your session" can
 * be said in the calendar of the place where they took it, even after travelling or a clock change.
 */
import * as v from 'valibot';

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const Millis = v.pipe(v.number(), v.integer(), v.minValue(0));
/** Exactly what `Date.prototype.toISOString()` writes: UTC, milliseconds, `Z`. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const IsoInstant = v.pipe(
  v.string(),
  v.regex(ISO_INSTANT),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'not a real date'),
);

export const DOSE_SETTINGS = ['clinic', 'home'] as const;
export type DoseSetting = (typeof DOSE_SETTINGS)[number];

export const DoseSchema = v.object({
  id: Id,
  /** When the dose was taken (not when it was logged: a dose can be logged later for a past time). */
  takenAt: IsoInstant,
  /** IANA zone at logging (e.g. `Europe/London`); '' when the browser could not say. */
  zone: v.pipe(v.string(), v.maxLength(100)),
  /** Minutes east of UTC at `takenAt` in that zone (UTC+1 → 60), kept in case the zone is unknown. */
  offsetMinutes: v.pipe(v.number(), v.integer(), v.minValue(-14 * 60), v.maxValue(14 * 60)),
  setting: v.picklist(DOSE_SETTINGS),
  /** The person's own words. Never rendered as HTML. */
  note: v.optional(v.pipe(v.string(), v.maxLength(5000))),
  /** When the person said the acute effects have passed (ends the session phase, with ≥ 2 h). */
  effectsPassedAt: v.optional(IsoInstant),
  createdAt: Millis,
  updatedAt: Millis,
  /** Soft delete for Undo; purged after the undo window. */
  deletedAt: v.optional(Millis),
});
export type Dose = v.InferOutput<typeof DoseSchema>;
