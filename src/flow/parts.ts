/**
 * Which parts of a module are offered in a dose phase. Some modules hold a part that asks the least and a
 * more inward one (body grounding: feet and hands, and tense and let go). Session mode is for gentle grounding
 * that asks the least (CLINICAL.md §1), and muscle work is inward (CLINICAL.md §2): in the session phase a
 * module offers only the part Ground me now may start (`IN_THE_MOMENT` in ./ground.ts), so the list, the
 * exercise and the Ground control agree. Other phases offer every part.
 *
 * A part already chosen stays offered whatever the phase: a session that began before the dose was logged, or
 * was restored, never loses its place or what was done in it. Kept out of ground.ts (first screen): only a
 * module's view reads it, in its own lazy chunk.
 */
import type { Phase } from './module';
import { IN_THE_MOMENT } from './ground';

/**
 * The parts of `moduleId` to offer in `phase`, in their own order. `phase` undefined (a view shown outside a
 * session) offers every part; `chosen` (the part already under way) is always kept.
 */
export function partsOffered<P extends string>(
  moduleId: string,
  parts: readonly P[],
  phase: Phase | undefined,
  chosen: P | null = null,
): P[] {
  const safe = IN_THE_MOMENT.find((m) => m.moduleId === moduleId)?.variant;
  if (phase !== 'session' || safe === undefined) return [...parts];
  return parts.filter((p) => p === safe || p === chosen);
}
