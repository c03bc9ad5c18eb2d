/**
 * Dose-anchored phases (CLINICAL.md §1), as a pure function of the dose log, the time and the settings.
 * No DOM, no storage, no XState: Today's phase card reads it on the first screen, the gate uses it for every
 * entry point (Today, the exercise list, direct links, Ground), tested in node (tests/unit/phase.test.ts).
 *
 * Two kinds of time, decided on purpose:
 * - **Phase boundaries are elapsed hours** from the dose (2 h, 24 h, 72 h, 14 days — the table's hours),
 *   because what they stand for (acute effects, synaptogenesis measured in hours) does not move when the
 *   clocks change or the person flies. A daylight-saving change or a time-zone change never changes the phase.
 * - **"Day N after your session" counts calendar days** in the person's *current* time zone (where they
 *   live "today" and "tomorrow"): the dose's date is the day of the session, the next date Day 1, and so
 *   on. Across a clock change a calendar day is 23 or 25 hours, and the count is still right. When the
 *   current zone is unknown we count in the zone stored with the dose, then its offset at logging.
 */
import type { Family, ModuleMeta, Phase } from './module';
import { FAMILIES_BY_PHASE, fitsPhase } from './fits';

export type { Phase };

const HOUR = 3_600_000;

/** The table's boundaries. Defaults are CLINICAL.md §1's; a therapist plan sets them later (judgment). */
export interface PhaseSettings {
  /** The session phase lasts at least this long, and until the person says the effects have passed. */
  sessionMinHours: number;
  /**
   * If nobody ever said "effects have passed" (the tap was forgotten, they slept), the session phase stops
   * gating after this long, so an old dose cannot hold the app in session mode. Judgment.
   */
  sessionMaxHours: number;
  /** Session mode says to call the clinic if strong effects have not eased by this long. Judgment. */
  unusualAfterHours: number;
  settlingEndHours: number;
  windowEndHours: number;
  consolidationEndHours: number;
}

export const DEFAULT_PHASE_SETTINGS: PhaseSettings = {
  sessionMinHours: 2,
  sessionMaxHours: 12,
  unusualAfterHours: 4,
  settlingEndHours: 24,
  windowEndHours: 72,
  consolidationEndHours: 14 * 24,
};

// The gate (which families fit each phase, and `fitsPhase`) lives in fits.ts: Today's exercise list applies
// it on the first screen without loading this file when no dose is logged.
export { FAMILIES_BY_PHASE, fitsPhase } from './fits';

/** What phase.ts needs of a dose (a `Dose` record fits; kept structural so tests can write plain data). */
export interface DoseLike {
  id: string;
  /** ISO instant. */
  takenAt: string;
  zone: string;
  offsetMinutes: number;
  effectsPassedAt?: string;
  createdAt: number;
  deletedAt?: number;
}

export interface PhaseState<D extends DoseLike = DoseLike> {
  phase: Phase;
  /** When this phase began (ms); undefined when no dose counts. */
  since?: number;
  /** When the next phase begins (ms); undefined when open-ended (between, or waiting for the person). */
  nextAt?: number;
  next?: Phase;
  /** The dose that anchors the phase: the newest one taken by now. */
  dose?: D;
  /** Calendar days since the dose's date, in the current zone (0 = the day of the session). */
  dayNumber?: number;
  families: readonly Family[];
  /** Session phase past its minimum, waiting for the person to say the effects have passed. */
  awaitingEffects: boolean;
  /** Session phase, still unconfirmed, longer than `unusualAfterHours`: session mode says when to call. */
  unusuallyLong: boolean;
}

export interface PhaseSpan {
  phase: Phase;
  start: number;
  /** Undefined for an open end (between). */
  end?: number;
}

const ORDER: readonly Phase[] = ['session', 'settling', 'window', 'consolidation', 'between'];

/** When the session phase ends for this dose, or undefined while it waits for the person. */
export function sessionEnd(dose: DoseLike, settings: PhaseSettings = DEFAULT_PHASE_SETTINGS): number | undefined {
  const taken = Date.parse(dose.takenAt);
  const min = taken + settings.sessionMinHours * HOUR;
  if (dose.effectsPassedAt) return Math.max(min, Date.parse(dose.effectsPassedAt));
  // Logged later than the minimum for a past time: the person is writing in a date — they are past it.
  if (dose.createdAt - taken >= settings.sessionMinHours * HOUR) return min;
  return undefined;
}

