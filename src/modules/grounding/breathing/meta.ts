import type { ModuleImpl, ModuleMeta } from '../../../flow/module';
import { estimateMinutes } from '../../../flow/minutes';
import { DEFAULT_MINUTES, timing, timingFor } from './timing';
import { ALL_PHASES } from '../../../flow/module';

export const breathingMeta: ModuleMeta = {
  id: 'breathing',
  family: 'grounding',
  title: 'Paced breathing',
  summary: 'Slow your breathing with a calm pacer, for as long as you choose.',
  // Computed from timing.ts (flow/minutes.ts), never typed by hand.
  minutes: estimateMinutes(timing),
  minutesFor: (chosen) => estimateMinutes(timingFor(chosen.breathing?.minutes ?? DEFAULT_MINUTES)),
  // Grounding is offered in every phase, session mode included (CLINICAL.md §1 table); no typing needed.
  phases: ALL_PHASES,
  load: () => import('./index').then((m) => m.default as ModuleImpl),
};
