/**
 * Who may start exposure work, and when (CLINICAL.md §4 "Who may start it", §1 phases; issue 15).
 * Pure: the shell gathers the inputs (phase from the dose log, the active plan, the stored agreement) and
 * shows the reason in plain words when the answer is no. Grounding, reframing and the safety plan never ask.
 */
import type { Phase } from './module';

export type ExposureKind = 'in-vivo' | 'written';

/** The person's statement that they agreed exposure work with their clinician (setting `exposureAgreement`). */
export interface ExposureAgreement {
  agreedAt: number;
  words: string;
}

export interface GateInput {
  kind: ExposureKind;
  phase: Phase;
  /** When the latest logged dose was taken (ms), if any. */
  lastDoseTakenAt?: number;
  now: number;
  /** An accepted therapist plan assigns exposure work. */
  planAssigns: boolean;
  agreement?: ExposureAgreement | null;
  /** When the current phase ends (PhaseState.nextAt), if known. In settling that is when exposure opens. */
  phaseEndsAt?: number;
}

export type GateResult = { ok: true } | { ok: false; reason: 'phase' | 'dose-24h' | 'no-agreement'; until?: number };

/** Written exposure never within this long after a dose (CLINICAL.md §4). */
export const WRITTEN_AFTER_DOSE_MS = 24 * 60 * 60 * 1000;

/** Phases in which no exposure starts: acute effects and the hours after (CLINICAL.md §1, §4). */
const NO_EXPOSURE: readonly Phase[] = ['session', 'settling'];

/**
 * The checks run in this order because the reasons differ in what the person can do: a phase passes with
 * time, the 24 h rule passes at a known moment (`until`), and only the last asks something of them.
 */
export function exposureGate(input: GateInput): GateResult {
  const afterDose = input.kind === 'written' && input.lastDoseTakenAt !== undefined ? input.lastDoseTakenAt + WRITTEN_AFTER_DOSE_MS : undefined;
  if (NO_EXPOSURE.includes(input.phase)) {
    // Settling ends at a known moment: say when it opens (for written exposure, not before 24 h either).
    // The session phase ends when the person says the effects have passed: no time is promised.
    if (input.phase !== 'settling' || input.phaseEndsAt === undefined) return { ok: false, reason: 'phase' };
    return { ok: false, reason: 'phase', until: Math.max(input.phaseEndsAt, afterDose ?? 0) };
  }
  if (afterDose !== undefined && input.now < afterDose) return { ok: false, reason: 'dose-24h', until: afterDose };
  if (!input.planAssigns && !input.agreement) return { ok: false, reason: 'no-agreement' };
  return { ok: true };
}
