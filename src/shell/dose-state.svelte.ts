/**
 * The dose log and the current phase, for the shell's screens. Light on purpose (idb + valibot + phase.ts,
 * no XState), because Today's phase card reads it on the first screen. Reads only the newest few doses.
 *
 * For Ground and other entry points: `await currentPhase()` gives the phase now; gate a module with
 * `fitsPhase(meta, phase.phase)` from flow/phase.ts.
 */
import { deviceZone, dosesRepo } from '../storage/doses';
import type { Dose } from '../storage/doses.schema';
import { DEFAULT_PHASE_SETTINGS, phaseAt, type PhaseState } from '../flow/phase';

/** The dose repository lives here, not in services.ts: only this lazy chunk and the screens after it need it. */
export const doses = dosesRepo();

/** How many of the newest doses the phase reads: the newest counts; a few more cover a future-dated one. */
const READ = 3;

export const phaseView = $state({ loaded: false, latest: [] as Dose[] });

/** Read the newest doses again (after logging, editing, deleting). Storage trouble gives an empty list here. */
export function refreshDoses(): Promise<Dose[]> {
  return readLatest().then((r) => r.latest);
}

/**
 * One read of the newest doses, and whether it failed. Today's card and its grounding list both ask as the
 * screen opens: one read serves both. Only calls made while a read is under way share it (the dose screens
 * write, then ask again once no read is open).
 */
function readLatest(): Promise<{ latest: Dose[]; failed: boolean }> {
  inFlight ??= (async () => {
    let failed = false;
    try {
      phaseView.latest = await doses.latest(READ);
    } catch {
      phaseView.latest = []; // storage problems are reported by the repository
      failed = true;
    }
    phaseView.loaded = true;
    return { latest: phaseView.latest, failed };
  })().finally(() => (inFlight = undefined));
  return inFlight;
}
let inFlight: Promise<{ latest: Dose[]; failed: boolean }> | undefined;

/** Thrown by `currentPhase` when the dose log cannot be read: the phase is unknown. */
export class PhaseUnknownError extends Error {
  constructor() {
    super('The dose log could not be read');
    this.name = 'PhaseUnknownError';
  }
}

/**
 * The phase now, computed fresh from storage (the gate's entry points call this). When the dose log cannot be
 * read it rejects (PhaseUnknownError) rather than answer "between doses" from an empty list: every entry point
 * then keeps to what fits right after a dose, the most protective choice, never reframing or exposure.
 */
export async function currentPhase(now = Date.now()): Promise<PhaseState<Dose>> {
  const { latest, failed } = await readLatest();
  if (failed) throw new PhaseUnknownError();
  return phaseAt(latest, now, DEFAULT_PHASE_SETTINGS, deviceZone());
}

/** The phase from what has been read, at `now` (Today's card re-derives it as time passes). */
export function phaseFrom(latest: readonly Dose[], now = Date.now()): PhaseState<Dose> {
  return phaseAt(latest, now, DEFAULT_PHASE_SETTINGS, deviceZone());
}
