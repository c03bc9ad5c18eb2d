import type { ModuleImpl, ModuleMeta } from '../../../flow/module';
import { estimateMinutes } from '../../../flow/minutes';
import { anchorTiming, pmrTiming } from './timing';
import { ALL_PHASES } from '../../../flow/module';

export const bodyMeta: ModuleMeta = {
  id: 'body',
  family: 'grounding',
  title: 'Body grounding',
  summary: 'Press your feet and hands, or gently tense and let go, muscle by muscle.',
  // Computed from timing.ts (flow/minutes.ts), never typed by hand.
  minutes: estimateMinutes(anchorTiming, pmrTiming),
  // Session mode offers only feet and hands (flow/parts.ts): the card says so, and its length.
  inSession: { summary: 'Press your feet and hands.', minutes: estimateMinutes(anchorTiming) },
  // Seated and gentle: offered in every phase like the other grounding exercises (CLINICAL.md §1 table).
  phases: ALL_PHASES,
  load: () => import('./index').then((m) => m.default as ModuleImpl),
};
