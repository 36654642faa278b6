/**
 * The timeline of a post-mortem: its entries, when each happened, and the milestones they mark.
 * Pure: built from the report model, cached per report.
 */
import type { List, Table, TableRow, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { HeadingInfo, IncidentReport, PostmortemSection } from '../report';
import type { Range } from '../position';
import { frontMatterText } from '../frontMatter';
import { rememberedByText } from '../memo';
import { DEFAULT_YEAR, scanTimestamp, scanEntryStamp, whyUnreadable, looksStamped, findDate, findZoneDeclaration, findLabelZone, parseZone, toInstant, zoneSettler, type ClockTime, type EntryStamp, type PartialDate, type ZoneRef } from './time';

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
  /**
   * `time`: a clock time; `day`: a date alone, ordered by day only (its `time` is midnight); `offset`: minutes
   * from the incident's start ("T+30m"), its `time` and `instant` counted from the start or first timed entry.
   */
  precision: EntryStamp['precision'];
  /** For an offset entry: the minutes after the start, as written. */
  offsetMinutes?: number;
  time: ClockTime;
  /** The calendar date the entry happened on, when the text says or implies one (a year not written is inferred). */
  date?: { year: number; month: number; day: number };
  /** True when the entry itself carries its date (so it never rolls over to the next day). */
  explicitDate: boolean;
  /** True when the year of an explicit date is written, not inferred ("Jan 16, 5:44 AM" has none). */
  explicitYear: boolean;
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
  /** Why it was not read, in a few words ("the year 20202 is not a year", "no time or date at its start"). */
  reason: string;
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

// Notes and summary lines among the entries of a timeline list ("**Note:** …", "**Total impact duration:** …").
const NOTE_WORDS: ReadonlySet<string> = new Set(['note', 'notes', 'nb', 'n.b.', 'ps', 'p.s.', 'aside', 'footnote', 'remark', 'caveat', 'disclaimer', 'total', 'context']);
const NOTE_LABEL = /[ \t]{0,3}(?:\*\*|__|\*|_)?([A-Za-z][A-Za-z.]{0,11})(?:[ \t]{1,2}[A-Za-z]{1,15}){0,3}[ \t]{0,2}(?:\*\*|__|\*|_)?[ \t]{0,2}:/y;
// A kramdown attribute list (`{: .timeline }`), which GFM takes for a row of the table above it.
const ATTRIBUTE_LIST = /^\{:/;
// "<br>", "<br/>", "<br />": entries joined in one paragraph or cell.
const LINE_BREAK_TAG = /<br[ \t]{0,3}\/?>/gi;

function isNote(text: string): boolean {
  NOTE_LABEL.lastIndex = 0;
  const match = NOTE_LABEL.exec(text);
  return match !== null && NOTE_WORDS.has(match[1].toLowerCase());
}

const cache = new WeakMap<IncidentReport, Timeline[]>();

/**
 * Every timeline of the report, one per Timeline section (a report of several incidents has one under each), in
 * document order. A Timeline section inside another (a `**Timeline:**` block under each incident of an
 * "Incident Timeline") is read on its own; the outer one keeps what lies outside them, and is left out when that
 * holds no entry. Computed once per report.
 */
export function timelinesOf(report: IncidentReport): Timeline[] {
  let timelines = cache.get(report);
  if (timelines === undefined) {
    const sections = report.postmortemSections.filter((s) => s.kind.id === 'timeline');
    const enclosing = enclosingHeadings(report, sections);
    const reportDate = incidentDate(report);
    timelines = [];
    for (let i = 0; i < sections.length; i++) {
      const section = sections[i];
      const inner: PostmortemSection[] = [];
      for (let j = i + 1; j < sections.length && sections[j].heading.start < section.end; j++) inner.push(sections[j]);
      const timeline = buildTimeline(report, section, inner, enclosing[i], reportDate);
      if (inner.length === 0 || size(timeline) > 0) timelines.push(timeline);
    }
    cache.set(report, timelines);
  }
  return timelines;
}

/** The report's main timeline (the one with most entries, the first of equals), or undefined when it has none. */
export function timelineOf(report: IncidentReport): Timeline | undefined {
  let main: Timeline | undefined;
  for (const timeline of timelinesOf(report)) {
    if (!main || size(timeline) > size(main)) main = timeline;
  }
  return main;
}

function size(timeline: Timeline): number {
  return timeline.entries.length + timeline.unparsed.length;
}

/**
 * Negative when `a` is earlier than `b`, positive when later, 0 when equal or not comparable. An entry of day
 * precision is compared by its day only: it is neither before nor after a timed entry of the same day.
 */
export function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  if (a.precision !== 'day' && b.precision !== 'day') return a.instant - b.instant;
  if (!a.date || !b.date) return 0;
  return dayNumber(a.date) - dayNumber(b.date);
}

function dayNumber(date: { year: number; month: number; day: number }): number {
  return Date.UTC(date.year, date.month - 1, date.day) / DAY;
}

interface RawEntry {
  start: number;
  end: number;
  timeStart: number;
  timeEnd: number;
  text: string;
  source: TimelineEntry['source'];
  precision: EntryStamp['precision'];
  offsetMinutes?: number;
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
  readonly unparsed: { start: number; end: number; text: string; source: 'list' | 'table'; reason: string }[] = [];
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
    // "*06:00*: paged<br>*06:12*: rolled back": each piece is an entry.
    const joined = entriesJoinedByBreaks(source, 0);
    if (joined) {
      for (const piece of joined) this.entry(source.slice(0, piece.end), piece.start, start, 'paragraph', piece.end);
      return;
    }
    const segments = squashedSegments(source);
    if (segments.length > 0 && segments[0] !== 0 && scanTimestamp(source)) segments.unshift(0);
    // Run-together entries follow a day marker or an entry, not prose ("… (10:45 - 16:11 UTC)" is a range).
    if ((segments.length >= 2 || (segments.length === 1 && segments[0] > 0)) && (segments[0] === 0 || scanEntryStamp(source)?.precision === 'day')) {
      // "January 23, 2024: - 18:30 EST: … - 19:05 EST: …": a day marker, then entries run together.
      this.declarations(source.slice(0, segments[0]), false);
      segments.forEach((segmentStart, i) => {
        const segmentEnd = i + 1 < segments.length ? segments[i + 1] : source.length;
        this.entry(source.slice(0, segmentEnd), segmentStart, start, 'paragraph', segmentEnd);
      });
      return;
    }
    const lineStarts = lineStartsWithStamps(source);
    // Lines that start with a time (or name the day: "**March 14, 2024**"), from the first line on or after a
    // line that introduces them ("Times in UTC:"); a line of prose wrapped before a time does not.
    const introduced = lineStarts.length >= 1 && lineStarts[0] > 0 && introducesEntries(source.slice(0, lineStarts[0]));
    if (lineStarts.length >= 1 && (lineStarts[0] === 0 || introduced)) {
      if (introduced) this.declarations(source.slice(0, lineStarts[0]), false);
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
      const source = this.text.slice(start, end);
      const nested = item.children.filter((child): child is List => child.type === 'list');
      return { start, end, source, nested, stamp: first?.type === 'paragraph' ? scanEntryStamp(source) : undefined };
    });
    // A list is a timeline list when its entries have times (or most start like a time that cannot be read);
    // then an item without one is worth a word. An item over a nested list is a group label ("**Day 2**").
    const isLog = items.some((item) => item.stamp) || items.filter((item) => looksStamped(item.source)).length * 2 > items.length;
    for (const item of items) {
      if (item.stamp) this.entry(item.source, 0, item.start, 'list');
      else if (!isLog || item.nested.length > 0) this.declarations(item.source, false);
      else if (!isNote(item.source)) this.unreadable(item.start, item.end, item.source.trim(), 'list', whyUnreadable(item.source));
      for (const nested of item.nested) this.list(nested);
    }
  }

  private unreadable(start: number, end: number, text: string, source: 'list' | 'table', reason: string): void {
    this.unparsed.push({ start, end, text, source, reason });
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
    // "Time", "When", "Timestamp" before "Date": a table with both reads the time from one and the day from the other.
    const timed = headerCells.findIndex((cell) => /\b(?:time|when|timestamp)\b/i.test(cell));
    const named = timed >= 0 ? timed : headerCells.findIndex((cell) => /\bdate\b/i.test(cell));
    const timeColumn = named >= 0 ? named : 0;
    const dateColumn = headerCells.findIndex((cell, i) => i !== timeColumn && /\bdate\b/i.test(cell));
    const cells = rows.map((row) => this.cellStamp(row, timeColumn));
    // A table is a timeline table when its header names a time column or its rows have times.
    const isLog = named >= 0 || cells.some((cell) => cell.stamp);
    rows.forEach((row, i) => this.row(row, cells[i], dateColumn, isLog));
  }

  /** The time cell of a row, where its text starts, and the stamp it starts with. */
  private cellStamp(row: TableRow, column: number): { start?: number; source: string; offset: number; stamp?: EntryStamp } {
    const cell = row.children[column];
    const start = cell?.position?.start.offset;
    const end = cell?.position?.end.offset;
    if (start === undefined || end === undefined) return { source: '', offset: -1 };
    // The cell's source includes its pipes and padding: read the stamp from its first non-blank character.
    const source = this.text.slice(start, end);
    const offset = source.search(/[^|\s]/);
    return { start, source, offset, stamp: offset >= 0 ? scanEntryStamp(source, offset) : undefined };
  }

  private row(row: TableRow, cell: ReturnType<Collector['cellStamp']>, dateColumn: number, isLog: boolean): void {
    if (this.raw.length >= MAX_TIMELINE_ENTRIES) {
      this.dropped++;
      return;
    }
    const rowStart = row.position?.start.offset ?? 0;
    const rowEnd = row.position?.end.offset ?? rowStart;
    const rowText = toString(row).trim();
    if (!rowText || ATTRIBUTE_LIST.test(rowText)) return;
    const others = row.children.filter((c) => c.position?.start.offset !== cell.start).map((c) => toString(c).trim()).filter(Boolean).join(' — ');
    const dateText = dateColumn >= 0 ? toString(row.children[dateColumn] ?? { type: 'text', value: '' }).trim() : '';
    const rowDate = dateText ? findDate(dateText)?.date : undefined;
    if (cell.start === undefined || !cell.stamp) {
      if (isLog) this.unreadable(rowStart, rowEnd, rowText, 'table', whyUnreadable(cell.source.slice(Math.max(cell.offset, 0))));
      return;
    }
    // A date column that cannot be read leaves the row without its day: "20202-01-16".
    if (dateText && !rowDate && !cell.stamp.date) {
      this.unreadable(rowStart, rowEnd, rowText, 'table', whyUnreadable(dateText));
      return;
    }
    const joined = entriesJoinedByBreaks(cell.source, cell.offset);
    if (joined) {
      for (const piece of joined) this.entry(cell.source.slice(0, piece.end), piece.start, cell.start, 'table', piece.end, others);
      return;
    }
    this.addEntry(cell.stamp.date ? cell.stamp : { ...cell.stamp, date: rowDate }, { start: rowStart, end: rowEnd, base: cell.start, text: others, source: 'table' });
  }

  /** An entry whose stamp starts at `from` within `source` (which starts at document offset `base`). */
  private entry(source: string, from: number, base: number, kind: TimelineEntry['source'], end = source.length, fallbackText = ''): void {
    if (this.raw.length >= MAX_TIMELINE_ENTRIES) {
      this.dropped++;
      return;
    }
    const stamp = scanEntryStamp(source, from);
    if (!stamp) return;
    const text = source.slice(stamp.textStart, end).trim() || fallbackText;
    this.addEntry(stamp, { start: base + from, end: base + end, base, text, source: kind });
  }

  /**
   * A stamped entry. A date on it holds for the entries after it that have none; a date alone with nothing
   * after it only names the day ("- **March 14**" over the entries of that day), and so does a date alone
   * opening a line of a paragraph ("Tuesday, March 5 — all times UTC"): only list items and table rows are day entries.
   */
  private addEntry(stamp: EntryStamp, where: { start: number; end: number; base: number; text: string; source: TimelineEntry['source'] }): void {
    if (stamp.precision === 'day' && where.source === 'paragraph') this.declarations(where.text, false);
    if (stamp.date) this.setDate(stamp.date);
    if (stamp.precision === 'day' && (!where.text || where.source === 'paragraph')) return;
    const raw: RawEntry = {
      start: where.start, end: where.end, timeStart: where.base + stamp.start, timeEnd: where.base + stamp.end,
      text: where.text, source: where.source, precision: stamp.precision, time: stamp.time, date: stamp.date, zone: stamp.zone,
      contextDate: this.contextDate, context: this.context,
    };
    if (stamp.offsetMinutes !== undefined) raw.offsetMinutes = stamp.offsetMinutes;
    this.raw.push(raw);
  }
}

