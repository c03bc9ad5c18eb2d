/**
 * Which questionnaires to offer on Today, and when (CLINICAL.md §5: PHQ-9 and GAD-7 weekly, PCL-5 every one
 * to two weeks). Pure: the rhythm is an input, so a therapist plan can change it.
 *
 * Never nagging (CLINICAL.md §6–7): nothing is ever "overdue" or counted as missed; "Not now" hides a
 * measure for one rhythm period; nothing else in the app waits on a measure. The session phase offers none
 * (the caller passes the phase; see `offerMeasures`).
 */
import { MEASURE_IDS, type MeasureId } from './scoring';

export const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * A measure comes due half a day early, so a weekly habit (Sunday evening) is offered again on Sunday
 * morning rather than drifting later each week (judgment).
 */
export const DUE_SLACK_MS = 12 * 60 * 60 * 1000;

/** Days between administrations per measure; a measure absent (or ≤ 0) is not offered. */
export type MeasureRhythm = Partial<Record<MeasureId, number>>;

export const DEFAULT_RHYTHM: Readonly<Record<MeasureId, number>> = { phq9: 7, gad7: 7, pcl5: 14 };

/** What `dueMeasures` reads of each stored administration. */
export interface MeasureHistoryItem {
  id: string;
  measureId: MeasureId;
  startedAt: number;
  completedAt?: number;
}

export interface DueMeasure {
  measureId: MeasureId;
  /** 'new': never taken; 'again': its rhythm has come round; 'carry-on': one started this period is unfinished. */
  reason: 'new' | 'again' | 'carry-on';
  /** The unfinished administration to carry on with. */
  resumeId?: string;
  lastCompletedAt?: number;
}

/** When "Not now" was chosen for each measure (ms). */
export type NotNow = Partial<Record<MeasureId, number>>;

function periodMs(days: number): number {
  return days * DAY_MS - DUE_SLACK_MS;
}

export function dueMeasures(
  history: readonly MeasureHistoryItem[],
  rhythm: MeasureRhythm,
  now: number,
  notNow: NotNow = {},
): DueMeasure[] {
  const out: DueMeasure[] = [];
  for (const id of MEASURE_IDS) {
    const days = rhythm[id];
    if (days === undefined || !(days > 0)) continue;
    const mine = history.filter((h) => h.measureId === id && h.startedAt <= now);
    const lastCompletedAt = lastCompleted(mine);
    const open = resumable(mine, id, now, days);
    const dismissed = notNow[id];
    if (dismissed !== undefined && dismissed <= now && now - dismissed < periodMs(days)) continue;
    if (open) {
      out.push({ measureId: id, reason: 'carry-on', resumeId: open.id, ...(lastCompletedAt !== undefined && { lastCompletedAt }) });
      continue;
    }
    if (lastCompletedAt === undefined) out.push({ measureId: id, reason: 'new' });
    else if (now - lastCompletedAt >= periodMs(days)) out.push({ measureId: id, reason: 'again', lastCompletedAt });
  }
  return out;
}

function lastCompleted(history: readonly MeasureHistoryItem[]): number | undefined {
  const last = Math.max(-Infinity, ...history.filter((h) => h.completedAt !== undefined).map((h) => h.completedAt!));
  return Number.isFinite(last) ? last : undefined;
}

/**
 * The unfinished administration to carry on with, if any: the newest one of this measure started after its
 * last completed one and within one rhythm period (an older one is left as it is, and a fresh one starts).
 */
export function resumable<T extends MeasureHistoryItem>(
  history: readonly T[],
  measureId: MeasureId,
  now: number,
  days: number = DEFAULT_RHYTHM[measureId],
): T | undefined {
  const mine = history.filter((h) => h.measureId === measureId && h.startedAt <= now);
  const last = lastCompleted(mine);
  return mine
    .filter((h) => h.completedAt === undefined && (last === undefined || h.startedAt > last) && now - h.startedAt < periodMs(days))
    .sort((a, b) => b.startedAt - a.startedAt)[0];
}

/**
 * The rhythm Today follows. A rhythm stored by the person or a therapist plan wins. Without one, Today offers
 * again only the measures this person has chosen to take before, at the default rhythm — someone who never
 * opened a questionnaire is never pushed one (judgment: "nothing pushed", DESIGN.md §1; the questionnaires
 * are always one tap away at #/measures).
 */
export function rhythmInUse(stored: MeasureRhythm | null, history: readonly MeasureHistoryItem[]): MeasureRhythm {
  if (stored) return stored;
  const out: MeasureRhythm = {};
  for (const id of MEASURE_IDS) if (history.some((h) => h.measureId === id)) out[id] = DEFAULT_RHYTHM[id];
  return out;
}

/** A plan's measure and how often (plans/schema.ts `MeasureRhythm`, structurally: measures/ never imports plans/). */
export interface PlannedMeasure {
  id: MeasureId;
  everyDays: number;
}

/**
 * The rhythm with an accepted therapist plan (issue 16: "due measures appear on Today on the plan's rhythm"):
 * each measure the plan assigns is offered every `everyDays`, even one never taken before; the others keep
 * the rhythm they had (`rhythmInUse`). A plan adds; it never takes a measure away from the person.
 */
export function rhythmWithPlan(base: MeasureRhythm, planned: readonly PlannedMeasure[]): MeasureRhythm {
  const out: MeasureRhythm = { ...base };
  for (const m of planned) if ((MEASURE_IDS as readonly string[]).includes(m.id) && m.everyDays > 0) out[m.id] = m.everyDays;
  return out;
}

/** Measures are never offered in the session phase (CLINICAL.md §1: no measures while acutely affected). */
export function offerMeasures(phase: string): boolean {
  return phase !== 'session';
}
