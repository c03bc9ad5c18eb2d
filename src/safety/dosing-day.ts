/**
 * Dosing-day safety copy for session mode (CLINICAL.md §1), each rule with its source. Loaded only with the
 * session-mode screen. Where a number is our judgment (not a finding) it says so and comes from the
 * phase settings a therapist plan can change.
 */
import type { Source } from '../flow/module';

export interface Rule {
  text: string;
  source: string;
}

const LABEL = 'SPRAVATO (esketamine) US prescribing information, Janssen';

export const DOSING_DAY_RULES: readonly Rule[] = [
  { text: 'No driving, cycling or operating machinery until the next day, after a restful sleep.', source: LABEL },
  {
    text: 'Have a sober adult within voice range. At-home programmes often have them check in about every 15 minutes.',
    source: 'At-home ketamine programme practice (CLINICAL.md §1)',
  },
  {
    text: 'No alcohol, cannabis or new sedatives today. Never stop a medicine you were prescribed without talking to your prescriber first.',
    source: 'CLINICAL.md §1',
  },
  { text: 'Put your phone on do-not-disturb, so nothing pulls you away.', source: 'CLINICAL.md §1' },
];

export const SITTER_HEADING = 'For the person with you';
export const SITTER_CHECKLIST: readonly string[] = [
  'I am sober and will stay within voice range.',
  'I will check in gently about every 15 minutes, without pushing for conversation.',
  'No driving for them today — not until after a night’s sleep.',
  'Water within reach, the room quiet and calm.',
  'If I am worried, I call their clinic. If they have chest pain, trouble breathing, a seizure, cannot be woken, or I fear for their safety, I call the emergency number.',
];

/** Shown once the session phase has gone on longer than the plan's `unusualAfterHours` (judgment). */
export const UNUSUAL = {
  always:
    'If the effects feel unusually strong, or have not eased a few hours after the dose, call your clinic. If there is chest pain, trouble breathing, a very bad headache, a seizure, or you feel in danger, call your local emergency number now.',
  long: (hours: number) =>
    `It has been more than ${hours} hours since your dose. For most people the strongest effects ease within about two hours. If they have not eased, please call your clinic now. If anything feels dangerous, call your local emergency number.`,
};

export const DOSING_DAY_SOURCES: readonly Source[] = [
  { citation: `${LABEL} (2019, updated)`, use: 'monitoring for at least 2 hours after a dose; no driving until the next day after restful sleep' },
  { citation: 'Groundwork clinical notes, CLINICAL.md §1', use: 'sober adult within voice range, no alcohol or new sedatives, do-not-disturb; the 4-hour prompt is our judgment' },
];
