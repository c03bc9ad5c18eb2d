/**
 * Who may start exposure now (issue 15): the shell gathers what flow/exposure-gate.ts needs — the phase and
 * the latest dose from the dose log, whether a plan assigns exposure, the person's stored agreement — for
 * any module of family 'exposure' (in-vivo and written exposure alike), once, where Exercise.svelte starts
 * a module. Pure rules stay in the gate; this file only reads.
 */
import { exposureGate, type ExposureKind, type GateResult } from '../flow/exposure-gate';
import type { ModuleMeta, Phase } from '../flow/module';
import { settings, plans } from './services';

/**
 * Whether the accepted therapist plan assigns exposure work (an `in-vivo` or `written-exposure` module:
 * plans/active.ts `activePlanEffects().exposureAssigned`). No plan, or storage unreadable: false, so the
 * person is asked for their agreement instead (never let through by a failure).
 */
export async function exposurePlanAssigned(): Promise<boolean> {
  return (await (await plans()).activePlanEffects()).exposureAssigned;
}

/** Written exposure has its own rule (never within 24 h of a dose); every other exposure module is in vivo. */
export function exposureKind(meta: Pick<ModuleMeta, 'id'>): ExposureKind {
  return meta.id === 'written-exposure' ? 'written' : 'in-vivo';
}

export async function exposureAccess(
  meta: Pick<ModuleMeta, 'id'>,
  phase: Phase,
  lastDoseTakenAt: number | undefined,
  now = Date.now(),
  /** When the current phase ends (PhaseState.nextAt): the gate says when exposure opens after settling. */
  phaseEndsAt?: number,
): Promise<GateResult> {
  const [planAssigns, agreement] = await Promise.all([
    exposurePlanAssigned().catch(() => false),
    // Unreadable settings: no agreement is known, so the person is asked (never let through by a failure).
    settings.get('exposureAgreement').catch(() => null),
  ]);
  return exposureGate({
    kind: exposureKind(meta),
    phase,
    now,
    planAssigns,
    agreement,
    ...(lastDoseTakenAt === undefined ? {} : { lastDoseTakenAt }),
    ...(phaseEndsAt === undefined ? {} : { phaseEndsAt }),
  });
}
