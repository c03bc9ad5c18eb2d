import type { ModuleImpl } from '../../../flow/module';
import { copy, sources } from './content';
import { beliefRehearsalMachine } from './machine';
import { BeliefRehearsalDataSchema, type BeliefRehearsalData } from './schema';
import History from './History.svelte';
import View from './View.svelte';

/** The journal's text for one practice: the belief, how believable it felt, what was written. */
export function summarizeRehearsal(data: BeliefRehearsalData): string {
  const s = copy.summary;
  const belief = data.belief.trim();
  const lines = [belief ? s.belief(belief) : s.none];
  if (data.before !== null || data.after !== null) lines.push(s.ratings(s.rating(data.before), s.rating(data.after)));
  const written = data.written.trim();
  if (written && written !== belief) lines.push(s.written(written));
  return lines.join('\n');
}

export const beliefRehearsal: ModuleImpl<BeliefRehearsalData> = {
  sources,
  machine: beliefRehearsalMachine,
  View,
  EntryDetail: History,
  dataSchema: BeliefRehearsalDataSchema,
  summarize: summarizeRehearsal,
};

export default beliefRehearsal;
