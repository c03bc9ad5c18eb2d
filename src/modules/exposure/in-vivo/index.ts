import type { ModuleImpl } from '../../../flow/module';
import { InVivoDataSchema, type InVivoData } from '../../../storage/exposure.schema';
import { copy, sources } from './content';
import { inVivoMachine } from './machine';
import View from './View.svelte';

/** The journal's text for one practice: the person's words and ratings, line by line. */
export function summarizeInVivo(data: InVivoData): string {
  const s = copy.summary;
  const n = (v: number | null) => (v === null ? s.notRated : String(v));
  const lines: string[] = [];
  if (data.situation.trim()) lines.push(s.situation(data.situation.trim()));
  if (data.prediction.trim()) lines.push(s.prediction(data.prediction.trim(), data.likelihood === null ? '' : s.likely(data.likelihood)));
  if (data.safetyBehaviours.trim()) lines.push(s.behaviours(data.safetyBehaviours.trim()));
  if (data.preSuds !== null || data.peakSuds !== null || data.postSuds !== null) lines.push(s.suds(n(data.preSuds), n(data.peakSuds), n(data.postSuds)));
  if (data.elapsedMs >= 60_000) lines.push(s.minutes(Math.round(data.elapsedMs / 60_000)));
  if (data.happened) lines.push(s.happened(copy.outcome.happened[data.happened]));
  if (data.learned.trim()) lines.push(s.learned(data.learned.trim()));
  return lines.length ? lines.join('\n') : s.none;
}

export const inVivo: ModuleImpl<InVivoData> = {
  sources,
  machine: inVivoMachine,
  View,
  dataSchema: InVivoDataSchema,
  summarize: summarizeInVivo,
};

export default inVivo;
