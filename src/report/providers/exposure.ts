/**
 * Exposure: one choice per situation on the fear list practised in the period, each becoming two `series`
 * sections shaped by the exposure charts' own pure code (modules/exposure/charts.ts): distress before, at its
 * highest and after each practice, and how likely the feared outcome seemed against what happened. Then
 * written exposure: a table of the writing sessions done (distress before and after); the words written are
 * the most sensitive thing in the app, so they are a separate choice, never ticked unless the person ticks it.
 */
import { t } from '../../ui/copy/later';
import { CHART_WORDS, expectancy, habituation } from '../../modules/exposure/charts';
import { CHARTS } from '../../modules/exposure/content';
import type { ExposureRecord, HierarchyItem } from '../../storage/exposure.schema';
import type { WrittenCourse } from '../../storage/written-exposure.schema';
import type { ReportSection } from '../schema';
import type { ReportContext, ReportOption, ReportSectionProvider } from '../sections';
import { formatIn, inPeriod } from '../shape';

const c = t.report.exposure;
const x = t.exposure;
type Window = Pick<ReportContext, 'from' | 'to' | 'zone'>;

export interface PractisedSituation {
  itemId: string;
  /** The situation as it reads on the fear list now (or, if no longer there, as it was last practised). */
  situation: string;
  /** Practices in the period, oldest first. */
  records: ExposureRecord[];
}

/** Situations practised in the period, in the fear list's order (then any no longer on it). */
export function practisedSituations(items: readonly HierarchyItem[], records: readonly ExposureRecord[], w: Window): PractisedSituation[] {
  const byItem = new Map<string, ExposureRecord[]>();
  for (const r of records) {
    if (!inPeriod(r.startedAt, w)) continue;
    byItem.set(r.itemId, [...(byItem.get(r.itemId) ?? []), r]);
  }
  const order = [...items.map((i) => i.id), ...[...byItem.keys()].filter((id) => !items.some((i) => i.id === id))];
  const out: PractisedSituation[] = [];
  for (const itemId of order) {
    const list = byItem.get(itemId);
    if (!list?.length) continue;
    list.sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
    const situation = items.find((i) => i.id === itemId)?.text ?? list[list.length - 1]!.data.situation;
    out.push({ itemId, situation, records: list });
  }
  return out;
}

