/**
 * Orientation to the present: today's date, the time, where I am, and a statement that separates then from
 * now. Original wording. The app fills in the date and time itself (lines.ts); the place and the statement
 * are the person's own, kept on this device only when they choose "Keep".
 * Why: after dissociation, naming the date, the time and the place is the quickest "mental grounding"
 * (Najavits 2002); orienting to the present and to safety is a core stabilisation skill in phase-oriented
 * trauma care (ISSTD 2011).
 */
import type { Source } from '../../../flow/module';

import type { LineId } from './timing';
export { LINE_IDS, type LineId } from './timing';

export type PartOfDay = 'morning' | 'afternoon' | 'evening' | 'night';

export const lineCopy = {
  day: (weekday: string, date: string) => `Today is ${weekday}, ${date}.`,
  partOfDay: {
    morning: 'It is morning',
    afternoon: 'It is afternoon',
    evening: 'It is evening',
    night: 'It is night',
  } satisfies Record<PartOfDay, string>,
  time: (part: string, clock: string) => `${part} — ${clock}.`,
  /** "I am in my kitchen." — see placeLine() for places the person already wrote with "at", "in", … */
  placeIn: (place: string) => `I am in ${place}.`,
  placeAsWritten: (place: string) => `I am ${place}.`,
  /** Offered when the person has not written their own statement (CLINICAL.md §2). */
  defaultStatement: 'That was then. This is now.',
};

/** Under each line: an invitation, never an instruction. */
export const prompts: Record<LineId, string> = {
  day: 'You could read it slowly, out loud or in your head.',
  time: 'If you like, notice the light around you, or a clock nearby.',
  place: 'You could look around and notice where you are: the walls, the floor, the things near you.',
  statement: 'You could say it slowly, and notice the room around you as you do.',
};

export const copy = {
  confirm: 'That’s right',
  sayLabel: 'Say it back, or type it here (optional)',
  place: {
    // Asked every time: the place kept last time may not be where the person is now.
    question: 'Where are you right now?',
    editPrompt: 'A room, a building, a town — whatever feels right to you.',
    label: 'Where you are',
    hint: 'For example: my kitchen, at home, at my friend’s flat.',
    /** The kept place, offered, never assumed. */
    suggestion: 'Last time you kept a place. If you are there now, you could use it:',
    useSuggestion: (place: string) => `Use “${place}”`,
    keep: 'Keep this for next time',
  },
  statement: {
    suggested: 'These are suggested words. You could write your own.',
    change: 'Use my own words',
    editHeading: 'Your own words',
    editPrompt: 'Something true and steadying for you.',
    label: 'Your words',
    hint: 'For example: “I am an adult now, and I am here.”',
    keep: 'Keep these words for next time',
  },
  kept: 'Kept on this device for next time.',
  keepFailed: 'We could not keep that just now. You can still carry on; nothing you wrote is lost.',
  summary: {
    confirmed: '(confirmed)',
    said: (text: string) => `You wrote: ${text}`,
    keptPlace: 'Kept the place for next time.',
    keptStatement: 'Kept your own words for next time.',
  },
};

export const sources: readonly Source[] = [
  {
    citation: 'Najavits LM. Seeking Safety: A Treatment Manual for PTSD and Substance Abuse. Guilford Press, 2002.',
    use: 'Grounding by orienting to the present: saying the date, the time and where you are.',
  },
  {
    citation:
      'International Society for the Study of Trauma and Dissociation. Guidelines for treating dissociative identity disorder in adults, third revision. J Trauma Dissociation 2011;12(2):115–187.',
    use: 'Orientation to the present and to current safety as a stabilisation skill before trauma processing.',
  },
  {
    citation:
      'Cloitre M, Courtois CA, Ford JD, et al. The ISTSS Expert Consensus Treatment Guidelines for Complex PTSD in Adults. International Society for Traumatic Stress Studies, 2012.',
    use: 'Stabilisation and present-focused skills first, before any trauma-focused work.',
  },
];
