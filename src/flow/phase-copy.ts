/**
 * What each dose phase means, in plain words, with sources (CLINICAL.md §1). Used by Today's phase card
 * (first screen: keep it short) and by the gate's "why not now" explanation. The window is a likely
 * opportunity, not a guarantee: never "70–80%", never promised relief.
 */
import type { Phase } from './module';
import type { Source } from './module';

export interface PhaseCopy {
  /** Short name for the timeline. */
  name: string;
  /** What fits now, one or two sentences. */
  fits: string;
  /** Optional honest context (the window's evidence). */
  about?: string;
}

export const PHASE_COPY: Readonly<Record<Phase, PhaseCopy>> = {
  session: {
    name: 'Session',
    fits: 'The hours right after a dose are for resting. Groundwork asks nothing of you now: gentle grounding, sound if you like, and notes for whoever is with you.',
  },
  settling: {
    name: 'Settling',
    fits: 'A time to rest and sleep. Gentle grounding fits now. If images, words or feelings come up, you can jot them down as they are — there is no need to make sense of them yet.',
  },
  window: {
    name: 'Days after',
    fits: 'If you feel up to it, this is a good time for the exercises your therapist suggested, such as reframing. Grounding is always here too. Go at your own pace.',
    about:
      'In trials about half of people feel clearly better within a day; one dose usually fades within about a week; practice in the days after may help the change last. This is a likely opportunity, not a guarantee — it has not been measured directly in people.',
  },
  consolidation: {
    name: 'Following days',
    fits: 'Keep practising what helps, and notice what has changed. Nothing here is required.',
  },
  between: {
    name: 'Between sessions',
    fits: 'Everything is available; nothing is pushed. Choose what suits you today.',
  },
};

/** Why a module does not fit this phase (the direct-link explanation). */
export const NOT_NOW: Readonly<Record<Phase, string>> = {
  session:
    'Right after a dose is a time to rest, not to work things through: exercises that ask you to type, rethink or face difficult memories wait until the effects have passed and you have slept. Gentle grounding fits now.',
  settling:
    'In the first day after a dose, work with difficult memories waits: exposure is kept for the days after, when it may help most and feels safer. Grounding and rest fit now.',
  window: 'This exercise is not part of the days right after a dose.',
  consolidation: 'This exercise is not part of this stretch of time after a dose.',
  between: 'This exercise is meant for the days around a dose.',
};

export const PHASE_SOURCES: readonly Source[] = [
  { citation: 'Han Y et al. Neuropsychiatr Dis Treat 2016;12:2859', use: 'response about 52% at 24 h, 48% at 72 h, 40% at day 7 after one dose' },
  { citation: 'Pharmacol Rep 2020 (review of single-dose ketamine)', use: 'a single dose usually wears off within about a week' },
  { citation: 'Price RB et al. Am J Psychiatry 2022', use: 'training from day 1 after infusion kept scores low for 30 days' },
  { citation: 'Li N et al. Science 2010;329:959; Nardou R et al. Nature 2023;618:790', use: 'new synapses within ~24 h; a ~48 h window in animals' },
  { citation: 'Girgenti MJ et al. Neurobiol Dis 2017', use: 'no exposure while acutely affected' },
  { citation: 'Groundwork clinical notes, CLINICAL.md §1 (judgment)', use: 'phase boundaries 2 h, 24 h, 72 h, 14 days; a therapist plan may change them' },
];
