import type { Finding, Rule } from './rule';
import { timelinesOf, compareEntries, type Timeline, type TimelineEntry } from '../model/timeline/timeline';
import { describeTime } from '../model/timeline/describe';

export const timelineOrder: Rule = {
  id: 'timeline-order',
  description: 'Timeline entries run in time order (oldest first, or consistently newest first).',
  defaultSeverity: 'error',
  severityNote: 'warning when a day change is assumed',
  kinds: ['postmortem'],
  check(report) {
    // A report of several incidents has a timeline under each: each is in order on its own.
    return timelinesOf(report).flatMap(checkOrder);
  },
};

function checkOrder(timeline: Timeline): Finding[] {
  const findings: Finding[] = [];
  const sequence = timeline.chronological;
  // A day entry ("2021-12-10") is compared by its day; the timed entries on either side of it still by their times.
  let lastTimed: TimelineEntry | undefined;
  for (let i = 0; i < sequence.length; i++) {
    const entry = sequence[i];
    const previous = sequence[i - 1];
    if (previous && entry.assumedNextDay) {
      findings.push({
        message: `${describeTime(entry)} comes after ${describeTime(previous)} (line ${previous.line + 1}) with no new date: assumed next day — add the date`,
        range: entry.timeRange,
        related: [{ range: previous.timeRange, message: 'The entry before it' }],
        severity: 'warning',
      });
    } else if (previous && compareEntries(entry, previous) < 0) {
      findings.push(outOfOrder(entry, previous, timeline.newestFirst));
    } else if (entry.precision !== 'day' && lastTimed && lastTimed !== previous && compareEntries(entry, lastTimed) < 0) {
      findings.push(outOfOrder(entry, lastTimed, timeline.newestFirst));
    }
    if (entry.precision !== 'day') lastTimed = entry;
  }
  return findings;
}

function outOfOrder(entry: TimelineEntry, previous: TimelineEntry, newestFirst: boolean): Finding {
  const where = newestFirst ? 'below' : 'after';
  return {
    message: `Out of order: ${describeTime(entry)} is earlier than ${describeTime(previous)} (line ${previous.line + 1}), which it comes ${where}${newestFirst ? ' in this newest-first log' : ''}`,
    range: entry.timeRange,
    related: [{ range: previous.timeRange, message: `${describeTime(previous)} is here` }],
  };
}
