import type { Finding, Rule } from './rule';
import type { IncidentReport } from '../model/report';
import { timelineOf, type Timeline, type TimelineEntry } from '../model/timeline/timeline';
import { describeTime } from '../model/timeline/describe';
import { proseBlocks, proseOutside } from '../model/prose';
import {
  findStatedDurations,
  findTimeRanges,
  formatDuration,
  toInstant,
  type PartialDate,
  type StatedDuration,
  type TimeRange,
} from '../model/timeline/time';

export const durationMismatch: Rule = {
  id: 'duration-mismatch',
  description: "A stated outage duration agrees with the timeline's start and end.",
  defaultSeverity: 'warning',
  kinds: ['postmortem'],
  check(report) {
    const windows = statedWindows(report);
    const findings = [...windowsAgainstThemselves(report, windows), ...totalsAgainstWindows(report, windows)];
    const timeline = timelineOf(report);
    // In a report of several incidents, a figure in the summary may be about any one of them: arguable, left alone.
    if (timeline && windows.length < 2) findings.push(...againstTimeline(report, timeline));
    return findings;
  },
};

const MINUTE = 60_000;
/** How far a summary range may reach past the timeline's first or last entry before it is about other times. */
const RANGE_REACH = 15;

interface Span {
  start: TimelineEntry;
  end: TimelineEntry;
  minutes: number;
}

/** The outage's span and the others the markers allow (incident start to outage end …): a figure that fits any of them is not contradicted. */
function spansOf(timeline: Timeline): { preferred?: Span; all: Span[] } {
  const { start, end } = timeline.milestones;
  const starts = timeline.chronological.filter((entry) => entry.milestones.includes('start'));
  const ends = timeline.chronological.filter((entry) => entry.milestones.includes('end'));
  const span = (from: TimelineEntry, to: TimelineEntry): Span => ({ start: from, end: to, minutes: Math.round((to.instant - from.instant) / MINUTE) });
  const all = starts.flatMap((from) => ends.map((to) => span(from, to))).filter((s) => s.minutes >= 0);
  const preferred = start && end && end.instant >= start.instant ? span(start, end) : undefined;
  return { preferred, all };
}

function againstTimeline(report: IncidentReport, timeline: Timeline): Finding[] {
  const { preferred, all } = spansOf(timeline);
  const { start, end } = timeline.milestones;
  const findings: Finding[] = [];
  for (const { offset, text, summary, reading } of proseOutside(report, timeline.section.heading.start, timeline.section.end)) {
    if (preferred) {
      for (const stated of reading.statedDurations) {
        if (all.some((span) => agrees(stated, span.minutes, text))) continue;
        findings.push({
          message: `The stated duration "${stated.text}" disagrees with the timeline: ${describeSpan(preferred)}, ${difference(stated.minutes, preferred.minutes)}`,
          range: report.lines.range(offset + stated.start, offset + stated.end),
          related: relatedOf(preferred),
        });
      }
    }
    // Ranges ("from 14:07 to 15:19 UTC") describe the outage only where the report sums it up.
    if (!summary) continue;
    for (const range of reading.timeRanges) {
      const where = report.lines.range(offset + range.start, offset + range.end);
      const dated = start && end ? datedWindowMismatch(range, start, end) : undefined;
      if (dated) {
        findings.push({ message: dated, range: where, related: relatedOf({ start: start!, end: end!, minutes: 0 }) });
      } else if (preferred) {
        if (all.some((span) => Math.abs(range.minutes - span.minutes) <= 1)) continue;
        findings.push({
          message: `The stated time range (${formatDuration(range.minutes)}) disagrees with the timeline: ${describeSpan(preferred)}, ${difference(range.minutes, preferred.minutes)}`,
          range: where,
          related: relatedOf(preferred),
        });
      } else if (!start || !end) {
        const unmatched = rangeOutsideTimeline(range, timeline);
        if (unmatched) findings.push({ message: unmatched, range: where });
      }
    }
  }
  return findings;
}

const UPPER_BOUND = /(?<![A-Za-z])(?:at[ \t]{1,2}(?:most|maximum|the[ \t]{1,2}most)|up[ \t]{1,2}to|less[ \t]{1,2}than|under|within|no[ \t]{1,2}more[ \t]{1,2}than|fewer[ \t]{1,2}than)[ \t]{1,2}$/i;
const LOWER_BOUND = /(?<![A-Za-z])(?:more[ \t]{1,2}than|at[ \t]{1,2}least|in[ \t]{1,2}excess[ \t]{1,2}of|upwards[ \t]{1,2}of)[ \t]{1,2}$/i;
const OVER = /^over(?![A-Za-z])/i;

