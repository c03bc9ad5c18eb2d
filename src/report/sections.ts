/**
 * How a feature puts its part into the progress report. Each provider offers choices ("PHQ-9, 6 times"),
 * and turns the chosen ones into report sections (report/schema.ts): data only, so the clinician's app can
 * draw them without the person's database.
 *
 * To add one (measures, exposure, …): write `src/<feature>/report-section.ts` exporting a
 * `ReportSectionProvider`, and add ONE line to `REPORT_PROVIDERS` below — a lazy import, so the report
 * screen loads the feature's code only when it opens. Order in the list = order in the chooser and in the
 * report. Copy for a provider's labels lives with the feature (en-later, its own section).
 */
import type { AppContext } from '../ui/context';
import type { Entry } from '../storage/schema';
import type { ReportSection } from './schema';

/** One thing the person can tick. */
export interface ReportOption {
  /** Unique within the provider. */
  id: string;
  /** What it is, in plain words. May hold the person's own words (rendered as text). */
  label: string;
  /** A short second line, e.g. "6 times since 2 November". */
  detail?: string;
}

/** What a provider gets: the app's services, the period, and the journal read once for every provider. */
export interface ReportContext {
  app: AppContext;
  /** Start of the period (ms), or null for everything kept. */
  from: number | null;
  /** End of the period (ms): when the report is made. */
  to: number;
  /** The person's IANA time zone ('' if unknown), for any date written into a label. */
  zone: string;
  /** Every journal entry not deleted, newest first; read once per report and shared by providers. */
  entries(): Promise<readonly Entry[]>;
}

export interface ReportSectionProvider {
  /** Stable id, e.g. 'measures'. */
  id: string;
  /** The group's heading in the chooser, e.g. "Questionnaires". */
  label: string;
  /** One line under the heading (optional). */
  hint?: string;
  /** What can be shared for this period; an empty list hides the group. */
  options(ctx: ReportContext): Promise<ReportOption[]>;
  /** The report sections for the chosen option ids (in the provider's own order). */
  sections(ctx: ReportContext, chosen: readonly string[]): Promise<ReportSection[]>;
}

export type ReportProviderLoader = () => Promise<ReportSectionProvider>;

/** Every provider, in chooser and report order. One line each. */
export const REPORT_PROVIDERS: readonly ReportProviderLoader[] = [
  () => import('./providers/modules').then((m) => m.modulesProvider),
  () => import('./providers/belief').then((m) => m.beliefProvider),
  // measures: () => import('../measures/report-section').then((m) => m.measuresProvider),
  // exposure: () => import('../modules/exposure/report-section').then((m) => m.exposureProvider),
  () => import('./providers/entries').then((m) => m.entriesProvider),
];

/** Whether an entry falls in the report's period. */
export function inPeriod(at: number, ctx: Pick<ReportContext, 'from' | 'to'>): boolean {
  return (ctx.from === null || at >= ctx.from) && at <= ctx.to;
}
