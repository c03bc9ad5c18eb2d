/**
 * What views get for plans, through the app context (`plans()`), loaded on first use: the repository and
 * this device's clinician keys. One object, so the whole plans storage code is one lazy chunk.
 */
import { plansRepo } from './store';
import { clinicianKeys, existingClinicianKeys } from './keys';
import { activePlanEffects, activePlanThresholds } from './active';

export function plansService() {
  return {
    repo: plansRepo(),
    clinicianKeys: () => clinicianKeys(),
    activePlanEffects: () => activePlanEffects(),
    activePlanThresholds: () => activePlanThresholds(),
    /** CONTRACTS C: the accepted plan's clinician report key, to encrypt a progress report to. */
    recipientKey: async (): Promise<JsonWebKey | undefined> => (await activePlanEffects()).reportKey,
    /** CONTRACTS C: this device's report private key, only if clinician mode ever made one (never made here). */
    reportPrivateKey: async (): Promise<CryptoKey | undefined> => (await existingClinicianKeys().catch(() => undefined))?.report.privateKey,
  };
}

export type PlansService = ReturnType<typeof plansService>;
