import type { ModuleImpl, ModuleMeta } from '../../../flow/module';
import { estimateMinutes } from '../../../flow/minutes';
import { timing } from './timing';
import { ALL_PHASES } from '../../../flow/module';

export const fiveSensesMeta: ModuleMeta = {
  id: 'five-senses',
  family: 'grounding',
  title: '5-4-3-2-1 senses',
  summary: 'Come back to the room by noticing what your senses meet.',
  // Computed from timing.ts (flow/minutes.ts), never typed by hand.
  minutes: estimateMinutes(timing),
  // Grounding is offered in every phase, session mode included (CLINICAL.md §1 table).
  phases: ALL_PHASES,
  load: () => import('./index').then((m) => m.default as ModuleImpl),
};
