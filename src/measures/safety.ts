/**
 * The PHQ-9 item 9 rule (CLINICAL.md §5–6): an answer above 0 to item 9 ("Thoughts that you would be better
 * off dead or of hurting yourself in some way") always opens the safety plan and the crisis contacts,
 * whatever the total, after the line "No one sees this answer". Groundwork is not monitored: the person is
 * the only one who sees the answer, so the app must put help in front of them itself.
 *
 * Deliberately takes no options: no setting, therapist plan or rhythm can switch it off or raise its
 * threshold (a plan "adds, never weakens" — DESIGN.md §5). Unanswered counts as not above 0.
 */
import type { Answers, MeasureId } from './scoring';

/** Item 9 is the ninth PHQ-9 item (index 8). */
export const PHQ9_ITEM9_INDEX = 8;

export function opensSafetyPlan(measureId: MeasureId, answers: Answers): boolean {
  if (measureId !== 'phq9') return false;
  const a = answers[PHQ9_ITEM9_INDEX];
  return typeof a === 'number' && a > 0;
}
