/**
 * Clinician mode's composer data: a draft that may be half-typed, turned into a valid plan for hand-over.
 * Pure; the view (Composer.svelte) binds the draft's fields and shows `problems` in plain words.
 */
import * as v from 'valibot';
import type { ComposedDraft } from '../storage/plans.schema';
import { PLAN_VERSION, PlanSchema, type Plan, type PublicJwk } from './schema';

export function emptyDraft(): ComposedDraft {
  return {
    title: '',
    clinician: { name: '', contact: '' },
    modules: [],
    thresholds: {},
    exposureThresholds: {},
    measures: [],
    contacts: [],
    note: '',
  };
}

export function duplicateDraft(draft: ComposedDraft, copyLabel: (title: string) => string): ComposedDraft {
  return { ...structuredClone(draft), title: copyLabel(draft.title) };
}

/** Where a field of the draft stops the plan being handed over (the composer lists these). */
export type DraftProblem = { path: string; message: string };

export function draftToPlan(
  draft: ComposedDraft,
  id: string,
  keys: { signing: PublicJwk; report: PublicJwk } | undefined,
  createdAt: number,
): { ok: true; plan: Plan } | { ok: false; problems: DraftProblem[] } {
  const candidate = {
    v: PLAN_VERSION,
    id,
    createdAt,
    title: draft.title.trim(),
    clinician: {
      name: draft.clinician.name.trim(),
      contact: draft.clinician.contact.trim(),
      ...(keys ? { signingKey: keys.signing, reportKey: keys.report } : {}),
    },
    modules: draft.modules.map((m) => ({
      moduleId: m.moduleId,
      day: m.day,
      ...(m.instruction.trim() ? { instruction: m.instruction.trim() } : {}),
    })),
    ...(Object.keys(draft.thresholds).length ? { thresholds: draft.thresholds } : {}),
    ...(Object.keys(draft.exposureThresholds).length ? { exposureThresholds: draft.exposureThresholds } : {}),
    ...(draft.measures.length ? { measures: draft.measures } : {}),
    ...(draft.contacts.length
      ? {
          contacts: draft.contacts.map((c) => ({
            region: c.region.trim(),
            name: c.name.trim(),
            ...(c.number.trim() ? { number: c.number.trim() } : {}),
            ...(c.url.trim() ? { url: c.url.trim() } : {}),
          })),
        }
      : {}),
    ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
  };
  const parsed = v.safeParse(PlanSchema, candidate);
  if (parsed.success) return { ok: true, plan: parsed.output };
  return {
    ok: false,
    problems: parsed.issues.map((i) => ({ path: v.getDotPath(i) ?? '', message: i.message })),
  };
}

/** The editable draft of a received or stored plan (for "edit a copy"). */
export function planToDraft(plan: Plan): ComposedDraft {
  return {
    title: plan.title,
    clinician: { name: plan.clinician.name, contact: plan.clinician.contact },
    modules: plan.modules.map((m) => ({ moduleId: m.moduleId, day: m.day, instruction: m.instruction ?? '' })),
    thresholds: { ...(plan.thresholds ?? {}) } as Record<string, number>,
    exposureThresholds: { ...(plan.exposureThresholds ?? {}) } as Record<string, number>,
    measures: [...(plan.measures ?? [])],
    contacts: (plan.contacts ?? []).map((c) => ({ region: c.region, name: c.name, number: c.number ?? '', url: c.url ?? '' })),
    note: plan.note ?? '',
  };
}
