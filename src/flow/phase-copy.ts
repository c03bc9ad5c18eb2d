/**
 * What each dose phase means, in plain words, with sources (CLINICAL.md §1). Used by Today's phase card
 * (first screen: keep it short) and by the gate's "why not now" explanation. The window is a likely
 * opportunity, not a guarantee: never "70–80%", never promised relief.
 */
import type { Phase } from './module';

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

// Sources: ./phase-sources.ts (listed on #/doses, kept off the first screen).
