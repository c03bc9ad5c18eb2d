/**
 * Pure rules that turn the person's records into report sections: which exercises were completed in the
 * period, which beliefs were rehearsed, how a chosen journal entry reads in the report. No DOM, no storage;
 * tested in node (tests/unit/report.test.ts).
 */
import type { Entry } from '../storage/schema';
import { believabilityOverSessions, sameBelief, type Point } from '../modules/reframing/belief-rehearsal/history';
import type { ReportContext } from './sections';

export type Period = 'weeks2' | 'weeks4' | 'months3' | 'all';
export const PERIODS: readonly Period[] = ['weeks2', 'weeks4', 'months3', 'all'];
const DAY = 24 * 60 * 60 * 1000;

/** Start of the period ending at `now` (null = everything). */
export function periodStart(period: Period, now: number): number | null {
  switch (period) {
    case 'weeks2':
      return now - 14 * DAY;
    case 'weeks4':
      return now - 28 * DAY;
    case 'months3':
      return now - 91 * DAY;
    case 'all':
      return null;
  }
}

type Window = Pick<ReportContext, 'from' | 'to'>;
/** Whether a moment falls in the report's period. */
export function inPeriod(at: number, w: Window): boolean {
  return (w.from === null || at >= w.from) && at <= w.to;
}
const within = inPeriod;

export interface ModuleRow {
  moduleId: string;
  title: string;
  completed: number;
  partial: number;
  last: number;
}

/** Guided exercises in the period, one row per exercise, most practised first (then most recent). */
export function completedModules(
  entries: readonly Entry[],
  w: Window,
  titleOf: (moduleId: string) => string | undefined,
): ModuleRow[] {
  const rows = new Map<string, ModuleRow>();
  for (const e of entries) {
    if (e.kind !== 'session' || !e.moduleId || e.deletedAt !== undefined || !within(e.createdAt, w)) continue;
    const row = rows.get(e.moduleId) ?? {
      moduleId: e.moduleId,
      title: titleOf(e.moduleId) || e.title || e.moduleId,
      completed: 0,
      partial: 0,
      last: 0,
    };
    if (e.complete) row.completed++;
    else row.partial++;
    row.last = Math.max(row.last, e.createdAt);
    rows.set(e.moduleId, row);
  }
  return [...rows.values()].sort((a, b) => b.completed - a.completed || b.last - a.last);
}

export interface RehearsedBelief {
  /** The id of the newest rehearsal of this belief: a stable choice id. */
  id: string;
  /** As the person last wrote it. */
  belief: string;
  /** Every rehearsal of it in the period, oldest first. */
  points: Point[];
}

/** Beliefs rehearsed in the period, the most recently rehearsed first; the same belief (case, spacing) once. */
export function rehearsedBeliefs(entries: readonly Entry[], w: Window): RehearsedBelief[] {
  const inWindow = entries.filter(
    (e) => e.moduleId === 'belief-rehearsal' && e.deletedAt === undefined && within(e.createdAt, w),
  );
  const newest = [...inWindow].sort((a, b) => b.createdAt - a.createdAt);
  const out: RehearsedBelief[] = [];
  for (const e of newest) {
    const belief = (e.data as { belief?: unknown } | undefined)?.belief;
    if (typeof belief !== 'string' || !belief.trim() || out.some((b) => sameBelief(b.belief, belief))) continue;
    const points = believabilityOverSessions(inWindow, belief);
    if (points.length) out.push({ id: e.id, belief: belief.trim(), points });
  }
  return out;
}

/** "Presence 3 → 6 · distress 7 → 4": the check-in and check-out ratings, or '' when none were given. */
export function checksLine(entry: Pick<Entry, 'before' | 'after'>, words: { presence: string; distress: string }): string {
  const part = (label: string, a?: number, b?: number) =>
    a === undefined && b === undefined ? '' : `${label} ${a ?? '–'} → ${b ?? '–'}`;
  return [
    part(words.presence, entry.before?.presence, entry.after?.presence),
    part(words.distress, entry.before?.distress, entry.after?.distress),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** An entry's text for the report: the exercise's summary of its answers, then the person's note. */
export function entryText(entry: Pick<Entry, 'body'>, summary: string): string {
  return [summary.trim(), entry.body.trim()].filter(Boolean).join('\n\n');
}

/** A YYYY-MM-DD stamp in the person's zone, for the file's name. */
export function dateStamp(at: number, zone: string): string {
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone || undefined,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(new Date(at));
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}`;
  } catch {
    return new Date(at).toISOString().slice(0, 10);
  }
}

/** A date (or date and time) as the person saw it: in the zone the report was made in, when valid. */
export function formatIn(at: number, zone: string, withTime = false): string {
  const opts: Intl.DateTimeFormatOptions = withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' };
  try {
    return new Date(at).toLocaleString(undefined, { ...opts, timeZone: zone || undefined });
  } catch {
    return new Date(at).toLocaleString(undefined, opts);
  }
}
