/**
 * Paced breathing: the patterns offered, every word the module shows, and where each technique comes from.
 * Original wording. Timings live in flow/pacer.ts (PATTERNS); this file only names and explains them.
 *
 * Why breathing here: slowing the breath, especially the out-breath, is a "soothing" grounding skill
 * (Najavits 2002) and PE's first in-session skill (Foa et al. 2007). It is offered, never required: some
 * people find attention on the breath unsettling after dissociation, so the safety line and the stop
 * button are on every screen of the pacer.
 */
import type { Source } from '../../../flow/module';
import type { BreathPhase, PatternId } from '../../../flow/pacer';

export interface PatternChoice {
  id: PatternId;
  name: string;
  /** One plain line on what it is. */
  line: string;
  /** Extra care for this pattern, shown before starting. */
  note?: string;
}

/** The four patterns CLINICAL.md §2 names, gentlest first (the first is the default). */
export const choices: readonly PatternChoice[] = [
  {
    id: 'slow-exhale',
    name: 'Slow out-breath',
    line: 'Breathe in gently, then out a little longer and slower. A good place to start.',
  },
  {
    id: 'box',
    name: 'Box breathing',
    line: 'In, hold, out, hold — four counts each, like the sides of a square.',
  },
  {
    id: '4-7-8',
    name: '4-7-8 breathing',
    line: 'In for 4, hold for 7, out for 8. Fewer, longer breaths.',
    // The 7-second hold is the demanding part; people new to it may feel air-hungry (Weil's own advice is
    // to start with a few cycles). Skipping the hold keeps the long exhale, which is the calming part.
    note: 'This one has fewer, longer breaths and a long hold. If the hold feels uncomfortable, you could skip it and simply breathe out slowly.',
  },
  {
    id: 'coherent',
    name: 'Even breathing',
    line: 'Slow, even breaths in and out — about five or six a minute.',
  },
];

export const MINUTE_CHOICES = [1, 2, 3, 4, 5] as const;

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
  patternLegend: 'Way of breathing',
  lengthLegend: 'How long?',
  minutes: (n: number) => (n === 1 ? '1 minute' : `${n} minutes`),
  soundHint: 'With Sound on, a soft tone marks each breath, in time with the pacer.',
  // Over-breathing can bring light-headedness or tingling; normal breathing ends it. CLINICAL.md §6: every
  // exercise can be stopped without penalty.
  safety: 'If you feel light-headed or uneasy, go back to breathing normally. You can stop at any time.',
  readyLength: (minutes: number) => `About ${minutes === 1 ? '1 minute' : `${minutes} minutes`}.`,
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
      'Foa EB, Hembree EA, Rothbaum BO. Prolonged Exposure Therapy for PTSD: Emotional Processing of Traumatic Experiences. Therapist Guide. Oxford University Press, 2007.',
    use: 'Breathing retraining: a normal in-breath and a slow, longer out-breath (the default pattern).',
  },
  {
    citation:
      'Balban MY, Neri E, Kogon MM, et al. Brief structured respiration practices enhance mood and reduce physiological arousal. Cell Rep Med 2023;4(1):100895.',
    use: 'Box breathing 4-4-4-4: a widely taught practice, studied here among other brief breathing exercises.',
  },
  {
    citation: 'Weil A. Breathing: The Master Key to Self Healing (audio programme). Sounds True, 1999.',
    use: '4-7-8 "relaxing breath": in 4, hold 7, out 8; start with a few cycles.',
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
