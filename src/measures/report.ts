/**
 * Measures for the progress report and the trends screen: per questionnaire, the latest score and band and
 * the points over time. Pure; scores are recomputed from the stored answers, so a record's stored total can
 * never disagree with what is shown.
 *
 * `measureSummaries(records)` takes any stored administrations (in-progress ones are ignored) and returns one
 * summary per measure with at least one completed administration, in the order PHQ-9, GAD-7, PCL-5:
 * - `latest`: the newest completed one — `at` (completedAt, ms), `total`, `maxTotal`, `band` (id),
 *   `bandLabel`, `bandPlain`, `item9` (PHQ-9), `clusters` (PCL-5: B, C, D, E sums), `difficulty` (the
 *   answer to PHQ-9/GAD-7's unscored last question, in its published words, when given);
 * - `points`: every completed one, oldest first, `{ at, total, band }` — what a chart plots;
 * - `change`: latest total minus the first one's (undefined with one point);
 * - `bands`: the measure's bands with their labels (for band lines on a chart);
 * - `text`: a one-paragraph summary in plain words (for screen readers, print and the report).
 */
import { MEASURE_IDS, SCORING, score, checkAnswers, type Answers, type ClusterSums, type MeasureId } from './scoring';
import { MEASURES, NOT_A_DIAGNOSIS, PCL5_CHANGE } from './content';

export interface MeasureRecordLike {
  measureId: MeasureId;
  answers: Answers;
  completedAt?: number;
  /** PHQ-9/GAD-7's unscored question: how difficult these problems made daily life (0–3). */
  difficulty?: number | null;
}

export interface TrendPoint {
  at: number;
  total: number;
  band: string;
}

export interface MeasureSummary {
  measureId: MeasureId;
  short: string;
  title: string;
  maxTotal: number;
  count: number;
  latest: TrendPoint & { bandLabel: string; bandPlain: string; item9?: number; clusters?: ClusterSums; difficulty?: string };
  change?: number;
  points: TrendPoint[];
  bands: { id: string; min: number; max: number; label: string }[];
  text: string;
}

function completed(r: MeasureRecordLike): r is MeasureRecordLike & { completedAt: number } {
  if (r.completedAt === undefined) return false;
  try {
    checkAnswers(r.measureId, r.answers);
  } catch {
    return false; // not this measure's shape: left out rather than guessed
  }
  return r.answers.every((a) => a !== null);
}

export function measureSummaries(records: readonly MeasureRecordLike[], formatDate: (ms: number) => string = isoDay): MeasureSummary[] {
  const out: MeasureSummary[] = [];
  for (const id of MEASURE_IDS) {
    const done = records.filter((r) => r.measureId === id).filter(completed).sort((a, b) => a.completedAt - b.completedAt);
    if (!done.length) continue;
    const content = MEASURES[id];
    const points = done.map((r) => {
      const s = score(id, r.answers);
      return { at: r.completedAt, total: s.total, band: s.band! };
    });
    const last = done[done.length - 1]!;
    const lastScore = score(id, last.answers);
    const latestPoint = points[points.length - 1]!;
    const band = content.bands[latestPoint.band]!;
    const summary: MeasureSummary = {
      measureId: id,
      short: content.short,
      title: content.title,
      maxTotal: SCORING[id].maxTotal,
      count: points.length,
      latest: {
        ...latestPoint,
        bandLabel: band.label,
        bandPlain: band.plain,
        ...(lastScore.item9 !== undefined && { item9: lastScore.item9 }),
        ...(lastScore.clusters && { clusters: lastScore.clusters }),
        ...(typeof last.difficulty === 'number' && content.difficulty && { difficulty: content.difficulty.options[last.difficulty]?.label }),
      },
      ...(points.length > 1 && { change: latestPoint.total - points[0]!.total }),
      points,
      bands: SCORING[id].bands.map((b) => ({ ...b, label: content.bands[b.id]!.label })),
      text: '',
    };
    summary.text = summaryText(summary, formatDate);
    out.push(summary);
  }
  return out;
}

/** The trend in words: latest score and band, the change since the first, the range, and "not a diagnosis". */
export function summaryText(s: Omit<MeasureSummary, 'text'>, formatDate: (ms: number) => string = isoDay): string {
  const parts = [`${s.short}: ${s.latest.total} of ${s.maxTotal} on ${formatDate(s.latest.at)} — ${s.latest.bandLabel}. ${s.latest.bandPlain}`];
  if (s.count === 1) parts.push('This is the first one, so there is no trend yet.');
  else {
    const first = s.points[0]!;
    const totals = s.points.map((p) => p.total);
    const change = s.change ?? 0;
    const direction = change < 0 ? `${-change} points lower than` : change > 0 ? `${change} points higher than` : 'the same as';
    parts.push(
      `${s.count} times since ${formatDate(first.at)}; the latest is ${direction} the first (${first.total}). Lowest ${Math.min(...totals)}, highest ${Math.max(...totals)}.`,
    );
    if (s.measureId === 'pcl5') parts.push(PCL5_CHANGE);
  }
  parts.push(NOT_A_DIAGNOSIS);
  return parts.join(' ');
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
