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
  // acts, and session mode keeps to outward, sitter-led grounding (issue 12, CLINICAL.md §2). Every later
  // phase offers it.
  phases: ['settling', 'window', 'consolidation', 'between'],
  load: () => import('./index').then((m) => m.default as ModuleImpl),
};
