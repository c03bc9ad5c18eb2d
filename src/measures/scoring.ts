/**
 * Scoring of PHQ-9, GAD-7 and PCL-5 (CLINICAL.md §5): item counts, answer ranges, totals, severity bands and
 * PCL-5's DSM-5 cluster sums. Pure and numbers only — the wording lives in ./content.ts, which uses these
 * same ids. A band is a range of scores the measure's authors describe; it is never a diagnosis.
 *
 * Sources: PHQ-9 — Kroenke, Spitzer & Williams, J Gen Intern Med 2001;16:606 (bands 5/10/15/20).
 * GAD-7 — Spitzer, Kroenke, Williams & Löwe, Arch Intern Med 2006;166:1092 (bands 5/10/15).
 * PCL-5 — Weathers et al. 2013, National Center for PTSD; Blevins et al., J Trauma Stress 2015;28:489
 * (0–80; a total of 31–33 or more suggests probable PTSD; clusters B 1–5, C 6–7, D 8–14, E 15–20).
 */

export const MEASURE_IDS = ['phq9', 'gad7', 'pcl5'] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];

export function isMeasureId(value: unknown): value is MeasureId {
  return typeof value === 'string' && (MEASURE_IDS as readonly string[]).includes(value);
}

export interface BandRange {
  id: string;
  /** Lowest total in the band (inclusive). */
  min: number;
  /** Highest total in the band (inclusive). */
  max: number;
}

export interface MeasureScoring {
  id: MeasureId;
  items: number;
  /** Each answer is 0 … maxAnswer. */
  maxAnswer: number;
  /** items × maxAnswer. */
  maxTotal: number;
  bands: readonly BandRange[];
}

export const SCORING: Record<MeasureId, MeasureScoring> = {
  phq9: {
    id: 'phq9',
    items: 9,
    maxAnswer: 3,
    maxTotal: 27,
    bands: [
      { id: 'minimal', min: 0, max: 4 },
      { id: 'mild', min: 5, max: 9 },
      { id: 'moderate', min: 10, max: 14 },
      { id: 'moderately-severe', min: 15, max: 19 },
      { id: 'severe', min: 20, max: 27 },
    ],
  },
  gad7: {
    id: 'gad7',
    items: 7,
    maxAnswer: 3,
    maxTotal: 21,
    bands: [
      { id: 'minimal', min: 0, max: 4 },
      { id: 'mild', min: 5, max: 9 },
      { id: 'moderate', min: 10, max: 14 },
      { id: 'severe', min: 15, max: 21 },
    ],
  },
  pcl5: {
    id: 'pcl5',
    items: 20,
    maxAnswer: 4,
    maxTotal: 80,
    // The published cut-point is "31–33": below 31, within 31–32, and 33 or more (judgment: three bands so
    // the uncertain range is said plainly rather than hidden behind one number).
    bands: [
      { id: 'below', min: 0, max: 30 },
      { id: 'near', min: 31, max: 32 },
      { id: 'above', min: 33, max: 80 },
    ],
  },
};

/** PCL-5's DSM-5 symptom clusters, as 1-based item numbers (inclusive). */
export const PCL5_CLUSTERS = {
  B: [1, 5],
  C: [6, 7],
  D: [8, 14],
  E: [15, 20],
} as const satisfies Record<string, readonly [number, number]>;
export type Pcl5Cluster = keyof typeof PCL5_CLUSTERS;
export type ClusterSums = Record<Pcl5Cluster, number>;

/** One answer per item, `null` while not answered yet. */
export type Answers = readonly (number | null)[];

export interface Score {
  measureId: MeasureId;
  /** Sum of the answers given so far. */
  total: number;
  answered: number;
  /** Every item answered. */
  complete: boolean;
  /** The band of the total — only when complete (a partial total would understate it). */
  band: string | null;
  /** PCL-5 only: the sum of each cluster's answered items. */
  clusters?: ClusterSums;
  /** PHQ-9 only: the answer to item 9, when given. */
  item9?: number;
}

export class AnswersError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnswersError';
  }
}

/** Throws AnswersError when the answers do not fit the measure (length, whole numbers in range). */
export function checkAnswers(measureId: MeasureId, answers: Answers): void {
  const s = SCORING[measureId];
  if (answers.length !== s.items) throw new AnswersError(`${measureId} has ${s.items} items, got ${answers.length} answers`);
  answers.forEach((a, i) => {
    if (a === null) return;
    if (!Number.isInteger(a) || a < 0 || a > s.maxAnswer) throw new AnswersError(`${measureId} item ${i + 1}: ${a} is not 0–${s.maxAnswer}`);
  });
}

export function bandOf(measureId: MeasureId, total: number): string {
  const band = SCORING[measureId].bands.find((b) => total >= b.min && total <= b.max);
  if (!band) throw new AnswersError(`${measureId}: total ${total} is out of range`);
  return band.id;
}

export function score(measureId: MeasureId, answers: Answers): Score {
  checkAnswers(measureId, answers);
  const given = answers.filter((a): a is number => a !== null);
  const total = given.reduce((sum, a) => sum + a, 0);
  const complete = given.length === answers.length;
  const out: Score = { measureId, total, answered: given.length, complete, band: complete ? bandOf(measureId, total) : null };
  if (measureId === 'pcl5') out.clusters = clusterSums(answers);
  if (measureId === 'phq9' && answers[8] !== null && answers[8] !== undefined) out.item9 = answers[8];
  return out;
}

/** PCL-5 cluster sums (B 1–5, C 6–7, D 8–14, E 15–20); unanswered items count 0. */
export function clusterSums(answers: Answers): ClusterSums {
  const sum = ([from, to]: readonly [number, number]) => answers.slice(from - 1, to).reduce<number>((s, a) => s + (a ?? 0), 0);
  return { B: sum(PCL5_CLUSTERS.B), C: sum(PCL5_CLUSTERS.C), D: sum(PCL5_CLUSTERS.D), E: sum(PCL5_CLUSTERS.E) };
}

export function emptyAnswers(measureId: MeasureId): (number | null)[] {
  return Array.from({ length: SCORING[measureId].items }, () => null);
}
