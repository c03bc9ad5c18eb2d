/**
 * Which crisis lines Help lists first: the person's region, worked out on the device (nothing is sent
 * anywhere) from the time zone and the languages the device is set to, or chosen by the person.
 *
 * The time zone says more about where someone is than the language: many phones are set to en-US
 * everywhere, while the time zone follows the place. So a time zone that belongs to one region wins;
 * a time zone that does not (UTC, or a place we have no numbers for) leaves it to the language's region
 * (en-AU, fr-CA, es-US…). If neither says, the region is unknown and Help shows every line in its usual
 * order, ending with "Elsewhere: call your local emergency number".
 */
import { CRISIS_CONTACTS, EMERGENCY_NUMBERS, isRegionId, type CrisisContact, type EmergencyNumber, type RegionId } from './contacts';

/** IANA zones of the United States (and its Pacific states/territories) under America/ and Pacific/. */
const US_ZONES = new Set([
  'America/New_York', 'America/Detroit', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Boise',
  'America/Los_Angeles', 'America/Anchorage', 'America/Juneau', 'America/Sitka', 'America/Metlakatla',
  'America/Yakutat', 'America/Nome', 'America/Adak', 'America/Menominee', 'America/Puerto_Rico',
  'Pacific/Honolulu', 'Pacific/Guam', 'Pacific/Saipan', 'Pacific/Pago_Pago', 'US/Eastern', 'US/Central',
  'US/Mountain', 'US/Pacific', 'US/Alaska', 'US/Hawaii', 'US/Arizona',
]);
const US_ZONE_PREFIXES = ['America/Indiana/', 'America/Kentucky/', 'America/North_Dakota/'];

const CA_ZONES = new Set([
  'America/Toronto', 'America/Montreal', 'America/Vancouver', 'America/Edmonton', 'America/Winnipeg',
  'America/Regina', 'America/Swift_Current', 'America/Halifax', 'America/Glace_Bay', 'America/Moncton',
  'America/Goose_Bay', 'America/St_Johns', 'America/Whitehorse', 'America/Dawson', 'America/Dawson_Creek',
  'America/Fort_Nelson', 'America/Creston', 'America/Yellowknife', 'America/Inuvik', 'America/Cambridge_Bay',
  'America/Rankin_Inlet', 'America/Resolute', 'America/Iqaluit', 'America/Atikokan', 'America/Blanc-Sablon',
  'America/Nipigon', 'America/Thunder_Bay', 'America/Rainy_River', 'America/Pangnirtung',
  'Canada/Atlantic', 'Canada/Central', 'Canada/Eastern', 'Canada/Mountain', 'Canada/Newfoundland',
  'Canada/Pacific', 'Canada/Saskatchewan', 'Canada/Yukon',
]);

const OTHER_ZONES: Readonly<Record<string, RegionId>> = {
  'Europe/London': 'gb',
  'Europe/Belfast': 'gb',
  'Europe/Guernsey': 'gb',
  'Europe/Jersey': 'gb',
  'Europe/Isle_of_Man': 'gb',
  GB: 'gb',
  'Europe/Dublin': 'ie',
  Eire: 'ie',
  'Pacific/Auckland': 'nz',
  'Pacific/Chatham': 'nz',
  NZ: 'nz',
};

/** The region a time zone belongs to, when it belongs to exactly one we have numbers for. */
export function regionFromTimeZone(timeZone: string | undefined): RegionId | undefined {
  if (!timeZone) return undefined;
  if (US_ZONES.has(timeZone) || US_ZONE_PREFIXES.some((p) => timeZone.startsWith(p))) return 'us';
  if (CA_ZONES.has(timeZone)) return 'ca';
  if (timeZone.startsWith('Australia/')) return 'au';
  return OTHER_ZONES[timeZone];
}

/** The region named by a language tag's region subtag: en-AU → au, fr-CA → ca, en-GB → gb. */
export function regionFromLanguage(tag: string): RegionId | undefined {
  const region = tag
    .split(/[-_]/)
    .slice(1)
    .find((part) => /^[A-Za-z]{2}$/.test(part))
    ?.toLowerCase();
  if (region === 'uk') return 'gb';
  return isRegionId(region) ? region : undefined;
}

/** The person's region from what the device says, or undefined when it does not say. */
export function regionFromDevice(languages: readonly string[], timeZone: string | undefined): RegionId | undefined {
  const fromZone = regionFromTimeZone(timeZone);
  if (fromZone) return fromZone;
  for (const tag of languages) {
    const fromLanguage = regionFromLanguage(tag);
    if (fromLanguage) return fromLanguage;
  }
  return undefined;
}

/** What the person chose in Help, remembered in settings ('region'): work it out, a region, or elsewhere. */
export type RegionChoice = 'auto' | 'other' | RegionId;

export function isRegionChoice(value: unknown): value is RegionChoice {
  return value === 'auto' || value === 'other' || isRegionId(value);
}

/** The region Help uses: the person's choice, else what the device says. */
export function effectiveRegion(
  choice: RegionChoice,
  device: { languages: readonly string[]; timeZone: string | undefined },
): RegionId | undefined {
  if (choice === 'other') return undefined;
  if (choice !== 'auto') return choice;
  return regionFromDevice(device.languages, device.timeZone);
}

export interface OrderedHelp {
  region: RegionId | undefined;
  /** The region's emergency numbers first, then the others. */
  emergency: readonly EmergencyNumber[];
  /** The region's crisis lines first (in the person's language first), then every other line. */
  contacts: readonly CrisisContact[];
}

/** Stable: within each group the data's own order is kept. */
export function orderHelp(
  region: RegionId | undefined,
  languages: readonly string[] = [],
  data: { contacts: readonly CrisisContact[]; emergency: readonly EmergencyNumber[] } = {
    contacts: CRISIS_CONTACTS,
    emergency: EMERGENCY_NUMBERS,
  },
): OrderedHelp {
  const primary = languages[0]?.split(/[-_]/)[0]?.toLowerCase();
  const rank = (c: { regions: readonly RegionId[]; lang?: string }) => {
    if (!region || !c.regions.includes(region)) return 2;
    return c.lang && c.lang === primary ? 0 : 1;
  };
  const sortBy = <T extends { regions: readonly RegionId[]; lang?: string }>(items: readonly T[]) =>
    items
      .map((item, i) => ({ item, i, r: rank(item) }))
      .sort((a, b) => a.r - b.r || a.i - b.i)
      .map((x) => x.item);
  return { region, emergency: sortBy(data.emergency), contacts: sortBy(data.contacts) };
}
