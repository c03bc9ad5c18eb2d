import type { ModuleImpl } from '../../../flow/module';
import { LINE_IDS, copy, sources } from './content';
import { orientationMachine } from './machine';
import { OrientationDataSchema, type OrientationData } from './schema';
import View from './View.svelte';

export const orientation: ModuleImpl<OrientationData> = {
  sources,
  machine: orientationMachine,
  View,
  dataSchema: OrientationDataSchema,
  /** Each line the person saw, whether they confirmed it, and what they typed back. */
  summarize(data) {
    const lines = LINE_IDS.flatMap((id) => {
      const a = data.lines[id];
      const said = a.said.trim();
      const out: string[] = [];
      if (a.shown) out.push(a.confirmed ? `${a.shown} ${copy.summary.confirmed}` : a.shown);
      if (said) out.push(copy.summary.said(said));
      return out;
    });
    if (data.kept.place) lines.push(copy.summary.keptPlace);
    if (data.kept.statement) lines.push(copy.summary.keptStatement);
    return lines.join('\n');
  },
};

export default orientation;