/** The phases of one dose on a timeline (the card's SVG and its text equivalent). */
export function timelineOf(dose: DoseLike, now: number, settings: PhaseSettings = DEFAULT_PHASE_SETTINGS): PhaseSpan[] {
  const taken = Date.parse(dose.takenAt);
  const cap = taken + settings.sessionMaxHours * HOUR;
  // While it waits for the person, the session is drawn up to now (or its minimum), never guessed further.
  const sEnd = sessionEnd(dose, settings) ?? Math.min(cap, Math.max(now, taken + settings.sessionMinHours * HOUR));
  const settlingEnd = taken + settings.settlingEndHours * HOUR;
  const windowEnd = taken + settings.windowEndHours * HOUR;
  const consEnd = taken + settings.consolidationEndHours * HOUR;
  const spans: PhaseSpan[] = [{ phase: 'session', start: taken, end: sEnd }];
  if (sEnd < settlingEnd) spans.push({ phase: 'settling', start: sEnd, end: settlingEnd });
  spans.push({ phase: 'window', start: Math.max(sEnd, settlingEnd), end: Math.max(sEnd, windowEnd) });
  spans.push({ phase: 'consolidation', start: Math.max(sEnd, windowEnd), end: Math.max(sEnd, consEnd) });
  spans.push({ phase: 'between', start: Math.max(sEnd, consEnd) });
  return spans.filter((s) => s.end === undefined || s.end > s.start);
}

/** The newest dose taken by `now` (a dose dated later than now — a clock moved back — does not count yet). */
export function anchorDose<D extends DoseLike>(doses: readonly D[], now: number): D | undefined {
  let best: D | undefined;
  let bestAt = -Infinity;
  for (const d of doses) {
    if (d.deletedAt !== undefined) continue;
    const at = Date.parse(d.takenAt);
    if (Number.isNaN(at) || at > now) continue;
    if (at > bestAt) {
      best = d;
      bestAt = at;
    }
  }
  return best;
}

/**
 * Where the person is now. `zone` is the device's current IANA zone ('' if unknown), used only for
 * the "Day N" count.
 */
export function phaseAt<D extends DoseLike>(
  doses: readonly D[],
  now: number,
  settings: PhaseSettings = DEFAULT_PHASE_SETTINGS,
  zone = '',
): PhaseState<D> {
  const anchored = anchorDose(doses, now);
  if (!anchored) return { phase: 'between', families: FAMILIES_BY_PHASE.between, awaitingEffects: false, unusuallyLong: false };
  // "Effects passed" dated after now (the clock moved back) is not said yet.
  const dose = anchored.effectsPassedAt && Date.parse(anchored.effectsPassedAt) > now ? withoutPassed(anchored) : anchored;
  const taken = Date.parse(dose.takenAt);
  const dayNumber = calendarDaysBetween(taken, now, zone, dose);
  const sEnd = sessionEnd(dose, settings);
  const cap = taken + settings.sessionMaxHours * HOUR;
  const minEnd = taken + settings.sessionMinHours * HOUR;

  const inSession = sEnd === undefined ? now < cap : now < sEnd;
  if (inSession) {
    const waiting = sEnd === undefined && now >= minEnd;
    return {
      phase: 'session',
      since: taken,
      // Before the minimum, the earliest end is known; past it, it ends when the person says so.
      nextAt: sEnd ?? (now < minEnd ? minEnd : undefined),
      next: 'settling',
      dose: anchored,
      dayNumber,
      families: FAMILIES_BY_PHASE.session,
      awaitingEffects: waiting,
      unusuallyLong: sEnd === undefined && now >= taken + settings.unusualAfterHours * HOUR,
    };
  }

  const spans = timelineOf(dose, now, settings).filter((s) => s.phase !== 'session');
  const start = sEnd ?? cap;
  const current = spans.find((s) => s.start <= now && (s.end === undefined || now < s.end)) ?? spans[spans.length - 1]!;
  const i = ORDER.indexOf(current.phase);
  return {
    phase: current.phase,
    since: Math.max(current.start, start),
    nextAt: current.end,
    next: current.end === undefined ? undefined : ORDER[i + 1],
    dose: anchored,
    dayNumber,
    families: FAMILIES_BY_PHASE[current.phase],
    awaitingEffects: false,
    unusuallyLong: false,
  };
}

function withoutPassed<D extends DoseLike>(d: D): D {
  const { effectsPassedAt: _later, ...rest } = d;
  return rest as D;
}

/** The modules that fit, families first-offered first, registry order within a family. */
export function modulesFor<M extends Pick<ModuleMeta, 'family' | 'phases' | 'asksTyping'>>(modules: readonly M[], phase: Phase): M[] {
  const order = FAMILIES_BY_PHASE[phase];
  return modules.filter((m) => fitsPhase(m, phase)).sort((a, b) => order.indexOf(a.family) - order.indexOf(b.family));
}

/** Calendar date (days since epoch) of an instant in a zone; falls back to a fixed offset. */
export function localDay(at: number, zone: string, fallbackOffsetMinutes = 0): number {
  if (zone) {
    try {
      const parts = dayFormat(zone).formatToParts(new Date(at));
      const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
      return Math.round(Date.UTC(get('year'), get('month') - 1, get('day')) / (24 * HOUR));
    } catch {
      // Unknown zone name (an old or odd browser): use the offset below.
    }
  }
  return Math.floor((at + fallbackOffsetMinutes * 60_000) / (24 * HOUR));
}

function calendarDaysBetween(taken: number, now: number, zone: string, dose: DoseLike): number {
  const z = zone || dose.zone;
  const offset = dose.offsetMinutes;
  return Math.max(0, localDay(now, z, offset) - localDay(taken, z, offset));
}

const formats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric' });
    formats.set(zone, f);
  }
  return f;
}
