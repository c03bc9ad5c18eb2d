import type { ModuleImpl, ModuleMeta } from '../../../flow/module';
import { estimateMinutes } from '../../../flow/minutes';
import { rehearsal } from './timing';

export const beliefRehearsalMeta: ModuleMeta = {
  id: 'belief-rehearsal',
  family: 'reframing',
  title: 'Belief rehearsal',
  summary: 'A few minutes with a kinder belief you want to strengthen: write it, read it, notice how true it feels.',
  // Computed from timing.ts (flow/minutes.ts), never typed by hand.
  minutes: estimateMinutes(rehearsal),
  // Cognitive work is never offered in the session phase (CLINICAL.md §1 table, §3; issue 14): offered
  // first in the window, available from settling on.
  phases: ['settling', 'window', 'consolidation', 'between'],
  asksTyping: true,
  load: () => import('./index').then((m) => m.default as ModuleImpl),
};