/** Whether a stated figure fits `minutes`: within its precision, or on the right side of a bound ("less than two hours", "over 14 hours"). */
function agrees(stated: StatedDuration, minutes: number, text: string): boolean {
  const before = text.slice(Math.max(0, stated.start - 24), stated.start);
  const slack = Math.max(1, stated.precision);
  if (UPPER_BOUND.test(before)) return minutes <= stated.minutes + slack;
  if (LOWER_BOUND.test(before) || OVER.test(stated.text)) return minutes >= stated.minutes - slack;
  return Math.abs(stated.minutes - minutes) <= slack;
}

function describeSpan(span: Span): string {
  return `${label(span.start)} at ${describeTime(span.start)} (line ${span.start.line + 1}) to ${label(span.end)} at ${describeTime(span.end)} (line ${span.end.line + 1}) is ${formatDuration(span.minutes)}`;
}

function relatedOf(span: Span): Finding['related'] {
  return [{ range: span.start.range, message: 'Start of the incident' }, { range: span.end.range, message: 'End of the incident' }];
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function sameMonth(written: PartialDate, entry: TimelineEntry): boolean {
  return !entry.date || (written.month === entry.date.month && (written.year === undefined || written.year === entry.date.year));
}

function clock(time: { hour: number; minute: number }): string {
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

/**
 * A window written with dates ("between 2019-02-25 23:04 and 2019-02-26 08:12") that starts at the outage's
 * start time but is dated in another month, or ends at another minute than the outage's end: a typo on one side.
 */
function datedWindowMismatch(range: TimeRange, start: TimelineEntry, end: TimelineEntry): string | undefined {
  const { from, to } = range;
  if (!from.date || !to.date || clock(from.time) !== clock(start.time)) return undefined;
  const problems: string[] = [];
  if (!sameMonth(from.date, start) || !sameMonth(to.date, end)) {
    const entryMonth = MONTH_NAMES[(start.date ?? end.date)!.month - 1];
    problems.push(`it is dated ${MONTH_NAMES[from.date.month - 1]}, the timeline ${entryMonth}`);
  }
  const endGap = Math.abs(to.time.hour * 60 + to.time.minute - (end.time.hour * 60 + end.time.minute));
  if (endGap > 1 && endGap < 1439) problems.push(`it ends at ${clock(to.time)}, the timeline's outage at ${clock(end.time)} (line ${end.line + 1})`);
  if (problems.length === 0) return undefined;
  return `The stated window disagrees with the timeline's outage, ${describeTime(start)} (line ${start.line + 1}) to ${describeTime(end)}: ${problems.join('; ')}`;
}

/**
 * A summary range whose start and end match no timeline entry and that reaches well past the timeline: "from
 * 9:30 AM to 10:37 AM" when the timeline runs 9:03–9:31. Compared by instant when both sides give their zone,
 * by wall clock when neither does; not at all when only one does.
 */
function rangeOutsideTimeline(range: TimeRange, timeline: Timeline): string | undefined {
  const entries = timeline.chronological;
  if (entries.length < 2) return undefined;
  const zoned = entries.every((entry) => entry.zone && !entry.zone.undecided);
  const rangeZone = range.from.zone ?? timeline.zone;
  if (zoned !== (rangeZone !== undefined && !rangeZone.undecided) || rangeZone?.undecided) return undefined;
  const day = entries[0].date ?? { year: 2000, month: 1, day: 1 };
  const from = toInstant(day, range.from.time, zoned ? rangeZone : undefined);
  const to = from + range.minutes * MINUTE;
  const matches = (instant: number, time: { hour: number; minute: number }) =>
    entries.some((entry) => Math.abs(entry.instant - instant) < MINUTE || clock(entry.time) === clock(time));
  if (matches(from, range.from.time) || matches(to, range.to.time)) return undefined;
  const first = entries[0];
  const last = entries[entries.length - 1];
  if (from >= first.instant - RANGE_REACH * MINUTE && to <= last.instant + RANGE_REACH * MINUTE) return undefined;
  return `The stated time range ${clock(range.from.time)}–${clock(range.to.time)} (${formatDuration(range.minutes)}) matches no timeline entry at either end, and the timeline runs from ${describeTime(first)} (line ${first.line + 1}) to ${describeTime(last)} (line ${last.line + 1})`;
}

/** One incident's window as a "Duration:" label states it: its figure, or else the length of its range. */
interface Window {
  minutes: number;
  /** The label's figure when it also gives a range, and the range's length: they should agree. */
  check?: { stated: StatedDuration; range: TimeRange; offset: number };
  offset: number;
  text: string;
}

/** Every "Duration:" label in the report that is not a total, wherever it stands (per-incident windows sit in the timeline). */
function statedWindows(report: IncidentReport): Window[] {
  const windows: Window[] = [];
  for (const { offset, text, reading } of proseBlocks(report)) {
    for (const label of reading.durationLabels) {
      if (label.total) continue;
      const value = text.slice(label.start, label.end);
      const stated = findStatedDurations(value)[0];
      const range = findTimeRanges(value)[0];
      const minutes = stated?.minutes ?? range?.minutes;
      if (minutes === undefined) continue;
      const check = stated && range ? { stated, range, offset: offset + label.start } : undefined;
      windows.push({ minutes, offset: offset + label.start, text: value, ...(check ? { check } : {}) });
    }
  }
  return windows;
}

/** "**Duration:** 21:45 to 23:28 UTC (103 minutes)": the figure and the range of one label disagree. */
function windowsAgainstThemselves(report: IncidentReport, windows: Window[]): Finding[] {
  return windows.flatMap(({ check }) => {
    if (!check || Math.abs(check.stated.minutes - check.range.minutes) <= Math.max(1, check.stated.precision)) return [];
    return [{
      message: `The stated duration "${check.stated.text}" disagrees with the range beside it (${formatDuration(check.range.minutes)}), ${difference(check.stated.minutes, check.range.minutes)}`,
      range: report.lines.range(check.offset + check.stated.start, check.offset + check.stated.end),
    }];
  });
}

const COUNT_WORDS: ReadonlyMap<string, number> = new Map([
  ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10],
]);
// "four separate incidents", "across 3 outages": the number of incidents a total is over.
const INCIDENT_COUNT = /(?<![A-Za-z0-9])(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})(?:[ \t]{1,3}[A-Za-z-]{1,20}){0,2}?[ \t]{1,3}(?:incidents|outages|events|disruptions|episodes|occurrences)(?![A-Za-z])/gi;

