/**
 * What a plan asks and what it would change, as data the preview renders as text (never HTML), and the
 * differences between the plan in use and a newer one (shown before the person consents to replace it).
 * Pure; tested in node.
 */
import { clampExposureThresholds, clampThresholds, DEFAULT_EXPOSURE_VALUES } from './clamp';
import { DEFAULT_THRESHOLDS } from '../flow/routing';
import type { Plan, PlanDay } from './schema';
import { exposureAssigned } from './schema';

export interface ModuleLine {
  moduleId: string;
  /** Undefined: not a module in this version of the app (shown as such, never started). */
  title?: string;
  day: PlanDay;
  instruction?: string;
}

export interface ThresholdLine {
  /** `presenceAtMost`, … or `exposure.preSudsAtLeast`, … */
  key: string;
  from: number;
  to: number;
  /** The plan asked for a value beyond the documented limit; `to` is the limit. */
  asked?: number;
}

export interface PlanDescription {
  modules: ModuleLine[];
  thresholds: ThresholdLine[];
  exposureAssigned: boolean;
}

export function describePlan(plan: Plan, titleOf: (moduleId: string) => string | undefined): PlanDescription {
  const modules = plan.modules.map((m) => ({
    moduleId: m.moduleId,
    title: titleOf(m.moduleId),
    day: m.day,
    ...(m.instruction ? { instruction: m.instruction } : {}),
  }));
  return { modules, thresholds: thresholdLines(plan), exposureAssigned: exposureAssigned(plan) };
}

export function thresholdLines(plan: Plan): ThresholdLine[] {
  const lines: ThresholdLine[] = [];
  const session = clampThresholds(plan.thresholds);
  for (const key of Object.keys(plan.thresholds ?? {}) as (keyof typeof session.value)[]) {
    const from = DEFAULT_THRESHOLDS[key] as number;
    const to = session.value[key] as number;
    const c = session.clamped.find((x) => x.key === key);
    if (from !== to || c) lines.push({ key, from, to, ...(c ? { asked: c.asked } : {}) });
  }
  const exposure = clampExposureThresholds(plan.exposureThresholds);
  for (const key of Object.keys(plan.exposureThresholds ?? {}) as (keyof typeof exposure.value)[]) {
    const from = DEFAULT_EXPOSURE_VALUES[key];
    const to = exposure.value[key];
    const c = exposure.clamped.find((x) => x.key === `exposure.${key}`);
    if (from !== to || c) lines.push({ key: `exposure.${key}`, from, to, ...(c ? { asked: c.asked } : {}) });
  }
  return lines;
}

export type Difference =
  | { kind: 'title'; from: string; to: string }
  | { kind: 'clinician'; from: string; to: string }
  | { kind: 'module-added' | 'module-removed'; moduleId: string; day: PlanDay }
  | { kind: 'module-moved'; moduleId: string; from: PlanDay; to: PlanDay }
  | { kind: 'instruction'; moduleId: string }
  | { kind: 'threshold'; key: string; from: number; to: number }
  | { kind: 'measure-added' | 'measure-removed'; id: string; everyDays: number }
  | { kind: 'measure-changed'; id: string; from: number; to: number }
  | { kind: 'contact-added' | 'contact-removed'; name: string }
  | { kind: 'note' };

/** What changes if `next` replaces `current`. */
export function planDifferences(current: Plan, next: Plan): Difference[] {
  const out: Difference[] = [];
  if (current.title !== next.title) out.push({ kind: 'title', from: current.title, to: next.title });
  if (current.clinician.name !== next.clinician.name) out.push({ kind: 'clinician', from: current.clinician.name, to: next.clinician.name });
  const key = (m: { moduleId: string }) => m.moduleId;
  const before = new Map(current.modules.map((m) => [key(m), m]));
  const after = new Map(next.modules.map((m) => [key(m), m]));
  for (const m of next.modules) {
    const old = before.get(key(m));
    if (!old) out.push({ kind: 'module-added', moduleId: m.moduleId, day: m.day });
    else {
      if (old.day !== m.day) out.push({ kind: 'module-moved', moduleId: m.moduleId, from: old.day, to: m.day });
      if ((old.instruction ?? '') !== (m.instruction ?? '')) out.push({ kind: 'instruction', moduleId: m.moduleId });
    }
  }
  for (const m of current.modules) if (!after.has(key(m))) out.push({ kind: 'module-removed', moduleId: m.moduleId, day: m.day });
  const tCur = new Map(effectiveThresholds(current));
  for (const [k, to] of effectiveThresholds(next)) {
    const from = tCur.get(k)!;
    if (from !== to) out.push({ kind: 'threshold', key: k, from, to });
  }
  const mCur = new Map((current.measures ?? []).map((m) => [m.id, m.everyDays]));
  const mNext = new Map((next.measures ?? []).map((m) => [m.id, m.everyDays]));
  for (const [id, everyDays] of mNext) {
    const was = mCur.get(id);
    if (was === undefined) out.push({ kind: 'measure-added', id, everyDays });
    else if (was !== everyDays) out.push({ kind: 'measure-changed', id, from: was, to: everyDays });
  }
  for (const [id, everyDays] of mCur) if (!mNext.has(id)) out.push({ kind: 'measure-removed', id, everyDays });
  const cKey = (c: { name: string; number?: string; url?: string }) => `${c.name}|${c.number ?? ''}|${c.url ?? ''}`;
  const cCur = new Set((current.contacts ?? []).map(cKey));
  const cNext = new Set((next.contacts ?? []).map(cKey));
  for (const c of next.contacts ?? []) if (!cCur.has(cKey(c))) out.push({ kind: 'contact-added', name: c.name });
  for (const c of current.contacts ?? []) if (!cNext.has(cKey(c))) out.push({ kind: 'contact-removed', name: c.name });
  if ((current.note ?? '') !== (next.note ?? '')) out.push({ kind: 'note' });
  return out;
}

function effectiveThresholds(plan: Plan): [string, number][] {
  const s = clampThresholds(plan.thresholds).value;
  const e = clampExposureThresholds(plan.exposureThresholds).value;
  return [
    ...Object.entries(s).map(([k, n]) => [k, n as number] as [string, number]),
    ...Object.entries(e).map(([k, n]) => [`exposure.${k}`, n] as [string, number]),
  ];
}
