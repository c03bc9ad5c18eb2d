/**
 * Dose-anchored phases (CLINICAL.md §1): every boundary to the minute, the session phase waiting for the
 * person, the newest dose counting, late-logged doses, clock changes both ways and travel — and the gate:
 * nothing with typing, reframing or exposure can start in the session phase.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PHASE_SETTINGS,
  FAMILIES_BY_PHASE,
  fitsPhase,
  modulesFor,
  phaseAt,
  timelineOf,
  type DoseLike,
  type Phase,
} from '../../src/flow/phase';
import { ALL_PHASES, type Family, type ModuleMeta } from '../../src/flow/module';
import { NOT_NOW } from '../../src/flow/phase-not-now';
import { findModule } from '../../src/modules/registry';
import { IN_THE_MOMENT } from '../../src/flow/ground';
import { MODULES } from '../../src/modules/registry';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 10, 24, 9, 0, 0); // Tue 24 Nov 2026, 09:00 in London (GMT)
const iso = (ms: number) => new Date(ms).toISOString();

function dose(taken: number, over: Partial<DoseLike> & { passedAt?: number; loggedAt?: number } = {}): DoseLike {
  const { passedAt, loggedAt, ...rest } = over;
  return {
    id: `d${taken}`,
    takenAt: iso(taken),
    zone: 'Europe/London',
    offsetMinutes: 0,
    createdAt: loggedAt ?? taken,
    ...(passedAt !== undefined ? { effectsPassedAt: iso(passedAt) } : {}),
    ...rest,
  };
}

const h = (hours: number, minutes = 0) => hours * HOUR + minutes * MIN;

describe('phaseAt: no dose', () => {
  it('is "between" with everything available and nothing to count', () => {
    const p = phaseAt([], T0, DEFAULT_PHASE_SETTINGS, 'Europe/London');
    expect(p).toEqual({ phase: 'between', families: FAMILIES_BY_PHASE.between, awaitingEffects: false, unusuallyLong: false });
  });
  it('a dose dated later than now (clock moved back) does not count yet; a deleted one never', () => {
    expect(phaseAt([dose(T0 + HOUR)], T0).phase).toBe('between');
    expect(phaseAt([dose(T0, { deletedAt: T0 + MIN })], T0 + MIN).phase).toBe('between');
  });
});

describe('phaseAt: every boundary to the minute (effects said passed at 1 h)', () => {
  const d = dose(T0, { passedAt: T0 + HOUR });
  it.each<[string, number, Phase, number | undefined, Phase | undefined]>([
    ['the dose itself', 0, 'session', h(2), 'settling'],
    ['1 h 59', h(1, 59), 'session', h(2), 'settling'],
    ['2 h (the minimum)', h(2), 'settling', h(24), 'window'],
    ['23 h 59', h(23, 59), 'settling', h(24), 'window'],
    ['24 h', h(24), 'window', h(72), 'consolidation'],
    ['71 h 59', h(71, 59), 'window', h(72), 'consolidation'],
    ['72 h', h(72), 'consolidation', 14 * DAY, 'between'],
    ['13 days 23 h 59', 14 * DAY - MIN, 'consolidation', 14 * DAY, 'between'],
    ['14 days', 14 * DAY, 'between', undefined, undefined],
    ['a year on', 365 * DAY, 'between', undefined, undefined],
  ])('%s → %s', (_label, offset, phase, nextOffset, next) => {
    const p = phaseAt([d], T0 + offset, DEFAULT_PHASE_SETTINGS, 'Europe/London');
    expect(p.phase).toBe(phase);
    expect(p.nextAt).toBe(nextOffset === undefined ? undefined : T0 + nextOffset);
    expect(p.next).toBe(next);
    expect(p.families).toBe(FAMILIES_BY_PHASE[phase]);
    expect(p.dose).toBe(d);
  });
});

describe('phaseAt: the session phase lasts until the person says the effects have passed, and at least 2 h', () => {
  it.each<[string, DoseLike, number, Phase, { awaiting?: boolean; unusual?: boolean; nextAt?: number; since?: number }]>([
    ['not said, 1 h in', dose(T0), h(1), 'session', { awaiting: false, nextAt: T0 + h(2) }],
    ['not said, 2 h in: waits for the person', dose(T0), h(2), 'session', { awaiting: true, nextAt: undefined }],
    ['not said, 3 h 59', dose(T0), h(3, 59), 'session', { awaiting: true, unusual: false }],
    ['not said, 4 h: unusually long', dose(T0), h(4), 'session', { awaiting: true, unusual: true }],
    ['not said, 11 h 59', dose(T0), h(11, 59), 'session', { awaiting: true }],
    ['not said, 12 h: stops gating', dose(T0), h(12), 'settling', { since: T0 + h(12), nextAt: T0 + h(24) }],
    ['said at 30 min: still session until 2 h', dose(T0, { passedAt: T0 + 30 * MIN }), h(1, 59), 'session', { nextAt: T0 + h(2) }],
    ['said at 3 h: session until 3 h', dose(T0, { passedAt: T0 + h(3) }), h(2, 59), 'session', { awaiting: true }],
    ['said at 3 h: settling from 3 h', dose(T0, { passedAt: T0 + h(3) }), h(3), 'settling', { since: T0 + h(3) }],
  ])('%s → %s', (_label, d, offset, phase, expected) => {
    const p = phaseAt([d], T0 + offset);
    expect(p.phase).toBe(phase);
    if (expected.awaiting !== undefined) expect(p.awaitingEffects).toBe(expected.awaiting);
    if (expected.unusual !== undefined) expect(p.unusuallyLong).toBe(expected.unusual);
    if ('nextAt' in expected) expect(p.nextAt).toBe(expected.nextAt);
    if (expected.since !== undefined) expect(p.since).toBe(expected.since);
  });
});

describe('phaseAt: which dose counts', () => {
  it('the newest taken counts, whatever order they were logged in', () => {
    const old = dose(T0 - 30 * DAY);
    const recent = dose(T0, { passedAt: T0 + h(2) });
    const mid = dose(T0 - 5 * DAY, { loggedAt: T0 + h(3) }); // logged last, taken earlier
    const p = phaseAt([old, mid, recent], T0 + h(30));
    expect(p.dose).toBe(recent);
    expect(p.phase).toBe('window');
  });
  it('a new dose during an earlier one’s window starts session mode again', () => {
    const earlier = dose(T0 - 2 * DAY, { passedAt: T0 - 2 * DAY + h(2) });
    const now = dose(T0);
    expect(phaseAt([earlier], T0).phase).toBe('window');
    expect(phaseAt([earlier, now], T0 + MIN).phase).toBe('session');
  });
  it('a dose logged late for a past time (≥ 2 h after it) does not open session mode', () => {
    const late = dose(T0, { loggedAt: T0 + h(5) });
    expect(phaseAt([late], T0 + h(5)).phase).toBe('settling');
    expect(phaseAt([late], T0 + h(5)).since).toBe(T0 + h(2));
    expect(phaseAt([dose(T0 - 2 * DAY, { loggedAt: T0 })], T0).phase).toBe('window');
  });
  it.each<[string, number, Phase]>([
    ['logged 1 h 59 after taking it: session mode waits for the person', h(1, 59), 'session'],
    ['logged 2 h after taking it: settling from the 2 h mark', h(2), 'settling'],
  ])('late-logging boundary to the minute — %s', (_label, loggedAfter, phase) => {
    const d = dose(T0, { loggedAt: T0 + loggedAfter });
    expect(phaseAt([d], T0 + h(2)).phase).toBe(phase);
    expect(phaseAt([d], T0 + h(2) - MIN).phase).toBe('session');
  });

  it('a dose logged 1 h after taking it still waits for the person to say the effects have passed', () => {
    const soon = dose(T0, { loggedAt: T0 + h(1) });
    expect(phaseAt([soon], T0 + h(2, 30))).toMatchObject({ phase: 'session', awaitingEffects: true });
  });
});

describe('"Day N" counts calendar days where the person is; phases stay elapsed hours', () => {
  // Europe/London springs forward on Sun 29 Mar 2026 at 01:00 UTC (a 23-hour day).
  const spring = Date.UTC(2026, 2, 28, 9, 0); // Sat 28 Mar, 09:00 GMT
  // America/New_York falls back on Sun 1 Nov 2026 at 06:00 UTC (a 25-hour day).
  const fall = Date.UTC(2026, 10, 1, 0, 0); // Sat 31 Oct, 20:00 EDT
  it.each<[string, DoseLike, string, number, Phase, number]>([
    ['London, the dose’s evening', dose(spring, { passedAt: spring + h(2) }), 'Europe/London', Date.UTC(2026, 2, 28, 22, 59), 'settling', 0],
    ['London, 00:00 GMT, Day 1', dose(spring, { passedAt: spring + h(2) }), 'Europe/London', Date.UTC(2026, 2, 29, 0, 0), 'settling', 1],
    ['London after spring forward, 09:59 BST is still 23 h 59', dose(spring, { passedAt: spring + h(2) }), 'Europe/London', Date.UTC(2026, 2, 29, 8, 59), 'settling', 1],
    ['London, window at 10:00 BST (24 h)', dose(spring, { passedAt: spring + h(2) }), 'Europe/London', Date.UTC(2026, 2, 29, 9, 0), 'window', 1],
    ['London, 23:59 BST on Day 1', dose(spring, { passedAt: spring + h(2) }), 'Europe/London', Date.UTC(2026, 2, 29, 22, 59), 'window', 1],
    ['London, 00:00 BST: Day 2', dose(spring, { passedAt: spring + h(2) }), 'Europe/London', Date.UTC(2026, 2, 29, 23, 0), 'window', 2],
    ['New York, 23:59 EDT on the dose’s day', dose(fall, { zone: 'America/New_York', offsetMinutes: -240, passedAt: fall + h(2) }), 'America/New_York', Date.UTC(2026, 10, 1, 3, 59), 'settling', 0],
    ['New York, 00:00 EDT: Day 1', dose(fall, { zone: 'America/New_York', offsetMinutes: -240, passedAt: fall + h(2) }), 'America/New_York', Date.UTC(2026, 10, 1, 4, 0), 'settling', 1],
    ['New York, fall back: window at 19:00 EST (24 h)', dose(fall, { zone: 'America/New_York', offsetMinutes: -240, passedAt: fall + h(2) }), 'America/New_York', Date.UTC(2026, 11 - 1, 2, 0, 0), 'window', 1],
    ['New York, 23:59 EST on Day 1 (a 25-hour day)', dose(fall, { zone: 'America/New_York', offsetMinutes: -240, passedAt: fall + h(2) }), 'America/New_York', Date.UTC(2026, 10, 2, 4, 59), 'window', 1],
    ['New York, 00:00 EST: Day 2', dose(fall, { zone: 'America/New_York', offsetMinutes: -240, passedAt: fall + h(2) }), 'America/New_York', Date.UTC(2026, 10, 2, 5, 0), 'window', 2],
  ])('%s', (_label, d, zone, now, phase, day) => {
    const p = phaseAt([d], now, DEFAULT_PHASE_SETTINGS, zone);
    expect(p.phase).toBe(phase);
    expect(p.dayNumber).toBe(day);
  });

  it('travel: a dose at 23:00 in London, then New York — the phase follows the hours, the day the place', () => {
    const late = Date.UTC(2026, 10, 24, 23, 0);
    const d = dose(late, { passedAt: late + h(2) });
    const now = late + h(3); // 02:00 in London on the 25th, 21:00 on the 24th in New York
    expect(phaseAt([d], now, DEFAULT_PHASE_SETTINGS, 'Europe/London')).toMatchObject({ phase: 'settling', dayNumber: 1 });
    expect(phaseAt([d], now, DEFAULT_PHASE_SETTINGS, 'America/New_York')).toMatchObject({ phase: 'settling', dayNumber: 0 });
    expect(phaseAt([d], now, DEFAULT_PHASE_SETTINGS, 'Asia/Tokyo')).toMatchObject({ phase: 'settling', dayNumber: 0 }); // 08:00 → 11:00 on the 25th
    // Flying west over the 24 h mark changes nothing but the calendar.
    expect(phaseAt([d], late + h(24), DEFAULT_PHASE_SETTINGS, 'America/Los_Angeles').phase).toBe('window');
  });

  it('with no current zone it counts in the dose’s zone, then its offset at logging', () => {
    const late = Date.UTC(2026, 10, 24, 23, 0);
    const d = dose(late, { zone: 'America/New_York', offsetMinutes: -300, passedAt: late + h(2) });
    expect(phaseAt([d], late + h(3), DEFAULT_PHASE_SETTINGS, '').dayNumber).toBe(0);
    const noZone = dose(late, { zone: '', offsetMinutes: 60, passedAt: late + h(2) }); // 00:00 on the 25th at UTC+1
    expect(phaseAt([noZone], late + h(3), DEFAULT_PHASE_SETTINGS, '').dayNumber).toBe(0);
    expect(phaseAt([noZone], late + h(24) - MIN, DEFAULT_PHASE_SETTINGS, '').dayNumber).toBe(0);
    expect(phaseAt([noZone], late + h(24), DEFAULT_PHASE_SETTINGS, '').dayNumber).toBe(1);
    // An unknown zone name falls back to the offset at logging (UTC−5: 18:00 → 21:00, the same day).
    expect(phaseAt([d], late + h(3), DEFAULT_PHASE_SETTINGS, 'Not/AZone').dayNumber).toBe(0);
    expect(phaseAt([d], late + h(6), DEFAULT_PHASE_SETTINGS, 'Not/AZone').dayNumber).toBe(1);
  });
});

describe('phase settings (a therapist plan sets them later)', () => {
  it('moves every boundary', () => {
    const s = { ...DEFAULT_PHASE_SETTINGS, sessionMinHours: 3, settlingEndHours: 20, windowEndHours: 96, consolidationEndHours: 10 * 24 };
    const d = dose(T0, { passedAt: T0 + HOUR });
    expect(phaseAt([d], T0 + h(2, 59), s).phase).toBe('session');
    expect(phaseAt([d], T0 + h(3), s).phase).toBe('settling');
    expect(phaseAt([d], T0 + h(20), s).phase).toBe('window');
    expect(phaseAt([d], T0 + h(95, 59), s).phase).toBe('window');
    expect(phaseAt([d], T0 + 10 * DAY, s).phase).toBe('between');
  });
});

describe('timelineOf', () => {
  it('lays the phases of one dose end to end', () => {
    const d = dose(T0, { passedAt: T0 + h(3) });
    expect(timelineOf(d, T0 + h(5))).toEqual([
      { phase: 'session', start: T0, end: T0 + h(3) },
      { phase: 'settling', start: T0 + h(3), end: T0 + h(24) },
      { phase: 'window', start: T0 + h(24), end: T0 + h(72) },
      { phase: 'consolidation', start: T0 + h(72), end: T0 + 14 * DAY },
      { phase: 'between', start: T0 + 14 * DAY },
    ]);
  });
});

describe('the phase gate', () => {
  const meta = (family: Family, phases: readonly Phase[] = ALL_PHASES, asksTyping?: boolean) => ({ family, phases, asksTyping });

  it('nothing with typing, reframing or exposure can start in the session phase, whatever its metadata says', () => {
    expect(fitsPhase(meta('reframing'), 'session')).toBe(false);
    expect(fitsPhase(meta('exposure'), 'session')).toBe(false);
    expect(fitsPhase(meta('capture'), 'session')).toBe(false);
    expect(fitsPhase(meta('grounding', ALL_PHASES, true), 'session')).toBe(false);
    expect(fitsPhase(meta('grounding'), 'session')).toBe(true);
  });

  it('no exposure in settling; reframing from settling on; everything between doses', () => {
    expect(fitsPhase(meta('exposure'), 'settling')).toBe(false);
    expect(fitsPhase(meta('reframing'), 'settling')).toBe(true);
    for (const f of ['grounding', 'reframing', 'exposure', 'capture'] as const) expect(fitsPhase(meta(f), 'between')).toBe(true);
  });

  it('a module’s own phases are respected', () => {
    expect(fitsPhase(meta('grounding', ['window']), 'between')).toBe(false);
    expect(fitsPhase(meta('grounding', ['window']), 'window')).toBe(true);
  });

  it('in the registry, session mode offers only seated grounding without typing (no temperature, no safe place)', () => {
    const ids = modulesFor(MODULES as ModuleMeta[], 'session').map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(['five-senses', 'orientation', 'breathing', 'body']));
    expect(ids).not.toContain('temperature');
    expect(ids).not.toContain('safe-place');
    for (const m of modulesFor(MODULES as ModuleMeta[], 'session')) {
      expect(m.family).toBe('grounding');
      expect(m.asksTyping).toBeFalsy();
    }
    expect(modulesFor(MODULES as ModuleMeta[], 'between')).toHaveLength(MODULES.length);
  });

  it('what session mode says waits, waits exactly that long: typing and reframing until the effects have passed, exposure until the days after', () => {
    // Settling starts when the effects have passed — before any sleep — and typing and reframing fit there.
    expect(fitsPhase(findModule('thought-record')!, 'settling')).toBe(true);
    expect(fitsPhase(findModule('safe-place')!, 'settling')).toBe(true);
    expect(fitsPhase(findModule('written-exposure')!, 'settling')).toBe(false);
    expect(NOT_NOW.session).toMatch(/type or rethink wait until the effects have passed/);
    expect(NOT_NOW.session).toMatch(/difficult memories waits until the days after/);
    expect(NOT_NOW.session).not.toMatch(/slept|sleep/);
  });

  it('Ground me now, an entry point of its own, can start only what fits the session phase (no temperature, no typing)', () => {
    for (const m of IN_THE_MOMENT) {
      const meta = findModule(m.moduleId)!;
      expect(fitsPhase(meta, 'session'), m.moduleId).toBe(true);
      expect(meta.family).toBe('grounding');
      expect(meta.asksTyping).toBeFalsy();
    }
    expect(IN_THE_MOMENT.map((m) => m.moduleId)).not.toContain('temperature');
  });

  it('in the window, reframing and exposure come first', () => {
    const order = modulesFor([meta('grounding'), meta('exposure'), meta('reframing')], 'window').map((m) => m.family);
    expect(order).toEqual(['reframing', 'exposure', 'grounding']);
  });
});
