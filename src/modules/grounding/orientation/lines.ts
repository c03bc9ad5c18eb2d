/**
 * The orientation lines for a moment in time, in the person's locale and time zone. Pure: the view passes
 * the clock, so tests can pin any instant (midnight, the hour a part of the day changes).
 */
import { LINE_IDS, lineCopy, type LineId, type PartOfDay } from './content';

export interface ClockOptions {
  /** BCP 47 locale; undefined = the browser's. */
  locale?: string;
  /** IANA time zone; undefined = the device's, which is the person's. */
  timeZone?: string;
}

export interface OrientationLine {
  id: LineId;
  text: string;
  /** False only for the place when the person has not named one yet: there is nothing to confirm. */
  known: boolean;
}

/** Where the day's parts begin: morning 05:00, afternoon 12:00, evening 17:00, night 21:00 (to 04:59). */
export function partOfDay(hour: number): PartOfDay {
  if (hour >= 5 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 17) return 'afternoon';
  if (hour >= 17 && hour < 21) return 'evening';
  return 'night';
}

/** The hour (0–23) on the wall clock in that time zone — not the device's, when one is given. */
export function localHour(now: Date, { timeZone }: ClockOptions = {}): number {
  const parts = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone }).formatToParts(now);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  // Older Chromium printed midnight as "24" with hour12:false; h23 avoids it and `% 24` makes sure.
  return Number.isFinite(hour) ? hour % 24 : now.getHours();
}

/**
 * "I am in my kitchen." — but a person who writes "at home" or "in the car" or "I am at work" should not read
 * "I am in at home.": keep their preposition (or their whole sentence) as they wrote it.
 */
export function placeLine(place: string): string {
  const p = place.trim().replace(/[.!]+$/, '');
  if (/^(i am|i'm|i’m)\b/i.test(p)) return `${p}.`;
  if (/^(in|at|on|inside|outside|near|by|under|with|home|here)\b/i.test(p)) return lineCopy.placeAsWritten(p);
  return lineCopy.placeIn(p);
}

export function orientationLines(
  now: Date,
  personal: { place?: string | undefined; statement?: string | undefined },
  { locale, timeZone }: ClockOptions = {},
): OrientationLine[] {
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone }).format(now);
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(now);
  const clock = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(now);
  const part = lineCopy.partOfDay[partOfDay(localHour(now, { timeZone }))];
  const place = personal.place?.trim() ?? '';
  const statement = personal.statement?.trim() || lineCopy.defaultStatement;
  const texts: Record<LineId, OrientationLine> = {
    day: { id: 'day', text: lineCopy.day(weekday, date), known: true },
    time: { id: 'time', text: lineCopy.time(part, clock), known: true },
    place: { id: 'place', text: place ? placeLine(place) : '', known: place !== '' },
    statement: { id: 'statement', text: statement, known: true },
  };
  return LINE_IDS.map((id) => texts[id]);
}

/** The Keep button shows when there are words and they differ from what is kept: saving is always a choice. */
export function canKeep(current: string, saved: string): boolean {
  const c = current.trim();
  return c !== '' && c !== saved.trim();
}
