/**
 * Body-based grounding, in two parts the person chooses between. Original wording.
 *  - Feet and hands: pressing the feet into the floor and the palms together — physical grounding, which
 *    brings attention back to the body and the room through pressure and touch (Najavits 2002).
 *  - Tense and let go: abbreviated progressive muscle relaxation over 7 muscle groups (Jacobson 1938;
 *    Bernstein & Borkovec 1973 group the muscles and pair a short tension with a longer release). Each is
 *    tensed lightly for about 5 s and released for about 10 s: that timing is this app's own judgment
 *    (CLINICAL.md §2), shorter than Bernstein & Borkovec's releases of about 30–40 s, to keep it brief.
 * Trauma-informed choices: tense only lightly, skip any group that hurts or is injured, eyes may stay open
 * (the face group squints rather than closing the eyes), every step can be skipped, and because relaxing
 * makes some people more uneasy (relaxation-induced anxiety, Heide & Borkovec 1983) it says so and offers
 * "Stop here" on every muscle group.
 */
import type { Source } from '../../../flow/module';
import type { CountdownCopy } from '../../../flow/countdown';
import { t } from '../../../ui/copy/later';

export type Part = 'anchor' | 'pmr';

import { ANCHOR_MINUTES, PMR_MINUTES, PRESS_SECONDS, type ANCHOR_STEP_IDS, type MUSCLE_GROUP_IDS } from './timing';
// Timings (5 s / 10 s is the app's own judgment, CLINICAL.md §2) live in timing.ts, where meta.ts reads them.
export { PRESS_SECONDS, RELEASE_SECONDS, TENSE_SECONDS } from './timing';

export interface AnchorStep {
  id: (typeof ANCHOR_STEP_IDS)[number];
  heading: string;
  prompt: string;
  /** Caption beside the timer. */
  during: string;
  noticeLabel: string;
}

export const anchorSteps: readonly AnchorStep[] = [
  {
    id: 'feet',
    heading: 'Feet on the floor',
    prompt:
      'Let both feet rest flat on the floor. When you start the timer, you could press them down, firmly but comfortably, and feel the floor pressing back.',
    during: 'Press your feet into the floor',
    noticeLabel: 'What do you notice in your feet? (optional)',
  },
  {
    id: 'palms',
    heading: 'Palms pressing',
    prompt:
      'You could press your palms together in front of you, or press them down on the chair or your legs. Notice the pressure, the warmth, the surface under your hands.',
    during: 'Press your palms',
    noticeLabel: 'What do you notice in your hands? (optional)',
  },
];

export interface MuscleGroup {
  id: (typeof MUSCLE_GROUP_IDS)[number];
  heading: string;
  /** How to tense it, lightly. */
  tense: string;
  /** How to let it go. */
  release: string;
}

export const muscleGroups: readonly MuscleGroup[] = [
  {
    id: 'hands',
    heading: 'Hands and forearms',
    tense: 'Make a loose fist with both hands and squeeze just a little.',
    release: 'Let your hands fall open and soft. Notice how they feel now.',
  },
  {
    id: 'upper-arms',
    heading: 'Upper arms',
    tense: 'Bend your elbows and gently tighten the muscles at the top of your arms.',
    release: 'Let your arms drop and rest. Notice the difference.',
  },
  {
    id: 'shoulders',
    heading: 'Shoulders',
    tense: 'Lift your shoulders a little towards your ears.',
    release: 'Let your shoulders drop down. Notice them settle.',
  },
  {
    id: 'face',
    heading: 'Face',
    tense: 'Squint your eyes a little, wrinkle your nose and press your lips together. Your eyes can stay open.',
    release: 'Let your face go smooth, your jaw loose. Notice the softness.',
  },
  {
    id: 'chest-back',
    heading: 'Chest and back',
    tense: 'Gently draw your shoulder blades back and together, keeping your breath easy.',
    release: 'Let your back and chest soften. Notice your breath.',
  },
  {
    id: 'stomach',
    heading: 'Stomach',
    tense: 'Tighten your stomach muscles a little, as if drawing your belly in.',
    release: 'Let your stomach go soft. Notice it rise and fall.',
  },
  {
    id: 'legs-feet',
    heading: 'Legs and feet',
    tense: 'Press your heels into the floor and lift your toes a little towards you.',
    release: 'Let your legs and feet go heavy. Notice the floor under them.',
  },
];

