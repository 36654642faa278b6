import type { Finding, Rule } from './rule';
import { timelineOf, type TimelineEntry } from '../model/timeline/timeline';
import { describeTime } from '../model/timeline/describe';

export const timelineOrder: Rule = {
  id: 'timeline-order',
  description: 'Timeline entries run in time order (oldest first, or consistently newest first).',
  defaultSeverity: 'error',
  kinds: ['postmortem'],
  check(report) {
    const timeline = timelineOf(report);
    if (!timeline) return [];
    const findings: Finding[] = [];
    const sequence = timeline.chronological;
    for (let i = 1; i < sequence.length; i++) {
      const entry = sequence[i];
      const previous = sequence[i - 1];
      if (entry.assumedNextDay) {
        findings.push({
          message: `${describeTime(entry)} comes after ${describeTime(previous)} (line ${previous.line + 1}) with no new date: assumed next day — add the date`,
          range: entry.timeRange,
          related: [{ range: previous.timeRange, message: 'The entry before it' }],
          severity: 'warning',
        });
      } else if (entry.instant < previous.instant) {
        findings.push(outOfOrder(entry, previous, timeline.newestFirst));
      }
    }
    return findings;
  },
};

function outOfOrder(entry: TimelineEntry, previous: TimelineEntry, newestFirst: boolean): Finding {
  const where = newestFirst ? 'below' : 'after';
  return {
    message: `Out of order: ${describeTime(entry)} is earlier than ${describeTime(previous)} (line ${previous.line + 1}), which it comes ${where}${newestFirst ? ' in this newest-first log' : ''}`,
    range: entry.timeRange,
    related: [{ range: previous.timeRange, message: `${describeTime(previous)} is here` }],
  };
}
