import type { ModuleImpl } from '../../../flow/module';
import { QUESTION_IDS, copy, questions, sources } from './content';
import { stuckPointsMachine } from './machine';
import { StuckPointsDataSchema, type StuckPointsData } from './schema';
import View from './View.svelte';

/** The journal's text for a stuck-points entry: the belief, the ratings, each answer, the alternative. */
export function summarizeStuckPoints(data: StuckPointsData): string {
  const s = copy.summary;
  const lines: string[] = [];
  const belief = data.belief.trim();
  lines.push(belief ? s.belief(belief) : s.none);
  if (data.before !== null || data.after !== null) lines.push(s.ratings(s.rating(data.before), s.rating(data.after)));
  for (const q of questions) {
    const text = data.answers[q.id].trim();
    if (text) lines.push(`${q.heading} ${text}`);
  }
  const skipped = QUESTION_IDS.filter((id) => data.skipped.includes(id)).map((id) => questions.find((q) => q.id === id)!.heading);
  if (skipped.length) lines.push(s.skipped(skipped.join(', ')));
  const alternative = data.alternative.trim();
  if (alternative) lines.push(s.alternative(alternative));
  if (data.alternativeBelieved !== null) lines.push(s.alternativeBelieved(data.alternativeBelieved));
  return lines.join('\n');
}

export const stuckPoints: ModuleImpl<StuckPointsData> = {
  sources,
  machine: stuckPointsMachine,
  View,
  dataSchema: StuckPointsDataSchema,
  summarize: summarizeStuckPoints,
};

export default stuckPoints;
