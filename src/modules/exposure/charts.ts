/**
 * Chart data per situation, pure (tested in node): pre/peak/post SUDS across practices (habituation, PE) and
 * the predicted likelihood against what happened (expectancy violation — Craske et al. 2008, 2014: learning
 * that the feared outcome did not come, or could be coped with, matters more than fear going down). Each
 * chart gets a one-line summary in words, which also names the picture for screen readers.
 */
import type { ExposureRecord, Happened } from '../../storage/exposure.schema';

/** What happened, as a point on the 0–100 likelihood axis: it happened (100), partly (50), not (0). */
export const HAPPENED_VALUE: Readonly<Record<Happened, number>> = { yes: 100, partly: 50, no: 0 };

export interface SeriesData {
  id: string;
  values: (number | null)[];
}

export interface ChartData {
  /** One label per practice ("Practice 3, 2 Dec"). */
  xLabels: string[];
  series: SeriesData[];
  summary: string;
}

export interface ChartWords {
  sessionLabel: (n: number, date: string) => string;
  /** Habituation summary parts. */
  none: string;
  one: (pre: string, peak: string, post: string) => string;
  many: (n: number, parts: string) => string;
  change: (what: string, from: number, to: number) => string;
  expectNone: string;
  expect: (n: number, notHappened: number, partly: number, happened: number, firstLikely: string, lastLikely: string) => string;
  notRated: string;
}

export const CHART_WORDS: ChartWords = {
  sessionLabel: (n, date) => (date ? `${n} (${date})` : String(n)),
  none: 'No practices of this one yet.',
  one: (pre, peak, post) => `One practice so far: distress ${pre} before, ${peak} at its highest, ${post} after.`,
  many: (n, parts) => `Over ${n} practices: ${parts}.`,
  change: (what, from, to) => `${what} ${from === to ? `stayed at ${from}` : `went from ${from} to ${to}`}`,
  expectNone: 'No predictions answered yet.',
  expect: (n, not, partly, yes, first, last) =>
    `Of ${n} ${n === 1 ? 'practice' : 'practices'} with an answer, what you feared did not happen in ${not}, partly happened in ${partly} and happened in ${yes}. How likely you thought it was: ${first} at first, ${last} most recently.`,
  notRated: 'not rated',
};

/** Only records that practised something, oldest first. */
function ordered(records: readonly ExposureRecord[]): ExposureRecord[] {
  return [...records].sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
}

function labels(records: readonly ExposureRecord[], words: ChartWords, date: (ms: number) => string): string[] {
  return records.map((r, i) => words.sessionLabel(i + 1, date(r.startedAt)));
}

function firstLast(values: readonly (number | null)[]): [number, number] | undefined {
  const given = values.filter((v): v is number => v !== null);
  return given.length ? [given[0]!, given[given.length - 1]!] : undefined;
}

export function habituation(
  records: readonly ExposureRecord[],
  words: ChartWords = CHART_WORDS,
  date: (ms: number) => string = () => '',
  names: { pre: string; peak: string; post: string } = { pre: 'before', peak: 'at its highest', post: 'after' },
): ChartData {
  const list = ordered(records);
  const pre = list.map((r) => r.data.preSuds);
  const peak = list.map((r) => r.data.peakSuds);
  const post = list.map((r) => r.data.postSuds);
  const series = [
    { id: 'pre', values: pre },
    { id: 'peak', values: peak },
    { id: 'post', values: post },
  ];
  let summary: string;
  if (list.length === 0) summary = words.none;
  else if (list.length === 1) {
    const n = (v: number | null) => (v === null ? words.notRated : String(v));
    summary = words.one(n(pre[0]!), n(peak[0]!), n(post[0]!));
  } else {
    const parts = (
      [
        [names.pre, pre],
        [names.peak, peak],
        [names.post, post],
      ] as const
    )
      .map(([what, values]) => {
        const fl = firstLast(values);
        return fl ? words.change(what, fl[0], fl[1]) : undefined;
      })
      .filter((p): p is string => p !== undefined);
    summary = parts.length ? words.many(list.length, parts.join('; ')) : words.many(list.length, words.notRated);
  }
  return { xLabels: labels(list, words, date), series, summary };
}

export function expectancy(
  records: readonly ExposureRecord[],
  words: ChartWords = CHART_WORDS,
  date: (ms: number) => string = () => '',
): ChartData {
  const list = ordered(records);
  const likelihood = list.map((r) => r.data.likelihood);
  const happened = list.map((r) => (r.data.happened === null ? null : HAPPENED_VALUE[r.data.happened]));
  const answered = list.filter((r) => r.data.happened !== null);
  const count = (h: Happened) => answered.filter((r) => r.data.happened === h).length;
  const fl = firstLast(likelihood);
  const pct = (n: number | undefined) => (n === undefined ? words.notRated : `${n} %`);
  const summary = answered.length
    ? words.expect(answered.length, count('no'), count('partly'), count('yes'), pct(fl?.[0]), pct(fl?.[1]))
    : words.expectNone;
  return {
    xLabels: labels(list, words, date),
    series: [
      { id: 'predicted', values: likelihood },
      { id: 'happened', values: happened },
    ],
    summary,
  };
}
