/**
 * Dates and times for the dose screens, in the person's words: the date/time inputs (local wall clock of
 * this device) and how a dose's time is shown (in the zone it was taken, named when that differs from
 * where the person is now). Pure; tested in node (tests/unit/dose-when.test.ts).
 */

/** `<input type=date>` and `<input type=time>` values for an instant, on this device's clock. */
export function toInputs(ms: number): { date: string; time: string } {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
}

/** The instant the person means by a local date and time; NaN when either is missing or malformed. */
export function fromInputs(date: string, time: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const n = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m || !n) return Number.NaN;
  // Local wall clock. In a spring-forward gap (02:30 that never happened) the browser moves it forward.
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(n[1]), Number(n[2])).getTime();
}

/** "Tue 24 Nov, 09:00" in `zone` ('' = this device's). */
export function formatWhen(ms: number, zone = '', locale = 'en-GB'): string {
  const opts: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
  try {
    return new Intl.DateTimeFormat(locale, zone ? { ...opts, timeZone: zone } : opts).format(new Date(ms));
  } catch {
    return new Intl.DateTimeFormat(locale, opts).format(new Date(ms));
  }
}

/** "Wednesday at 09:00" for the next change (no countdown, just a day and a time). */
export function formatNext(ms: number, now: number, zone = '', locale = 'en-GB'): string {
  const tz = zone ? { timeZone: zone } : {};
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', ...tz }).format(new Date(ms));
  // Calendar dates in the zone, compared as dates (a clock-change night is 23 or 25 hours long).
  const day = (at: number) => Date.parse(new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...tz }).format(new Date(at)));
  const days = Math.round((day(ms) - day(now)) / (24 * 3_600_000));
  if (days === 0) return `today at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', ...tz }).format(new Date(ms));
  return `${weekday} at ${time}`;
}

/** The zone's city for "(London time)", when the dose was taken somewhere else than here. */
export function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}
