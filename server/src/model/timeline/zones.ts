/**
 * The time zones people write in incident documents: each with the IANA zone that Intl converts with, the
 * abbreviations and the names in words that stand for it. Offsets are not kept here: `time.ts` asks Intl.
 *
 * An abbreviation that several zones share (IST, CST, BST) is read as undecided until the document's other
 * zones say which one is meant (`companions`).
 */

export interface ZoneSpec {
  /** The IANA zone, current name: Intl converts with it, and it is the zone's region. */
  iana: string;
  /** The abbreviation of its standard time, or its only one when it keeps no daylight time ("EAT"). */
  standard?: string;
  /** The abbreviation of its daylight (summer) time. */
  daylight?: string;
  /** A name that is right all year ("PT"); where none is in use, suggestions name the IANA zone. */
  generic?: string;
  /** Only the daylight abbreviation stands for this zone: its standard time is written GMT, which reads as UTC. */
  daylightOnly?: boolean;
  /** Names in words, lower case. */
  names?: { standard?: readonly string[]; daylight?: readonly string[]; generic?: readonly string[] };
  /** Region words that name the zone alone ("All times Pacific."), lower case. */
  bare?: readonly string[];
  /**
   * For a shared abbreviation: regions (and "GMT") whose mention in the same document says this zone is the
   * one meant. Its own region and its offsets, written anywhere in the document, count too.
   */
  companions?: readonly string[];
}

const NORTH_AMERICA = [
  'America/Los_Angeles', 'America/Denver', 'America/Phoenix', 'America/Chicago', 'America/New_York',
  'America/Anchorage', 'Pacific/Honolulu', 'America/Halifax', 'America/Toronto', 'America/Vancouver',
];
const BRITISH_ISLES = ['GMT', 'Europe/London', 'Europe/Dublin'];

const usZone = (iana: string, area: string, letter: string): ZoneSpec => ({
  iana,
  standard: `${letter}ST`,
  daylight: `${letter}DT`,
  generic: `${letter}T`,
  names: { standard: [`${area} standard time`], daylight: [`${area} daylight time`], generic: [`${area} time`] },
  bare: [area],
  companions: NORTH_AMERICA,
});

