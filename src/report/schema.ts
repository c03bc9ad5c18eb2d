/**
 * The progress report as data (issue 16, "Progress report back"): what the person chose to share, already
 * shaped for reading, so the clinician's app renders it without the person's database. Versioned and
 * validated with valibot on both sides: when it is made (so the person never hands over something the
 * clinician cannot open) and when it is opened. Every string is rendered as text, never as HTML.
 *
 * Sections are a small set of generic, data-only shapes. Features plug in through report/sections.ts and
 * produce these shapes; a new shape is a new version of this schema.
 */
import * as v from 'valibot';
import { PersonText } from '../storage/limits';

export const REPORT_VERSION = 1;
/** A report is a few screens to a few hundred pages of text; this caps a crafted file's cost to open. */
export const REPORT_MAX_BYTES = 32 * 1024 * 1024;

const Millis = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
/** Interface-made strings (titles, labels): short. */
const Label = v.pipe(v.string(), v.maxLength(500));
const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const list = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max));
/** JSON has no Infinity or NaN, so any number read back is finite. */
const Num = v.number();

/** Exercises completed in the period, one row per exercise. */
export const ModulesSection = v.object({
  type: v.literal('modules'),
  id: Id,
  title: Label,
  rows: list(
    v.object({
      moduleId: Id,
      title: Label,
      /** Sessions finished. */
      completed: v.pipe(v.number(), v.integer(), v.minValue(0)),
      /** Sessions started and left part-way (what was written is kept; never called "failed"). */
      partial: v.pipe(v.number(), v.integer(), v.minValue(0)),
      last: Millis,
    }),
    500,
  ),
});

/** Belief rehearsal: how believable one belief felt before and after each practice (0–100, null = not rated). */
const Believability = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)));
export const BeliefSection = v.object({
  type: v.literal('belief'),
  id: Id,
  title: Label,
  belief: PersonText,
  points: list(v.object({ at: Millis, before: Believability, after: Believability }), 5000),
});

/** Journal entries the person picked, oldest first. */
export const EntriesSection = v.object({
  type: v.literal('entries'),
  id: Id,
  title: Label,
  entries: list(
    v.object({
      at: Millis,
      kind: v.picklist(['free', 'session', 'fragment']),
      title: PersonText,
      /** The exercise it came from, when it did. */
      module: v.optional(Label),
      /** Check-in and check-out ratings (0–10), when given. */
      checks: v.optional(Label),
      text: PersonText,
      /** A voice note is never put in the report; this says one exists. */
      voiceNote: v.optional(v.boolean()),
    }),
    5000,
  ),
});

/**
 * A chart of numbers over time, for measures (scores with band lines) and exposure (SUDS): exactly the props
 * of the shared ui/chart/LineChart.svelte, so a provider fills it the way it would draw the chart itself —
 * a summary in words, the picture, and the same numbers as a table.
 */
const Marker = v.picklist(['hollow', 'filled', 'square', 'diamond']);
export const SeriesSection = v.pipe(
  v.object({
    type: v.literal('series'),
    id: Id,
    title: Label,
    /** One or two sentences saying what the chart shows, in words (also the chart's accessible name). */
    summary: v.pipe(v.string(), v.maxLength(2000)),
    /** The first table column's heading and one label per column ("Session 3", a date). */
    xHeader: Label,
    xLabels: list(Label, 5000),
    series: list(
      v.object({
        id: Id,
        label: Label,
        marker: Marker,
        dashed: v.optional(v.boolean()),
        values: list(v.nullable(Num), 5000),
      }),
      10,
    ),
    yMin: Num,
    yMax: Num,
    yTicks: v.optional(list(Num, 20)),
    /** Horizontal reference lines, e.g. PHQ-9's 5 / 10 / 15 / 20 with their band names. */
    bands: v.optional(list(v.object({ at: Num, label: Label }), 20)),
    /** Anything a clinician should read beside the chart (how the score is read; never a diagnosis). */
    note: v.optional(v.pipe(v.string(), v.maxLength(4000))),
  }),
  v.check((s) => s.yMax > s.yMin && s.series.every((x) => x.values.length === s.xLabels.length), 'series must fit the columns'),
);

/** A plain table, for details a chart cannot hold (item answers, exposure steps). */
export const TableSection = v.object({
  type: v.literal('table'),
  id: Id,
  title: Label,
  summary: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  columns: list(Label, 20),
  rows: list(list(PersonText, 20), 5000),
});

// v.object and v.union rather than strictObject/variant: valibot sits in the first screen's chunk
// (vite.config.ts), so every valibot function used anywhere costs there; these are already used. Unknown
// keys are dropped when read, so they are never shown.
export const ReportSectionSchema = v.union([ModulesSection, BeliefSection, EntriesSection, SeriesSection, TableSection]);

export const ReportSchema = v.object({
  format: v.literal('groundwork-report'),
  v: v.literal(REPORT_VERSION),
  createdAt: Millis,
  /** The person's IANA time zone when made: dates read the same on the clinician's screen. '' if unknown. */
  zone: v.pipe(v.string(), v.maxLength(100)),
  /** The period covered; `from` null = everything kept. */
  from: v.nullable(Millis),
  to: Millis,
  /** A few words to the clinician, if the person wants (optional). */
  note: v.optional(PersonText),
  sections: list(ReportSectionSchema, 500),
});

export type Report = v.InferOutput<typeof ReportSchema>;
export type ReportSection = v.InferOutput<typeof ReportSectionSchema>;
export type SeriesSectionData = v.InferOutput<typeof SeriesSection>;
export type TableSectionData = v.InferOutput<typeof TableSection>;
export type EntriesSectionData = v.InferOutput<typeof EntriesSection>;

export class ReportFormatError extends Error {
  readonly reason: 'malformed' | 'unsupported-version' | 'too-large';
  constructor(reason: ReportFormatError['reason'], message?: string) {
    super(message ?? reason);
    this.name = 'ReportFormatError';
    this.reason = reason;
  }
}

/** The report as UTF-8 JSON bytes (what goes inside the envelope). Validates first. */
export function encodeReport(report: Report): Uint8Array {
  const checked = v.parse(ReportSchema, report);
  const bytes = new TextEncoder().encode(JSON.stringify(checked));
  if (bytes.length > REPORT_MAX_BYTES) throw new ReportFormatError('too-large', 'The report is too large.');
  // Read it back as the clinician's app will (a NaN would have become null): what is handed over opens.
  decodeReport(bytes);
  return bytes;
}

/** Bytes back to a report; every failure is a ReportFormatError. */
export function decodeReport(bytes: Uint8Array): Report {
  if (bytes.length > REPORT_MAX_BYTES) throw new ReportFormatError('too-large', 'The report is too large.');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ReportFormatError('malformed', 'The report is not readable JSON.');
  }
  if (json && typeof json === 'object' && 'v' in json && json.v !== REPORT_VERSION && typeof json.v === 'number') {
    throw new ReportFormatError('unsupported-version', `Report version ${json.v}.`);
  }
  const parsed = v.safeParse(ReportSchema, json);
  if (!parsed.success) throw new ReportFormatError('malformed', 'The report does not have the expected shape.');
  return parsed.output;
}
