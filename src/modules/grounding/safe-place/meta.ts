import type { ModuleImpl, ModuleMeta } from '../../../flow/module';
import { ALL_PHASES } from '../../../flow/module';

export const safePlaceMeta: ModuleMeta = {
  id: 'safe-place',
  family: 'grounding',
  title: 'Safe place',
  summary: 'Build a calm place in your own words, or visit the one you made.',
  minutes: 4,
  // Grounding is offered in every phase, session mode included (CLINICAL.md §1 table).
  phases: ALL_PHASES,
  load: () => import('./index').then((m) => m.default as ModuleImpl),
};
