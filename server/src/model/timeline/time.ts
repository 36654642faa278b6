/**
 * Times, dates, time zones and durations as post-mortem timelines write them.
 *
 * Everything here reads text step by step with sticky (`y`) regular expressions whose quantifiers are bounded
 * and never nested, so that each read costs a bounded amount of work; the finders try a read only where a
 * token starts and skip past what they read. That keeps every public function linear in its input, however
 * hostile the text (a language server runs on every keystroke).
 *
 * Zone offsets and daylight saving time come from the platform's IANA data through `Intl`, never from a table
 * of transition dates.
 */
import { rememberedByText } from '../memo';
import { isCalendarDay, monthNumber, type CalendarDate } from '../dates';
import { ZONES } from './zones';

// ─── Public types ───────────────────────────────────────────────────────────────────────────────────────────

/** A wall-clock time, 24-hour. */
export interface ClockTime {
  hour: number;
  minute: number;
  second: number;
}

/** A calendar date; `year` is absent when the text gave none ("21st Oct", "March 16"). */
export interface PartialDate {
  year?: number;
  month: number;
  day: number;
}

export interface ZoneRef {
  /** As written, e.g. "PST", "Pacific Time", "+02:00", "US/Pacific". */
  text: string;
  /** Fixed offset in minutes east of UTC, when the zone is a fixed offset or a standard/daylight abbreviation. */
  fixedOffset?: number;
  /** IANA zone, when named by region ("US/Pacific", "Europe/Berlin", "PST8PDT", as given) or by generic name ("PT"). */
  iana?: string;
  /** The region the zone belongs to, so that "PST" and "PT" count as one zone and "PST" and "EST" as two. */
  region: string;
  /** For standard/daylight abbreviations: which one it is, its counterpart, and the generic name to suggest. */
  abbreviation?: { daylight: boolean; counterpart: string; generic: string };
  /**
   * For an abbreviation several zones share (IST, CST, BST) that the document has not decided: the regions it may
   * be. It then has no offset and converts as wall-clock time; `region` is the abbreviation.
   */
  undecided?: string[];
}

export interface TimestampMatch {
  time: ClockTime;
  date?: PartialDate;
  zone?: ZoneRef;
  /** Where the timestamp (opening emphasis, date, time, zone, closing emphasis) starts and ends. */
  start: number;
  end: number;
  /** Where the entry's own text begins: after the timestamp and any separator. */
  textStart: number;
}

export interface StatedDuration {
  minutes: number;
  /** Minutes either way the statement may be off, from the smallest unit stated (doubled when approximate). */
  precision: number;
  start: number;
  end: number;
  text: string;
}

export interface TimeRange {
  from: TimestampMatch;
  to: TimestampMatch;
  minutes: number;
  /** From the start of the first timestamp to the end of the second (the words "from"/"between" excluded). */
  start: number;
  end: number;
}

// ─── Reading helpers ────────────────────────────────────────────────────────────────────────────────────────

/** What a reader found and where it stopped. */
interface Read<T> {
  value: T;
  end: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Runs a sticky regular expression at `pos`. */
function matchAt(re: RegExp, text: string, pos: number): RegExpExecArray | undefined {
  re.lastIndex = pos;
  return re.exec(text) ?? undefined;
}

function isDigitAt(text: string, pos: number): boolean {
  const code = text.charCodeAt(pos);
  return code >= 48 && code <= 57;
}

function isLetterAt(text: string, pos: number): boolean {
  // Setting bit 5 folds A–Z onto a–z and sends nothing else into that range.
  const code = text.charCodeAt(pos) | 32;
  return code >= 97 && code <= 122;
}

function isWordCharAt(text: string, pos: number): boolean {
  return isDigitAt(text, pos) || isLetterAt(text, pos);
}

const WHITESPACE = /\s/;

function isSpaceAt(text: string, pos: number): boolean {
  return pos < text.length && WHITESPACE.test(text.charAt(pos));
}

function skipWhitespace(text: string, pos: number): number {
  let at = pos;
  while (isSpaceAt(text, at)) at++;
  return at;
}

/** A token may start here: the text or a non-word character comes before it. */
function startsToken(text: string, pos: number): boolean {
  return pos === 0 || !isWordCharAt(text, pos - 1);
}

// ─── Dates ──────────────────────────────────────────────────────────────────────────────────────────────────

const WEEKDAYS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
]);
/** Stands in for a missing year: a leap year (so 29 February is a date) under today's DST rules. */
export const DEFAULT_YEAR = 2024;

/** The date when it exists on the calendar (29 February without a year is allowed). */
function makeDate(year: number | undefined, month: number, day: number): PartialDate | undefined {
  if (!isCalendarDay(year ?? DEFAULT_YEAR, month, day)) return undefined;
  return year === undefined ? { month, day } : { year, month, day };
}

const ISO_DATE = /(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?!\d)/y;
// Month names must be capitalised so that "may" in prose is not read as a month.
// A span of days ("October 29-30, 2025", "29–30 October") is read as its first day.
const MONTH_DAY = /([A-Z][A-Za-z]{2,8})\.?[ \t]{1,2}(\d{1,2})(?:st|nd|rd|th)?(?:[-\u2013]\d{1,2}(?:st|nd|rd|th)?)?(?![A-Za-z0-9])/y;
const DAY_MONTH = /(\d{1,2})(?:st|nd|rd|th)?(?:[-\u2013]\d{1,2}(?:st|nd|rd|th)?)?[ \t]{1,2}(?:of[ \t]{1,2})?([A-Z][A-Za-z]{2,8})(?![A-Za-z])\.?/y;
const YEAR_AFTER = /,?[ \t]{1,2}(\d{4})(?!\d)/y;
// "03-26", "10/31": a month and day in numbers, read only right before a time ("[03-26 23:04]").
const NUMERIC_MONTH_DAY = /(\d{1,2})([-/])(\d{1,2})(?![\d/-])/y;

/** "2025-02-11", "2024/03/15". */
function readIsoDate(text: string, pos: number): Read<PartialDate> | undefined {
  const match = matchAt(ISO_DATE, text, pos);
  if (!match) return undefined;
  const value = makeDate(Number(match[1]), Number(match[3]), Number(match[4]));
  return value && { value, end: pos + match[0].length };
}

/** The year after a named date ("March 16, 2024", "8 April 2025"), when there is one and `yearAfter` allows it. */
function withYear(text: string, pos: number, month: number, day: number, yearAfter = true): Read<PartialDate> | undefined {
  const year = yearAfter ? matchAt(YEAR_AFTER, text, pos) : undefined;
  const value = makeDate(year ? Number(year[1]) : undefined, month, day);
  return value && { value, end: pos + (year ? year[0].length : 0) };
}

/** "March 16", "Mar 16 2024", "January 23, 2024", "Oct 21st". */
function readMonthDay(text: string, pos: number, yearAfter = true): Read<PartialDate> | undefined {
  const match = matchAt(MONTH_DAY, text, pos);
  const month = match && monthNumber(match[1]);
  if (!match || !month) return undefined;
  return withYear(text, pos + match[0].length, month, Number(match[2]), yearAfter);
}

/** "8 April", "21st Oct", "16 March 2024", "5th of May". */
function readDayMonth(text: string, pos: number, yearAfter = true): Read<PartialDate> | undefined {
  const match = matchAt(DAY_MONTH, text, pos);
  const month = match && monthNumber(match[2]);
  if (!match || !month) return undefined;
  return withYear(text, pos + match[0].length, month, Number(match[1]), yearAfter);
}

/** "03-26", "10/31" (month first, as US and ISO-without-year logs write it). */
function readNumericMonthDay(text: string, pos: number): Read<PartialDate> | undefined {
  const match = matchAt(NUMERIC_MONTH_DAY, text, pos);
  if (!match) return undefined;
  const value = makeDate(undefined, Number(match[1]), Number(match[3]));
  return value && { value, end: pos + match[0].length };
}

function readAnyDate(text: string, pos: number): Read<PartialDate> | undefined {
  return readIsoDate(text, pos) ?? readMonthDay(text, pos) ?? readDayMonth(text, pos);
}

export function findDate(text: string): { date: PartialDate; start: number; end: number } | undefined {
  for (let pos = 0; pos < text.length; pos++) {
    if (!startsToken(text, pos) || !isWordCharAt(text, pos)) continue;
    const date = readAnyDate(text, pos);
    if (date) return { date: date.value, start: pos, end: date.end };
  }
  return undefined;
}

