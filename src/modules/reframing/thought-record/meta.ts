import type { ModuleImpl, ModuleMeta } from '../../../flow/module';
import { estimateMinutes } from '../../../flow/minutes';
import { timing } from './timing';

export const thoughtRecordMeta: ModuleMeta = {
  id: 'thought-record',
  family: 'reframing',
  title: 'Thought record',
  summary: 'Slow down one upsetting thought: what happened, what you felt, and a fairer way to see it.',
  // Computed from timing.ts (flow/minutes.ts), never typed by hand.
  minutes: estimateMinutes(timing),
  // Never in `session` (the first hours after a dose): no reframing and no typing task while the dose still
  // acts (CLINICAL.md §1 table, issue 14). Offered from settling on, first in the window.
  phases: ['settling', 'window', 'consolidation', 'between'],
  asksTyping: true,
  load: () => import('./index').then((m) => m.default as ModuleImpl),
};
