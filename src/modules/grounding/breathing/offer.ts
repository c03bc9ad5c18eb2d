/**
 * Which ways of breathing are offered in a dose phase, and what that means for the saved favourite. Plain
 * TypeScript, tested in node (tests/unit/breathing.offer.test.ts).
 *
 * In the session phase (the hours right after a dose) only the slow out-breath is offered — the part Ground me
 * now starts (flow/parts.ts, `IN_THE_MOMENT`): ketamine raises heart rate and blood pressure, and held breaths
 * (4-7-8, box) carry cautions (CLINICAL.md §1 and §2). A breathing exercise already started with another
 * pattern keeps it. The chooser, a saved favourite (settings 'breathing') and a restored "ready" screen all
 * go through these rules, so none of them can start a held breath then.
 */
import type { Phase } from '../../../flow/module';
import { partsOffered } from '../../../flow/parts';
import type { PatternId } from '../../../flow/pacer';
import { choices } from './content';

/** A choice as settings keep it (the pattern is any string there: an unknown one is never offered). */
export interface BreathingChoice {
  pattern: string;
  minutes: number;
}

/** The patterns offered in `phase` (chooser order); `started` is the pattern already under way, always kept. */
export function patternsOffered(phase: Phase | undefined, started: PatternId | null = null): PatternId[] {
  return partsOffered(
    'breathing',
    choices.map((c) => c.id),
    phase,
    started,
  );
}

/**
 * The saved favourite to pre-select, or null to leave the defaults (the slow out-breath) as they are: a
 * favourite that is not offered now is held back, not replaced, so it comes back once the effects have passed
 * (the session view says 'session' until the phase is known, then the real phase).
 */
export function presetFor(saved: BreathingChoice, offered: readonly PatternId[]): BreathingChoice | null {
  // An unknown pattern (an older build's) is passed on: the machine keeps its own pattern and takes the minutes.
  const known = choices.some((c) => c.id === saved.pattern);
  return !known || (offered as readonly string[]).includes(saved.pattern) ? saved : null;
}

/** The pattern the chooser shows selected and Continue goes on with: the current one if offered, else the first offered. */
export function patternShown(current: PatternId, offered: readonly PatternId[]): PatternId {
  return offered.includes(current) || offered.length === 0 ? current : offered[0]!;
}

/**
 * Start remembers the choice as the next favourite only when every pattern was there to choose from: the slow
 * out-breath taken in the session phase (the only one offered) does not replace a favourite chosen freely.
 */
export function remembersChoice(offered: readonly PatternId[]): boolean {
  return choices.every((c) => offered.includes(c.id));
}
