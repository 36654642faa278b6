/**
 * The front matter keys an incident report may give (`severity`, `status`, `incident-id`, the four times of the
 * incident, `owner`, `services`): what each one holds and how its value is read. The schema is data; the checks
 * are pure and say what is wrong as data, which the rules and the hover put into words. Keys the schema does not
 * know are the team's own and are never wrong.
 */
import type { FrontMatter, FrontMatterEntry } from './frontMatter';
import type { CalendarDate } from './dates';
import { isCalendarDay } from './dates';
import { parseZone, toInstant, type ClockTime, type ZoneRef } from './timeline/time';

export type MetadataValueShape = 'severity' | 'status' | 'identifier' | 'time' | 'people' | 'names';

export interface MetadataKey {
  name: string;
  shape: MetadataValueShape;
  /** Other spellings teams use for the same key (after `normalKey`): read as the key, never reported. */
  aliases: readonly string[];
}

/** The times of an incident, in the order they happen. */
export const TIME_KEYS = ['started', 'detected', 'mitigated', 'resolved'] as const;
export type TimeKeyName = (typeof TIME_KEYS)[number];

export const METADATA_KEYS: readonly MetadataKey[] = [
  { name: 'severity', shape: 'severity', aliases: ['sev'] },
  { name: 'status', shape: 'status', aliases: [] },
  { name: 'incident-id', shape: 'identifier', aliases: ['incident-number', 'incident-no'] },
  { name: 'started', shape: 'time', aliases: ['started-at', 'start-time'] },
  { name: 'detected', shape: 'time', aliases: ['detected-at', 'detection-time'] },
  { name: 'mitigated', shape: 'time', aliases: ['mitigated-at', 'mitigation-time'] },
  { name: 'resolved', shape: 'time', aliases: ['resolved-at', 'resolution-time'] },
  { name: 'owner', shape: 'people', aliases: ['owners'] },
  { name: 'services', shape: 'names', aliases: ['service', 'affected-services'] },
];

/** The usual scales: SEV1 (worst) to SEV5, and P0 (worst) to P4. */
export const DEFAULT_SEVERITIES: readonly string[] = ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5', 'P0', 'P1', 'P2', 'P3', 'P4'];

/** Statuses of a post-mortem or 8D report's life (the document's) and of the incident's (a status page's). */
export const STATUSES: readonly string[] = [
  'draft', 'in progress', 'in review', 'under review', 'review', 'open', 'ongoing', 'active', 'investigating', 'identified',
  'monitoring', 'mitigated', 'resolved', 'closed', 'complete', 'completed', 'done', 'final', 'approved', 'accepted', 'published',
  'superseded', 'cancelled', 'canceled', 'archived',
];

/** A key as compared: lower case, words joined by hyphens (`incident_id`, `incidentId` and `Incident ID` are `incident-id`). */
export function normalKey(key: string): string {
  return key.trim().replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase().replace(/[\s_]+/g, '-');
}

const KEYS_BY_SPELLING: ReadonlyMap<string, MetadataKey> = new Map(METADATA_KEYS.flatMap((key) => [key.name, ...key.aliases].map((spelling) => [spelling, key] as const)));

/** The schema's key a front matter key is (under any of its spellings), if any. */
export function metadataKeyOf(key: string): MetadataKey | undefined {
  return KEYS_BY_SPELLING.get(normalKey(key));
}

/**
 * The schema's key an unknown key looks like a slip of (`severty`, `detetced`): one letter off, two for longer
 * keys. Short keys are left alone: `sta` or `own` may be anything.
 */
export function nearMissKey(key: string): MetadataKey | undefined {
  const written = normalKey(key);
  if (written.length < 5 || KEYS_BY_SPELLING.has(written)) return undefined;
  for (const candidate of METADATA_KEYS) {
    const allowed = candidate.name.length >= 7 ? 2 : 1;
    if (Math.abs(candidate.name.length - written.length) <= allowed && editDistance(written, candidate.name) <= allowed) return candidate;
  }
  return undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours, each 1. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}

