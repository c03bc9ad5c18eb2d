/**
 * What decides how long a thought record takes, kept apart from its copy so meta.ts can compute the minutes
 * on the card without loading content.ts (flow/minutes.ts).
 */
import type { Timing } from '../../../flow/minutes';

/** The screens, in order. `check` is the safety check ("a danger happening now?"); `danger` its yes-branch. */
export type StepId =
  | 'intro'
  | 'situation'
  | 'check'
  | 'thought'
  | 'emotions'
  | 'evidenceFor'
  | 'evidenceAgainst'
  | 'alternative'
  | 'rerate';

/** The way through when the check is answered "no": one screen each. */
export const STEP_IDS: readonly StepId[] = [
  'intro',
  'situation',
  'check',
  'thought',
  'emotions',
  'evidenceFor',
  'evidenceAgainst',
  'alternative',
  'rerate',
];

/** The text fields the person writes, one per screen. */
export type TextField = 'situation' | 'thought' | 'evidenceFor' | 'evidenceAgainst' | 'alternative';
export const TEXT_FIELDS: readonly TextField[] = ['situation', 'thought', 'evidenceFor', 'evidenceAgainst', 'alternative'];

/** A person can name this many feelings (a generous cap that keeps one entry a sensible size). */
export const MAX_EMOTIONS = 20;

/**
 * Every screen read; the answers counted as written by someone who writes: one short answer each for the
 * situation and the thought, two feelings, and the evidence (both sides) and the balanced thought counted
 * double — they take longer to think through than a few words (judgment).
 */
export const timing: Timing = { screens: STEP_IDS.length, answers: 1 + 1 + 2 + 2 + 2 + 2 };
