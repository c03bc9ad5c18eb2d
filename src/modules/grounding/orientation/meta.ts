import type { ModuleImpl, ModuleMeta } from '../../../flow/module';
import { estimateMinutes } from '../../../flow/minutes';
import { timing } from './timing';
import { ALL_PHASES } from '../../../flow/module';

export const orientationMeta: ModuleMeta = {
  id: 'orientation',
  family: 'grounding',
  title: 'Here and now',
  summary: 'Today’s date, the time and where you are, in a few steady lines.',
  // Computed from timing.ts (flow/minutes.ts), never typed by hand.
  minutes: estimateMinutes(timing),
  // Grounding is offered in every phase, session mode included (CLINICAL.md §1 table).
  phases: ALL_PHASES,
  load: () => import('./index').then((m) => m.default as ModuleImpl),
};
