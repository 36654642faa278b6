import type { Finding, Rule } from './rule';
import { timelinesOf, MAX_TIMELINE_ENTRIES, type Timeline } from '../model/timeline/timeline';

export const timelineUnparsed: Rule = {
  id: 'timeline-unparsed',
  description: 'Every entry of a timeline list or table starts with a time that can be read.',
  defaultSeverity: 'information',
  kinds: ['postmortem'],
  check(report) {
    // Every timeline of the report: an entry left out is never left out silently.
    return timelinesOf(report).flatMap(unreadEntries);
  },
};

function unreadEntries(timeline: Timeline): Finding[] {
  const findings: Finding[] = timeline.unparsed.map((entry) => ({
    message: `No readable time in this timeline ${entry.source === 'table' ? 'row' : 'entry'} (${entry.reason}): it is left out of the order and duration checks`,
    range: entry.range,
  }));
  if (timeline.dropped > 0) {
    findings.push({
      message: `The timeline has ${MAX_TIMELINE_ENTRIES + timeline.dropped} entries: only the first ${MAX_TIMELINE_ENTRIES} are read and checked`,
      range: timeline.section.heading.range,
    });
  }
  return findings;
}
