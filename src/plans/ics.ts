/**
 * The plan's schedule as an `.ics` calendar file (issue 16), made with ical-generator (RFC 5545 escaping
 * and line folding done right). Loaded only when the person exports. A static app cannot wake itself to
 * remind anyone, so the person's own calendar does the reminding; the copy says so.
 *
 * All-day, floating events (no time zone): "day 2 after your session" is a calendar date wherever the
 * person is. Day 0 is the dose's local date, as flow/phase.ts counts days.
 */
import ical, { ICalEventRepeatingFreq } from 'ical-generator';
import type { Plan } from './schema';

export interface IcsCopy {
  calendarName: (title: string) => string;
  moduleSummary: (title: string) => string;
  measureSummary: (name: string) => string;
  description: string;
}

export function planIcs(
  plan: Plan,
  opts: {
    /** The latest dose (ms); without one, day-relative modules cannot be placed and are left out. */
    doseTakenAt?: number;
    /** First day of measures' rhythm (ms): the plan's acceptance. */
    measuresFrom: number;
    titleOf: (moduleId: string) => string;
    measureName: (id: string) => string;
    copy: IcsCopy;
  },
): string {
  const cal = ical({ name: opts.copy.calendarName(plan.title), prodId: { company: 'Groundwork', product: 'plan' } });
  const localDate = (ms: number, plusDays = 0) => {
    const d = new Date(ms);
    return new Date(d.getFullYear(), d.getMonth(), d.getDate() + plusDays);
  };
  if (opts.doseTakenAt !== undefined) {
    plan.modules.forEach((m, i) => {
      if (m.day === 'any') return;
      const start = localDate(opts.doseTakenAt!, m.day);
      cal.createEvent({
        id: `${plan.id}-${plan.createdAt}-m${i}@groundwork`,
        start,
        end: localDate(start.getTime(), 1),
        allDay: true,
        floating: true,
        summary: opts.copy.moduleSummary(opts.titleOf(m.moduleId)),
        description: [m.instruction, opts.copy.description].filter(Boolean).join('\n\n'),
      });
    });
  }
  for (const m of plan.measures ?? []) {
    const start = localDate(opts.measuresFrom, m.everyDays);
    cal.createEvent({
      id: `${plan.id}-${plan.createdAt}-${m.id}@groundwork`,
      start,
      end: localDate(start.getTime(), 1),
      allDay: true,
      floating: true,
      repeating: { freq: ICalEventRepeatingFreq.DAILY, interval: m.everyDays },
      summary: opts.copy.measureSummary(opts.measureName(m.id)),
      description: opts.copy.description,
    });
  }
  return cal.toString();
}
