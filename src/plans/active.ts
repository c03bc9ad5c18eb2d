/**
 * The active plan's effects, for other parts of the app (routing thresholds, Help's extra contacts, the
 * exposure gate's `planAssigns`, measures' rhythm, the report's recipient key). With no plan, or storage
 * that cannot be read, the app's defaults: a plan can only add or make routing more protective, so the
 * defaults are always a safe answer.
 *
 *   const { thresholds, exposureThresholds, contacts, exposureAssigned, measures } = await activePlanEffects();
 */
import { getDb, type Db } from '../storage/db';
import { planEffects, type PlanEffects } from './clamp';
import { plansRepo } from './store';

export type { PlanEffects };

export async function activePlanEffects(db: () => Promise<Db> = getDb): Promise<PlanEffects> {
  try {
    return planEffects((await plansRepo(db).active())?.plan);
  } catch {
    return planEffects(undefined);
  }
}

/** Only the session routing thresholds, or undefined with no active plan (the session then uses its defaults). */
export async function activePlanThresholds(db: () => Promise<Db> = getDb): Promise<PlanEffects['thresholds'] | undefined> {
  try {
    const active = await plansRepo(db).active();
    return active ? planEffects(active.plan).thresholds : undefined;
  } catch {
    return undefined;
  }
}