const aboutMinutes = (n: number) => (n === 1 ? 'About 1 minute.' : `About ${n} minutes.`);

export const chooseCopy = {
  heading: 'Which would you like to try?',
  parts: [
    { id: 'anchor', title: 'Feet and hands', hint: `Press into the floor and your palms. ${aboutMinutes(ANCHOR_MINUTES)}` },
    { id: 'pmr', title: 'Tense and let go', hint: `Muscle by muscle, gently. ${aboutMinutes(PMR_MINUTES)}` },
  ] as readonly { id: Part; title: string; hint: string }[],
  /** In the session phase only feet and hands is offered (flow/parts.ts; CLINICAL.md §1 and §2: session mode
   *  asks the least, muscle work is inward): one choice, so a heading that does not ask "which". */
  onlyHeading: 'Ready when you are',
  /** Says where the other part went, without making the person wrong for looking for it. */
  sessionNote: 'During session mode this keeps to feet and hands, which ask the least of you. Tense and let go is here too once the effects have passed.',
} as const;

export const pmrCopy = {
  /** Shown on every muscle group before it starts (Bernstein & Borkovec: tension should never hurt). */
  gentle: 'Tense only lightly — it should never hurt. If this part hurts or is injured, skip it.',
  /** Relaxation-induced anxiety (Heide & Borkovec 1983): named, with a way out on every muscle group. */
  uneasy: 'For some people, relaxing brings unease rather than calm. If that happens, you could open your eyes, look around the room, or stop here.',
  stop: 'Stop here',
  stepOf: (n: number, total: number) => `Muscle group ${n} of ${total}`,
  tenseLabel: 'Tense gently',
  releaseLabel: 'Let go',
  start: 'Start',
  /** During the tension: letting go early is always fine. */
  letGo: 'Let go now',
} as const;

export const anchorCopy = {
  stepOf: (n: number, total: number) => `Step ${n} of ${total}`,
  start: `Start the ${PRESS_SECONDS}-second timer`,
} as const;

export const stepCopy = {
  skip: 'Skip this one',
  next: 'Next',
  back: 'Back',
} as const;

export const closing = {
  heading: 'Coming back',
  prompt: 'Let your hands and feet rest, or move them a little — whatever feels better. When you are ready, you could look around the room.',
  label: 'What do you notice now? (optional)',
  done: 'Done',
} as const;

/** The timer's words are shared interface copy (ui/copy `countdown`). */
export const timerCopy: CountdownCopy = t.countdown;

/** Journal summary lines. */
export const summaryCopy = {
  notChosen: 'Chose nothing yet',
  done: (names: readonly string[]) => `Done: ${names.join(', ')}`,
  skipped: (names: readonly string[]) => `Skipped: ${names.join(', ')}`,
  noticed: 'Noticed',
} as const;

export const sources: readonly Source[] = [
  {
    citation: 'Najavits LM. Seeking Safety: A Treatment Manual for PTSD and Substance Abuse. Guilford Press, 2002.',
    use: 'Physical grounding: pressing the feet into the floor and the hands together to come back to the present.',
  },
  {
    citation: 'Jacobson E. Progressive Relaxation. University of Chicago Press, 1938.',
    use: 'Tensing and then releasing muscle groups to notice the difference between tension and relaxation.',
  },
  {
    citation: 'Bernstein DA, Borkovec TD. Progressive Relaxation Training: A Manual for the Helping Professions. Research Press, 1973.',
    use: 'Abbreviated procedure: muscles in groups, a short light tension, then a longer release (theirs lasts about 30–40 s). The 5 s / 10 s timing used here is this app’s own judgment, to keep it short.',
  },
  {
    citation:
      'Heide FJ, Borkovec TD. Relaxation-induced anxiety: paradoxical anxiety enhancement due to relaxation training. J Consult Clin Psychol 1983;51(2):171–182.',
    use: 'Relaxing makes some people more anxious: it is named, and stopping is always offered.',
  },
];
