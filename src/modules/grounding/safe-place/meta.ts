import type { ModuleImpl, ModuleMeta } from '../../../flow/module';
import { ALL_PHASES } from '../../../flow/module';

export const safePlaceMeta: ModuleMeta = {
  id: 'safe-place',
  family: 'grounding',
  title: 'Safe place',
  summary: 'Build a calm place in your own words, or visit the one you made.',
  minutes: 4,
  // Building the place means writing it in one's own words: a typing task, so not in session mode
  // (CLINICAL.md §1 table: no typing tasks in the session phase); every later phase offers it.
  phases: ALL_PHASES.filter((p) => p !== 'session'),
  asksTyping: true,
  load: () => import('./index').then((m) => m.default as ModuleImpl),
};
