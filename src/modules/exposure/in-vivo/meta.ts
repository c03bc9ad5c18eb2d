import type { ModuleImpl, ModuleMeta } from '../../../flow/module';
import { estimateMinutes } from '../../../flow/minutes';
import { practice } from './timing';

export const inVivoMeta: ModuleMeta = {
  id: 'in-vivo',
  family: 'exposure',
  title: 'Real-life exposure',
  summary: 'Practise one situation from your fear list, agreed with your clinician: predict, go, notice what happened.',
  // Computed from timing.ts (flow/minutes.ts), never typed by hand.
  minutes: estimateMinutes(practice),
  // Never in the session or settling phases (CLINICAL.md §1, §4); brought forward in the window. The
  // exposure gate (flow/exposure-gate.ts) also asks for a plan or the person's agreement.
  phases: ['window', 'consolidation', 'between'],
  asksTyping: true,
  load: () => import('./index').then((m) => m.default as ModuleImpl),
};
