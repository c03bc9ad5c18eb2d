/**
 * Crisis contacts shipped offline. Data, not code: dated, because numbers change (the US line became 988
 * in 2022; Samaritans' text line closed in 2020). Source: CLINICAL.md §6, each line checked on the date given.
 * A therapist plan or the person may add their own contacts in a later issue; these are the defaults.
 */
export interface CrisisContact {
  id: string;
  region: string;
  name: string;
  /** What to do, in plain words: "Call or text 988". */
  how: string;
  /** Each action becomes a tel:/sms: link; `body` pre-fills a text message where the line asks for a keyword. */
  actions: readonly { kind: 'call' | 'text'; number: string; body?: string; label: string }[];
  checked: string; // ISO date the number was last verified
  source: string;
}

export const CONTACTS_CHECKED = '2026-11-24';

export const CRISIS_CONTACTS: readonly CrisisContact[] = [
  {
    id: 'us-ca-988',
    region: 'United States & Canada',
    name: '988 Suicide & Crisis Lifeline',
    how: 'Call or text 988, any time (Canada since November 2023).',
    actions: [
      { kind: 'call', number: '988', label: 'Call 988' },
      { kind: 'text', number: '988', label: 'Text 988' },
    ],
    checked: CONTACTS_CHECKED,
    source: 'CLINICAL.md §6; 988lifeline.org; 988.ca',
  },
  {
    id: 'us-ctl',
    region: 'United States',
    name: 'Crisis Text Line',
    how: 'Text HOME to 741741.',
    actions: [{ kind: 'text', number: '741741', body: 'HOME', label: 'Text HOME to 741741' }],
    checked: CONTACTS_CHECKED,
    source: 'CLINICAL.md §6; crisistextline.org',
  },
  {
    id: 'us-veterans',
    region: 'United States — veterans',
    name: 'Veterans Crisis Line',
    how: 'Call 988 then press 1, or text 838255.',
    actions: [
      { kind: 'call', number: '988', label: 'Call 988, then press 1' },
      { kind: 'text', number: '838255', label: 'Text 838255' },
    ],
    checked: CONTACTS_CHECKED,
    source: 'CLINICAL.md §6; veteranscrisisline.net',
  },
  {
    id: 'uk-ie-samaritans',
    region: 'United Kingdom & Ireland',
    name: 'Samaritans',
    how: 'Call 116 123, free, any time.',
    actions: [{ kind: 'call', number: '116123', label: 'Call 116 123' }],
    checked: CONTACTS_CHECKED,
    source: 'CLINICAL.md §6; samaritans.org',
  },
  {
    id: 'uk-shout',
    region: 'United Kingdom',
    name: 'Shout',
    how: 'Text SHOUT to 85258.',
    actions: [{ kind: 'text', number: '85258', body: 'SHOUT', label: 'Text SHOUT to 85258' }],
    checked: CONTACTS_CHECKED,
    source: 'CLINICAL.md §6; giveusashout.org',
  },
];

export const EMERGENCY_NUMBERS: readonly { number: string; where: string }[] = [
  { number: '911', where: 'US & Canada' },
  { number: '999', where: 'UK' },
  { number: '112', where: 'EU & Ireland' },
];

/** `tel:`/`sms:` href. The `?&body=` form works on both iOS and Android. */
export function contactHref(action: { kind: 'call' | 'text'; number: string; body?: string }): string {
  if (action.kind === 'call') return `tel:${action.number}`;
  return action.body ? `sms:${action.number}?&body=${encodeURIComponent(action.body)}` : `sms:${action.number}`;
}
