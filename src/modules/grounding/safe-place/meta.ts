import type { ModuleImpl, ModuleMeta } from '../../../flow/module';
import { estimateMinutes } from '../../../flow/minutes';
import { firstVisit, laterVisit } from './timing';

export const safePlaceMeta: ModuleMeta = {
  id: 'safe-place',
  family: 'grounding',
  title: 'Safe place',
  summary: 'Build a calm place in your own words, or visit the one you made.',
  // Computed from timing.ts (flow/minutes.ts), never typed by hand.
  minutes: estimateMinutes(firstVisit, laterVisit),
  // Not in `session` (the first hours after a dose): imagery turns attention inward while the dose still
  // acts, and building the place means writing in one's own words — a typing task (CLINICAL.md §1 table,
  // §2; issue 12). Every later phase offers it.
  phases: ['settling', 'window', 'consolidation', 'between'],
  asksTyping: true,
  load: () => import('./index').then((m) => m.default as ModuleImpl),
};
