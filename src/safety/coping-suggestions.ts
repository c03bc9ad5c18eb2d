/**
 * Step 2 of the safety plan ("things I can do on my own") suggested from the grounding exercises that helped
 * this person most (issue 15; flow/helpfulness.ts: rated sessions where presence rose or distress eased).
 * Pure. Only offered — the person accepts each one — and never one already written in their coping steps.
 */
import type { Ranked } from '../flow/helpfulness';
import { MIN_HELPFUL_CHANGE } from '../flow/helpfulness';
import type { SafetyPlan } from '../storage/safety-plan.schema';

export const MAX_COPING_SUGGESTIONS = 3;

export function copingSuggestions(
  ranked: readonly Ranked<{ id: string; title: string }>[],
  plan: SafetyPlan,
  max = MAX_COPING_SUGGESTIONS,
): { id: string; text: string }[] {
  const written = plan.sections.coping.map((c) => c.text.trim().toLowerCase());
  return ranked
    .filter((r) => r.stats !== undefined && r.stats.meanChange >= MIN_HELPFUL_CHANGE)
    .map((r) => ({ id: r.module.id, text: r.module.title }))
    .filter((s) => !written.some((w) => w.includes(s.text.toLowerCase())))
    .slice(0, max);
}
