/**
 * Crisis contacts shipped offline. Data, not code: dated, because numbers change (the US line became 988
 * in 2022; Samaritans' text line closed in 2020; 988's LGBTQ+ "press 3" option ended in July 2025 and is
 * deliberately absent). Source: CLINICAL.md §6, each line checked on the date given, against the page
 * named in its `source`. docs/CRISIS-CONTACTS.md says how to re-check every line before a release.
 * A therapist plan or the person may add their own contacts in a later issue; these are the defaults.
 *
 * Help lists them by the person's region (region.ts), worked out on the device from its language and
 * time zone, or chosen by the person.
 */

/** The regions the app has numbers for. Anywhere else gets every line and "your local emergency number". */
export const REGIONS = ['us', 'ca', 'gb', 'ie', 'au', 'nz'] as const;
export type RegionId = (typeof REGIONS)[number];

export const REGION_NAMES: Readonly<Record<RegionId, string>> = {
  us: 'United States',
  ca: 'Canada',
  gb: 'United Kingdom',
  ie: 'Ireland',
  au: 'Australia',
  nz: 'New Zealand',
};

export function isRegionId(value: unknown): value is RegionId {
  return typeof value === 'string' && (REGIONS as readonly string[]).includes(value);
}

export interface ContactAction {
  /** call → tel:, text → sms:, chat → a web page the person opens themselves (never fetched by the app). */
  kind: 'call' | 'text' | 'chat';
  /** A phone number, or for chat the service's full web address: a link the person opens themselves in a
   *  new tab, never fetched by the app (the privacy e2e checks that opening Help requests no other origin). */
  number: string;
  /** Pre-fills a text message where the line asks for a keyword. */
  body?: string;
  label: string;
}

export interface CrisisContact {
  id: string;
  /** Where it answers, as the person reads it. */
  region: string;
  /** The regions it serves, for ordering. */
  regions: readonly RegionId[];
  /** A line in another language than English (BCP 47 primary tag): listed first for people who use it. */
  lang?: string;
  name: string;
  /** What to do, in plain words: "Call or text 988". */
  how: string;
  actions: readonly ContactAction[];
  checked: string; // ISO date the number was last verified
  /** Where it was checked: CLINICAL.md and the service's own page. */
  source: string;
}

export const CONTACTS_CHECKED = '2026-11-24';
/** Lines added for issue 12 (regions), checked against CLINICAL.md §6 and the pages in their `source`. */
const REGIONS_CHECKED = '2026-11-30';

