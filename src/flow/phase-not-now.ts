/**
 * Why a module does not fit this phase: the explanation a direct link (#/exercise/<id>) shows before it
 * offers what fits. Its own file so it loads with the Exercise screen, not with Today (CLINICAL.md §1, §4).
 */
import type { Phase } from './module';

/** Why a module does not fit this phase (the direct-link explanation). */
export const NOT_NOW: Readonly<Record<Phase, string>> = {
  session:
    // Says only what the gate does (flow/fits.ts): typing and reframing fit from settling (the effects have
    // passed), exposure from the window (CLINICAL.md §1, §4) — no promise tied to sleep the gate cannot see.
    'Right after a dose is a time to rest, not to work things through: exercises that ask you to type or rethink wait until the effects have passed, and work with difficult memories waits until the days after. Gentle grounding fits now.',
  settling:
    'In the first day after a dose, work with difficult memories waits: exposure is kept for the days after, when it may help most and feels safer. Grounding and rest fit now.',
  window: 'This exercise is not part of the days right after a dose.',
  consolidation: 'This exercise is not part of this stretch of time after a dose.',
  between: 'This exercise is meant for the days around a dose.',
};
