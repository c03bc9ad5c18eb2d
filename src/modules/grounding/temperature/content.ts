/**
 * Temperature (the "T" of DBT's TIPP skills): cool water on the face, or something cold in the hands.
 * Original wording.
 * Why: cold on the face while leaning forward sets off the dive reflex, which slows the heart within
 * seconds and can take the edge off overwhelming arousal fast (Linehan 2015, TIPP: Temperature).
 * Cold in the hands is a gentler sensory anchor that brings attention back to the body and the room
 * (physical grounding, Najavits 2002) without the strong effect on heart rate.
 */
import type { Source } from '../../../flow/module';
import type { CountdownCopy } from '../../../flow/countdown';
import { t } from '../../../ui/copy/later';

export type Variant = 'face' | 'hands';

import { TIMER_SECONDS } from './timing';
export { TIMER_SECONDS } from './timing';

export const safety = {
  heading: 'First, a note on safety',
  intro: 'This uses cold to help your body settle quickly.',
  // CLINICAL.md §2 and Linehan 2015: very cold water slows the heart rapidly, so people with a heart
  // condition, a heart rate lowered by medicine, low blood pressure or a history of fainting (prazosin,
  // common in PTSD care, lowers blood pressure), or an eating disorder check with a clinician first.
  // One short sentence, then one line per condition: each reads on its own however it wraps.
  caution: 'Cold water on the face slows the heart. Unless a clinician has said it is okay for you, it is best to skip the face version if:',
  conditions: [
    'you have a heart condition, or take a medicine that slows your heart',
    'you have low blood pressure, or have fainted before',
    'you have, or have had, an eating disorder',
  ],
  // CLINICAL.md §2: a cold cloth if water on the face brings something back, and while drowsy after a dose.
  cloth: 'If water on your face brings something back, or you may still be drowsy after a dose, use a cold cloth or pack instead of putting your face in water.',
  // CLINICAL.md §2: keep water above 10 °C / 50 °F.
  water: 'Cool is enough — not icy. Keep the water above 10 °C (50 °F).',
  gentlerHint: 'Holding something cold in your hands is a gentler way.',
  continue: 'Continue',
  gentler: 'Use the gentler hands version',
  another: 'Choose another exercise',
} as const;

export interface VariantCopy {
  id: Variant;
  /** Button text on the choice screen. */
  choice: string;
  /** One line under the button. */
  hint: string;
  /** Heading of the prepare screen. */
  prepareHeading: string;
  /** What to get ready, one item per line. */
  prepare: readonly string[];
  /** Shown beside the timer. */
  during: string;
  /** Journal summary. */
  summary: string;
}

export const variants: readonly VariantCopy[] = [
  {
    id: 'face',
    choice: 'Cool water on my face',
    hint: `The stronger version. About ${TIMER_SECONDS} seconds.`,
    prepareHeading: 'Getting the water ready',
    prepare: [
      // Tap water in winter can be colder than the 10 °C floor (CLINICAL.md §2), hence "add a little warm".
      'Fill a bowl or the sink with cool water, or soak a cloth in it. If it feels icy, add a little warm: it should stay above 10 °C / 50 °F.',
      'You could also use a cold pack wrapped in a thin cloth.',
      // CLINICAL.md §2: no face immersion while drowsy after a dose, or when water on the face brings
      // something back (e.g. memories of being held under).
      'If you may still be drowsy after a dose, or water on your face brings something back, use the cloth or pack rather than dipping your face.',
      // Cold on the face slows the heart (the dive reflex TIPP relies on): sitting avoids a fall if dizzy.
      'Sit down first. When you start the timer, you could hold the cloth or pack over your eyes and cheeks, or lean forward and dip your face into the water.',
      'If you dip your face, come up to breathe whenever you like. If you feel dizzy, stop and sit back. The timer is only a guide.',
    ],
    during: 'Cool water on your eyes and cheeks. Stop whenever you need to.',
    summary: 'Cool water on the face',
  },
  {
    id: 'hands',
    choice: 'Something cold in my hands',
    hint: `The gentler version. About ${TIMER_SECONDS} seconds.`,
    prepareHeading: 'Finding something cold',
    prepare: [
      'Find something cold to hold: a cold drink, an ice pack wrapped in a cloth, a bag of frozen peas, or cold running water over your hands and wrists.',
      'When you start the timer, you could hold it and notice the cold on your skin.',
    ],
    during: 'Notice the cold in your hands. Put it down whenever you need to.',
    summary: 'Something cold in the hands',
  },
];

export const choose = {
  heading: 'Which way suits you today?',
  back: 'Back',
} as const;

export const prepare = {
  start: `Start the ${TIMER_SECONDS}-second timer`,
  back: 'Back',
} as const;

export const timer = {
  heading: 'Feel the cold',
  /** During the timer: leaving early is fine. */
  stopEarly: 'That is enough for now',
  /** After the timer has ended. */
  next: 'Next',
  label: 'Cold',
} as const;

export const notice = {
  heading: 'Notice the change',
  prompt: 'Take a moment. You might notice your breathing, your heartbeat, or how your face or hands feel now.',
  label: 'What do you notice? (optional)',
  done: 'Done',
} as const;

/** The timer's words are shared interface copy (ui/copy `countdown`). */
export const timerCopy: CountdownCopy = t.countdown;

/** Journal summary lines. */
export const summaryCopy = {
  seconds: (n: number) => (n === 1 ? '1 second' : `${n} seconds`),
  notChosen: 'Read the safety note',
  note: 'Noticed',
} as const;

export const sources: readonly Source[] = [
  {
    citation: 'Linehan MM. DBT Skills Training Manual, 2nd ed. Guilford Press, 2015 (Distress tolerance: TIPP skills, Temperature).',
    use: 'Cold water on the face for about 30 seconds to bring strong emotional arousal down quickly; medical cautions (heart, low blood pressure and fainting, eating disorders).',
  },
  {
    citation: 'Najavits LM. Seeking Safety: A Treatment Manual for PTSD and Substance Abuse. Guilford Press, 2002.',
    use: 'Physical grounding through the senses (cold in the hands as the gentler option).',
  },
];