// ─── Zones ──────────────────────────────────────────────────────────────────────────────────────────────────

/** What an abbreviation or zone name stands for. */
interface ZoneInfo {
  offset?: number;
  iana?: string;
  region: string;
  abbreviation?: { daylight: boolean; counterpart: string; generic: string };
}

/** One zone an abbreviation may stand for, with what in a document says it is the one meant. */
interface Reading {
  info: ZoneInfo;
  companions: readonly string[];
  /** Its standard and daylight offsets. */
  offsets: readonly number[];
}

const LOS_ANGELES = 'America/Los_Angeles';
const NEW_YORK = 'America/New_York';
const CHICAGO = 'America/Chicago';
const DENVER = 'America/Denver';
/** The year whose January and July give a zone's standard and daylight offsets. */
const OFFSET_YEAR = 2024;

interface Vocabulary {
  /** Abbreviations as written after times, upper case, to the zones they may stand for. "Z" counts only right after a time. */
  abbreviations: Map<string, Reading[]>;
  /** Names in words and bare region words, lower case. */
  names: Map<string, ZoneInfo>;
}

let vocabulary: Vocabulary | undefined;

/** Built on first use: the offsets come from Intl, whose formatters are made further down. */
function zoneVocabulary(): Vocabulary {
  vocabulary ??= buildAbbreviations();
  return vocabulary;
}

/** The standard (smaller) and daylight offsets of an IANA zone, from its January and July. */
function seasonOffsets(iana: string): [number, number] {
  const formatter = formatterFor(iana);
  if (!formatter) return [0, 0];
  const noon = { hour: 12, minute: 0, second: 0 };
  const january = offsetAt(formatter, wallMillis({ year: OFFSET_YEAR, month: 1, day: 1 }, noon));
  const july = offsetAt(formatter, wallMillis({ year: OFFSET_YEAR, month: 7, day: 1 }, noon));
  return [Math.min(january, july), Math.max(january, july)];
}

function buildAbbreviations(): Vocabulary {
  const abbreviations = new Map<string, Reading[]>();
  const names = new Map<string, ZoneInfo>();
  for (const spec of ZONES) {
    const region = spec.iana;
    const offsets = seasonOffsets(spec.iana);
    // Europe has no generic abbreviation in common use: suggest the IANA zone instead.
    const generic = spec.generic ?? spec.iana;
    const all: ZoneInfo = { iana: spec.iana, region };
    const standard: ZoneInfo =
      spec.standard && !spec.daylightOnly
        ? { offset: offsets[0], region, ...(spec.daylight ? { abbreviation: { daylight: false, counterpart: spec.daylight, generic } } : {}) }
        : all;
    const daylight: ZoneInfo | undefined = spec.daylight
      ? { offset: offsets[1], region, abbreviation: { daylight: true, counterpart: spec.standard ?? generic, generic } }
      : undefined;
    const add = (abbreviation: string | undefined, info: ZoneInfo | undefined): void => {
      if (!abbreviation || !info) return;
      const readings = abbreviations.get(abbreviation) ?? [];
      readings.push({ info, companions: spec.companions ?? [], offsets });
      abbreviations.set(abbreviation, readings);
    };
    if (!spec.daylightOnly) add(spec.standard, standard);
    add(spec.daylight, daylight);
    add(spec.generic, all);
    for (const name of spec.names?.standard ?? []) names.set(name, standard);
    for (const name of spec.names?.daylight ?? []) names.set(name, daylight ?? all);
    for (const name of [...(spec.names?.generic ?? []), ...(spec.bare ?? [])]) names.set(name, all);
  }
  // UTC and GMT are one zone; the fixed offset is exact.
  for (const text of ['UTC', 'GMT']) abbreviations.set(text, [{ info: { offset: 0, region: 'UTC' }, companions: [], offsets: [0, 0] }]);
  return { abbreviations, names };
}

/** Names in words and region words, lower case: known without Intl, so that readers can skip other words cheaply. */
const NAME_KEYS: readonly string[] = ZONES.flatMap((spec) => [
  ...(spec.names?.standard ?? []), ...(spec.names?.daylight ?? []), ...(spec.names?.generic ?? []), ...(spec.bare ?? []),
]);
/** Region words that name a zone on their own ("All times Pacific."). */
const BARE_REGIONS: ReadonlySet<string> = new Set(ZONES.flatMap((spec) => spec.bare ?? []));

/** POSIX-style zones that older ICU keeps apart from their region. */
const POSIX_REGIONS: Readonly<Record<string, string>> = {
  PST8PDT: LOS_ANGELES,
  MST7MDT: DENVER,
  CST6CDT: CHICAGO,
  EST5EDT: NEW_YORK,
};

/** ICU reports some zones under CLDR's older names; the region uses the current IANA name. */
const CURRENT_NAMES: Readonly<Record<string, string>> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'America/Godthab': 'America/Nuuk',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Louisville': 'America/Kentucky/Louisville',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Etc/UTC': 'UTC',
  'Etc/GMT': 'UTC',
  GMT: 'UTC',
};

/** First parts of IANA names: checked before asking Intl, so that "TCP/IP" or "N/A" costs nothing. */
const IANA_AREAS = new Set([
  'africa', 'america', 'antarctica', 'arctic', 'asia', 'atlantic', 'australia', 'brazil', 'canada', 'chile', 'etc',
  'europe', 'indian', 'mexico', 'pacific', 'us',
]);

const FORMATTER_CACHE_LIMIT = 500;
const formatters = new Map<string, Intl.DateTimeFormat | undefined>();

/** A formatter that shows wall-clock fields in `zone`, or undefined when Intl does not know the zone. */
function formatterFor(zone: string): Intl.DateTimeFormat | undefined {
  if (formatters.has(zone)) return formatters.get(zone);
  let formatter: Intl.DateTimeFormat | undefined;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    formatter = undefined;
  }
  // Documents name few zones; the limit only guards against text that names thousands.
  if (formatters.size >= FORMATTER_CACHE_LIMIT) formatters.clear();
  formatters.set(zone, formatter);
  return formatter;
}

function isIanaZone(name: string): boolean {
  return formatterFor(name) !== undefined;
}

/** The region of an IANA zone: its canonical name, with links ("US/Pacific", "PST8PDT") resolved. */
function ianaRegion(name: string): string {
  const posix = POSIX_REGIONS[name.toUpperCase()];
  if (posix) return posix;
  const canonical = formatterFor(name)?.resolvedOptions().timeZone ?? name;
  return CURRENT_NAMES[canonical] ?? canonical;
}

function zoneFromInfo(text: string, info: ZoneInfo): ZoneRef {
  const zone: ZoneRef = { text, region: info.region };
  if (info.offset !== undefined) zone.fixedOffset = info.offset;
  if (info.iana !== undefined) zone.iana = info.iana;
  if (info.abbreviation) zone.abbreviation = { ...info.abbreviation };
  return zone;
}

/** The zone an abbreviation stands for; one that several zones share is undecided until `zoneSettler` decides it. */
function zoneFromAbbreviation(text: string, abbreviation: string): ZoneRef | undefined {
  const readings = zoneVocabulary().abbreviations.get(abbreviation);
  if (!readings) return undefined;
  if (readings.length === 1) return zoneFromInfo(text, readings[0].info);
  return { text, region: abbreviation, undecided: readings.map((reading) => reading.info.region) };
}

