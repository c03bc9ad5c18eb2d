/**
 * Whether a therapist plan was ever accepted on this device, without the plans code: one count on the plans
 * store's `kind` index, on the database Today opens anyway. Today's plan and questionnaire slots and Help ask
 * this, and only when it says yes load what reads the plan itself (plans/active.ts, lazily).
 */
import { getDb } from './db';

export async function anyAcceptedPlan(): Promise<boolean> {
  return (await (await getDb()).countFromIndex('plans', 'kind', 'accepted')) > 0;
}
