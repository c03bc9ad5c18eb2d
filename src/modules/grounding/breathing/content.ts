/**
 * Paced breathing: the patterns offered, every word the module shows, and where each technique comes from.
 * Original wording. Timings live in flow/pacer.ts (PATTERNS); this file only names and explains them.
 *
 * Why breathing here: slowing the breath, especially the out-breath, is a "soothing" grounding skill
 * (Najavits 2002) and PE's first in-session skill (breathing retraining, Foa et al. 2019). It is offered,
 * never required: some people find attention on the breath unsettling after dissociation, so the safety
 * line and the stop button are on every screen of the pacer. Gentle, not deep: over-breathing brings
 * tingling and light-headedness, so the copy says to slow down when they come (CLINICAL.md §2).
 */
import type { Source } from '../../../flow/module';
import { PATTERNS, type BreathPhase, type PatternId } from '../../../flow/pacer';

export interface PatternChoice {
  id: PatternId;
  name: string;
  /** One plain line on what it is. */
  line: string;
  /** Extra care for this pattern, shown before starting. */
  note?: string;
}

/**
 * The patterns CLINICAL.md §2 names, gentlest first (the first is the default). The first two and the last
 * have no held breath; box and 4-7-8 do, and show `holdCaution` before they start.
 */
export const choices: readonly PatternChoice[] = [
  {
    id: 'slow-exhale',
    name: 'Slow out-breath',
    line: 'Breathe in gently, then out a little longer and slower. No holding. A good place to start.',
  },
  {
    // PE breathing retraining (Foa et al. 2019): an ordinary in-breath, a slow out-breath, then a pause
    // before the next breath. The pause is resting with empty lungs, not holding the breath in.
    id: 'slow-exhale-pause',
    name: 'Slow out-breath with a pause',
    line: 'Breathe in gently, out slowly, then rest a moment before the next breath comes. No holding.',
  },
  {
    id: 'box',
    name: 'Box breathing',
    line: 'In, hold, out, hold — four counts each, like the sides of a square.',
  },
  {
    id: '4-7-8',
    name: '4-7-8 breathing',
    line: 'In for 4, hold for 7, out for 8. Four breaths at a time.',
    // The 7-second hold is the demanding part; people new to it may feel air-hungry, and Weil advises no
    // more than four cycles at a time (the pacer stops after four, flow/pacer.ts). Skipping the hold keeps
    // the long exhale, which is the calming part.
    note: 'This one has four long breaths with a long hold. If the hold feels uncomfortable, you could skip it and simply breathe out slowly.',
  },
  {
    id: 'coherent',
    name: 'Even breathing',
    line: 'Slow, even breaths in and out — about five or six a minute. No holding.',
  },
];

/** The pattern offered instead of a held breath. */
export const NO_HOLD_PATTERN: PatternId = 'slow-exhale';

/** Whether the pattern asks the person to hold their breath (box, 4-7-8). */
export function holdsBreath(id: PatternId): boolean {
  return PATTERNS[id].phases.some((p) => p.phase === 'hold');
}

/**
 * Shown before a held-breath pattern starts (on the chooser when one is selected, and above Start).
 * CLINICAL.md §2: held breaths can be unsafe or distressing with panic attacks, asthma or COPD, pregnancy,
 * heart conditions, or when holding the breath recalls being choked or held under. Invitational: the
 * person decides; a way without holding is one tap away.
 */
export const holdCaution = {
  heading: 'Before a held breath',
  body: 'Holding the breath is not right for everyone. If you have panic attacks, asthma or COPD, are pregnant or have a heart condition — or if holding your breath brings back being choked or held under — you could breathe without holding instead.',
  noHold: 'Breathe without holding',
} as const;

export { MINUTE_CHOICES } from './timing';

export function choiceFor(id: PatternId): PatternChoice {
  return choices.find((c) => c.id === id) ?? { id, name: id, line: '' };
}

/** What the pacer says at the start of each phase (visible and announced once per phase). */
export const phaseWords: { readonly [P in BreathPhase]: string } = {
  inhale: 'Breathe in',
  hold: 'Hold',
  exhale: 'Breathe out',
  rest: 'Rest',
};

/** "1 min 5 s", "45 s", "2 min". */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const min = Math.floor(s / 60);
  const sec = s % 60;
  if (min === 0) return `${sec} s`;
  return sec === 0 ? `${min} min` : `${min} min ${sec} s`;
}

