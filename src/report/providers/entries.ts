/**
 * Journal entries, each one only if the person ticks it. A guided exercise's entry reads as the exercise's
 * own summary of the answers (the module's `summarize`, as in the journal), then the person's note.
 * Voice notes stay on the device: the report only says there was one.
 */
import * as v from 'valibot';
import { t } from '../../ui/copy/later';
import { findModule } from '../../modules/registry';
import { excerpt, formatWhen, summarizeData } from '../../journal/format';
import type { Entry } from '../../storage/schema';
import { checksLine, entryText, inPeriod } from '../shape';
import type { ReportSectionProvider } from '../sections';

const c = t.report.entries;

function nameOf(e: Entry): string {
  if (e.title.trim()) return e.title;
  if (e.kind === 'fragment') return e.mediaId ? c.voiceNote : c.fragment;
  return excerpt(e, 80) || c.untitled;
}

async function summaryOf(e: Entry): Promise<string> {
  const meta = e.moduleId ? findModule(e.moduleId) : undefined;
  if (!meta || e.data === undefined) return summarizeData(e.data);
  try {
    const impl = await meta.load();
    const data = v.safeParse(impl.dataSchema, e.data);
    return data.success ? impl.summarize(data.output) : summarizeData(e.data);
  } catch {
    return summarizeData(e.data);
  }
}

export const entriesProvider: ReportSectionProvider = {
  id: 'entries',
  label: c.label,
  hint: c.hint,
  async options(ctx) {
    return (await ctx.entries())
      .filter((e) => inPeriod(e.createdAt, ctx))
      .map((e) => ({ id: e.id, label: nameOf(e), detail: formatWhen(e.createdAt) }));
  },
  async sections(ctx, chosen) {
    const picked = (await ctx.entries())
      .filter((e) => chosen.includes(e.id) && inPeriod(e.createdAt, ctx))
      .sort((a, b) => a.createdAt - b.createdAt);
    if (!picked.length) return [];
    const entries = await Promise.all(
      picked.map(async (e) => {
        const meta = e.moduleId ? findModule(e.moduleId) : undefined;
        const checks = checksLine(e, { presence: c.presence, distress: c.distress });
        return {
          at: e.createdAt,
          kind: e.kind,
          title: e.title.trim() ? e.title : nameOf(e),
          ...(meta ? { module: e.complete ? meta.title : `${meta.title} (${c.partial})` } : {}),
          ...(checks ? { checks } : {}),
          text: entryText(e, e.kind === 'session' ? await summaryOf(e) : ''),
          ...(e.mediaId ? { voiceNote: true } : {}),
        };
      }),
    );
    return [{ type: 'entries', id: 'entries', title: c.title, entries }];
  },
};
