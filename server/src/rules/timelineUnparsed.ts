import type { Rule } from './rule';
import { timelineOf } from '../model/timeline/timeline';

export const timelineUnparsed: Rule = {
  id: 'timeline-unparsed',
  description: 'Every entry of a timeline list or table starts with a time that can be read.',
  defaultSeverity: 'information',
  kinds: ['postmortem'],
  check(report) {
    return (timelineOf(report)?.unparsed ?? []).map((entry) => ({
      message: `No readable time in this timeline ${entry.source === 'table' ? 'row' : 'entry'}: it is left out of the order and duration checks`,
      range: entry.range,
    }));
  },
};
