import * as l10n from '@vscode/l10n';
import type { Finding, Rule } from './rule';
import { metadataTimes, type TimeEntry, type TimeKeyName } from '../model/metadataSchema';
import { timelinesOf, type Milestone, type Timeline, type TimelineEntry } from '../model/timeline/timeline';
import { describeTime } from '../model/timeline/describe';
import { formatDuration, toInstant } from '../model/timeline/time';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

const MILESTONE_OF: Readonly<Record<TimeKeyName, Milestone>> = { started: 'start', detected: 'detected', mitigated: 'mitigated', resolved: 'resolved' };

export const metadataTimeline: Rule = {
  id: 'metadata-timeline',
  description: "The front matter's started, detected, mitigated and resolved times agree with the timeline's milestones.",
  defaultSeverity: 'information',
  kinds: ['postmortem'],
  check(report) {
    const times = metadataTimes(report.frontMatter);
    if (times.length === 0) return [];
    // A report of several incidents has a timeline for each: which one the front matter speaks of is not said.
    const timelines = timelinesOf(report);
    if (timelines.length !== 1) return [];
    return times.flatMap((time) => {
      const finding = disagreement(time, timelines[0]);
      return finding ? [finding] : [];
    });
  },
};

/**
 * A front matter time that no timeline entry of its milestone agrees with (to the minute), said against the entry the
 * timeline takes as the milestone. A day alone, a timeline without the milestone, and a comparison where only one side
 * gives its zone say nothing.
 */
function disagreement({ key, entry, time }: TimeEntry, timeline: Timeline): Finding | undefined {
  const milestone = MILESTONE_OF[key];
  const marked = timeline.milestones[milestone];
  // An abbreviation several zones share (IST, CST) that the report has not decided gives no instant.
  if (!time.time || time.zone?.undecided || !marked || marked.precision !== 'time') return undefined;
  const candidates = timeline.chronological.filter((candidate) => candidate.precision === 'time' && candidate.milestones.includes(milestone));
  const gaps = candidates.map((candidate) => gapOf(time.instant ?? toInstant(time.date, time.time!), time.zone !== undefined, candidate));
  if (gaps.some((gap) => gap === undefined || Math.abs(gap) < MINUTE)) return undefined;
  const gap = gapOf(time.instant ?? toInstant(time.date, time.time), time.zone !== undefined, marked);
  if (gap === undefined) return undefined;
  const minutes = formatDuration(Math.round(Math.abs(gap) / MINUTE));
  const written = String(entry.value).trim();
  const at = entryTime(marked, timeline);
  const message = gap > 0
    ? l10n.t('{0} ({1}) disagrees with the timeline: its {2} entry is at {3} (line {4}), {5} earlier', entry.key, written, milestoneName(milestone), at, marked.line + 1, minutes)
    : l10n.t('{0} ({1}) disagrees with the timeline: its {2} entry is at {3} (line {4}), {5} later', entry.key, written, milestoneName(milestone), at, marked.line + 1, minutes);
  return { message, range: entry.valueRange, related: [{ range: marked.timeRange, message: l10n.t('The timeline\'s {0} entry', milestoneName(milestone)) }] };
}

/**
 * How far the front matter's time is after the entry's (negative: before), or undefined when they cannot be compared:
 * by instant when both give their zone, by wall clock when neither does. An entry without a date is compared by the
 * time of day, the nearer way round.
 */
function gapOf(instant: number, zoned: boolean, entry: TimelineEntry): number | undefined {
  const entryZoned = entry.zone !== undefined && !entry.zone.undecided;
  if (zoned !== entryZoned || entry.zone?.undecided) return undefined;
  const gap = instant - entry.instant;
  if (entry.date) return gap;
  const withinDay = ((gap % DAY) + DAY) % DAY;
  return withinDay > DAY / 2 ? withinDay - DAY : withinDay;
}

/** The entry's time as written, with the timeline's zone when the entry leaves it to the timeline. */
function entryTime(entry: TimelineEntry, timeline: Timeline): string {
  const written = describeTime(entry);
  return !entry.explicitZone && timeline.zone ? `${written} ${timeline.zone.text}` : written;
}

/** Said with each milestone's name: one word alone is too little for a translator (and would share its key with others). */
const MILESTONE_COMMENT = "a milestone of an incident's timeline";

function milestoneName(milestone: Milestone): string {
  switch (milestone) {
    case 'start':
      return l10n.t({ message: 'start', comment: [MILESTONE_COMMENT] });
    case 'detected':
      return l10n.t({ message: 'detection', comment: [MILESTONE_COMMENT] });
    case 'mitigated':
      return l10n.t({ message: 'mitigation', comment: [MILESTONE_COMMENT] });
    case 'resolved':
      return l10n.t({ message: 'resolution', comment: [MILESTONE_COMMENT] });
    case 'end':
      return l10n.t({ message: 'end', comment: [MILESTONE_COMMENT] });
  }
}
