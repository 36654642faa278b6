/**
 * The timeline of a post-mortem: its entries, when each happened, and the milestones they mark.
 * Pure: built from the report model, cached per report.
 */
import type { List, Table, TableRow, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { IncidentReport, PostmortemSection } from '../report';
import type { Range } from '../position';
import { frontMatterText } from '../frontMatter';
import { rememberedByText } from '../memo';
import { scanTimestamp, findDate, findZoneDeclaration, findLabelZone, parseZone, toInstant, zoneSettler, type ClockTime, type PartialDate, type ZoneRef } from './time';

export type Milestone = 'start' | 'detected' | 'mitigated' | 'resolved' | 'end';

export interface TimelineEntry {
  /** What happened: the entry's text after its timestamp. */
  text: string;
  /** The whole entry (list item, table row, paragraph or pasted segment). */
  range: Range;
  /** Where the timestamp is written. */
  timeRange: Range;
  line: number;
  source: 'list' | 'table' | 'paragraph';
  time: ClockTime;
  /** The calendar date the entry happened on, when the text says or implies one. */
  date?: { year: number; month: number; day: number };
  /** True when the entry itself carries its date (so it never rolls over to the next day). */
  explicitDate: boolean;
  zone?: ZoneRef;
  /** True when the zone is written on the entry, not declared for the timeline. */
  explicitZone: boolean;
  /** UTC milliseconds. Without a date, on an arbitrary day: good for order and differences only. */
  instant: number;
  /** Set when the time went backwards with no new date and the entry was taken to be on the next day. */
  assumedNextDay?: boolean;
  /** Changes wherever a new date is given (a day heading, a dated line): entries roll over only within one. */
  dayContext: number;
  milestones: Milestone[];
}

export interface UnparsedEntry {
  text: string;
  range: Range;
  line: number;
  source: 'list' | 'table';
}

export interface Timeline {
  section: PostmortemSection;
  /** In document order. */
  entries: TimelineEntry[];
  /** The same entries, oldest first (newest-first logs reversed). */
  chronological: TimelineEntry[];
  unparsed: UnparsedEntry[];
  /** The zone declared for the whole timeline ("All times UTC", a `Time (UTC)` column). */
  zone?: ZoneRef;
  /** The log runs newest first, by its own word or consistently. */
  newestFirst: boolean;
  milestones: Partial<Record<Milestone, TimelineEntry>>;
  /** Entries beyond the cap that were not read (a pasted log of 100,000 lines). */
  dropped: number;
}

/** More entries than any incident timeline has: past this, the rest is counted, not read. */
export const MAX_TIMELINE_ENTRIES = 10_000;

/** Markers of the outage itself; they win over markers of the incident ("incident start") where a timeline has both. */
const OUTAGE_START = /\b(?:outage|impact|disruption|downtime)\s+(?:begins|began|starts|started)\b|<\s*start of (?:the )?outage\s*>|\b(?:start|beginning) of (?:the )?(?:outage|impact|downtime)\b|\bbeginning\s+outage\b/i;
const OUTAGE_END = /\b(?:outage|impact|disruption|downtime)\s+(?:ends|ended|is over)\b|<\s*end of (?:the )?outage\s*>|\bend of (?:the )?(?:outage|impact|downtime)\b/i;
const INCIDENT_START = /\bincident\s+(?:begins|began|starts|started|start)\b|\b(?:start|beginning) of (?:the )?incident\b/i;
const INCIDENT_END = /\bincident\s+(?:ends|ended|is over|end)\b|\bend of (?:the )?incident\b/i;

const MILESTONES: [Milestone, RegExp][] = [
  ['start', OUTAGE_START],
  ['start', INCIDENT_START],
  ['end', OUTAGE_END],
  ['end', INCIDENT_END],
  ['detected', /\bdetected\b|\b(?:alert|alarm)s?\b.{0,80}?\b(?:fired|fires|triggered|triggers)\b|`[A-Za-z][\w-]*`\s+(?:fires|fired|triggers|triggered)\b/i],
  ['mitigated', /\bmitigat(?:ed|ion)\b/i],
  ['resolved', /\bresolved\b|\bincident\s+closed\b/i],
];

const milestonesNamed = rememberedByText((text: string): Milestone[] => [...new Set(MILESTONES.filter(([, pattern]) => pattern.test(text)).map(([milestone]) => milestone))]);

const NEWEST_FIRST = /\b(?:newest|latest|most recent)\s+(?:entr(?:y|ies)\s+|events?\s+|updates?\s+)?(?:first|on top|at the top)\b|\breverse[- ]chronological\b/i;

const cache = new WeakMap<IncidentReport, Timeline | null>();

/** The report's timeline, or undefined when it has no Timeline section. Computed once per report. */
export function timelineOf(report: IncidentReport): Timeline | undefined {
  let timeline = cache.get(report);
  if (timeline === undefined) {
    timeline = buildTimeline(report) ?? null;
    cache.set(report, timeline);
  }
  return timeline ?? undefined;
}

interface RawEntry {
  start: number;
  end: number;
  timeStart: number;
  timeEnd: number;
  text: string;
  source: TimelineEntry['source'];
  time: ClockTime;
  date?: PartialDate;
  zone?: ZoneRef;
  /** The date context (heading, day line) in force, and a counter that changes with it. */
  contextDate?: PartialDate;
  context: number;
}

/** Walks the Timeline section: day headings and declarations set the context, lists, tables and paragraphs give entries. */
class Collector {
  readonly raw: RawEntry[] = [];
  dropped = 0;
  readonly unparsed: { start: number; end: number; text: string; source: 'list' | 'table' }[] = [];
  zone?: ZoneRef;
  newestFirst = false;
  private contextDate?: PartialDate;
  private context = 0;

  constructor(private readonly text: string) {}

  node(node: RootContent): void {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    switch (node.type) {
      case 'heading':
        this.declarations(this.text.slice(start, end), true);
        break;
      case 'paragraph':
        this.paragraph(start, end);
        break;
      case 'list':
        this.list(node);
        break;
      case 'table':
        this.table(node);
        break;
      default:
        break;
    }
  }

  /** Dates, zones and "newest first" said outside the entries. A new date opens a new day. */
  declarations(source: string, isHeading: boolean): void {
    // A heading may give the zone as a label: "Timeline (UTC)", "### Timeline (all times East Africa Time)".
    const zone = isHeading ? findLabelZone(source) : findZoneDeclaration(source);
    if (zone) this.zone = zone;
    if (NEWEST_FIRST.test(source)) this.newestFirst = true;
    const date = findDate(source);
    if (date && (isHeading || source.length < 200)) this.setDate(date.date);
  }

  private setDate(date: PartialDate): void {
    this.contextDate = date;
    this.context++;
  }

  private paragraph(start: number, end: number): void {
    const source = this.text.slice(start, end);
    const segments = squashedSegments(source);
    if (segments.length > 0 && segments[0] !== 0 && scanTimestamp(source)) segments.unshift(0);
    if (segments.length >= 2 || (segments.length === 1 && segments[0] > 0)) {
      // "January 23, 2024: - 18:30 EST: … - 19:05 EST: …": a day marker, then entries run together.
      this.declarations(source.slice(0, segments[0]), false);
      segments.forEach((segmentStart, i) => {
        const segmentEnd = i + 1 < segments.length ? segments[i + 1] : source.length;
        this.entry(source.slice(0, segmentEnd), segmentStart, start, 'paragraph', segmentEnd);
      });
      return;
    }
    const lineStarts = lineStartsWithTimestamps(source);
    if (lineStarts.length >= 1 && lineStarts[0] === 0) {
      lineStarts.forEach((lineStart, i) => {
        const lineEnd = i + 1 < lineStarts.length ? lineStarts[i + 1] : source.length;
        this.entry(source.slice(0, lineEnd).replace(/\s+$/, ''), lineStart, start, 'paragraph', lineEnd);
      });
      return;
    }
    this.declarations(source, false);
  }

  private list(node: List): void {
    const items = node.children.map((item) => {
      const first = item.children[0];
      const start = first?.position?.start.offset ?? item.position?.start.offset ?? 0;
      const end = first?.position?.end.offset ?? item.position?.end.offset ?? start;
      return { start, end, itemEnd: item.position?.end.offset ?? end, timestamp: first?.type === 'paragraph' ? scanTimestamp(this.text.slice(start, end)) : undefined };
    });
    // A list is a timeline list when its entries have times; then an item without one is worth a word.
    if (!items.some((item) => item.timestamp)) {
      for (const item of items) this.declarations(this.text.slice(item.start, item.end), false);
      return;
    }
    for (const item of items) {
      const source = this.text.slice(item.start, item.end);
      if (item.timestamp) this.entry(source, 0, item.start, 'list');
      else this.unparsed.push({ start: item.start, end: item.end, text: source.trim(), source: 'list' });
    }
  }

  private table(node: Table): void {
    const [header, ...rows] = node.children;
    if (!header) return;
    const headerCells = header.children.map((cell) => toString(cell));
    // "Time (UTC)", "Date (UTC)", "Date and Time in CET", "Time (EAT)".
    for (const cell of headerCells) {
      const zone = findLabelZone(cell);
      if (zone) this.zone = zone;
    }
    const named = headerCells.findIndex((cell) => /\b(?:time|date|when|timestamp)\b/i.test(cell));
    const timeColumn = named >= 0 ? named : 0;
    const dateColumn = headerCells.findIndex((cell, i) => i !== timeColumn && /\bdate\b/i.test(cell));
    for (const row of rows) this.row(row, timeColumn, dateColumn);
  }

  private row(row: TableRow, timeColumn: number, dateColumn: number): void {
    if (this.raw.length >= MAX_TIMELINE_ENTRIES) {
      this.dropped++;
      return;
    }
    const cell = row.children[timeColumn];
    const rowStart = row.position?.start.offset ?? 0;
    const rowEnd = row.position?.end.offset ?? rowStart;
    const cellStart = cell?.position?.start.offset;
    const cellEnd = cell?.position?.end.offset;
    const others = row.children.filter((_, i) => i !== timeColumn).map((c) => toString(c).trim()).filter(Boolean).join(' — ');
    if (cellStart === undefined || cellEnd === undefined) {
      this.unparsed.push({ start: rowStart, end: rowEnd, text: others, source: 'table' });
      return;
    }
    // The cell's source includes its pipes and padding: read the timestamp from its first non-blank character.
    const cellSource = this.text.slice(cellStart, cellEnd);
    const offset = cellSource.search(/[^|\s]/);
    const timestamp = offset >= 0 ? scanTimestamp(cellSource, offset) : undefined;
    if (!timestamp) {
      if (toString(row).trim()) this.unparsed.push({ start: rowStart, end: rowEnd, text: toString(row).trim(), source: 'table' });
      return;
    }
    const rowDate = timestamp.date ?? (dateColumn >= 0 ? findDate(toString(row.children[dateColumn] ?? { type: 'text', value: '' }))?.date : undefined);
    this.raw.push({
      start: rowStart, end: rowEnd, timeStart: cellStart + timestamp.start, timeEnd: cellStart + timestamp.end,
      text: others, source: 'table', time: timestamp.time, date: rowDate, zone: timestamp.zone, contextDate: this.contextDate, context: this.context,
    });
  }

  /** An entry whose timestamp starts at `from` within `source` (which starts at document offset `base`). */
  private entry(source: string, from: number, base: number, kind: TimelineEntry['source'], end = source.length): void {
    if (this.raw.length >= MAX_TIMELINE_ENTRIES) {
      this.dropped++;
      return;
    }
    const timestamp = scanTimestamp(source, from);
    if (!timestamp) return;
    const text = source.slice(timestamp.textStart, end).trim();
    this.raw.push({
      start: base + from, end: base + end, timeStart: base + timestamp.start, timeEnd: base + timestamp.end,
      text, source: kind, time: timestamp.time, date: timestamp.date, zone: timestamp.zone, contextDate: this.contextDate, context: this.context,
    });
  }
}

/** Start offsets of entries run together in one paragraph: ` - 18:30 EST: … - 19:05 EST: …`. */
function squashedSegments(source: string): number[] {
  const starts: number[] = [];
  const separator = /(?:^|\s)[-\u2013\u2014\u2022]\s+/g;
  for (let match = separator.exec(source); match; match = separator.exec(source)) {
    const at = match.index + match[0].length;
    if (scanTimestamp(source, at)) starts.push(at);
  }
  return starts;
}

/** Offsets of the lines of a paragraph that start with a timestamp (soft-wrapped logs). */
function lineStartsWithTimestamps(source: string): number[] {
  const starts: number[] = [];
  let lineStart = 0;
  for (const line of source.split('\n')) {
    if (scanTimestamp(line)) starts.push(lineStart);
    lineStart += line.length + 1;
  }
  return starts;
}

function buildTimeline(report: IncidentReport): Timeline | undefined {
  const section = report.postmortemSections.find((s) => s.kind.id === 'timeline');
  if (!section) return undefined;
  const collector = new Collector(report.text);
  collector.declarations(section.heading.text, true);
  for (const node of section.content) collector.node(node);

  const reportDate = incidentDate(report);
  const fallbackZone = parseZoneSafe(frontMatterText(report.frontMatter, 'timezone')) ?? zoneDeclaredBefore(report, section);
  const settle = zoneSettler(report.text);
  const zone = settle(collector.zone ?? fallbackZone);
  const entries = collector.raw.map((raw) => resolve(report, raw.zone?.undecided ? { ...raw, zone: settle(raw.zone) } : raw, zone, reportDate));
  const newestFirst = collector.newestFirst || runsBackwards(entries);
  const chronological = newestFirst ? [...entries].reverse() : [...entries];
  rollOver(chronological);
  return {
    section,
    entries,
    chronological,
    unparsed: collector.unparsed.map((u) => ({ text: u.text, range: report.lines.range(u.start, u.end), line: report.lines.positionAt(u.start).line, source: u.source })),
    zone,
    newestFirst,
    milestones: milestonesOf(chronological),
    dropped: collector.dropped,
  };
}

/**
 * A zone declared for the whole report before its timeline: in the opening paragraphs ("All times in PDT." under
 * the title) or in the paragraph right before the Timeline heading ("Times below are Pacific.").
 */
function zoneDeclaredBefore(report: IncidentReport, section: PostmortemSection): ZoneRef | undefined {
  const firstSection = report.postmortemSections[0]?.heading.start ?? report.text.length;
  let before: RootContent | undefined;
  for (const node of report.tree.children) {
    const start = node.position?.start.offset ?? 0;
    if (start >= section.heading.start) break;
    if (start < firstSection && node.type === 'paragraph') {
      const zone = findZoneDeclaration(toString(node));
      if (zone) return zone;
    }
    before = node;
  }
  return before?.type === 'paragraph' ? findZoneDeclaration(toString(before)) : undefined;
}

function parseZoneSafe(text: string | undefined): ZoneRef | undefined {
  return text ? parseZone(text) : undefined;
}

const DATE_LABEL = /\b(?:date|opened|incident date|date of incident|occurred)\b/i;

/** The day the incident happened, for entries with no date of their own: front matter, Date line, or a dated label before the first section. */
function incidentDate(report: IncidentReport): PartialDate | undefined {
  for (const text of [frontMatterText(report.frontMatter, 'date'), report.date?.value]) {
    const found = text ? findDate(text) : undefined;
    if (found) return found.date;
  }
  const firstSection = report.postmortemSections[0]?.heading.start ?? report.text.length;
  for (const node of report.tree.children) {
    const start = node.position?.start.offset ?? 0;
    if (start >= firstSection) break;
    if (node.type !== 'paragraph') continue;
    for (const line of report.text.slice(start, node.position?.end.offset ?? start).split('\n')) {
      if (!DATE_LABEL.test(line)) continue;
      const found = findDate(line);
      if (found) return found.date;
    }
  }
  if (report.title) return findDate(report.title.title)?.date;
  return undefined;
}

function withYear(date: PartialDate | undefined, ...contexts: (PartialDate | undefined)[]): { year: number; month: number; day: number } | undefined {
  if (!date) return undefined;
  const year = date.year ?? contexts.find((c) => c?.year !== undefined)?.year;
  return year === undefined ? undefined : { year, month: date.month, day: date.day };
}

/** An arbitrary day for entries with no known date: differences and order still hold. */
const UNDATED = { year: 2000, month: 1, day: 1 };

function resolve(report: IncidentReport, raw: RawEntry, zone: ZoneRef | undefined, reportDate: PartialDate | undefined): TimelineEntry {
  const date = withYear(raw.date, raw.contextDate, reportDate) ?? withYear(raw.contextDate, reportDate) ?? withYear(reportDate);
  const entryZone = raw.zone ?? zone;
  return {
    text: raw.text,
    range: report.lines.range(raw.start, raw.end),
    timeRange: report.lines.range(raw.timeStart, raw.timeEnd),
    line: report.lines.positionAt(raw.start).line,
    source: raw.source,
    time: raw.time,
    date,
    explicitDate: raw.date !== undefined,
    zone: entryZone,
    explicitZone: raw.zone !== undefined,
    instant: toInstant(date ?? UNDATED, raw.time, entryZone),
    dayContext: raw.context,
    milestones: milestonesNamed(raw.text),
  };
}

/** A log that goes backwards far more often than forwards is a newest-first log. */
function runsBackwards(entries: TimelineEntry[]): boolean {
  let forwards = 0;
  let backwards = 0;
  for (let i = 1; i < entries.length; i++) {
    if (entries[i].instant > entries[i - 1].instant) forwards++;
    else if (entries[i].instant < entries[i - 1].instant) backwards++;
  }
  return backwards >= 2 && forwards * 4 <= backwards;
}

const DAY = 24 * 3_600_000;

/**
 * Times that go backwards with no new date, where a day change is plausible (late evening to early morning),
 * are taken to be on the next day; the entries after them in the same day context move with them.
 */
function rollOver(chronological: TimelineEntry[]): void {
  let shift = 0;
  for (let i = 0; i < chronological.length; i++) {
    const entry = chronological[i];
    const previous = chronological[i - 1];
    if (previous && entry.dayContext !== previous.dayContext) shift = 0;
    entry.instant += shift;
    if (!previous || entry.explicitDate || entry.dayContext !== previous.dayContext || entry.instant >= previous.instant) continue;
    if (previous.time.hour >= 18 && entry.time.hour < 8 && previous.instant - entry.instant < DAY) {
      entry.instant += DAY;
      shift += DAY;
      entry.assumedNextDay = true;
    }
  }
}

function milestonesOf(chronological: TimelineEntry[]): Partial<Record<Milestone, TimelineEntry>> {
  const found: Partial<Record<Milestone, TimelineEntry>> = {};
  // "OUTAGE BEGINS"/"OUTAGE ENDS" beat "incident start"/"incident end": a stated outage is measured between them.
  const outageStart = chronological.find((entry) => entry.milestones.includes('start') && OUTAGE_START.test(entry.text));
  const outageEnds = chronological.filter((entry) => entry.milestones.includes('end') && OUTAGE_END.test(entry.text));
  for (const entry of chronological) {
    for (const milestone of entry.milestones) {
      // The first start and detection, the last end; mitigation and resolution count only once the incident has begun.
      if (milestone === 'end') found.end = entry;
      else if (!found[milestone] && (milestone === 'start' || !found.start || entry.instant >= found.start.instant)) found[milestone] = entry;
    }
  }
  if (outageStart) found.start = outageStart;
  if (outageEnds.length > 0) found.end = outageEnds[outageEnds.length - 1];
  return found;
}
