import type { ModuleImpl } from '../../../flow/module';
import type { StepsData } from '../../../flow/steps.machine';
import { StepsDataSchema } from '../../../flow/steps.schema';
import { fiveSensesMachine } from './machine';
import { steps, sources } from './content';
import View from './View.svelte';

export const fiveSenses: ModuleImpl<StepsData> = {
  sources,
  machine: fiveSensesMachine,
  View,
  dataSchema: StepsDataSchema,
  summarize(data) {
    return steps
      .map((s) => {
        const a = data[s.id];
        if (!a) return '';
        const text = a.text.trim();
        if (text) return `${s.heading}: ${text}`;
        return a.noticed ? `${s.heading}: noticed ${a.noticed}` : '';
      })
      .filter(Boolean)
      .join('\n');
  },
};

export default fiveSenses;
