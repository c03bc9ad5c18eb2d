/**
 * The phase gate (CLINICAL.md §1, issue 14), apart from the phase arithmetic in phase.ts so the first screen
 * can apply it without loading phase.ts (most people have no dose logged). phase.ts re-exports both.
 */
import type { Family, ModuleMeta, Phase } from './module';

/**
 * Which module families fit each phase, first-offered first (CLINICAL.md §1 table, issue 14):
 * session — grounding only (no typing task, no reframing, no exposure, no measures);
 * settling — grounding and capturing fragments first, reframing available (never exposure: nothing in the
 * session or settling phases, written exposure never within 24 h — CLINICAL.md §4);
 * window — reframing and exposure brought forward; consolidation and between — everything.
 */
export const FAMILIES_BY_PHASE: Readonly<Record<Phase, readonly Family[]>> = {
  session: ['grounding'],
  settling: ['grounding', 'capture', 'reframing'],
  window: ['reframing', 'exposure', 'grounding', 'capture'],
  consolidation: ['grounding', 'reframing', 'exposure', 'capture'],
  between: ['grounding', 'reframing', 'exposure', 'capture'],
};

/**
 * The gate: may this module start in this phase? Its registry `phases` must include the phase, its family
 * must fit the phase, and in the session phase nothing that asks for typing starts — whatever a module's
 * metadata says, so a mislabelled module can never put reframing, exposure or a typing task into session mode.
 */
export function fitsPhase(meta: Pick<ModuleMeta, 'family' | 'phases' | 'asksTyping'>, phase: Phase): boolean {
  if (!meta.phases.includes(phase)) return false;
  if (!FAMILIES_BY_PHASE[phase].includes(meta.family)) return false;
  if (phase === 'session' && meta.asksTyping) return false;
  return true;
}
