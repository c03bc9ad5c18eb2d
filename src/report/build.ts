/**
 * Putting a report together from what the person ticked: each provider's sections in provider order,
 * validated against the report schema before anything is shown or saved (so the preview is exactly what
 * the file holds). Plain TS; the providers reach storage through the app context.
 */
import * as v from 'valibot';
import type { AppContext } from '../ui/context';
import type { Entry } from '../storage/schema';
import { REPORT_VERSION, ReportSchema, type Report, type ReportSection } from './schema';
import type { ReportContext, ReportSectionProvider } from './sections';

/** A context whose journal is read once, however many providers ask. */
export function reportContext(app: AppContext, from: number | null, to: number, zone: string): ReportContext {
  let all: Promise<readonly Entry[]> | undefined;
  return {
    app,
    from,
    to,
    zone,
    entries: () => (all ??= app.entryReads().then((r) => r.list()).catch((e) => {
      all = undefined; // a failed read is tried again next time
      throw e;
    })),
  };
}

/** The person's IANA time zone, or '' when the browser does not say. */
export function currentZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
  } catch {
    return '';
  }
}

export async function buildReport(
  providers: readonly ReportSectionProvider[],
  ctx: ReportContext,
  chosen: ReadonlyMap<string, readonly string[]>,
  note: string,
): Promise<Report> {
  const sections: ReportSection[] = [];
  for (const p of providers) {
    const ids = chosen.get(p.id) ?? [];
    if (ids.length) sections.push(...(await p.sections(ctx, ids)));
  }
  const report = {
    format: 'groundwork-report' as const,
    v: REPORT_VERSION,
    createdAt: ctx.to,
    zone: ctx.zone,
    from: ctx.from,
    to: ctx.to,
    ...(note.trim() ? { note: note.trim() } : {}),
    sections,
  };
  return v.parse(ReportSchema, report);
}