/** A severity as compared: upper case, no spaces, hyphens or underscores (`Sev 1`, `SEV-1` and `sev1` are one). */
function normalSeverity(value: string): string {
  return value.replace(/[\s_-]+/g, '').toUpperCase();
}

/** The entry of `scale` that a severity is, written any way (`Sev-2` is `SEV2`), if any. */
export function severityOf(value: string, scale: readonly string[]): string | undefined {
  const written = normalSeverity(value);
  return scale.find((level) => normalSeverity(level) === written);
}

/** `SEV1–SEV5, P0–P4`: a scale for a message, runs of one prefix and consecutive numbers shortened. */
export function describeScale(scale: readonly string[]): string {
  const parts: string[] = [];
  let run: { prefix: string; first: number; last: number; firstText: string; lastText: string } | undefined;
  const flush = () => {
    if (run) parts.push(run.first === run.last ? run.firstText : `${run.firstText}${run.last - run.first > 1 ? '–' : ', '}${run.lastText}`);
    run = undefined;
  };
  for (const level of scale) {
    const match = /^(\D*)(\d+)$/.exec(level);
    if (match && run && run.prefix === match[1] && Number(match[2]) === run.last + 1) {
      run.last = Number(match[2]);
      run.lastText = level;
      continue;
    }
    flush();
    if (match) run = { prefix: match[1], first: Number(match[2]), last: Number(match[2]), firstText: level, lastText: level };
    else parts.push(level);
  }
  flush();
  return parts.join(', ');
}

/** The status as listed (`In-Progress` is `in progress`), if it is one. */
export function statusOf(value: string): string | undefined {
  const written = value.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
  return STATUSES.find((status) => status === written);
}

/** A time of the incident as front matter gives it: a day, or a day and a time with or without its zone. */
export interface MetadataTime {
  date: CalendarDate;
  time?: ClockTime;
  zone?: ZoneRef;
  /** UTC milliseconds, for a time whose zone is known. */
  instant?: number;
}

// `2025-03-01`, `2025-03-01T14:07Z`, `2025-03-01 14:07:30+01:00`, `2025-03-01T14:07 UTC`, `2025-03-01 14:07 Europe/Berlin`.
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?[ \t]{0,2}([Zz]|[+-]\d{2}(?::?\d{2})?|[A-Za-z][A-Za-z0-9/_+-]{0,40})?)?$/;

/** A front matter time, or undefined when the value is not one. A JavaScript date (TOML's) is a UTC time. */
export function parseMetadataTime(value: unknown): MetadataTime | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : parseMetadataTime(value.toISOString());
  if (typeof value !== 'string') return undefined;
  const match = ISO_TIME.exec(value.trim());
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (!isCalendarDay(date.year, date.month, date.day)) return undefined;
  if (match[4] === undefined) return { date };
  const time = { hour: Number(match[4]), minute: Number(match[5]), second: Number(match[6] ?? 0) };
  if (time.hour > 23 || time.minute > 59 || time.second > 59) return undefined;
  if (match[7] === undefined) return { date, time };
  // `-05` is an offset too, which the zone reader wants as `-05:00`.
  const zone = parseZone(/^[+-]\d{2}$/.test(match[7]) ? `${match[7]}:00` : match[7].toUpperCase() === 'Z' ? 'Z' : match[7]);
  if (!zone) return undefined;
  if (zone.undecided) return { date, time, zone };
  return { date, time, zone, instant: toInstant(date, time, zone) };
}

/** What is wrong with one key of the front matter, as data. */
export type MetadataProblem =
  | { kind: 'empty'; entry: FrontMatterEntry; key: MetadataKey }
  | { kind: 'unknown-severity'; entry: FrontMatterEntry; value: string; scale: readonly string[]; ownScale: boolean }
  | { kind: 'unknown-status'; entry: FrontMatterEntry; value: string }
  | { kind: 'not-a-time'; entry: FrontMatterEntry; key: MetadataKey }
  | { kind: 'time-without-zone'; entry: FrontMatterEntry; key: MetadataKey }
  | { kind: 'wrong-shape'; entry: FrontMatterEntry; key: MetadataKey }
  | { kind: 'out-of-order'; entry: FrontMatterEntry; key: TimeKeyName; before: { entry: FrontMatterEntry; key: TimeKeyName } }
  | { kind: 'near-miss'; entry: FrontMatterEntry; key: MetadataKey };

