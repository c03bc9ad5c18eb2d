/** The grounding exercises, ranked by what has helped this person (their own ratings). */
import { MODULES } from '../modules/registry';
import { rankByHelpfulness, type Ranked } from '../flow/helpfulness';
import type { ModuleMeta, Phase } from '../flow/module';
import type { Entry } from '../storage/schema';
import { fitsPhase } from '../flow/fits';
import { anyDoseRecord } from '../storage/dose-records';
import { entries, settings } from './services';
import { doseHint } from './dose-hint';

/**
 * The person's most recent sessions (what helped lately; entries.recentSessions reads only those, not
 * the whole journal); empty when storage cannot be read.
 */
export function groundingHistory(): Promise<Entry[]> {
  return entries.recentSessions().catch(() => []);
}

/**
 * Only what fits the dose phase is listed (no temperature or typing in session mode, CLINICAL.md §1). The
 * phase code loads only once a dose is logged: most first screens have none and need none of it. When the
 * dose log cannot be read, keep to what fits right after a dose (the most protective choice).
 */
export async function rankedGrounding(history?: readonly Entry[]): Promise<Ranked<ModuleMeta>[]> {
  // The sessions are read while the dose phase is worked out, not after.
  const sessions = history ?? groundingHistory();
  const breathing = settings.get('breathing').catch(() => undefined);
  const phase = await phaseNow();
  const grounding = MODULES.filter((m) => m.family === 'grounding' && fitsPhase(m, phase));
  const ranked = rankByHelpfulness(grounding, await sessions);
  // The card says the person's own length (breathing), not the default, and in the session phase what the
  // module offers then (body grounding: feet and hands, not tense and let go — flow/parts.ts).
  const chosen = { breathing: await breathing };
  return ranked.map((r) => {
    const m = phase === 'session' ? { ...r.module, ...r.module.inSession } : r.module;
    return { ...r, module: m.minutesFor ? { ...m, minutes: m.minutesFor(chosen) } : m };
  });
}

/** The dose phase now. No dose ever logged: 'between' (what phaseAt says then), without the dose code. */
export async function phaseNow(): Promise<Phase> {
  // A dose found here before (the hint): no count first, the phase read itself says "no dose" if none is left.
  const none = !doseHint() && (await anyDoseRecord().then((any) => !any, () => false));
  if (none) return 'between';
  const { currentPhase } = await import('./dose-state.svelte');
  return currentPhase().then((p) => p.phase, () => 'session' as const);
}
