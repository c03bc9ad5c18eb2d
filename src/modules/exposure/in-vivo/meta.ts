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
  // Its own before/after questions (pre-SUDS and presence, peak, post-SUDS) and its own support step (the
  // safety plan first): the session's 0–10 check-in and check-out are skipped, so presence is asked once.
  // The session's optional note screen still follows — after the module's support step.
  ownChecks: true,
  noteAfter: true,
  load: () => import('./index').then((m) => m.default as ModuleImpl),
};
