/** The grounding exercises, ranked by what has helped this person (their own ratings). */
import { MODULES } from '../modules/registry';
import { rankByHelpfulness, type Ranked } from '../flow/helpfulness';
import type { ModuleMeta } from '../flow/module';
import type { Entry } from '../storage/schema';
import { entries } from './services';

/**
 * The person's most recent sessions (what helped lately; entries.recentSessions reads only those, not
 * the whole journal); empty when storage cannot be read.
 */
export function groundingHistory(): Promise<Entry[]> {
  return entries.recentSessions().catch(() => []);
}

/**
 * Only what fits the dose phase is listed (no temperature or typing in session mode, CLINICAL.md §1). The
 * phase code loads lazily: most first screens have no dose logged and need none of it. When the dose log
 * cannot be read, keep to what fits right after a dose (the most protective choice).
 */
export async function rankedGrounding(history?: readonly Entry[]): Promise<Ranked<ModuleMeta>[]> {
  // The sessions are read while the phase code loads and the doses are read, not after.
  const sessions = history ?? groundingHistory();
  const [{ currentPhase }, { fitsPhase }] = await Promise.all([import('./dose-state.svelte'), import('../flow/phase')]);
  const phase = await currentPhase().then((p) => p.phase, () => 'session' as const);
  const grounding = MODULES.filter((m) => m.family === 'grounding' && fitsPhase(m, phase));
  return rankByHelpfulness(grounding, await sessions);
}