/** "+02:00", "-05:30" for an offset in minutes. */
function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const size = Math.abs(minutes);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${sign}${pad(Math.floor(size / 60))}:${pad(size % 60)}`;
}

/** A fixed offset; a zero offset belongs to UTC, any other to a region of its own ("UTC+02:00"). */
function offsetZone(text: string, sign: string, hours: number, minutes: number): ZoneRef | undefined {
  if (hours > 14 || minutes > 59) return undefined;
  const offset = (sign === '+' ? 1 : -1) * (hours * 60 + minutes) || 0; // `|| 0` turns -0 into 0
  return { text, fixedOffset: offset, region: offset === 0 ? 'UTC' : `UTC${formatOffset(offset)}` };
}

const ZULU = /Z(?![A-Za-z0-9])/y;
const UTC_OFFSET = /([Uu][Tt][Cc]|[Gg][Mm][Tt])(?:([+\-\u2212])(\d{1,2})(?::?(\d{2}))?)?(?![A-Za-z0-9])/y;
const NUMERIC_OFFSET = /([+\-\u2212])(\d{2}):?(\d{2})(?![\d:])/y;
const IANA_HEAD = /[A-Za-z][A-Za-z_]{1,30}\/[A-Za-z0-9_+-]{1,30}/y;
const IANA_TAIL = /\/[A-Za-z0-9_+-]{1,30}/y;
const POSIX_ZONE = /[A-Z]{3}\d{1,2}[A-Z]{3}(?![A-Za-z0-9])/y;
const ABBREVIATION = /[A-Z]{1,5}(?![A-Za-z0-9])/y;
const NAME_WORD = /[A-Za-z]{1,12}(?![A-Za-z])/y;
/** The words zone names begin with ("central" of "Central European Time"). */
const NAME_FIRST_WORDS: ReadonlySet<string> = new Set(NAME_KEYS.map((name) => name.split(' ')[0]));
const BARE_REGION_END = /[ \t]{0,2}(?:[,;:.)\]|\u2013\u2014-]|$)/y;

/** Which zone forms a context accepts. */
interface ZoneOptions {
  /** "Z": right after a time, or on its own. */
  zulu: boolean;
  /** "+02:00", "-0800". */
  offset: boolean;
  /** "UTC+2", abbreviations, names spelled out, IANA names. */
  names: boolean;
  /** A bare region word ("Pacific"): always, only before punctuation or the end ("at 10:00 Pacific, …"), or never. */
  bare: 'always' | 'before-punctuation' | 'never';
}

function readZulu(text: string, pos: number): Read<ZoneRef> | undefined {
  return matchAt(ZULU, text, pos) && { value: { text: 'Z', fixedOffset: 0, region: 'UTC' }, end: pos + 1 };
}

/** "UTC", "GMT", "UTC+2", "UTC-05:30", "GMT+0100". */
function readUtcOffset(text: string, pos: number): Read<ZoneRef> | undefined {
  const match = matchAt(UTC_OFFSET, text, pos);
  if (!match) return undefined;
  const end = pos + match[0].length;
  if (match[2] === undefined) {
    const zone = zoneFromAbbreviation(match[0], match[1].toUpperCase());
    return zone && { value: zone, end };
  }
  const sign = match[2] === '+' ? '+' : '-';
  const zone = offsetZone(match[0], sign, Number(match[3]), Number(match[4] ?? 0));
  return zone && { value: zone, end };
}

/** "+02:00", "-0800". */
function readNumericOffset(text: string, pos: number): Read<ZoneRef> | undefined {
  const match = matchAt(NUMERIC_OFFSET, text, pos);
  if (!match) return undefined;
  const zone = offsetZone(match[0], match[1] === '+' ? '+' : '-', Number(match[2]), Number(match[3]));
  return zone && { value: zone, end: pos + match[0].length };
}

/** "US/Pacific", "Europe/Berlin", "America/Argentina/Buenos_Aires", when Intl knows them. */
function readIanaName(text: string, pos: number): Read<ZoneRef> | undefined {
  const head = matchAt(IANA_HEAD, text, pos);
  if (!head) return undefined;
  let end = pos + head[0].length;
  const tail = matchAt(IANA_TAIL, text, end);
  if (tail) end += tail[0].length;
  const name = text.slice(pos, end);
  if (isWordCharAt(text, end) || text.charAt(end) === '/') return undefined;
  if (!IANA_AREAS.has(name.slice(0, name.indexOf('/')).toLowerCase()) || !isIanaZone(name)) return undefined;
  return { value: { text: name, iana: name, region: ianaRegion(name) }, end };
}

/** "PST8PDT", "EST5EDT". */
function readPosixZone(text: string, pos: number): Read<ZoneRef> | undefined {
  const match = matchAt(POSIX_ZONE, text, pos);
  if (!match || !isIanaZone(match[0])) return undefined;
  return { value: { text: match[0], iana: match[0], region: ianaRegion(match[0]) }, end: pos + match[0].length };
}

/** "PST", "CEST", "PT". */
function readAbbreviation(text: string, pos: number): Read<ZoneRef> | undefined {
  const match = matchAt(ABBREVIATION, text, pos);
  if (!match) return undefined;
  const zone = zoneFromAbbreviation(match[0], match[0]);
  return zone && { value: zone, end: pos + match[0].length };
}

/** "Pacific Time", "Eastern Standard Time", "Central European Summer Time", and bare "Pacific" where allowed. */
function readLongName(text: string, pos: number, bare: ZoneOptions['bare']): Read<ZoneRef> | undefined {
  // Most words after a time are not the start of a zone name: no need to read on.
  const first = matchAt(NAME_WORD, text, pos);
  if (!first || !NAME_FIRST_WORDS.has(first[0].toLowerCase())) return undefined;
  const words: string[] = [];
  const ends: number[] = [];
  let at = pos;
  for (let count = 0; count < 5; count++) {
    const word = matchAt(NAME_WORD, text, at);
    if (!word) break;
    at += word[0].length;
    words.push(word[0].toLowerCase());
    ends.push(at);
    if (text.charAt(at) !== ' ') break;
    at += 1;
  }
  // The longest name wins: "Central European Time" over "Central".
  for (let count = words.length; count >= 1; count--) {
    const end = ends[count - 1];
    const key = words.slice(0, count).join(' ');
    const info = count > 1 || BARE_REGIONS.has(key) ? zoneVocabulary().names.get(key) : undefined;
    if (info === undefined) continue;
    // After a time, "14:07 Central database" is not a zone; "10:00 Pacific, …" is.
    if (count === 1 && (bare === 'never' || (bare === 'before-punctuation' && !matchAt(BARE_REGION_END, text, end)))) continue;
    return { value: zoneFromInfo(text.slice(pos, end), info), end };
  }
  return undefined;
}

function readZone(text: string, pos: number, options: ZoneOptions): Read<ZoneRef> | undefined {
  return (
    (options.zulu ? readZulu(text, pos) : undefined) ??
    (options.offset ? readNumericOffset(text, pos) : undefined) ??
    (options.names
      ? readUtcOffset(text, pos) ??
        readIanaName(text, pos) ??
        readPosixZone(text, pos) ??
        readAbbreviation(text, pos) ??
        readLongName(text, pos, options.bare)
      : undefined)
  );
}

const ANY_ZONE: ZoneOptions = { zulu: true, offset: true, names: true, bare: 'always' };
const SPACED_ZONE: ZoneOptions = { zulu: false, offset: true, names: true, bare: 'before-punctuation' };
const DECLARED_ZONE: ZoneOptions = { zulu: false, offset: true, names: true, bare: 'always' };
const MENTIONED_ZONE: ZoneOptions = { zulu: false, offset: true, names: true, bare: 'never' };

export function parseZone(text: string): ZoneRef | undefined {
  const start = skipWhitespace(text, 0);
  const zone = readZone(text, start, ANY_ZONE);
  return zone && skipWhitespace(text, zone.end) === text.length ? zone.value : undefined;
}

// ─── Timestamps ─────────────────────────────────────────────────────────────────────────────────────────────

// What a stamp may be wrapped in: emphasis, code, brackets ("**14:07**", "`14:05`", "[08:47]", "*[08:47]*").
const OPENER = /(?:\*\*|__|\*|_|`|\[)(?=\S)/y;
const CLOSER_OF: Readonly<Record<string, string>> = { '**': '**', __: '__', '*': '*', _: '_', '`': '`', '[': ']' };
const MAX_OPENERS = 2;
const AT_WORD = /[Aa]t[ \t]{1,3}/y;
const WEEKDAY = /([A-Z][a-z]{2,8})\.?,?[ \t]{1,3}/y;
// "2023-01-04/11:34" joins the two with a slash.
const DATE_TIME_GAP = /,?[ \t]{1,3}(?:at[ \t]{1,3})?|\//y;
const CLOCK = /(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?/y;
// "1506", "0117": a time only with a date before it or a zone after it ("Feb 8 0117 UTC"), never alone.
const COMPACT_CLOCK = /([01]\d|2[0-3])([0-5]\d)(?!\d)/y;
const MERIDIEM = /[ \t]?([AaPp])\.?[Mm]\.?(?![A-Za-z0-9])/y;
const ZONE_GAP = /[ \t]{1,2}/y;
const TRAILING_DATE_GAP = /,?[ \t]{1,3}(?:on[ \t]{1,3})?/y;
const BOUNDARY_PUNCTUATION = '-\u2013\u2014:|,.)]';
// "- " and ": " need the space ("-5% errors" is text); dashes and bars do not.
const SEPARATOR = /[ \t]*(?:(?:--|[-:,])(?=\s|$)|[\u2013\u2014|])?[ \t]*/y;

/** A weekday before a date or time ("Tuesday", "Thu,"), skipped. */
function skipWeekday(text: string, pos: number): number {
  const match = matchAt(WEEKDAY, text, pos);
  return match && WEEKDAYS.has(match[1].toLowerCase()) ? pos + match[0].length : pos;
}

/**
 * A date before the time: "2025-02-11T", "2025-05-06 ", "March 16, ", "16 March 2024 ", "03-26 ", "2023-01-04/".
 * Without `yearAfter`, four digits after a named date are left to be the time ("Feb 8 0117 UTC").
 */
function readLeadingDate(text: string, pos: number, yearAfter = true): (Read<PartialDate> & { iso: boolean }) | undefined {
  const iso = readIsoDate(text, pos);
  if (iso && text.charAt(iso.end) === 'T') return { ...iso, end: iso.end + 1, iso: true };
  const date = iso ?? readMonthDay(text, pos, yearAfter) ?? readDayMonth(text, pos, yearAfter) ?? readNumericMonthDay(text, pos);
  const gap = date && matchAt(DATE_TIME_GAP, text, date.end);
  return date && gap ? { value: date.value, end: date.end + gap[0].length, iso: false } : undefined;
}

/** "14:07", "9:05", "14:07:33.120", "9:05 AM", "2:05pm", "1:02 p.m."; undefined for impossible times. */
function readClock(text: string, pos: number): Read<ClockTime> | undefined {
  const match = matchAt(CLOCK, text, pos);
  if (!match) return undefined;
  let end = pos + match[0].length;
  if (isDigitAt(text, end)) return undefined;
  let hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = match[3] === undefined ? 0 : Number(match[3]);
  if (minute > 59 || second > 59) return undefined;
  const meridiem = matchAt(MERIDIEM, text, end);
  if (meridiem) {
    const pm = meridiem[1] === 'p' || meridiem[1] === 'P';
    if (hour > 12 || (pm && hour === 0)) return undefined;
    // 12 AM is midnight and 12 PM noon.
    hour = pm ? (hour === 12 ? 12 : hour + 12) : hour === 12 ? 0 : hour;
    end += meridiem[0].length;
  } else if (hour > 23) {
    return undefined;
  }
  return { value: { hour, minute, second }, end };
}

/** "1506", "0117": hours and minutes without a colon (the caller requires a date or zone beside them). */
function readCompactClock(text: string, pos: number): Read<ClockTime> | undefined {
  const match = matchAt(COMPACT_CLOCK, text, pos);
  return match && { value: { hour: Number(match[1]), minute: Number(match[2]), second: 0 }, end: pos + 4 };
}

/** A zone right after the time: "Z", and after an ISO date also "+01:00". */
function readAttachedZone(text: string, pos: number, iso: boolean): Read<ZoneRef> | undefined {
  return readZone(text, pos, { zulu: true, offset: iso, names: false, bare: 'before-punctuation' });
}

/** A zone after a space: " UTC", " +02:00", " Pacific Time", " (PST)". */
function readSpacedZone(text: string, pos: number): Read<ZoneRef> | undefined {
  const gap = matchAt(ZONE_GAP, text, pos);
  if (!gap) return undefined;
  const at = pos + gap[0].length;
  if (text.charAt(at) !== '(') return readZone(text, at, SPACED_ZONE);
  const zone = readZone(text, at + 1, SPACED_ZONE);
  return zone && text.charAt(zone.end) === ')' ? { value: zone.value, end: zone.end + 1 } : undefined;
}

/** A date after the time and zone: ", 21st Oct", " on 8 April", ", 2025-02-11", " (Oct 29)". */
function readTrailingDate(text: string, pos: number): Read<PartialDate> | undefined {
  const gap = matchAt(TRAILING_DATE_GAP, text, pos);
  if (!gap) return undefined;
  const at = pos + gap[0].length;
  if (text.charAt(at) !== '(') return readAnyDate(text, at);
  const date = readAnyDate(text, at + 1);
  return date && text.charAt(date.end) === ')' ? { value: date.value, end: date.end + 1 } : undefined;
}

/** Whether a timestamp may end here, so that "14:07abc", "14:07:3" and "14:07.5" are not timestamps. */
function atBoundary(text: string, pos: number): boolean {
  if (pos >= text.length || isSpaceAt(text, pos)) return true;
  const char = text.charAt(pos);
  if (!BOUNDARY_PUNCTUATION.includes(char)) return false;
  return !('.,:'.includes(char) && isDigitAt(text, pos + 1));
}

/** Up to two wrappers opening a stamp ("**", "`", "[", "*["), outermost first. */
function readOpeners(text: string, pos: number): Read<string[]> {
  const openers: string[] = [];
  let end = pos;
  for (let match = matchAt(OPENER, text, end); match && openers.length < MAX_OPENERS; match = matchAt(OPENER, text, end)) {
    openers.push(match[0]);
    end += match[0].length;
  }
  return { value: openers, end };
}

/**
 * Closes the wrappers that are closed at `pos`, innermost first; an unclosed one is left as text. A zone may follow
 * a closing wrapper ("**14:07** UTC", "[08:47] PDT").
 */
function closeOpeners(text: string, pos: number, openers: readonly string[], zone: Read<ZoneRef> | undefined): { end: number; zone?: Read<ZoneRef> } {
  let end = pos;
  let found = zone;
  for (let i = openers.length - 1; i >= 0; i--) {
    const closer = CLOSER_OF[openers[i]];
    if (!text.startsWith(closer, end)) continue;
    end += closer.length;
    const after = found ? undefined : readSpacedZone(text, end);
    if (after) {
      found = after;
      end = after.end;
    }
  }
  return found ? { end, zone: found } : { end };
}

/** Whether the date at `pos` ends in a year written after a month name ("Feb 8 2024"), which may be a time instead. */
function namedDateWithYear(text: string, pos: number, date: PartialDate): boolean {
  return date.year !== undefined && readIsoDate(text, pos) === undefined;
}

/** The date (if any), time and zone from `pos`, where the wrappers `openers` were opened at `start`. */
function readDateAndTime(text: string, start: number, pos: number, openers: readonly string[], yearAfter: boolean): TimestampMatch | undefined {
  const leading = readLeadingDate(text, pos, yearAfter);
  const at = leading ? leading.end : pos;
  const colon = readClock(text, at);
  const compact = colon ? undefined : readCompactClock(text, at);
  const clock = colon ?? compact;
  if (!clock) {
    // "Feb 8 0117 UTC": the four digits taken for the year are the time.
    return yearAfter && leading && namedDateWithYear(text, pos, leading.value) ? readDateAndTime(text, start, pos, openers, false) : undefined;
  }
  let end = clock.end;
  const zoneAfter = readAttachedZone(text, end, leading?.iso === true) ?? readSpacedZone(text, end);
  if (zoneAfter) end = zoneAfter.end;
  const date = leading ?? readTrailingDate(text, end);
  if (date && !leading) end = date.end;
  const closed = closeOpeners(text, end, openers, zoneAfter);
  end = closed.end;
  // Four digits are a time only beside a date or a zone; where they could be a year, only beside a zone.
  if (compact && (yearAfter ? !leading && !closed.zone : !closed.zone)) return undefined;
  if (!atBoundary(text, end)) return undefined;
  const separator = matchAt(SEPARATOR, text, end);
  const match: TimestampMatch = { time: clock.value, start, end, textStart: end + (separator?.[0].length ?? 0) };
  if (date) match.date = date.value;
  if (closed.zone) match.zone = closed.zone.value;
  return match;
}

/** The timestamp that starts exactly at `start`. */
function readTimestamp(text: string, start: number): TimestampMatch | undefined {
  const openers = readOpeners(text, start);
  let pos = openers.end;
  pos += matchAt(AT_WORD, text, pos)?.[0].length ?? 0;
  pos = skipWeekday(text, pos);
  return readDateAndTime(text, start, pos, openers.value, true);
}

export function scanTimestamp(text: string, from = 0): TimestampMatch | undefined {
  // Entries (read from their start) are remembered by their text: the result holds no document offsets.
  return from === 0 ? timestampOfEntry(text) : readTimestamp(text, skipWhitespace(text, from));
}

const timestampOfEntry = rememberedByText((text: string): Readonly<TimestampMatch> | undefined => readTimestamp(text, skipWhitespace(text, 0)));

// ─── Entry stamps: a time, a day, or an offset from the start ──────────────────────────────────────────────

export interface EntryStamp extends TimestampMatch {
  /** `time`: a clock time (maybe dated); `day`: a date alone ("2021-12-10"); `offset`: "T+30m" from the start. */
  precision: 'time' | 'day' | 'offset';
  /** For an offset: minutes after the incident's start (negative before it). */
  offsetMinutes?: number;
}

const MIDNIGHT: Readonly<ClockTime> = { hour: 0, minute: 0, second: 0 };
/** Years a date standing alone may have: "Feb 8 0117" is not a date in the year 117. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;
// "T+30m", "T-5m", "+45 min", "[+1 hrs]": a sign (a minus only after "T") before a duration.
const OFFSET_SIGN = /(?:T[ \t]?([+\-\u2212])|(\+))[ \t]?/y;

/** What follows a stamp: closing wrappers, a boundary, a separator. */
function finishStamp(text: string, start: number, pos: number, openers: readonly string[]): TimestampMatch | undefined {
  const { end } = closeOpeners(text, pos, openers, undefined);
  if (!atBoundary(text, end)) return undefined;
  const separator = matchAt(SEPARATOR, text, end);
  return { time: { ...MIDNIGHT }, start, end, textStart: end + (separator?.[0].length ?? 0) };
}

/** A date standing alone at the start of an entry: "2021-12-10", "**March 14, 2024**:", "Tue 8 April". */
function readDayStamp(text: string, start: number): EntryStamp | undefined {
  const openers = readOpeners(text, start);
  const pos = skipWeekday(text, openers.end);
  const date = readAnyDate(text, pos);
  if (!date || (date.value.year !== undefined && (date.value.year < FIRST_YEAR || date.value.year > LAST_YEAR))) return undefined;
  const stamp = finishStamp(text, start, date.end, openers.value);
  return stamp && { ...stamp, date: date.value, precision: 'day' };
}

/** An offset from the start of the incident: "T+30m", "T+1h", "[+1 hrs]", "+45 min". */
function readOffsetStamp(text: string, start: number): EntryStamp | undefined {
  const openers = readOpeners(text, start);
  const sign = matchAt(OFFSET_SIGN, text, openers.end);
  if (!sign) return undefined;
  const duration = readDuration(text, openers.end + sign[0].length);
  if (!duration) return undefined;
  const stamp = finishStamp(text, start, duration.end, openers.value);
  const negative = sign[1] !== undefined && sign[1] !== '+';
  return stamp && { ...stamp, precision: 'offset', offsetMinutes: negative ? -duration.minutes : duration.minutes };
}

function readEntryStamp(text: string, start: number): EntryStamp | undefined {
  const timestamp = readTimestamp(text, start);
  if (timestamp) return { ...timestamp, precision: 'time' };
  return readDayStamp(text, start) ?? readOffsetStamp(text, start);
}

const entryStampOf = rememberedByText((text: string): Readonly<EntryStamp> | undefined => readEntryStamp(text, skipWhitespace(text, 0)));

/** The stamp an entry starts with: a time as `scanTimestamp` reads it, else a date alone, else an offset ("T+30m"). */
export function scanEntryStamp(text: string, from = 0): EntryStamp | undefined {
  return from === 0 ? entryStampOf(text) : readEntryStamp(text, skipWhitespace(text, from));
}

// "--:--", "??:??", "[???]", "TBD", "XX:XX", "hh:mm", "unknown": a time left out on purpose.
const UNKNOWN_TIME = /(?:[-?xX]{1,2}:[-?xX]{2}|[hH]{1,2}:[mM]{2}|\?{2,3}|TB[DA](?![A-Za-z])|[Uu]nknown(?![A-Za-z]))/y;
const LONG_YEAR = /(\d{5,9})[-/]\d/y;
const ISO_LIKE = /\d{4}([-/])\d{1,2}\1\d{1,2}(?!\d)/y;
const CLOCK_LIKE = /\d{1,3}:\d{1,3}(?::\d{1,3})?/y;
const FOUR_DIGITS = /\d{4}(?![\d:])/y;

// Digits joined as in a date or time ("20202-01", "10:", "12/3"), or three or more ("1506"); not "2 alerts".
const STAMP_LIKE = /\d{1,5}[-/:.]|\d{3}/y;

/** Whether a text starts like a stamp, readable or not: "20202-01-16", "10: am", "1506", "--:--". */
export function looksStamped(text: string): boolean {
  const pos = readOpeners(text, skipWhitespace(text, 0)).end;
  return matchAt(STAMP_LIKE, text, pos) !== undefined || matchAt(UNKNOWN_TIME, text, pos) !== undefined;
}

/** Why an entry has no readable stamp at its start, in a few words for the user. */
export function whyUnreadable(text: string): string {
  const start = skipWhitespace(text, 0);
  const pos = readOpeners(text, start).end;
  if (matchAt(UNKNOWN_TIME, text, pos)) return 'its time is marked unknown';
  const longYear = matchAt(LONG_YEAR, text, pos);
  if (longYear) return `the year ${longYear[1]} is not a year`;
  const iso = matchAt(ISO_LIKE, text, pos);
  if (iso && !readIsoDate(text, pos)) return `${iso[0]} is not a date`;
  const leading = readLeadingDate(text, pos);
  const at = leading ? leading.end : pos;
  const clock = matchAt(CLOCK_LIKE, text, at);
  if (clock && !readClock(text, at)) return `${clock[0]} is not a time of day`;
  if (matchAt(FOUR_DIGITS, text, at)) return 'four digits count as a time only with a date or a time zone beside them';
  if (leading || isDigitAt(text, pos)) return 'the time at its start cannot be read';
  return 'no time or date at its start';
}

// ─── Zone declarations ──────────────────────────────────────────────────────────────────────────────────────

const TIMES_WORD = /(times|time[ \t]?zone|time)(?![A-Za-z])/iy;
// "All times below are …", "Times mentioned in this report are in …": at most two words between "times" and the zone.
const TIMES_QUALIFIER =
  /[ \t]{1,3}(?:below|above|here(?:in)?|mentioned|listed|given|shown|quoted|used|throughout|in[ \t]{1,3}this[ \t]{1,3}(?:document|report|timeline|section|post-?mortem))(?![A-Za-z])/iy;
const DECLARATION_GLUE =
  /[ \t]{0,3}(:[ \t]{0,3})?(?:(?:are|is)[ \t]{1,3})?(?:(?:shown|given|listed|displayed|expressed|written)[ \t]{1,3})?(?:in[ \t]{1,3})?(\(?)/iy;
const LABEL_OPEN = /\([ \t]{0,3}(?:in[ \t]{1,3})?/iy;
const LABEL_CLOSE = /[ \t]{0,3}\)/y;
const LABEL_IN = /in[ \t]{1,3}/iy;
const LABEL_END = /[ \t]{0,3}(?:[:.)]|$)/y;

/** The zone declared right after "times"/"time (…)"/"time zone:" at `pos`. */
function readDeclarationAt(text: string, pos: number): ZoneRef | undefined {
  const word = matchAt(TIMES_WORD, text, pos);
  if (!word) return undefined;
  let at = pos + word[0].length;
  for (let count = 0; count < 2; count++) {
    const qualifier = word[1].toLowerCase() === 'times' ? matchAt(TIMES_QUALIFIER, text, at) : undefined;
    if (!qualifier) break;
    at += qualifier[0].length;
  }
  const glue = matchAt(DECLARATION_GLUE, text, at);
  if (!glue) return undefined;
  // "Time" alone must be a header such as "Time (UTC)" or "Time: UTC", not "at the time PT was paged".
  if (word[1].toLowerCase() === 'time' && glue[1] === undefined && glue[2] === '') return undefined;
  return readZone(text, at + glue[0].length, DECLARED_ZONE)?.value;
}

export function findZoneDeclaration(text: string): ZoneRef | undefined {
  for (let pos = 0; pos < text.length; pos++) {
    const char = text.charAt(pos);
    if ((char !== 't' && char !== 'T') || !startsToken(text, pos)) continue;
    const zone = readDeclarationAt(text, pos);
    if (zone) return zone;
  }
  return undefined;
}

/** "(UTC)", "(in CET)" at `pos`, closed; or "in CET" ending the label. */
function readLabelZoneAt(text: string, pos: number): ZoneRef | undefined {
  const open = matchAt(LABEL_OPEN, text, pos);
  if (open) {
    const zone = readZone(text, pos + open[0].length, DECLARED_ZONE);
    return zone && matchAt(LABEL_CLOSE, text, zone.end) ? zone.value : undefined;
  }
  const word = startsToken(text, pos) ? matchAt(LABEL_IN, text, pos) : undefined;
  const zone = word && readZone(text, pos + word[0].length, DECLARED_ZONE);
  return zone && matchAt(LABEL_END, text, zone.end) ? zone.value : undefined;
}

/**
 * The zone a heading or a column header gives its times: "Timeline (UTC)", "Timeline (all times PDT)",
 * "Date (UTC)", "Time (EAT)", "Date and Time in CET", "Timeline in UTC".
 */
export function findLabelZone(text: string): ZoneRef | undefined {
  const declared = findZoneDeclaration(text);
  if (declared) return declared;
  for (let pos = 0; pos < text.length; pos++) {
    const char = text.charAt(pos);
    if (char !== '(' && char !== 'i' && char !== 'I') continue;
    const zone = readLabelZoneAt(text, pos);
    if (zone) return zone;
  }
  return undefined;
}

/** Every zone named in `text` (abbreviations, names in words, IANA names, "UTC+2", "+05:30"), in order. */
export function findZoneMentions(text: string): ZoneRef[] {
  const found: ZoneRef[] = [];
  for (let pos = 0; pos < text.length; pos++) {
    const code = text.charCodeAt(pos);
    // Zones start with a capital letter or a plus sign; a minus sign is as often a range or a list.
    if (!((code >= 65 && code <= 90) || code === 43) || !startsToken(text, pos)) continue;
    const zone = readZone(text, pos, MENTIONED_ZONE);
    if (!zone) continue;
    found.push(zone.value);
    pos = zone.end - 1;
  }
  return found;
}

/** What the document writes elsewhere: the regions of its decided zones ("GMT" for GMT itself) and its written offsets. */
interface ZoneEvidence {
  regions: Set<string>;
  offsets: Set<number>;
}

function zoneEvidence(text: string): ZoneEvidence {
  const evidence: ZoneEvidence = { regions: new Set(), offsets: new Set() };
  for (const zone of findZoneMentions(text)) {
    if (zone.undecided) continue;
    evidence.regions.add(zone.region);
    if (zone.text.toUpperCase() === 'GMT') evidence.regions.add('GMT');
    // "UTC+1", "+05:30": an offset written out says which reading of a shared abbreviation has it. Zero says nothing.
    if (zone.fixedOffset && isFixedRegion(zone.region)) evidence.offsets.add(zone.fixedOffset);
  }
  return evidence;
}

/**
 * Decides shared abbreviations by the document's other zones: CST in a report that also writes PDT is US
 * Central, IST beside GMT or UTC+1 is Irish. Without such evidence, or with evidence for two readings, the zone
 * stays undecided. The document is read for evidence only when an undecided zone is met.
 */
export function zoneSettler(text: string): (zone: ZoneRef | undefined) => ZoneRef | undefined {
  let evidence: ZoneEvidence | undefined;
  const settled = new Map<string, ZoneRef>();
  return (zone) => {
    if (!zone?.undecided) return zone;
    const known = settled.get(zone.text);
    if (known) return known;
    evidence ??= zoneEvidence(text);
    const { regions, offsets } = evidence;
    const readings = zoneVocabulary().abbreviations.get(zone.text.toUpperCase()) ?? [];
    const meant = readings.filter(
      (reading) => regions.has(reading.info.region) || reading.companions.some((companion) => regions.has(companion)) || reading.offsets.some((offset) => offsets.has(offset)),
    );
    const result = meant.length === 1 ? zoneFromInfo(zone.text, meant[0].info) : zone;
    settled.set(zone.text, result);
    return result;
  };
}

// ─── Instants and daylight saving time ──────────────────────────────────────────────────────────────────────

/** UTC milliseconds of a wall-clock reading, years 0–99 included (Date.UTC would move them to 1900). */
function wallMillis(date: CalendarDate, time: ClockTime): number {
  const value = new Date(0);
  value.setUTCFullYear(date.year, date.month - 1, date.day);
  value.setUTCHours(time.hour, time.minute, time.second, 0);
  return value.getTime();
}

/** The offset (minutes east of UTC) that `zone` has at the instant `utc`. */
function offsetAt(formatter: Intl.DateTimeFormat, utc: number): number {
  const fields: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(utc))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const wall = wallMillis(
    { year: fields.year, month: fields.month, day: fields.day },
    { hour: fields.hour % 24, minute: fields.minute, second: fields.second },
  );
  return Math.round((wall - Math.floor(utc / 1000) * 1000) / MINUTE);
}

