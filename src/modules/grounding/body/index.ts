import type { ModuleImpl } from '../../../flow/module';
import { bodyMachine, BodyDataSchema, CLOSE_ID, type BodyData } from './machine';
import { anchorSteps, chooseCopy, muscleGroups, summaryCopy, sources } from './content';
import View from './View.svelte';

const names: Record<string, string> = Object.fromEntries(
  [...anchorSteps, ...muscleGroups].map((s) => [s.id, s.heading] as const),
);
const nameOf = (id: string) => names[id] ?? id;

export const body: ModuleImpl<BodyData> = {
  sources,
  machine: bodyMachine,
  View,
  dataSchema: BodyDataSchema,
  summarize(data) {
    const part = chooseCopy.parts.find((p) => p.id === data.part);
    if (!part) return summaryCopy.notChosen;
    const lines = [part.title];
    if (data.done.length) lines.push(summaryCopy.done(data.done.map(nameOf)));
    if (data.skipped.length) lines.push(summaryCopy.skipped(data.skipped.map(nameOf)));
    // Notes in the order of the exercise, the closing one last.
    for (const id of [...anchorSteps.map((s) => s.id), CLOSE_ID]) {
      const note = data.notes[id]?.trim();
      if (note) lines.push(`${summaryCopy.noticed}${id === CLOSE_ID ? '' : ` (${nameOf(id)})`}: ${note}`);
    }
    return lines.join('\n');
  },
};

export default body;
