import * as v from 'valibot';
import type { ModuleImpl } from '../../../flow/module';
import { PATTERNS, type PatternId } from '../../../flow/pacer';
import { choiceFor, copy, formatDuration, sources } from './content';
import { breathingMachine, type BreathingData } from './machine';
import View from './View.svelte';

const PATTERN_IDS = Object.keys(PATTERNS) as PatternId[];
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** What a breathing entry keeps in the journal. */
export const BreathingDataSchema = v.object({
  pattern: v.picklist(PATTERN_IDS),
  minutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)),
  seconds: Count,
  cycles: Count,
  finishedEarly: v.boolean(),
});

export function summarizeBreathing(value: BreathingData): string {
  // The journal hands over stored data unchecked (older builds, restored backups): never throw on it.
  const parsed = v.safeParse(BreathingDataSchema, value);
  if (!parsed.success) return '';
  const data = parsed.output;
  const lines = [
    copy.summary.chosen(choiceFor(data.pattern).name, data.minutes),
    copy.summary.breathed(formatDuration(data.seconds), data.cycles),
  ];
  if (data.finishedEarly) lines.push(copy.summary.early);
  return lines.join('\n');
}

export const breathing: ModuleImpl<BreathingData> = {
  sources,
  machine: breathingMachine,
  View,
  dataSchema: BreathingDataSchema,
  summarize: summarizeBreathing,
};

export default breathing;