/**
 * The instant at which the wall clock of `formatter`'s zone reads `wall`. Offsets a day either side cover any
 * transition near it; of the offsets that reproduce the wall time the earlier instant wins (an overlap), and when
 * none does (a gap) the earlier of the candidates.
 */
function wallToInstant(formatter: Intl.DateTimeFormat, wall: number): number {
  const offsets = new Set([offsetAt(formatter, wall - DAY), offsetAt(formatter, wall), offsetAt(formatter, wall + DAY)]);
  let valid = Infinity;
  let earliest = Infinity;
  for (const offset of offsets) {
    const instant = wall - offset * MINUTE;
    earliest = Math.min(earliest, instant);
    if (offsetAt(formatter, instant) === offset) valid = Math.min(valid, instant);
  }
  return valid !== Infinity ? valid : earliest;
}

/** The IANA zone to convert with: the one named, else the region when it is one. */
function ianaOf(zone: ZoneRef): Intl.DateTimeFormat | undefined {
  // Intl reads "IST" and "CST" as one of their zones: an undecided abbreviation must not be converted.
  if (zone.undecided) return undefined;
  if (zone.iana !== undefined) return formatterFor(zone.iana);
  return isFixedRegion(zone.region) ? undefined : formatterFor(zone.region);
}

function isFixedRegion(region: string): boolean {
  return region === 'UTC' || region.startsWith('UTC+') || region.startsWith('UTC-');
}