export const ZONES: readonly ZoneSpec[] = [
  { iana: 'UTC', standard: 'UTC', names: { standard: ['coordinated universal time', 'universal time'] } },
  { iana: 'UTC', standard: 'GMT', names: { standard: ['greenwich mean time'] } },
  // North America
  usZone('America/Los_Angeles', 'pacific', 'P'),
  usZone('America/Denver', 'mountain', 'M'),
  usZone('America/Chicago', 'central', 'C'),
  usZone('America/New_York', 'eastern', 'E'),
  { iana: 'America/Anchorage', standard: 'AKST', daylight: 'AKDT', generic: 'AKT', names: { standard: ['alaska standard time'], daylight: ['alaska daylight time'], generic: ['alaska time'] } },
  { iana: 'Pacific/Honolulu', standard: 'HST', names: { standard: ['hawaii standard time', 'hawaii time', 'hawaii-aleutian standard time'] } },
  { iana: 'America/Halifax', standard: 'AST', daylight: 'ADT', names: { standard: ['atlantic standard time'], daylight: ['atlantic daylight time'], generic: ['atlantic time'] }, companions: NORTH_AMERICA },
  { iana: 'America/St_Johns', names: { generic: ['newfoundland time'] } },
  // South America
  { iana: 'America/Sao_Paulo', standard: 'BRT', daylight: 'BRST', names: { standard: ['brasilia time', 'brasília time', 'brasilia standard time'], daylight: ['brasilia summer time'] } },
  { iana: 'America/Argentina/Buenos_Aires', standard: 'ART', names: { standard: ['argentina time', 'argentina standard time'] } },
  // Europe
  { iana: 'Europe/London', standard: 'GMT', daylight: 'BST', daylightOnly: true, names: { daylight: ['british summer time'], generic: ['uk time', 'london time'] }, companions: BRITISH_ISLES },
  { iana: 'Europe/Dublin', standard: 'GMT', daylight: 'IST', daylightOnly: true, names: { daylight: ['irish standard time', 'irish summer time'], generic: ['irish time'] }, companions: BRITISH_ISLES },
  { iana: 'Europe/Lisbon', standard: 'WET', daylight: 'WEST', names: { standard: ['western european time', 'western european standard time'], daylight: ['western european summer time'] } },
  { iana: 'Europe/Berlin', standard: 'CET', daylight: 'CEST', names: { standard: ['central european time', 'central european standard time'], daylight: ['central european summer time', 'central european daylight time'] } },
  { iana: 'Europe/Athens', standard: 'EET', daylight: 'EEST', names: { standard: ['eastern european time', 'eastern european standard time'], daylight: ['eastern european summer time'] } },
  { iana: 'Europe/Moscow', standard: 'MSK', names: { standard: ['moscow time', 'moscow standard time'] } },
  { iana: 'Europe/Istanbul', names: { standard: ['turkey time', 'turkish time'] } },
  // Africa
  { iana: 'Africa/Lagos', standard: 'WAT', names: { standard: ['west africa time', 'west african time', 'west africa standard time'] } },
  { iana: 'Africa/Maputo', standard: 'CAT', names: { standard: ['central africa time', 'central african time'] } },
  { iana: 'Africa/Nairobi', standard: 'EAT', names: { standard: ['east africa time', 'east african time', 'eastern africa time'] } },
  { iana: 'Africa/Johannesburg', standard: 'SAST', names: { standard: ['south africa standard time', 'south african standard time', 'south africa time', 'south african time'] } },
  // Asia
  { iana: 'Asia/Jerusalem', standard: 'IST', daylight: 'IDT', names: { standard: ['israel standard time'], daylight: ['israel daylight time'], generic: ['israel time'] }, companions: ['Asia/Jerusalem'] },
  { iana: 'Asia/Riyadh', standard: 'AST', names: { standard: ['arabia standard time', 'arabian standard time'] }, companions: ['Asia/Riyadh', 'Asia/Dubai', 'Asia/Qatar', 'Asia/Kuwait', 'Asia/Baghdad'] },
  // GST is also a sales tax, ICT a field of study, WIT and NPT words: only their names in words are read.
  { iana: 'Asia/Dubai', names: { standard: ['gulf standard time', 'gulf time'] } },
  { iana: 'Asia/Karachi', standard: 'PKT', names: { standard: ['pakistan standard time', 'pakistan time'] } },
  { iana: 'Asia/Kolkata', standard: 'IST', names: { standard: ['india standard time', 'indian standard time', 'india time'] }, companions: ['Asia/Kolkata'] },
  { iana: 'Asia/Kathmandu', names: { standard: ['nepal time', 'nepal standard time'] } },
  { iana: 'Asia/Dhaka', standard: 'BST', names: { standard: ['bangladesh standard time', 'bangladesh time'] }, companions: ['Asia/Dhaka'] },
  { iana: 'Asia/Bangkok', names: { standard: ['indochina time'] } },
  { iana: 'Asia/Jakarta', standard: 'WIB', names: { standard: ['western indonesia time', 'western indonesian time'] } },
  { iana: 'Asia/Makassar', standard: 'WITA', names: { standard: ['central indonesia time', 'central indonesian time'] } },
  { iana: 'Asia/Jayapura', names: { standard: ['eastern indonesia time', 'eastern indonesian time'] } },
  { iana: 'Asia/Shanghai', standard: 'CST', names: { standard: ['china standard time', 'china time', 'beijing time'] }, companions: ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Macau'] },
  { iana: 'Asia/Hong_Kong', standard: 'HKT', names: { standard: ['hong kong time', 'hong kong standard time'] } },
  { iana: 'Asia/Singapore', standard: 'SGT', names: { standard: ['singapore time', 'singapore standard time'] } },
  { iana: 'Asia/Kuala_Lumpur', standard: 'MYT', names: { standard: ['malaysia time', 'malaysia standard time'] } },
  { iana: 'Asia/Manila', standard: 'PHT', names: { standard: ['philippine time', 'philippine standard time', 'philippines time'] } },
  { iana: 'Asia/Seoul', standard: 'KST', names: { standard: ['korea standard time', 'korean standard time', 'korea time'] } },
  { iana: 'Asia/Tokyo', standard: 'JST', names: { standard: ['japan standard time', 'japan time'] } },
  // Oceania
  { iana: 'Australia/Perth', standard: 'AWST', names: { standard: ['australian western standard time', 'australian western time'] } },
  { iana: 'Australia/Adelaide', standard: 'ACST', daylight: 'ACDT', names: { standard: ['australian central standard time'], daylight: ['australian central daylight time'], generic: ['australian central time'] } },
  { iana: 'Australia/Sydney', standard: 'AEST', daylight: 'AEDT', generic: 'AET', names: { standard: ['australian eastern standard time'], daylight: ['australian eastern daylight time'], generic: ['australian eastern time', 'sydney time', 'melbourne time'] } },
  { iana: 'Pacific/Auckland', standard: 'NZST', daylight: 'NZDT', generic: 'NZT', names: { standard: ['new zealand standard time'], daylight: ['new zealand daylight time'], generic: ['new zealand time'] } },
];
