/**
 * Questionnaires (PHQ-9, GAD-7, PCL-5): one choice per questionnaire taken in the period; each chosen one
 * becomes a `series` section — the scores over time with the band lines, the summary in plain words (latest
 * score, its band explained, the change, "not a diagnosis": measures/report.ts `measureSummaries`) and the
 * numbers as a table (printed open). The latest PHQ-9 item 9 answer, PCL-5 cluster sums and the difficulty
 * answer go in the section's note, in the published answer words. Scores are recomputed from the answers.
 */
import { t } from '../../ui/copy/later';
import { measureSummaries, type MeasureRecordLike, type MeasureSummary } from '../../measures/report';
import { MEASURES } from '../../measures/content';
import type { ReportSection } from '../schema';
import type { ReportContext, ReportOption, ReportSectionProvider } from '../sections';
import { formatIn, inPeriod } from '../shape';

const c = t.report.measures;

/** Completed administrations in the period, summarised per questionnaire (PHQ-9, GAD-7, PCL-5 order). */
export function summariesIn(records: readonly MeasureRecordLike[], w: Pick<ReportContext, 'from' | 'to' | 'zone'>): MeasureSummary[] {
  const inside = records.filter((r) => r.completedAt !== undefined && inPeriod(r.completedAt, w));
  return measureSummaries(inside, (ms) => formatIn(ms, w.zone));
}

export function measureOptions(summaries: readonly MeasureSummary[], zone: string): ReportOption[] {
  return summaries.map((s) => ({
    id: s.measureId,
    label: c.option(s.short, MEASURES[s.measureId].about),
    detail: c.detail(s.count, formatIn(s.points[0]!.at, zone)) + (s.measureId === 'phq9' ? ` ${c.item9Included}` : ''),
  }));
}

/** What a clinician reads beside the chart: the latest item 9, cluster sums and difficulty, in words. */
function noteFor(s: MeasureSummary): string | undefined {
  const content = MEASURES[s.measureId];
  const parts: string[] = [];
  if (s.latest.item9 !== undefined) {
    parts.push(c.item9(content.items[8] ?? '', content.options[s.latest.item9]?.label ?? String(s.latest.item9), s.latest.item9));
  }
  if (s.latest.clusters) parts.push(c.clusters(s.latest.clusters));
  if (s.latest.difficulty) parts.push(c.difficulty(s.latest.difficulty));
  return parts.length ? parts.join(' ') : undefined;
}

export function measureSection(s: MeasureSummary, zone: string): ReportSection {
  const note = noteFor(s);
  return {
    type: 'series',
    id: `measure-${s.measureId}`,
    title: c.title(s.short),
    summary: s.text,
    xHeader: c.dateHeader,
    xLabels: s.points.map((p) => formatIn(p.at, zone)),
    series: [{ id: 'total', label: c.scoreLabel, marker: 'filled', values: s.points.map((p) => p.total) }],
    yMin: 0,
    yMax: s.maxTotal,
    // A line at each band's lower edge (the first band starts at 0), named after the band above it.
    bands: s.bands.slice(1).map((b) => ({ at: b.min, label: b.label })),
    ...(note && { note }),
  };
}

async function summaries(ctx: ReportContext): Promise<MeasureSummary[]> {
  return summariesIn(await (await ctx.app.measures()).list(), ctx);
}

export const measuresProvider: ReportSectionProvider = {
  id: 'measures',
  label: c.label,
  hint: c.hint,
  async options(ctx) {
    return measureOptions(await summaries(ctx), ctx.zone);
  },
  async sections(ctx, chosen) {
    return (await summaries(ctx)).filter((s) => chosen.includes(s.measureId)).map((s) => measureSection(s, ctx.zone));
  },
};
