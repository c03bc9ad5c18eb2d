import type { ModuleImpl } from '../../../flow/module';
import { copy, sources } from './content';
import { writtenExposureMachine, WrittenExposureDataSchema, type WrittenExposureData } from './machine';
import View from './View.svelte';

export const writtenExposure: ModuleImpl<WrittenExposureData> = {
  sources,
  machine: writtenExposureMachine,
  View,
  dataSchema: WrittenExposureDataSchema,
  /** Which session and the distress before and after; the words stay in the course (never copied here). */
  summarize(data) {
    if (data.session < 1) return '';
    const lines = [copy.summary.head(data.session)];
    if (data.stoppedEarly) lines.push(copy.summary.stopped);
    if (data.preSuds !== null || data.postSuds !== null) lines.push(copy.summary.distress(data.preSuds, data.postSuds));
    lines.push(copy.summary.kept);
    return lines.join('\n');
  },
};

export default writtenExposure;
