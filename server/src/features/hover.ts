import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { IncidentReport } from '../model/report';
import type { Position, Range } from '../model/position';
import { timelinesOf, type Timeline, type TimelineEntry, type Milestone } from '../model/timeline/timeline';
import { describeTime, relativeTime } from '../model/timeline/describe';
import { formatDuration } from '../model/timeline/time';
import { readCounts } from './explain';

function contains(range: Range, position: Position): boolean {
  const after = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const before = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return after && before;
}

/** Hover on a timeline entry (its instant and time since the start) or on the Timeline heading (milestones and durations). */
export function getHover(report: IncidentReport, position: Position): Hover | undefined {
  if (report.kind !== 'postmortem') return undefined;
  for (const timeline of timelinesOf(report)) {
    if (contains(timeline.section.heading.range, position)) {
      return { contents: { kind: MarkupKind.Markdown, value: timelineSummary(timeline) }, range: timeline.section.heading.range };
    }
    const entry = timeline.entries.find((candidate) => contains(candidate.range, position));
    if (entry) return { contents: { kind: MarkupKind.Markdown, value: entryDetails(timeline, entry) }, range: entry.timeRange };
  }
  return undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

function formatUtc(instant: number, withDate: boolean): string {
  const d = new Date(instant);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return withDate ? `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${time}` : time;
}

/** The instant as wall-clock time in the entry's zone, via Intl for named zones. */
function formatInZone(entry: TimelineEntry, withDate: boolean): string | undefined {
  const zone = entry.zone;
  if (!zone) return undefined;
  if (zone.fixedOffset !== undefined) return `${formatUtc(entry.instant + zone.fixedOffset * 60000, withDate)} ${zone.text}`;
  if (!zone.iana) return undefined;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone.iana, hourCycle: 'h23', hour: '2-digit', minute: '2-digit',
    ...(withDate ? { year: 'numeric', month: '2-digit', day: '2-digit' } : {}),
  }).formatToParts(new Date(entry.instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const time = `${get('hour')}:${get('minute')}`;
  return `${withDate ? `${get('year')}-${get('month')}-${get('day')} ` : ''}${time} ${zone.text} (${zone.iana})`;
}

function reference(timeline: Timeline): { entry: TimelineEntry; label: string } | undefined {
  if (timeline.milestones.start) return { entry: timeline.milestones.start, label: 'the incident start' };
  const first = timeline.chronological[0];
  return first ? { entry: first, label: 'the first entry' } : undefined;
}

function entryDetails(timeline: Timeline, entry: TimelineEntry): string {
  const dated = entry.date !== undefined;
  const lines = [`**${describeTime(entry)}**${entry.milestones.length ? ` · ${entry.milestones.map(milestoneName).join(', ')}` : ''}`, ''];
  if (entry.zone?.undecided) {
    // IST, CST, BST … stand for several zones; nothing in the report says which, so no instant is claimed.
    lines.push(`- UTC: unknown — ${entry.zone.text} is ambiguous (${entry.zone.undecided.join(', ')}); write the offset or another zone the report uses`);
  } else {
    lines.push(`- UTC: ${entry.zone ? formatUtc(entry.instant, dated) : `${formatUtc(entry.instant, dated)} (no time zone given; read as UTC)`}`);
  }
  const local = formatInZone(entry, dated);
  if (local && entry.zone?.region !== 'UTC') lines.push(`- ${entry.explicitZone ? 'As written' : 'Declared zone'}: ${local}`);
  if (!dated) lines.push('- No date given: times are compared within one day, rolling over at midnight');
  if (entry.assumedNextDay) lines.push('- Assumed to be on the day after the entry before it');
  const ref = reference(timeline);
  if (ref && ref.entry !== entry) lines.push(`- \`${relativeTime(entry.instant, ref.entry.instant)}\` since ${ref.label} (${describeTime(ref.entry)}, line ${ref.entry.line + 1})`);
  else if (ref) lines.push(`- \`T+0m\`: ${ref.label}`);
  return lines.join('\n');
}

const MILESTONE_NAMES: Record<Milestone, string> = { start: 'Start', detected: 'Detection', mitigated: 'Mitigation', resolved: 'Resolution', end: 'End' };

function milestoneName(milestone: Milestone): string {
  return MILESTONE_NAMES[milestone];
}

function timelineSummary(timeline: Timeline): string {
  const { start, detected, mitigated, resolved, end } = timeline.milestones;
  const lines = [`**Timeline** · ${timeline.newestFirst ? 'newest first' : 'oldest first'}${timeline.zone ? `, all times ${timeline.zone.text}` : ''}`, ''];
  // What was read and what was not, so that a skipped entry is never a surprise.
  lines.push(`- ${readCounts(timeline)}${timeline.unparsed.length > 0 || timeline.dropped > 0 ? ': see `timeline-unparsed`' : ''}`, '');
  const row = (name: string, entry: TimelineEntry | undefined) => {
    if (entry) lines.push(`- ${name}: ${describeTime(entry)} (line ${entry.line + 1})${start && entry !== start ? ` · \`${relativeTime(entry.instant, start.instant)}\`` : ''}`);
  };
  row('Start', start);
  row('Detection', detected);
  row('Mitigation', mitigated);
  row('Resolution', resolved);
  row('End', end);
  if (!start) lines.push('- No start marked: write `OUTAGE BEGINS`, `INCIDENT START` or `Impact begins` on the first entry of the incident');
  lines.push('');
  const since = (entry: TimelineEntry | undefined) => (start && entry && entry.instant >= start.instant ? formatDuration(Math.round((entry.instant - start.instant) / 60000)) : undefined);
  const measures: [string, string | undefined][] = [
    ['Time to detect', since(detected)],
    ['Time to mitigate', since(mitigated)],
    ['Time to resolve', since(resolved)],
    ['Total duration', since(end ?? resolved)],
  ];
  for (const [name, value] of measures) if (value) lines.push(`- ${name}: **${value}**`);
  return lines.join('\n');
}
