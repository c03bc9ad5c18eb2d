import type { ModuleImpl } from '../../../flow/module';
import { temperatureMachine, TemperatureDataSchema, type TemperatureData } from './machine';
import { summaryCopy, variants, sources } from './content';
import View from './View.svelte';

export const temperature: ModuleImpl<TemperatureData> = {
  sources,
  machine: temperatureMachine,
  View,
  dataSchema: TemperatureDataSchema,
  summarize(data) {
    const variant = variants.find((x) => x.id === data.variant);
    const lines = [variant ? `${variant.summary}: ${summaryCopy.seconds(data.secondsCompleted)}` : summaryCopy.notChosen];
    const note = data.note.trim();
    if (note) lines.push(`${summaryCopy.note}: ${note}`);
    return lines.join('\n');
  },
};

export default temperature;
