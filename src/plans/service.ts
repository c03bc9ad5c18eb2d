/**
 * What views get for plans, through the app context (`plans()`), loaded on first use: the repository and
 * this device's clinician keys. One object, so the whole plans storage code is one lazy chunk.
 */
import { plansRepo } from './store';
import { clinicianKeys } from './keys';
import { activePlanEffects } from './active';

export function plansService() {
  return { repo: plansRepo(), clinicianKeys: () => clinicianKeys(), activePlanEffects: () => activePlanEffects() };
}

export type PlansService = ReturnType<typeof plansService>;
