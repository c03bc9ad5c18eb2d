/**
 * Today follows the plan (issue 16): each assigned module on its day relative to the latest dose (day 0 =
 * the dose's calendar date, as flow/phase.ts counts it), ticked once done (a completed session of that
 * module since the dose), and a missed one simply stays available — there is no "overdue". Pure.
 */
import type { Plan, PlanDay } from './schema';

export type When = 'today' | 'earlier' | 'later' | 'any' | 'needs-dose';

export interface ScheduleItem {
  /** Position in the plan (a module may be assigned more than once, on different days). */
  index: number;
  moduleId: string;
  day: PlanDay;
  instruction?: string;
  when: When;
  done: boolean;
}

/**
 * @param dayNumber calendar days since the latest dose (flow/phase.ts `dayNumber`); undefined: no dose.
 * @param completions how many completed sessions of each module since the dose (or since the plan was
 *   accepted, with no dose). The n-th assignment of a module (by day) is done when it was completed n times.
 */
export function planSchedule(plan: Pick<Plan, 'modules'>, dayNumber: number | undefined, completions: ReadonlyMap<string, number>): ScheduleItem[] {
  const rank = new Map<number, number>();
  const byModule = new Map<string, number[]>();
  plan.modules.forEach((m, i) => byModule.set(m.moduleId, [...(byModule.get(m.moduleId) ?? []), i]));
  for (const indexes of byModule.values()) {
    indexes
      .sort((a, b) => dayOrder(plan.modules[a]!.day) - dayOrder(plan.modules[b]!.day) || a - b)
      .forEach((index, r) => rank.set(index, r + 1));
  }
  return plan.modules.map((m, index) => ({
    index,
    moduleId: m.moduleId,
    day: m.day,
    ...(m.instruction ? { instruction: m.instruction } : {}),
    when: whenOf(m.day, dayNumber),
    done: (completions.get(m.moduleId) ?? 0) >= rank.get(index)!,
  }));
}

function dayOrder(day: PlanDay): number {
  return day === 'any' ? Number.MAX_SAFE_INTEGER : day;
}

function whenOf(day: PlanDay, dayNumber: number | undefined): When {
  if (day === 'any') return 'any';
  if (dayNumber === undefined) return 'needs-dose';
  if (day === dayNumber) return 'today';
  return day < dayNumber ? 'earlier' : 'later';
}

/** Completed sessions per module at or after `since` (ms). */
export function completionsSince(
  entries: readonly { moduleId?: string; createdAt: number; complete: boolean; kind: string }[],
  since: number,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of entries) {
    if (e.kind !== 'session' || !e.complete || !e.moduleId || e.createdAt < since) continue;
    out.set(e.moduleId, (out.get(e.moduleId) ?? 0) + 1);
  }
  return out;
}
