import type { ModuleImpl, ModuleMeta } from '../../../flow/module';
import { estimateMinutes } from '../../../flow/minutes';
import { fullWay } from './timing';

export const stuckPointsMeta: ModuleMeta = {
  id: 'stuck-points',
  family: 'reframing',
  title: 'Stuck points',
  summary: 'Look again at a belief that keeps you stuck, one gentle question at a time.',
  // Computed from timing.ts (flow/minutes.ts), never typed by hand.
  minutes: estimateMinutes(fullWay),
  // Cognitive work is never offered in the session phase (CLINICAL.md §1 table, §3; issue 14): offered
  // first in the window, available from settling on.
  phases: ['settling', 'window', 'consolidation', 'between'],
  asksTyping: true,
  load: () => import('./index').then((m) => m.default as ModuleImpl),
};
