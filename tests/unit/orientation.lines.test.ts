import { describe, expect, it } from 'vitest';
import { canKeep, localHour, orientationLines, partOfDay, placeLine } from '../../src/modules/grounding/orientation/lines';

const london = { locale: 'en-GB', timeZone: 'Europe/London' };

function lines(iso: string, opts = london, personal: { place?: string; statement?: string } = {}) {
  const [day, time, place, statement] = orientationLines(new Date(iso), personal, opts);
  return { day: day!.text, time: time!.text, place: place!, statement: statement!.text };
}

describe('orientation: the day and time are the person’s own, in their time zone', () => {
  it.each([
    // [instant (UTC), expected day line, expected time line]
    ['2025-01-07T00:00:00Z', 'Today is Tuesday, 7 January 2025.', 'It is night — 00:00.'], // midnight exactly
    ['2025-01-06T23:59:59Z', 'Today is Monday, 6 January 2025.', 'It is night — 23:59.'], // one second before
    ['2025-01-07T04:59:00Z', 'Today is Tuesday, 7 January 2025.', 'It is night — 04:59.'],
    ['2025-01-07T05:00:00Z', 'Today is Tuesday, 7 January 2025.', 'It is morning — 05:00.'],
    ['2025-01-07T11:59:00Z', 'Today is Tuesday, 7 January 2025.', 'It is morning — 11:59.'],
    ['2025-01-07T12:00:00Z', 'Today is Tuesday, 7 January 2025.', 'It is afternoon — 12:00.'],
    ['2025-01-07T16:59:00Z', 'Today is Tuesday, 7 January 2025.', 'It is afternoon — 16:59.'],
    ['2025-01-07T17:00:00Z', 'Today is Tuesday, 7 January 2025.', 'It is evening — 17:00.'],
    ['2025-01-07T20:59:00Z', 'Today is Tuesday, 7 January 2025.', 'It is evening — 20:59.'],
    ['2025-01-07T21:00:00Z', 'Today is Tuesday, 7 January 2025.', 'It is night — 21:00.'],
    // Summer time: 23:30 UTC is already 00:30 tomorrow on a London wall clock.
    ['2025-06-03T23:30:00Z', 'Today is Wednesday, 4 June 2025.', 'It is night — 00:30.'],
  ])('%s in London → %s / %s', (iso, day, time) => {
    const l = lines(iso);
    expect(l.day).toBe(day);
    expect(l.time).toBe(time);
  });

  it('uses the given time zone, not UTC: New Year in Tokyo while it is still 2024 in UTC', () => {
    const l = lines('2024-12-31T23:30:00Z', { locale: 'en-GB', timeZone: 'Asia/Tokyo' });
    expect(l.day).toBe('Today is Wednesday, 1 January 2025.');
    expect(l.time).toBe('It is morning — 08:30.');
  });

  it('on the night the clocks go forward in New York, 03:30 local is still night', () => {
    // 2025-03-09: 02:00 EST jumps to 03:00 EDT at 07:00 UTC.
    const l = lines('2025-03-09T07:30:00Z', { locale: 'en-US', timeZone: 'America/New_York' });
    expect(l.day).toBe('Today is Sunday, March 9, 2025.');
    expect(l.time).toBe('It is night — 3:30 AM.');
  });

  it('writes the date in the person’s locale', () => {
    expect(lines('2025-01-07T12:00:00Z', { locale: 'en-US', timeZone: 'Europe/London' }).day).toBe(
      'Today is Tuesday, January 7, 2025.',
    );
  });

  it.each([
    [0, 'night'],
    [4, 'night'],
    [5, 'morning'],
    [11, 'morning'],
    [12, 'afternoon'],
    [16, 'afternoon'],
    [17, 'evening'],
    [20, 'evening'],
    [21, 'night'],
    [23, 'night'],
  ] as const)('hour %i is %s', (hour, part) => {
    expect(partOfDay(hour)).toBe(part);
  });

  it('reads midnight as hour 0, never 24', () => {
    expect(localHour(new Date('2025-01-07T00:00:00Z'), { timeZone: 'Europe/London' })).toBe(0);
    expect(localHour(new Date('2025-01-07T00:00:00Z'), { timeZone: 'Asia/Kolkata' })).toBe(5); // +05:30
  });
});

describe('orientation: the place and the statement are the person’s own', () => {
  it('with no place yet, the place line is unknown (nothing to confirm) and the suggested statement is offered', () => {
    const l = lines('2025-01-07T12:00:00Z');
    expect(l.place).toEqual({ id: 'place', text: '', known: false });
    expect(l.statement).toBe('That was then. This is now.');
  });

  it('uses their saved place and their own statement', () => {
    const l = lines('2025-01-07T12:00:00Z', london, { place: ' my kitchen ', statement: 'I am an adult now, and I am here.' });
    expect(l.place).toEqual({ id: 'place', text: 'I am in my kitchen.', known: true });
    expect(l.statement).toBe('I am an adult now, and I am here.');
  });

  it('an empty statement falls back to the suggested words', () => {
    expect(lines('2025-01-07T12:00:00Z', london, { statement: '   ' }).statement).toBe('That was then. This is now.');
  });

  it.each([
    ['my kitchen', 'I am in my kitchen.'],
    ['Leeds.', 'I am in Leeds.'],
    ['at home', 'I am at home.'],
    ['in the car', 'I am in the car.'],
    ['At work', 'I am At work.'],
    ['home', 'I am home.'],
    ['I am at my friend’s flat', 'I am at my friend’s flat.'],
    ["I'm on the bus!", "I'm on the bus."],
    ['the office', 'I am in the office.'],
    ['hometown café', 'I am in hometown café.'], // "home" only as a whole word
  ])('place %j reads %j', (place, line) => {
    expect(placeLine(place)).toBe(line);
  });

  it.each([
    ['', '', false],
    ['   ', 'kitchen', false],
    ['kitchen', '', true],
    ['kitchen ', 'kitchen', false],
    ['bedroom', 'kitchen', true],
  ])('keep offered for %j when %j is kept: %s', (current, saved, offered) => {
    expect(canKeep(current, saved)).toBe(offered);
  });
});