/** A heading holds at most a line of the person's words; the full text is in the chooser they ticked. */
function short(text: string, max = 200): string {
  const chars = [...text.trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

export function situationSections(s: PractisedSituation, zone: string): ReportSection[] {
  const date = (ms: number) => formatIn(ms, zone);
  const suds = habituation(s.records, CHART_WORDS, date);
  const expect = expectancy(s.records, CHART_WORDS, date);
  const name = short(s.situation);
  return [
    {
      type: 'series',
      id: `exposure-${s.itemId}-suds`,
      title: c.title(CHARTS.sudsTitle, name),
      summary: suds.summary,
      xHeader: x.xHeader,
      xLabels: suds.xLabels,
      series: [
        { id: 'pre', label: x.before, marker: 'hollow', values: suds.series[0]!.values },
        { id: 'peak', label: x.peak, marker: 'filled', values: suds.series[1]!.values },
        { id: 'post', label: x.after, marker: 'square', dashed: true, values: suds.series[2]!.values },
      ],
      yMin: 0,
      yMax: 100,
      yTicks: [0, 25, 50, 75, 100],
    },
    {
      type: 'series',
      id: `exposure-${s.itemId}-expect`,
      title: c.title(CHARTS.expectTitle, name),
      summary: expect.summary,
      xHeader: x.xHeader,
      xLabels: expect.xLabels,
      series: [
        { id: 'predicted', label: x.predicted, marker: 'hollow', values: expect.series[0]!.values },
        { id: 'happened', label: x.happened, marker: 'diamond', dashed: true, values: expect.series[1]!.values },
      ],
      yMin: 0,
      yMax: 100,
      yTicks: [0, 50, 100],
      note: CHARTS.successNote,
    },
  ];
}

export interface WrittenSessionDone {
  courseId: string;
  courseName: string;
  n: number;
  finishedAt: number;
  preSuds: number | null;
  postSuds: number | null;
  text: string;
}

/** Written-exposure sessions finished in the period, oldest first. */
export function writtenSessionsDone(courses: readonly WrittenCourse[], w: Window): WrittenSessionDone[] {
  const out: WrittenSessionDone[] = [];
  for (const course of courses) {
    for (const s of course.sessions) {
      if (s.status !== 'done' || s.finishedAt === null || !inPeriod(s.finishedAt, w)) continue;
      out.push({ courseId: course.id, courseName: course.name, n: s.n, finishedAt: s.finishedAt, preSuds: s.preSuds, postSuds: s.postSuds, text: s.text });
    }
  }
  return out.sort((a, b) => a.finishedAt - b.finishedAt || a.n - b.n);
}

/** The sessions as a table: numbers only — never the course's name or the words written. */
export function writtenTable(done: readonly WrittenSessionDone[], zone: string): ReportSection {
  const rated = (n: number | null) => (n === null ? x.notRated : String(n));
  return {
    type: 'table',
    id: 'written-sessions',
    title: c.writtenTitle,
    summary: c.writtenSummary(done.length),
    columns: [c.columns.date, c.columns.session, c.columns.before, c.columns.after],
    rows: done.map((d) => [formatIn(d.finishedAt, zone), c.sessionOf(d.n), rated(d.preSuds), rated(d.postSuds)]),
  };
}

/** The words written, only when ticked on its own: one entry per session. */
export function writtenTextSection(done: readonly WrittenSessionDone[]): ReportSection {
  return {
    type: 'entries',
    id: 'written-text',
    title: c.textTitle,
    entries: done.map((d) => ({
      at: d.finishedAt,
      kind: 'session' as const,
      title: d.courseName.trim() ? c.textEntryNamed(d.courseName, d.n) : c.sessionOf(d.n),
      module: c.writtenModule,
      text: d.text,
    })),
  };
}

export function exposureOptions(situations: readonly PractisedSituation[], written: readonly WrittenSessionDone[]): ReportOption[] {
  const out: ReportOption[] = situations.map((s) => ({ id: `item:${s.itemId}`, label: s.situation, detail: x.practices(s.records.length) }));
  if (written.length) {
    out.push({ id: 'written', label: c.writtenOption, detail: c.writtenDetail(written.length) });
    if (written.some((d) => d.text.trim())) out.push({ id: 'written-text', label: c.textOption, detail: c.textDetail });
  }
  return out;
}

async function load(ctx: ReportContext): Promise<{ situations: PractisedSituation[]; written: WrittenSessionDone[] }> {
  const [situations, written] = await Promise.all([
    (async () => {
      const repo = await ctx.app.exposures();
      // A damaged fear list is kept and reported by the repository; the practices still show, named as practised.
      const items = await repo.hierarchy.get().then((h) => h.items, () => [] as HierarchyItem[]);
      const ids = [...(await repo.records.countByItem()).keys()];
      const records = (await Promise.all(ids.map((id) => repo.records.forItem(id)))).flat();
      return practisedSituations(items, records, ctx);
    })(),
    (async () => writtenSessionsDone(await (await ctx.app.writtenExposure()).list(), ctx))(),
  ]);
  return { situations, written };
}

export const exposureProvider: ReportSectionProvider = {
  id: 'exposure',
  label: c.label,
  hint: c.hint,
  async options(ctx) {
    const { situations, written } = await load(ctx);
    return exposureOptions(situations, written);
  },
  async sections(ctx, chosen) {
    const { situations, written } = await load(ctx);
    const out: ReportSection[] = [];
    for (const s of situations) if (chosen.includes(`item:${s.itemId}`)) out.push(...situationSections(s, ctx.zone));
    if (written.length && chosen.includes('written')) out.push(writtenTable(written, ctx.zone));
    if (written.length && chosen.includes('written-text')) out.push(writtenTextSection(written));
    return out;
  },
};
