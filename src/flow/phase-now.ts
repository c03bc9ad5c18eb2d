/**
 * The dose phase now, for screens outside the shell (modules may not import shell/dose-state). It fails
 * closed like every shell entry point: a dose log that cannot be read counts as the session phase, never as
 * "between doses" with everything open (CLINICAL.md §1). Reads only the newest few doses.
 */
import { deviceZone, dosesRepo } from '../storage/doses';
import { DEFAULT_PHASE_SETTINGS, phaseAt } from './phase';
import type { Phase } from './module';

export async function phaseNowOrSession(now = Date.now()): Promise<Phase> {
  try {
    return phaseAt(await dosesRepo().latest(3), now, DEFAULT_PHASE_SETTINGS, deviceZone()).phase;
  } catch {
    return 'session';
  }
}
