/**
 * What the model understood of a document, for `incident-docs explain`: its kind and why, the role of each heading,
 * and each timeline entry with its instant or why it was not read. Pure: data in, data out; the CLI formats it.
 */
import type { IncidentReport, HeadingInfo } from '../model/report';
import type { ReportKind } from '../model/kinds/classify';
import { kindReason } from '../model/kinds/kindReasons';
import { timelinesOf, type Timeline, type TimelineEntry, type UnparsedEntry } from '../model/timeline/timeline';
import { describeTime } from '../model/timeline/describe';

export interface Explanation {
  kind: ReportKind | undefined;
  /** `8D report`, `post-mortem` or `not a report`. */
  kindName: string;
  reason: string;
  headings: HeadingRole[];
  /** Only post-mortems' timelines are read. */
  timelines: TimelineExplanation[];
}

export interface HeadingRole {
  /** 1-based, as editors number lines. */
  line: number;
  depth: number;
  text: string;
  /** A line standing where a heading should (a section name on its own, `#` lost when pasted). */
  pseudo: boolean;
  /** `title`, a post-mortem section's name, `D3 …`; undefined when the heading has no role. */
  role?: string;
}

export interface TimelineExplanation {
  /** Line of the Timeline heading, 1-based. */
  line: number;
  heading: string;
  /** The zone declared for the whole timeline, as written. */
  zone?: string;
  newestFirst: boolean;
  read: number;
  notRead: number;
  /** Entries past the cap, counted but not read. */
  dropped: number;
  /** Read and unread entries, in document order. */
  entries: EntryExplanation[];
}

export type EntryExplanation = ReadEntry | UnreadEntry;

export interface ReadEntry {
  read: true;
  line: number;
  /** The time as written, e.g. `14:07` or `2025-02-11 14:07 PST`. */
  written: string;
  /** ISO instant in UTC (`2025-02-11T14:07Z`), or the UTC clock time alone (`14:07Z`) when no date is known. */
  utc: string;
  dated: boolean;
  /** The zone the time was read in, as written; undefined when none was given (read as UTC). */
  zone?: string;
  /** Written on the entry, or declared for the timeline. */
  zoneFrom?: 'entry' | 'timeline';
  /** IANA zone behind the abbreviation or name, when known. */
  iana?: string;
  assumedNextDay: boolean;
  text: string;
}

export interface UnreadEntry {
  read: false;
  line: number;
  text: string;
  reason: string;
}


const KIND_NAMES: Record<ReportKind, string> = { '8d': '8D report', postmortem: 'post-mortem' };


export function explain(report: IncidentReport): Explanation {
  const { reason } = kindReason(report.kindEvidence);
  const kind = report.kind;
  return {
    kind,
    kindName: kind ? KIND_NAMES[kind] : 'not a report',
    reason,
    headings: headingRoles(report),
    timelines: report.kind === 'postmortem' ? timelinesOf(report).map(explainTimeline) : [],
  };
}

function headingRoles(report: IncidentReport): HeadingRole[] {
  const roles = new Map<number, string>();
  for (const section of report.postmortemSections) {
    const role = section.kind.core ? section.kind.name : `${section.kind.name} (optional)`;
    const known = roles.get(section.heading.start);
    // One heading can hold two roles ("Remediation": the fix and the follow-ups).
    roles.set(section.heading.start, known ? `${known}, ${role}` : role);
  }
  for (const discipline of report.disciplines) roles.set(discipline.heading.start, `D${discipline.number}${discipline.label.title ? '' : ' (no title)'}`);
  const titleStart = report.title ? report.lines.offsetAt(report.title.range.start) : undefined;
  const all: HeadingInfo[] = [...report.headings, ...report.pseudoHeadings].sort((a, b) => a.start - b.start);
  return all.map((heading) => ({
    line: heading.line + 1,
    depth: heading.depth,
    text: heading.text,
    pseudo: heading.pseudo === true,
    role: roles.get(heading.start) ?? (heading.start === titleStart && heading.depth === 1 ? `title${report.title?.number ? ` (number ${report.title.number})` : ''}` : undefined),
  }));
}

function explainTimeline(timeline: Timeline): TimelineExplanation {
  const entries: EntryExplanation[] = [...timeline.entries.map(readEntry), ...timeline.unparsed.map(unreadEntry)];
  entries.sort((a, b) => a.line - b.line);
  return {
    line: timeline.section.heading.line + 1,
    heading: timeline.section.heading.text,
    zone: timeline.zone?.text,
    newestFirst: timeline.newestFirst,
    read: timeline.entries.length,
    notRead: timeline.unparsed.length,
    dropped: timeline.dropped,
    entries,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

function utcOf(entry: TimelineEntry): string {
  const d = new Date(entry.instant);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (entry.precision === 'day') return entry.date ? `day ${day}` : 'a day (no date)';
  // IST, CST, BST … that the report does not decide: no instant is claimed.
  if (entry.zone?.undecided) return `unknown (${entry.zone.text} is ambiguous: ${entry.zone.undecided.join(', ')})`;
  const seconds = d.getUTCSeconds() ? `:${pad(d.getUTCSeconds())}` : '';
  const clock = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${seconds}Z`;
  // Without a date the instant stands on an arbitrary day: only its clock time means anything.
  return entry.date ? `${day}T${clock}` : clock;
}

function readEntry(entry: TimelineEntry): ReadEntry {
  return {
    read: true,
    line: entry.line + 1,
    written: describeTime(entry),
    utc: utcOf(entry),
    dated: entry.date !== undefined,
    zone: entry.zone?.text,
    zoneFrom: entry.zone ? (entry.explicitZone ? 'entry' : 'timeline') : undefined,
    iana: entry.zone?.iana,
    assumedNextDay: entry.assumedNextDay === true,
    text: entry.text,
  };
}

function unreadEntry(entry: UnparsedEntry): UnreadEntry {
  return { read: false, line: entry.line + 1, text: entry.text, reason: entry.reason };
}

/** How much of a timeline was read, in a sentence: `14 entries read, 2 not read (lines 33, 40)`. */
export function readCounts(timeline: Timeline, maxLines = 8): string {
  const read = `${timeline.entries.length} ${timeline.entries.length === 1 ? 'entry' : 'entries'} read`;
  const lines = timeline.unparsed.map((entry) => entry.line + 1);
  const shown = lines.slice(0, maxLines).join(', ') + (lines.length > maxLines ? ', …' : '');
  const notRead = lines.length === 0 ? 'none left out' : `${lines.length} not read (line${lines.length === 1 ? '' : 's'} ${shown})`;
  const dropped = timeline.dropped > 0 ? `, ${timeline.dropped} more past the limit not read` : '';
  return `${read}, ${notRead}${dropped}`;
}
