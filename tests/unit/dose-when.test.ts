/**
 * Dates and times on the dose screens: what the person types means their own wall clock, and the next
 * change is said as a day and a time (no countdown), in the right zone across a clock change.
 */
import { describe, expect, it } from 'vitest';
import { formatNext, formatWhen, fromInputs, toInputs, zoneCity } from '../../src/shell/doses/when';

describe('date and time inputs', () => {
  it('round-trip on this device’s clock', () => {
    const at = new Date(2026, 10, 24, 9, 5).getTime();
    expect(toInputs(at)).toEqual({ date: '2026-11-24', time: '09:05' });
    expect(fromInputs('2026-11-24', '09:05')).toBe(at);
  });
  it('missing or malformed input is NaN (the screen asks for a date and a time)', () => {
    expect(fromInputs('', '09:00')).toBeNaN();
    expect(fromInputs('2026-11-24', '')).toBeNaN();
    expect(fromInputs('24/11/2026', '9am')).toBeNaN();
  });
});

describe('formatting', () => {
  it('a dose time in the zone it was taken', () => {
    const at = Date.UTC(2026, 10, 24, 9, 0);
    expect(formatWhen(at, 'Europe/London')).toBe('Tue 24 Nov, 09:00');
    expect(formatWhen(at, 'America/New_York')).toBe('Tue 24 Nov, 04:00');
    expect(formatWhen(at, 'Not/AZone')).toMatch(/24 Nov/);
    expect(zoneCity('America/New_York')).toBe('New York');
  });
  it('the next change: today, tomorrow, or a named day — across the spring-forward night', () => {
    const now = Date.UTC(2026, 2, 28, 12, 0); // Sat 28 Mar, London, before clocks go forward
    expect(formatNext(Date.UTC(2026, 2, 28, 15, 0), now, 'Europe/London')).toBe('today at 15:00');
    expect(formatNext(Date.UTC(2026, 2, 29, 9, 0), now, 'Europe/London')).toBe('tomorrow at 10:00');
    expect(formatNext(Date.UTC(2026, 2, 31, 9, 0), now, 'Europe/London')).toBe('Tuesday 31 March at 10:00');
    // 23:30 on Saturday: Sunday 23:00 BST is "tomorrow", though less than 24 hours of clock time away.
    const late = Date.UTC(2026, 2, 28, 23, 30);
    expect(formatNext(Date.UTC(2026, 2, 29, 22, 0), late, 'Europe/London')).toBe('tomorrow at 23:00');
    expect(formatNext(Date.UTC(2026, 2, 29, 23, 15), late, 'Europe/London')).toBe('Monday 30 March at 00:15');
  });
});