export function toInstant(date: CalendarDate, time: ClockTime, zone?: ZoneRef): number {
  const wall = wallMillis(date, time);
  if (!zone) return wall;
  if (zone.fixedOffset !== undefined) return wall - zone.fixedOffset * MINUTE;
  const formatter = ianaOf(zone);
  return formatter ? wallToInstant(formatter, wall) : wall;
}

export function isDaylightTime(region: string, date: CalendarDate): boolean {
  if (isFixedRegion(region)) return false;
  const formatter = formatterFor(region);
  if (!formatter) return false;
  const noon = { hour: 12, minute: 0, second: 0 };
  // Standard time is the smaller offset of January and July, whichever hemisphere the region is in.
  const standard = Math.min(
    offsetAt(formatter, wallMillis({ year: date.year, month: 1, day: 1 }, noon)),
    offsetAt(formatter, wallMillis({ year: date.year, month: 7, day: 1 }, noon)),
  );
  return offsetAt(formatter, wallToInstant(formatter, wallMillis(date, noon))) > standard;
}

// ─── Durations ──────────────────────────────────────────────────────────────────────────────────────────────

/** Units by size: index into UNIT_MINUTES and UNIT_PRECISION. */
type Unit = 0 | 1 | 2;
const UNIT_MINUTES: readonly number[] = [1, 60, 1440];
/** How far off a statement in that unit may be: "3 hours" could be 2¾ or 3¼. */
const UNIT_PRECISION: readonly number[] = [1, 15, 180];