export const copy = {
  chooseHeading: 'Choose a way to breathe',
  /** In the session phase only the slow out-breath is offered (offer.ts): the one choice left is how long. */
  onlyHeading: 'Choose how long to breathe',
  /** Says where the other ways went, kindly (CLINICAL.md §1 and §2: no held breaths while the dose acts). */
  sessionNote:
    'During session mode this keeps to the slow out-breath, which needs no holding. The other ways of breathing are here too once the effects have passed.',
  patternLegend: 'Way of breathing',
  lengthLegend: 'How long?',
  minutes: (n: number) => (n === 1 ? '1 minute' : `${n} minutes`),
  soundHint: 'With Sound on, a soft tone marks each breath, in time with the pacer.',
  // CLINICAL.md §2: "breathe gently, not deeply"; over-breathing brings tingling or light-headedness, and
  // slowing down (or breathing normally) ends it. CLINICAL.md §6: every exercise can be stopped.
  safety:
    'Breathe gently, not deeply. If you feel tingling, light-headed or uneasy, slow down or go back to breathing normally. You can stop at any time.',
  /** The real length of what will run: whole breaths only, and 4-7-8 capped at four (flow/pacer.ts). */
  readyLength: (seconds: number, breaths: number) =>
    `About ${seconds < 90 ? '1 minute' : `${Math.round(seconds / 60)} minutes`} — ${breaths === 1 ? '1 breath' : `${breaths} breaths`}.`,
  followCircle: 'Breathe in as the circle grows and out as it gets smaller. It does not need to be perfect.',
  followCount: 'Follow the words and the count. It does not need to be perfect.',
  ready: 'Ready when you are',
  start: 'Start',
  pause: 'Pause',
  resume: 'Resume',
  paused: 'Paused',
  change: 'Change',
  enough: 'That’s enough for now',
  /** The count's accessible context, read when someone moves onto it (not announced every second). */
  countOf: (of: number) => `of ${of}`,
  finishedHeading: 'Finished',
  finishedBody: (time: string) =>
    `You breathed with the pacer for ${time}. You could stay here a moment, breathing however feels natural, before you go on.`,
  stoppedHeading: 'Stopping is fine',
  stoppedBody: (time: string) =>
    `You breathed with the pacer for ${time}. Stopping when it feels right is part of looking after yourself.`,
  summary: {
    chosen: (name: string, minutes: number) => `${name}, ${minutes === 1 ? '1 minute' : `${minutes} minutes`}`,
    breathed: (time: string, cycles: number) =>
      `Breathed for ${time} (${cycles === 1 ? '1 breath' : `${cycles} breaths`})`,
    early: 'Stopped early, when it felt right',
  },
} as const;

export const sources: readonly Source[] = [
  {
    citation:
      'Foa EB, Hembree EA, Rothbaum BO, Rauch SAM. Prolonged Exposure Therapy for PTSD: Emotional Processing of Traumatic Experiences. Therapist Guide, 2nd ed. Oxford University Press, 2019.',
    use: 'Breathing retraining: a normal in-breath, a slow, longer out-breath and a pause before the next breath (the two slow out-breath patterns).',
  },
  {
    citation:
      'Balban MY, Neri E, Kogon MM, et al. Brief structured respiration practices enhance mood and reduce physiological arousal. Cell Rep Med 2023;4(1):100895.',
    use: 'Box breathing 4-4-4-4: a widely taught practice, studied here among other brief breathing exercises.',
  },
  {
    citation: 'Weil A. Breathing: The Master Key to Self Healing (audio programme). Sounds True, 1999.',
    use: '4-7-8 "relaxing breath": in 4, hold 7, out 8; no more than four cycles at a time.',
  },
  {
    citation:
      'Lehrer PM, Gevirtz R. Heart rate variability biofeedback: how and why does it work? Front Psychol 2014;5:756.',
    use: 'Coherent (resonance-frequency) breathing at about 5.5–6 breaths a minute.',
  },
  {
    citation: 'Najavits LM. Seeking Safety: A Treatment Manual for PTSD and Substance Abuse. Guilford Press, 2002.',
    use: 'Breathing as soothing grounding; rate before and after; stop whenever it does not help.',
  },
];
