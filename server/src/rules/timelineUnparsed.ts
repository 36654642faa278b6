import type { Rule } from './rule';
import { timelineOf, MAX_TIMELINE_ENTRIES } from '../model/timeline/timeline';

export const timelineUnparsed: Rule = {
  id: 'timeline-unparsed',
  description: 'Every entry of a timeline list or table starts with a time that can be read.',
  defaultSeverity: 'information',
  kinds: ['postmortem'],
  check(report) {
    const timeline = timelineOf(report);
    if (!timeline) return [];
    const findings = timeline.unparsed.map((entry) => ({
      message: `No readable time in this timeline ${entry.source === 'table' ? 'row' : 'entry'}: it is left out of the order and duration checks`,
      range: entry.range,
    }));
    if (timeline.dropped > 0) {
      findings.push({
        message: `The timeline has ${MAX_TIMELINE_ENTRIES + timeline.dropped} entries: only the first ${MAX_TIMELINE_ENTRIES} are read and checked`,
        range: timeline.section.heading.range,
      });
    }
    return findings;
  },
};