/** The number of incidents the line around `at` speaks of, when it names one. */
function incidentCount(text: string, at: number): number | undefined {
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const lineEnd = text.indexOf('\n', at);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  for (const match of line.matchAll(INCIDENT_COUNT)) {
    const word = match[1].toLowerCase();
    return COUNT_WORDS.get(word) ?? Number(word);
  }
  return undefined;
}

/**
 * A total over several incidents ("four incidents totaling over 14 hours") must be the sum of the incidents'
 * stated windows. Only when the total names as many incidents as the report states windows for.
 */
function totalsAgainstWindows(report: IncidentReport, windows: Window[]): Finding[] {
  if (windows.length < 2) return [];
  const sum = windows.reduce((total, window) => total + window.minutes, 0);
  const parts = `${windows.map((window) => formatDuration(window.minutes)).join(' + ')} = ${formatDuration(sum)}`;
  const findings: Finding[] = [];
  for (const { offset, text, reading } of proseBlocks(report)) {
    for (const total of reading.totalDurations) {
      if (incidentCount(text, total.start) !== windows.length || agrees(total, sum, text)) continue;
      findings.push({
        message: `The stated total "${total.text}" disagrees with the ${windows.length} windows the report states: ${parts}`,
        range: report.lines.range(offset + total.start, offset + total.end),
      });
    }
  }
  return findings;
}

function label(entry: TimelineEntry): string {
  const marker = /\b(?:OUTAGE|INCIDENT|IMPACT)\s+\w+|<[^>]+>|impact\s+(?:begins|ends|starts)/i.exec(entry.text);
  return marker ? marker[0] : entry.milestones.includes('start') ? 'the start' : 'the end';
}

function difference(stated: number, actual: number): string {
  return `${formatDuration(Math.abs(stated - actual))} ${actual < stated ? 'shorter' : 'longer'} than stated`;
}

