/**
 * Help lists the person's own region first, worked out on the device from its languages and time zone;
 * anywhere we have no numbers for gets every line and "your local emergency number".
 */
import { describe, expect, it } from 'vitest';
import { effectiveRegion, orderHelp, regionFromDevice } from '../../src/safety/region';
import { CRISIS_CONTACTS, EMERGENCY_NUMBERS, contactHref } from '../../src/safety/contacts';

describe('region from the device (time zone first, then language)', () => {
  it.each([
    [['en-AU'], 'Australia/Sydney', 'au'],
    [['en-AU'], undefined, 'au'],
    [['en-US'], 'Australia/Perth', 'au'], // a US-English phone in Perth is in Australia
    [['en-NZ'], 'Pacific/Auckland', 'nz'],
    [['en-NZ'], 'UTC', 'nz'],
    [['mi-NZ', 'en'], undefined, 'nz'],
    [['en-GB'], 'Europe/London', 'gb'],
    [['en-US'], 'Europe/London', 'gb'],
    [['en-GB'], 'UTC', 'gb'],
    [['en-IE'], 'Europe/Dublin', 'ie'],
    [['ga-IE'], undefined, 'ie'],
    [['en-GB'], 'Europe/Dublin', 'ie'],
    [['en-US'], 'America/New_York', 'us'],
    [['en-US'], 'America/Los_Angeles', 'us'],
    [['en-US'], 'America/Indiana/Indianapolis', 'us'],
    [['en-US'], 'Pacific/Honolulu', 'us'],
    [['en-US'], 'America/Mexico_City', 'us'], // the zone names no region of ours: the language decides
    [['en-US'], 'America/Sao_Paulo', 'us'],
    [['fr-CA'], 'America/Toronto', 'ca'],
    [['en-US'], 'America/Toronto', 'ca'],
    [['fr-CA', 'en-US'], 'UTC', 'ca'],
    [['es-US'], 'America/Chicago', 'us'],
    [['es-US'], undefined, 'us'],
    [['en'], 'UTC', undefined],
    [['fr-FR'], 'Europe/Paris', undefined],
    [['es-MX'], 'America/Mexico_City', undefined],
    [['de'], 'Europe/Berlin', undefined],
    [[], undefined, undefined],
    [['zh-Hant-TW'], 'Asia/Taipei', undefined],
    [['en-Latn-AU'], undefined, 'au'],
  ] as const)('%j in %s → %s', (languages, timeZone, expected) => {
    expect(regionFromDevice(languages, timeZone)).toBe(expected);
  });

  it('the person’s own choice wins; "somewhere else" means no region', () => {
    const device = { languages: ['en-US'], timeZone: 'America/New_York' };
    expect(effectiveRegion('auto', device)).toBe('us');
    expect(effectiveRegion('nz', device)).toBe('nz');
    expect(effectiveRegion('other', device)).toBeUndefined();
  });
});

describe('ordering the lines', () => {
  const first = (region: Parameters<typeof orderHelp>[0], languages: string[] = []) => {
    const o = orderHelp(region, languages);
    return { emergency: o.emergency[0]!.number, line: o.contacts[0]!.id };
  };

  it.each([
    ['au', [], { emergency: '000', line: 'au-lifeline' }],
    ['nz', [], { emergency: '111', line: 'nz-1737' }],
    ['gb', [], { emergency: '999', line: 'uk-ie-samaritans' }],
    ['ie', [], { emergency: '112', line: 'uk-ie-samaritans' }],
    ['us', ['en-US'], { emergency: '911', line: 'us-ca-988' }],
    ['us', ['es-US'], { emergency: '911', line: 'us-988-es' }],
    ['ca', ['fr-CA'], { emergency: '911', line: 'us-ca-988' }],
    [undefined, [], { emergency: '911', line: 'us-ca-988' }],
  ] as const)('%s %j: first the region’s own', (region, languages, expected) => {
    expect(first(region, [...languages])).toEqual(expected);
  });

  it('keeps every line, the region’s first and then the rest in their usual order', () => {
    const ie = orderHelp('ie');
    expect(ie.contacts.map((c) => c.id)).toEqual([
      'uk-ie-samaritans',
      'ie-50808',
      ...CRISIS_CONTACTS.map((c) => c.id).filter((id) => id !== 'uk-ie-samaritans' && id !== 'ie-50808'),
    ]);
    expect(ie.emergency.map((e) => e.number).sort()).toEqual(EMERGENCY_NUMBERS.map((e) => e.number).sort());
    expect(orderHelp(undefined).contacts).toEqual(CRISIS_CONTACTS);
  });
});

describe('the data', () => {
  it('every line and emergency number says where it was checked and when', () => {
    for (const c of [...CRISIS_CONTACTS, ...EMERGENCY_NUMBERS]) {
      expect(c.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(c.source).toContain('CLINICAL.md');
    }
  });

  it('988 has chat and Spanish options, and no "press 3" (it ended in July 2025)', () => {
    const all = JSON.stringify(CRISIS_CONTACTS);
    expect(all).not.toMatch(/press 3|marque 3|marcar 3/i);
    const actions = CRISIS_CONTACTS.flatMap((c) => c.actions.map(contactHref));
    expect(actions).toContain('https://988lifeline.org/chat');
    expect(actions).toContain('sms:988?&body=AYUDA');
    expect(actions).toEqual(expect.arrayContaining(['tel:131114', 'tel:1737', 'sms:1737', 'sms:50808']));
    expect(EMERGENCY_NUMBERS.map((e) => e.number)).toEqual(expect.arrayContaining(['000', '111']));
  });
});
