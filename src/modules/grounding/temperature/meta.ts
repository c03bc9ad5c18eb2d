import type { ModuleImpl, ModuleMeta } from '../../../flow/module';
import { estimateMinutes } from '../../../flow/minutes';
import { timing } from './timing';

export const temperatureMeta: ModuleMeta = {
  id: 'temperature',
  family: 'grounding',
  title: 'Temperature',
  summary: 'Cool water on your face, or something cold in your hands, to help your body settle.',
  // Computed from timing.ts (flow/minutes.ts), never typed by hand.
  minutes: estimateMinutes(timing),
  // Not in `session` (the first hours after a dose): it means getting up and going to water, and balance
  // and judgement are not yet back then — the sitter-led session mode keeps to seated exercises (judgment,
  // CLINICAL.md §1 table). Every later phase offers it like the other grounding exercises.
  phases: ['settling', 'window', 'consolidation', 'between'],
  load: () => import('./index').then((m) => m.default as ModuleImpl),
};