export const CRISIS_CONTACTS: readonly CrisisContact[] = [
  {
    id: 'us-ca-988',
    region: 'United States & Canada',
    regions: ['us', 'ca'],
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
    id: 'us-988-chat',
    region: 'United States',
    regions: ['us'],
    name: '988 Lifeline chat',
    how: 'Chat online with a 988 counselor, any time. It opens the 988 website.',
    actions: [{ kind: 'chat', number: 'https://988lifeline.org/chat', label: 'Chat with 988 online' }],
    checked: REGIONS_CHECKED,
    source: 'CLINICAL.md §6; https://988lifeline.org/get-help/what-to-expect ("Chatting with the 988 Lifeline")',
  },
  {
    id: 'us-988-es',
    region: 'Estados Unidos — en español',
    regions: ['us'],
    lang: 'es',
    name: '988 Lifeline en español',
    how: 'Llame al 988 y marque 2, o envíe AYUDA por texto al 988. A cualquier hora.',
    actions: [
      { kind: 'call', number: '988', label: 'Llamar al 988, luego marcar 2' },
      { kind: 'text', number: '988', body: 'AYUDA', label: 'Enviar AYUDA al 988' },
    ],
    checked: REGIONS_CHECKED,
    source: 'CLINICAL.md §6; https://988lifeline.org/get-help/what-to-expect (Spanish: press 2; text AYUDA)',
  },
  {
    id: 'us-ctl',
    region: 'United States',
    regions: ['us'],
    name: 'Crisis Text Line',
    how: 'Text HOME to 741741.',
    actions: [{ kind: 'text', number: '741741', body: 'HOME', label: 'Text HOME to 741741' }],
    checked: CONTACTS_CHECKED,
    source: 'CLINICAL.md §6; crisistextline.org',
  },
  {
    id: 'us-veterans',
    region: 'United States — veterans',
    regions: ['us'],
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
    regions: ['gb', 'ie'],
    name: 'Samaritans',
    how: 'Call 116 123, free, any time.',
    actions: [{ kind: 'call', number: '116123', label: 'Call 116 123' }],
    checked: CONTACTS_CHECKED,
    source: 'CLINICAL.md §6; samaritans.org',
  },
  {
    id: 'uk-shout',
    region: 'United Kingdom',
    regions: ['gb'],
    name: 'Shout',
    how: 'Text SHOUT to 85258.',
    actions: [{ kind: 'text', number: '85258', body: 'SHOUT', label: 'Text SHOUT to 85258' }],
    checked: CONTACTS_CHECKED,
    source: 'CLINICAL.md §6; giveusashout.org',
  },
  {
    id: 'ie-50808',
    region: 'Ireland',
    regions: ['ie'],
    name: '50808',
    how: 'Text 50808, free, any time.',
    actions: [{ kind: 'text', number: '50808', label: 'Text 50808' }],
    checked: REGIONS_CHECKED,
    source: 'CLINICAL.md §6; 50808.ie (HSE-funded free 24/7 text service, national launch June 2020)',
  },
  {
    id: 'au-lifeline',
    region: 'Australia',
    regions: ['au'],
    name: 'Lifeline',
    how: 'Call 13 11 14, any time.',
    actions: [{ kind: 'call', number: '131114', label: 'Call 13 11 14' }],
    checked: REGIONS_CHECKED,
    source: 'CLINICAL.md §6; lifeline.org.au',
  },
  {
    id: 'nz-1737',
    region: 'New Zealand',
    regions: ['nz'],
    name: '1737, Need to talk?',
    how: 'Call or text 1737, free, any time.',
    actions: [
      { kind: 'call', number: '1737', label: 'Call 1737' },
      { kind: 'text', number: '1737', label: 'Text 1737' },
    ],
    checked: REGIONS_CHECKED,
    source: 'CLINICAL.md §6; 1737.org.nz',
  },
];

export interface EmergencyNumber {
  number: string;
  where: string;
  regions: readonly RegionId[];
  checked: string;
  source: string;
}

export const EMERGENCY_NUMBERS: readonly EmergencyNumber[] = [
  { number: '911', where: 'US & Canada', regions: ['us', 'ca'], checked: CONTACTS_CHECKED, source: 'CLINICAL.md §6' },
  { number: '999', where: 'UK', regions: ['gb'], checked: CONTACTS_CHECKED, source: 'CLINICAL.md §6' },
  { number: '112', where: 'EU & Ireland', regions: ['ie'], checked: CONTACTS_CHECKED, source: 'CLINICAL.md §6' },
  { number: '000', where: 'Australia', regions: ['au'], checked: REGIONS_CHECKED, source: 'CLINICAL.md §6' },
  { number: '111', where: 'New Zealand', regions: ['nz'], checked: REGIONS_CHECKED, source: 'CLINICAL.md §6' },
];

/** The oldest check date among all lines: what Help promises at most. */
export const OLDEST_CHECK = [...CRISIS_CONTACTS, ...EMERGENCY_NUMBERS].map((c) => c.checked).sort()[0]!;

/** Phone numbers stay on one line: "13 11 14" never wraps between its digit groups. */
export function keepNumbersTogether(text: string): string {
  return text.replace(/(\d) (?=\d)/g, '$1\u00a0');
}

/**
 * `tel:`/`sms:` href, or for chat the service's own page (opened by the person in a new tab; the app
 * itself never requests it). The `?&body=` form works on both iOS and Android.
 */
export function contactHref(action: Pick<ContactAction, 'kind' | 'number' | 'body'>): string {
  if (action.kind === 'call') return `tel:${action.number}`;
  if (action.kind === 'chat') return action.number;
  return action.body ? `sms:${action.number}?&body=${encodeURIComponent(action.body)}` : `sms:${action.number}`;
}
