/**
 * Whether Today may have a questionnaire to offer, without the repository, its schema or the scoring code:
 * the questionnaire store holds any administration, or a therapist plan was accepted (its measures come on
 * its rhythm, issue 16). Today's measures slot asks this, and with neither (and no rhythm set) nothing else
 * of the measures code loads. See ARCHITECTURE.md, Bundles.
 */
import { getDb } from './db';
import { anyAcceptedPlan } from './plan-count';

export async function anyMeasureRecord(): Promise<boolean> {
  return (await (await getDb()).count('measures')) > 0 || anyAcceptedPlan();
}
