/**
 * Every module, one line each. Metadata is eager (small); the machine, content and view load with
 * `meta.load()` when the person opens the module, so the first screen stays small.
 */
import type { ModuleMeta } from '../flow/module';
import { fiveSensesMeta } from './grounding/five-senses/meta';
import { temperatureMeta } from './grounding/temperature/meta';
import { bodyMeta } from './grounding/body/meta';
import { orientationMeta } from './grounding/orientation/meta';
import { safePlaceMeta } from './grounding/safe-place/meta';
import { breathingMeta } from './grounding/breathing/meta';
import { thoughtRecordMeta } from './reframing/thought-record/meta';
import { stuckPointsMeta } from './reframing/stuck-points/meta';
import { beliefRehearsalMeta } from './reframing/belief-rehearsal/meta';
import { inVivoMeta } from './exposure/in-vivo/meta';
import { writtenExposureMeta } from './exposure/written-exposure/meta';

export const MODULES: readonly ModuleMeta[] = [
  fiveSensesMeta,
  orientationMeta,
  safePlaceMeta,
  temperatureMeta,
  bodyMeta,
  breathingMeta,
  thoughtRecordMeta,
  stuckPointsMeta,
  beliefRehearsalMeta,
  inVivoMeta,
  writtenExposureMeta,
];

export function findModule(id: string): ModuleMeta | undefined {
  return MODULES.find((m) => m.id === id);
}

/** The exercise the Ground control starts when the person has no history yet. */
export const DEFAULT_GROUNDING_ID = 'five-senses';
