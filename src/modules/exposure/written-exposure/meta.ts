import type { ModuleImpl, ModuleMeta } from '../../../flow/module';
import { estimateMinutes } from '../../../flow/minutes';
import { timing } from './timing';

export const writtenExposureMeta: ModuleMeta = {
  id: 'written-exposure',
  family: 'exposure',
  title: 'Written exposure',
  summary: 'Five timed writing sessions about one memory, agreed with your clinician.',
  // Computed from timing.ts (flow/minutes.ts), never typed by hand.
  minutes: estimateMinutes(timing),
  // Never in `session` or `settling` (CLINICAL.md §1, §4); never within 24 h of a dose — the exposure gate
  // (flow/exposure-gate.ts) adds that and the plan-or-agreement rule at the shell's start path.
  phases: ['window', 'consolidation', 'between'],
  asksTyping: true,
  // The module asks its own before/after questions (SUDS 0–100, presence, the self-harm question) and
  // routes to the safety plan itself; the session skips its 0–10 check-in and check-out.
  ownChecks: true,
  load: () => import('./index').then((m) => m.default as ModuleImpl),
};