const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  [
    'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
    'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
  ].map((word, index): [string, number] => [word, index + 1]),
);
const TENS: ReadonlyMap<string, number> = new Map([['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50]]);

const APPROXIMATION = /(?:(?:about|approximately|approx\.?|roughly|around|nearly|almost|over)[ \t]{1,2}|~[ \t]{0,2})/iy;
const APPROXIMATION_BEFORE = /(?:(?<![A-Za-z])(?:about|approximately|approx\.?|roughly|around|nearly|almost|over)[ \t]{1,2}|~[ \t]{0,2})$/i;
const APPROXIMATION_REACH = 17;
const HALF = /half[ \t]{1,2}an?[ \t]{1,2}/iy;
const DIGITS = /\d{1,5}(?:\.\d{1,2})?/y;
const WORD = /[A-Za-z]{1,9}(?![A-Za-z])/y;
const UNIT_WORD = /[- ]([A-Za-z]{1,5})(?![A-Za-z])/y;
const WORD_GAP = /[ \t]{1,2}|-/y;
const DIGIT_GAP = /[ \t]{1,2}|-/y;
// Single letters only in lower case: "5M requests" is not five minutes.
const UNIT = /(?:[Dd]ays?|d|[Hh]ours?|[Hh]rs?|h|[Mm]inutes?|[Mm]ins?|m)(?![A-Za-z])/y;
const AND_A_HALF = /[ \t]{1,2}and[ \t]{1,2}a[ \t]{1,2}half(?![A-Za-z])/iy;
const BARE_MINUTES = /(\d{2})(?![A-Za-z0-9])/y;
const JOINER = /,?[ \t]{1,2}(?:and[ \t]{1,2})?/y;

/** A count: "72", "1.5", "two", "twenty-five", "twenty five", "an". */
function readAmount(text: string, pos: number): (Read<number> & { word: boolean }) | undefined {
  const digits = matchAt(DIGITS, text, pos);
  if (digits) return { value: Number(digits[0]), end: pos + digits[0].length, word: false };
  const word = matchAt(WORD, text, pos);
  if (!word) return undefined;
  const lower = word[0].toLowerCase();
  const end = pos + word[0].length;
  if (lower === 'a' || lower === 'an') return { value: 1, end, word: true };
  const small = NUMBER_WORDS.get(lower);
  if (small !== undefined) return { value: small, end, word: true };
  const tens = TENS.get(lower);
  if (tens === undefined) return undefined;
  // "twenty-five", "twenty five"
  const ones = matchAt(UNIT_WORD, text, end);
  const one = ones ? NUMBER_WORDS.get(ones[1].toLowerCase()) : undefined;
  return ones && one !== undefined && one < 10
    ? { value: tens + one, end: end + ones[0].length, word: true }
    : { value: tens, end, word: true };
}

function readUnit(text: string, pos: number): Read<Unit> | undefined {
  const match = matchAt(UNIT, text, pos);
  if (!match) return undefined;
  const letter = match[0].charAt(0).toLowerCase();
  return { value: letter === 'd' ? 2 : letter === 'h' ? 1 : 0, end: pos + match[0].length };
}

/** One amount with its unit: "2 hours", "47 minutes", "1h", "45-minute", "half an hour", "an hour and a half". */
function readComponent(text: string, pos: number): (Read<number> & { unit: Unit }) | undefined {
  const half = matchAt(HALF, text, pos);
  if (half) {
    const unit = readUnit(text, pos + half[0].length);
    return unit && unit.value > 0 ? { value: UNIT_MINUTES[unit.value] / 2, unit: unit.value, end: unit.end } : undefined;
  }
  const amount = readAmount(text, pos);
  if (!amount) return undefined;
  const gap = matchAt(amount.word ? WORD_GAP : DIGIT_GAP, text, amount.end);
  if (amount.word && !gap) return undefined;
  const unit = readUnit(text, amount.end + (gap?.[0].length ?? 0));
  if (!unit) return undefined;
  let value = amount.value * UNIT_MINUTES[unit.value];
  let end = unit.end;
  const andHalf = unit.value > 0 ? matchAt(AND_A_HALF, text, end) : undefined;
  if (andHalf) {
    value += UNIT_MINUTES[unit.value] / 2;
    end += andHalf[0].length;
  }
  return { value, unit: unit.value, end };
}

/** The next, smaller component after `pos`: " 47 minutes", " and 47 minutes", "45m" (in "1h45m"), "45" (in "1h45"). */
function readNextComponent(text: string, pos: number, previous: Unit): (Read<number> & { unit: Unit }) | undefined {
  const joiner = matchAt(JOINER, text, pos);
  for (const at of joiner ? [pos + joiner[0].length, pos] : [pos]) {
    const next = readComponent(text, at);
    if (next && next.unit < previous) return next;
  }
  const bare = previous === 1 ? matchAt(BARE_MINUTES, text, pos) : undefined;
  return bare && Number(bare[1]) < 60 ? { value: Number(bare[1]), unit: 0, end: pos + 2 } : undefined;
}

/** The duration that starts exactly at `start`, with the approximation word there or right before it. */
function readDuration(text: string, start: number): StatedDuration | undefined {
  const approximation = matchAt(APPROXIMATION, text, start);
  const approximate = approximation !== undefined || APPROXIMATION_BEFORE.test(text.slice(Math.max(0, start - APPROXIMATION_REACH), start));
  let component = readComponent(text, start + (approximation?.[0].length ?? 0));
  if (!component) return undefined;
  let total = 0;
  let smallest: Unit = component.unit;
  let end = start;
  while (component) {
    total += component.value;
    smallest = component.unit;
    end = component.end;
    component = component.unit > 0 ? readNextComponent(text, end, component.unit) : undefined;
  }
  const precision = UNIT_PRECISION[smallest] * (approximate ? 2 : 1);
  return { minutes: Math.round(total), precision, start, end, text: text.slice(start, end) };
}

export function parseDuration(text: string, from = 0): StatedDuration | undefined {
  return readDuration(text, skipWhitespace(text, from));
}

// ─── Stated incident durations ──────────────────────────────────────────────────────────────────────────────

const LABEL_LEAD = /[ \t]{0,8}(?:>[ \t]{0,3})?(?:[-*+][ \t]{1,4}|\|[ \t]{0,3})?(?:\*\*|__)?/y;
const LABEL_WORD = /[A-Za-z][A-Za-z-]{0,19}(?![A-Za-z-])/y;
const LABEL_NAME = /^(?:duration|downtime|outage)$/i;
const LABEL_SEPARATOR = /(?:\*\*|__)?[ \t]{0,3}[:|\-\u2013\u2014][ \t]{0,3}(?:\*\*|__)?[ \t]{0,3}/y;
const LABEL_SPACE = /[ \t]{1,3}/y;
const LABEL_WORDS = 4;

const FOR_BEFORE = /(?<![A-Za-z])for[ \t]{1,3}$/i;
const FOR_REACH = 80;
const OUTAGE_VERB =
  /(?<![A-Za-z])(?:down|unavailable|offline|outages?|failed|failing|rejected|degraded|disrupted|impacted|broken|lost|unreachable|inaccessible|unresponsive)(?![A-Za-z])/i;
const LASTING_BEFORE = /(?<![A-Za-z])(?:lasting|lasted|(?:outage|downtime|disruption)[ \t]{1,3}of)(?:[ \t]{1,3}for)?[ \t]{1,3}$/i;
const LASTING_REACH = 32;
const OUTAGE_AFTER =
  /(?:(?:[ \t]{1,2}|-)(?:long[ \t]{1,2}|long-)?(?:outage|downtime|disruption|incident)|[ \t]{1,2}of[ \t]{1,2}(?:total[ \t]{1,2})?downtime)(?![A-Za-z])/iy;

const TOTAL_WORD = /^(?:total|cumulative|combined|overall)$/i;

/** A label of up to four words that ends in a separator ("**Total major impact:**", "| Duration |"), and where its value begins. */
interface Label {
  words: string[];
  valueStart: number;
  lineEnd: number;
}

function readLabel(text: string, lineStart: number): Label | undefined {
  let pos = lineStart + (matchAt(LABEL_LEAD, text, lineStart)?.[0].length ?? 0);
  const words: string[] = [];
  for (let count = 0; count < LABEL_WORDS; count++) {
    const word = matchAt(LABEL_WORD, text, pos);
    if (!word) return undefined;
    pos += word[0].length;
    words.push(word[0]);
    const separator = matchAt(LABEL_SEPARATOR, text, pos);
    if (separator) {
      const newline = text.indexOf('\n', pos);
      return { words, valueStart: pos + separator[0].length, lineEnd: newline < 0 ? text.length : newline };
    }
    const space = matchAt(LABEL_SPACE, text, pos);
    if (!space) return undefined;
    pos += space[0].length;
  }
  return undefined;
}

function labels(text: string): Label[] {
  const found: Label[] = [];
  for (let lineStart = 0; lineStart <= text.length; ) {
    const label = readLabel(text, lineStart);
    if (label) found.push(label);
    const newline = text.indexOf('\n', lineStart);
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return found;
}

/** Where the values of "Duration:"-style labels begin: the label's last word names a duration ("Duration", "Total Downtime", "Outage duration"). */
function labelValueStarts(text: string): Set<number> {
  return new Set(labels(text).filter((label) => LABEL_NAME.test(label.words[label.words.length - 1])).map((label) => label.valueStart));
}

/** The values of duration labels ("**Duration:** 21:45 to 23:28 UTC (103 minutes)"), from their start to the end of the line. */
export function findDurationLabels(text: string): { start: number; end: number; total: boolean }[] {
  return labels(text)
    .filter((label) => LABEL_NAME.test(label.words[label.words.length - 1]))
    .map((label) => ({ start: label.valueStart, end: label.lineEnd, total: label.words.some((word) => TOTAL_WORD.test(word)) }));
}

/** The text before `end` back to the start of its sentence, at most `reach` characters. */
function sentenceBefore(text: string, end: number, reach: number): string {
  const from = Math.max(0, end - reach);
  for (let pos = end - 1; pos >= from; pos--) {
    const char = text.charAt(pos);
    const stop = ';!?|'.includes(char) || (char === '.' && isSpaceAt(text, pos + 1)) || (char === '\n' && text.charAt(pos - 1) === '\n');
    if (stop) return text.slice(pos + 1, end);
  }
  return text.slice(from, end);
}

/** "… was down for 66 minutes": "for" before the duration and an outage verb earlier in the sentence. */
function followsOutageVerb(text: string, duration: StatedDuration): boolean {
  const before = text.slice(Math.max(0, duration.start - 10), duration.start);
  const match = FOR_BEFORE.exec(before);
  if (!match) return false;
  const forStart = duration.start - before.length + match.index;
  return OUTAGE_VERB.test(sentenceBefore(text, forStart, FOR_REACH));
}

function isParenthesised(text: string, duration: StatedDuration): boolean {
  let before = duration.start - 1;
  while (before >= 0 && (text.charAt(before) === ' ' || text.charAt(before) === '\t')) before--;
  return text.charAt(before) === '(' && text.charAt(skipWhitespace(text, duration.end)) === ')';
}

/** Whether prose states `duration` as the length of the incident. */
function isStatedInProse(text: string, duration: StatedDuration): boolean {
  const before = text.slice(Math.max(0, duration.start - LASTING_REACH), duration.start);
  return (
    followsOutageVerb(text, duration) ||
    LASTING_BEFORE.test(before) ||
    matchAt(OUTAGE_AFTER, text, duration.end) !== undefined ||
    isParenthesised(text, duration)
  );
}

export function findStatedDurations(text: string): StatedDuration[] {
  const labelled = labelValueStarts(text);
  return durationsIn(text, (duration) => labelled.has(duration.start) || isStatedInProse(text, duration));
}

/** Every duration in a text that `keep` keeps, read token by token. */
function durationsIn(text: string, keep: (duration: StatedDuration) => boolean): StatedDuration[] {
  const found: StatedDuration[] = [];
  let pos = 0;
  while (pos < text.length) {
    const candidate = startsToken(text, pos) && (isWordCharAt(text, pos) || text.charAt(pos) === '~');
    const duration = candidate ? readDuration(text, pos) : undefined;
    if (!duration) {
      pos++;
      continue;
    }
    if (keep(duration)) found.push(duration);
    pos = duration.end;
  }
  return found;
}

const TOTAL_BEFORE = /(?<![A-Za-z])(?:total(?:s|ing|ling|ed|led)?|cumulative(?:ly)?|combined|altogether)(?:[ \t]{1,3}of)?[ \t]{1,3}$/i;
const TOTAL_AFTER = /[ \t]{1,3}(?:in[ \t]{1,3}total|combined|altogether|(?:of[ \t]{1,3})?cumulative)(?![A-Za-z])/iy;
const TOTAL_REACH = 24;

/**
 * Durations stated as a total: "totaling over 14 hours", "3 hours in total", "**Total impact:** 5 h". For a
 * report of several incidents, to compare with the sum of their windows.
 */
export function findTotalDurations(text: string): StatedDuration[] {
  const labelled = new Set(labels(text).filter((label) => label.words.some((word) => TOTAL_WORD.test(word))).map((label) => label.valueStart));
  return durationsIn(text, (duration) => {
    const before = text.slice(Math.max(0, duration.start - TOTAL_REACH), duration.start);
    return labelled.has(duration.start) || TOTAL_BEFORE.test(before) || matchAt(TOTAL_AFTER, text, duration.end) !== undefined;
  });
}

export function formatDuration(minutes: number): string {
  const total = Math.round(Math.abs(minutes));
  const sign = minutes < 0 && total > 0 ? '-' : '';
  // Under an hour and a half, minutes read best ("72 min" rather than "1 h 12 min"), except a round hour.
  if (total < 90 && total !== 60) return `${sign}${total} min`;
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const rest = total % 60;
  const parts = [days ? `${days} d` : '', hours ? `${hours} h` : '', rest ? `${rest} min` : ''].filter(Boolean);
  return sign + parts.join(' ');
}

// ─── Time ranges ────────────────────────────────────────────────────────────────────────────────────────────

const DASH_JOIN = /[ \t]{0,2}[-\u2013\u2014][ \t]{0,2}/y;
const WORD_JOIN = /[ \t]{1,3}(to|until|till|through|thru|and)[ \t]{1,3}/iy;
const BETWEEN_BEFORE = /(?<![A-Za-z])between[ \t]{1,3}$/i;

/** Years for both ends of a range: a missing year is the other end's, moved on across New Year. */
function rangeDates(from: PartialDate, to: PartialDate): [CalendarDate, CalendarDate] {
  if (from.year !== undefined && to.year !== undefined) {
    return [{ year: from.year, month: from.month, day: from.day }, { year: to.year, month: to.month, day: to.day }];
  }
  const crossesNewYear = to.month < from.month;
  const fromYear = from.year ?? (to.year === undefined ? DEFAULT_YEAR : to.year - (crossesNewYear ? 1 : 0));
  const toYear = to.year ?? fromYear + (crossesNewYear ? 1 : 0);
  return [{ year: fromYear, month: from.month, day: from.day }, { year: toYear, month: to.month, day: to.day }];
}

function rangeMinutes(from: TimestampMatch, to: TimestampMatch): number {
  if (from.date && to.date) {
    const [fromDate, toDate] = rangeDates(from.date, to.date);
    return Math.round((toInstant(toDate, to.time, to.zone) - toInstant(fromDate, from.time, from.zone)) / MINUTE);
  }
  // One date or none: both times on the same day, the end on the next when it comes earlier.
  const known = from.date ?? to.date ?? { month: 1, day: 1 };
  const day = { year: known.year ?? DEFAULT_YEAR, month: known.month, day: known.day };
  const minutes = Math.round((toInstant(day, to.time, to.zone) - toInstant(day, from.time, from.zone)) / MINUTE);
  return minutes < 0 ? minutes + 1440 : minutes;
}

/** The second half of a range after `from`: "–15:19 UTC", " to 1:15 PM PT", " and 01:26 UTC on 9 April". */
function completeRange(text: string, from: TimestampMatch): TimeRange | undefined {
  let join = matchAt(DASH_JOIN, text, from.end);
  if (!join) {
    join = matchAt(WORD_JOIN, text, from.end);
    const before = text.slice(Math.max(0, from.start - 12), from.start);
    if (join && join[1].toLowerCase() === 'and' && !BETWEEN_BEFORE.test(before)) return undefined;
  }
  const to = join && readTimestamp(text, from.end + join[0].length);
  if (!to) return undefined;
  // "14:07–15:19 UTC": the zone after the second time is the first's too.
  const first = !from.zone && to.zone ? { ...from, zone: to.zone } : from;
  return { from: first, to, minutes: rangeMinutes(first, to), start: from.start, end: to.end };
}

/** The times written in prose, in order, each with the range it starts when it starts one. */
function readProseTimes(text: string): { time: TimestampMatch; range?: TimeRange }[] {
  const found: { time: TimestampMatch; range?: TimeRange }[] = [];
  let pos = 0;
  while (pos < text.length) {
    const previous = text.charAt(pos - 1);
    const candidate = startsToken(text, pos) && previous !== ':' && previous !== '.' && (isDigitAt(text, pos) || /[A-Z]/.test(text.charAt(pos)));
    const time = candidate ? readTimestamp(text, pos) : undefined;
    if (!time) {
      pos++;
      continue;
    }
    const range = completeRange(text, time);
    found.push(range ? { time, range } : { time });
    pos = range ? range.end : time.end;
  }
  return found;
}

export function findTimeRanges(text: string): TimeRange[] {
  return readProseTimes(text).flatMap(({ range }) => (range ? [range] : []));
}

/** Times in prose that carry a zone, their own or, in a range, the zone after its end ("from 9:30 to 10:37 AM WAT"). */
export function findZonedTimes(text: string): TimestampMatch[] {
  return readProseTimes(text)
    .flatMap(({ time, range }) => (range ? [range.from, range.to] : [time]))
    .filter((time) => time.zone !== undefined);
}

