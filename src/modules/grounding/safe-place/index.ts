import type { ModuleImpl } from '../../../flow/module';
import { FIELD_IDS, copy, sources } from './content';
import { safePlaceMachine } from './machine';
import { hasWords } from './words';
import { SafePlaceDataSchema, type SafePlaceData } from './schema';
import View from './View.svelte';

export const safePlace: ModuleImpl<SafePlaceData> = {
  sources,
  machine: safePlaceMachine,
  View,
  dataSchema: SafePlaceDataSchema,
  /** What kind of visit it was, then the person's own words. */
  summarize(data) {
    const built = hasWords(data.words) ? copy.summary.built : copy.summary.started;
    const head = !data.returning ? built : data.edited ? copy.summary.changed : copy.summary.visited;
    const lines = [data.kept && (!data.returning || data.edited) ? `${head} ${copy.summary.kept}` : head];
    for (const id of FIELD_IDS) {
      const text = data.words[id].trim();
      if (text) lines.push(`${copy.review.labels[id]}: ${text}`);
    }
    return lines.join('\n');
  },
};

export default safePlace;
