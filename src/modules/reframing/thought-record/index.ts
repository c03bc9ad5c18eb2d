import type { ModuleImpl } from '../../../flow/module';
import { copy, sources } from './content';
import { thoughtRecordMachine } from './machine';
import { ThoughtRecordDataSchema, type ThoughtRecordData } from './schema';
import View from './View.svelte';

const L = copy.summary.labels;

/** "sad 70 → 40", "sad 70", "sad → 40" or "sad". */
function feeling(e: ThoughtRecordData['emotions'][number]): string {
  const name = e.name.trim();
  if (e.before !== null && e.after !== null) return `${name} ${e.before} → ${e.after}`;
  if (e.before !== null) return `${name} ${e.before}`;
  if (e.after !== null) return `${name} → ${e.after}`;
  return name;
}

export const thoughtRecord: ModuleImpl<ThoughtRecordData> = {
  sources,
  machine: thoughtRecordMachine,
  View,
  dataSchema: ThoughtRecordDataSchema,
  /** Where it stopped (if at the safety check), then the person's own words and ratings, step by step. */
  summarize(data) {
    const lines: string[] = [];
    if (data.dangerNow === true) lines.push(copy.summary.stoppedDanger);
    else if (data.dangerNow === null && data.dangerUnsure) lines.push(copy.summary.stoppedUnsure);
    else lines.push(copy.summary.head);
    const add = (label: string, text: string, believed: number | null = null) => {
      const t = text.trim();
      if (t) lines.push(`${label}: ${t}${believed === null ? '' : ` (${copy.summary.believed(believed)})`}`);
      else if (believed !== null) lines.push(`${label}: ${copy.summary.believed(believed)}`);
    };
    add(L.situation, data.situation);
    add(L.thought, data.thought, data.beliefBefore);
    const feelings = data.emotions.filter((e) => e.name.trim()).map(feeling);
    if (feelings.length) lines.push(`${L.feelings}: ${feelings.join(', ')}`);
    add(L.evidenceFor, data.evidenceFor);
    add(L.evidenceAgainst, data.evidenceAgainst);
    add(L.alternative, data.alternative, data.alternativeBelief);
    if (data.beliefAfter !== null) lines.push(`${L.beliefAfter}: ${data.beliefAfter}%`);
    return lines.join('\n');
  },
};

export default thoughtRecord;