/** A front matter entry of a time key, read. */
export interface TimeEntry {
  key: TimeKeyName;
  entry: FrontMatterEntry;
  time: MetadataTime;
}

/** The times the front matter gives, under any spelling of their keys, in the order they should happen. */
export function metadataTimes(frontMatter: FrontMatter | undefined): TimeEntry[] {
  const times: TimeEntry[] = [];
  for (const name of TIME_KEYS) {
    const entry = frontMatter?.entries.find((candidate) => metadataKeyOf(candidate.key)?.name === name);
    const time = entry && parseMetadataTime(entry.value);
    if (entry && time) times.push({ key: name, entry, time });
  }
  return times;
}

/**
 * Everything wrong with the front matter's known keys, in the order written, then the times out of order. `scale` is
 * the team's severities (`incidentDocs.metadata.severities`), empty for the usual ones.
 */
export function checkMetadata(frontMatter: FrontMatter | undefined, scale: readonly string[]): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  for (const entry of frontMatter?.entries ?? []) {
    const key = metadataKeyOf(entry.key);
    if (key) {
      const problem = valueProblem(entry, key, scale);
      if (problem) problems.push(problem);
      continue;
    }
    const near = nearMissKey(entry.key);
    if (near) problems.push({ kind: 'near-miss', entry, key: near });
  }
  return [...problems, ...outOfOrder(metadataTimes(frontMatter))];
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

function isName(value: unknown): boolean {
  return (typeof value === 'string' && value.trim() !== '') || typeof value === 'number';
}

function valueProblem(entry: FrontMatterEntry, key: MetadataKey, scale: readonly string[]): MetadataProblem | undefined {
  const { value } = entry;
  if (isEmpty(value)) return { kind: 'empty', entry, key };
  switch (key.shape) {
    case 'severity': {
      if (!isName(value)) return { kind: 'wrong-shape', entry, key };
      const ownScale = scale.length > 0;
      const levels = ownScale ? scale : DEFAULT_SEVERITIES;
      return severityOf(String(value), levels) ? undefined : { kind: 'unknown-severity', entry, value: String(value), scale: levels, ownScale };
    }
    case 'status':
      if (typeof value !== 'string') return { kind: 'wrong-shape', entry, key };
      return statusOf(value) ? undefined : { kind: 'unknown-status', entry, value };
    case 'identifier':
      return isName(value) ? undefined : { kind: 'wrong-shape', entry, key };
    case 'people':
    case 'names':
      return isName(value) || (Array.isArray(value) && value.every(isName)) ? undefined : { kind: 'wrong-shape', entry, key };
    case 'time': {
      const time = parseMetadataTime(value);
      if (!time) return { kind: 'not-a-time', entry, key };
      return time.time && !time.zone ? { kind: 'time-without-zone', entry, key } : undefined;
    }
  }
}

/** Milliseconds of a day, for comparing a day with a time. */
const DAY = 86_400_000;

/**
 * Whether `later` is before `earlier`: by instant when both have one, else by the day written (a day alone is not
 * before or after a time on that day).
 */
export function isBefore(later: MetadataTime, earlier: MetadataTime): boolean {
  if (later.instant !== undefined && earlier.instant !== undefined) return later.instant < earlier.instant;
  const day = (time: MetadataTime) => Date.UTC(time.date.year, time.date.month - 1, time.date.day) / DAY;
  if (later.time && earlier.time && !later.zone && !earlier.zone) return toInstant(later.date, later.time) < toInstant(earlier.date, earlier.time);
  return day(later) < day(earlier);
}

/** Each time before the one that should come before it (started ≤ detected ≤ mitigated ≤ resolved). */
function outOfOrder(times: readonly TimeEntry[]): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  for (let i = 1; i < times.length; i++) {
    const before = times[i - 1];
    if (isBefore(times[i].time, before.time)) problems.push({ kind: 'out-of-order', entry: times[i].entry, key: times[i].key, before: { entry: before.entry, key: before.key } });
  }
  return problems;
}