/**
 * The pieces of `source` from `from` joined by `<br>` tags, when the first and at least one more start with a
 * stamp ("*06:00*: paged<br>*06:12*: rolled back"); a piece without one continues the piece before it.
 */
function entriesJoinedByBreaks(source: string, from: number): { start: number; end: number }[] | undefined {
  if (!source.includes('<') || !scanEntryStamp(source, from)) return undefined;
  const pieces: { start: number; end: number }[] = [{ start: from, end: source.length }];
  LINE_BREAK_TAG.lastIndex = from;
  for (let match = LINE_BREAK_TAG.exec(source); match; match = LINE_BREAK_TAG.exec(source)) {
    const next = match.index + match[0].length;
    if (!scanEntryStamp(source, next)) continue;
    pieces[pieces.length - 1].end = match.index;
    pieces.push({ start: next, end: source.length });
  }
  return pieces.length >= 2 ? pieces : undefined;
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

/** Whether text ends as a label does ("Times in UTC:", "**March 14:**"), so that the lines after it are its entries. */
function introducesEntries(text: string): boolean {
  let end = text.length;
  while (end > 0 && (text.charAt(end - 1) === '*' || /\s/.test(text.charAt(end - 1)))) end--;
  return text.charAt(end - 1) === ':';
}

/** Offsets of the lines of a paragraph that start with a stamp (soft-wrapped logs). */
function lineStartsWithStamps(source: string): number[] {
  const starts: number[] = [];
  let lineStart = 0;
  for (const line of source.split('\n')) {
    if (scanEntryStamp(line)) starts.push(lineStart);
    lineStart += line.length + 1;
  }
  return starts;
}

/**
 * The timeline of `section`, without what lies in the timeline sections `inner` to it (they are read on their
 * own, in document order), under the headings `enclosing` (outermost first), in a report dated `reportDate`.
 */
function buildTimeline(
  report: IncidentReport,
  section: PostmortemSection,
  inner: readonly PostmortemSection[],
  enclosing: readonly HeadingInfo[],
  reportDate: PartialDate | undefined,
): Timeline {
  const collector = new Collector(report.text);
  // The headings a per-incident timeline sits under may give its day ("## Incident 2 — 2025-10-21").
  for (const heading of enclosing) collector.declarations(heading.text, true);
  collector.declarations(section.heading.text, true);
  let next = 0;
  for (const node of section.content) {
    const start = node.position?.start.offset ?? 0;
    while (next < inner.length && inner[next].end <= start) next++;
    if (next < inner.length && inner[next].heading.start <= start) continue;
    collector.node(node);
  }

  const fallbackZone = parseZoneSafe(frontMatterText(report.frontMatter, 'timezone')) ?? zoneDeclaredBefore(report, section);
  const settle = zoneSettler(report.text);
  const zone = settle(collector.zone ?? fallbackZone);
  const dates = entryDates(collector.raw, reportDate);
  const entries = collector.raw.map((raw, i) => resolve(report, raw.zone?.undecided ? { ...raw, zone: settle(raw.zone) } : raw, zone, dates[i]));
  placeOffsets(entries);
  const newestFirst = collector.newestFirst || runsBackwards(entries);
  const chronological = newestFirst ? [...entries].reverse() : [...entries];
  rollOver(chronological);
  return {
    section,
    entries,
    chronological,
    unparsed: collector.unparsed.map((u) => ({ text: u.text, range: report.lines.range(u.start, u.end), line: report.lines.positionAt(u.start).line, source: u.source, reason: u.reason })),
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
  const opening = openingZoneOf(report);
  if (opening) return opening;
  // The root child just before the heading, by binary search: a report of many incidents has many timelines.
  const children = report.tree.children;
  let low = 0;
  let high = children.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((children[middle].position?.start.offset ?? 0) < section.heading.start) low = middle + 1;
    else high = middle;
  }
  const before = children[low - 1];
  return before?.type === 'paragraph' ? findZoneDeclaration(toString(before)) : undefined;
}

const openingZones = new WeakMap<IncidentReport, ZoneRef | null>();

/** A zone declared in the report's opening paragraphs, before its first section ("All times in PDT." under the title). */
function openingZoneOf(report: IncidentReport): ZoneRef | undefined {
  let zone = openingZones.get(report);
  if (zone === undefined) {
    zone = null;
    const firstSection = report.postmortemSections[0]?.heading.start ?? report.text.length;
    for (const node of report.tree.children) {
      if ((node.position?.start.offset ?? 0) >= firstSection) break;
      if (node.type === 'paragraph') zone = findZoneDeclaration(toString(node)) ?? null;
      if (zone) break;
    }
    openingZones.set(report, zone);
  }
  return zone ?? undefined;
}

/** The level a bold label (`**Timeline:**`) stands at: under every heading before it. */
const LABEL_DEPTH = 7;

/**
 * For each section (in document order), the nearest heading of each higher level above it, outermost first, the
 * report's title (level 1) left out. One pass over the headings with a stack of the open ones.
 */
function enclosingHeadings(report: IncidentReport, sections: readonly PostmortemSection[]): HeadingInfo[][] {
  const open: HeadingInfo[] = [];
  let next = 0;
  return sections.map((section) => {
    for (; next < report.headings.length && report.headings[next].start < section.heading.start; next++) {
      const heading = report.headings[next];
      while (open.length > 0 && open[open.length - 1].depth >= heading.depth) open.pop();
      open.push(heading);
    }
    const depth = section.heading.pseudo ? LABEL_DEPTH : section.heading.depth;
    return open.filter((heading) => heading.depth > 1 && heading.depth < depth);
  });
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

type FullDate = { year: number; month: number; day: number };

/** An arbitrary day for entries with no known date: differences and order still hold. */
const UNDATED: FullDate = { year: 2000, month: 1, day: 1 };
/** How far after the report's own date a date without a year may fall before it is taken to be of the year before. */
const AFTER_REPORT_DAYS = 31;

/**
 * The date of each entry: its own, else the day in force (a day heading, a dated line, a dated entry above it),
 * else the report's. A date written without a year takes the year that puts it nearest the dated entry before it
 * (December, then March, is a new year), and for the first, the report's year — the year before, when that would put it
 * well after the report.
 */
function entryDates(raws: readonly RawEntry[], reportDate: PartialDate | undefined): (FullDate | undefined)[] {
  const report = reportDate?.year !== undefined ? { year: reportDate.year, month: reportDate.month, day: reportDate.day } : undefined;
  let previous: FullDate | undefined;
  return raws.map((raw) => {
    const partial = raw.date ?? raw.contextDate ?? reportDate;
    if (!partial) return undefined;
    const date = partial.year !== undefined ? { year: partial.year, month: partial.month, day: partial.day } : nearestYear(partial, previous, report);
    previous = date;
    return date;
  });
}

function nearestYear(date: PartialDate, previous: FullDate | undefined, report: FullDate | undefined): FullDate {
  const year = previous?.year ?? report?.year ?? DEFAULT_YEAR;
  const candidates = [year - 1, year, year + 1].map((y) => ({ year: y, month: date.month, day: date.day }));
  if (previous) {
    const distance = (d: FullDate): number => Math.abs(dayNumber(d) - dayNumber(previous));
    return candidates.reduce((best, d) => (distance(d) < distance(best) ? d : best));
  }
  const sameYear = candidates[1];
  if (report && dayNumber(sameYear) - dayNumber(report) > AFTER_REPORT_DAYS) return candidates[0];
  return sameYear;
}

function resolve(report: IncidentReport, raw: RawEntry, zone: ZoneRef | undefined, date: FullDate | undefined): TimelineEntry {
  const entryZone = raw.zone ?? zone;
  const entry: TimelineEntry = {
    text: raw.text,
    range: report.lines.range(raw.start, raw.end),
    timeRange: report.lines.range(raw.timeStart, raw.timeEnd),
    line: report.lines.positionAt(raw.start).line,
    source: raw.source,
    precision: raw.precision,
    time: raw.time,
    date,
    explicitDate: raw.date !== undefined,
    explicitYear: raw.date?.year !== undefined,
    zone: entryZone,
    explicitZone: raw.zone !== undefined,
    instant: toInstant(date ?? UNDATED, raw.time, entryZone),
    dayContext: raw.context,
    milestones: milestonesNamed(raw.text),
  };
  if (raw.offsetMinutes !== undefined) entry.offsetMinutes = raw.offsetMinutes;
  return entry;
}

/**
 * Offsets ("T+30m") count from the entry that marks the start of the incident, else the first timed entry; with
 * neither, from an arbitrary start, so that they are still ordered among themselves.
 */
function placeOffsets(entries: TimelineEntry[]): void {
  const offsets = entries.filter((e) => e.precision === 'offset');
  if (offsets.length === 0) return;
  const timed = entries.filter((e) => e.precision === 'time');
  const start = timed.find((e) => e.milestones.includes('start')) ?? timed[0];
  const origin = start?.instant ?? toInstant(UNDATED, { hour: 0, minute: 0, second: 0 });
  const originMinutes = start ? start.time.hour * 60 + start.time.minute : 0;
  for (const entry of offsets) {
    const offset = entry.offsetMinutes ?? 0;
    entry.instant = origin + offset * 60_000;
    // The wall-clock time it comes to, for display (its day is not tracked: offsets are compared by instant).
    const minutes = (((originMinutes + offset) % 1440) + 1440) % 1440;
    entry.time = { hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0 };
  }
}

/** A log that goes backwards far more often than forwards is a newest-first log. */
function runsBackwards(entries: TimelineEntry[]): boolean {
  let forwards = 0;
  let backwards = 0;
  for (let i = 1; i < entries.length; i++) {
    const step = compareEntries(entries[i], entries[i - 1]);
    if (step > 0) forwards++;
    else if (step < 0) backwards++;
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
  // Only clock times roll over: a day entry has its date, an offset counts from the start.
  const timed = chronological.filter((entry) => entry.precision === 'time');
  for (let i = 0; i < timed.length; i++) {
    const entry = timed[i];
    const previous = timed[i - 1];
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
  // A day entry has no time to measure from.
  const timed = chronological.filter((e) => e.precision !== 'day');
  // "OUTAGE BEGINS"/"OUTAGE ENDS" beat "incident start"/"incident end": a stated outage is measured between them.
  const outageStart = timed.find((entry) => entry.milestones.includes('start') && OUTAGE_START.test(entry.text));
  const outageEnds = timed.filter((entry) => entry.milestones.includes('end') && OUTAGE_END.test(entry.text));
  for (const entry of timed) {
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
