/**
 * The exposure thresholds both exposure modules use (in-vivo, written exposure): the most protective of the
 * defaults, the person's `exposureThresholds` setting and the accepted plan's (flow/exposure-thresholds.ts).
 * A read that fails leaves that source out — the defaults always stay in, so a failure never weakens routing.
 * The plan is read through the plans chunk, which loads only here and when a session starts.
 */
import { mostProtectiveExposure } from '../../flow/exposure-thresholds';
import type { ExposureThresholds } from '../../flow/routing';
import type { AppContext } from '../../ui/context';

export async function exposureThresholdsInUse(app: Pick<AppContext, 'settings' | 'plans'>): Promise<ExposureThresholds> {
  const [own, plan] = await Promise.all([
    app.settings.get('exposureThresholds').catch(() => undefined),
    app
      .plans()
      .then((p) => p.activePlanEffects())
      .then((e) => e.exposureThresholds)
      .catch(() => undefined),
  ]);
  return mostProtectiveExposure(own, plan);
}
