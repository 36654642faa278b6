import type { Finding, Rule } from './rule';
import { timelineOf, type TimelineEntry } from '../model/timeline/timeline';
import { isDaylightTime } from '../model/timeline/time';

export const timelineTimezone: Rule = {
  id: 'timeline-timezone',
  description: 'Timeline times say their time zone, use one zone, and use the right standard/daylight abbreviation.',
  defaultSeverity: 'warning',
  kinds: ['postmortem'],
  check(report) {
    const timeline = timelineOf(report);
    if (!timeline || timeline.entries.length === 0) return [];
    if (timeline.entries.every((entry) => !entry.zone)) {
      return [{
        message: 'The timeline does not say its time zone: add one to the entries or a line such as "All times UTC."',
        range: timeline.section.heading.range,
        severity: 'hint',
      }];
    }
    return [...mixedZones(timeline.entries), ...wrongDaylight(timeline.entries)];
  },
};

/** Named zones from different regions in one timeline, unless written as offsets (`+02:00`), which are unambiguous. */
function mixedZones(entries: TimelineEntry[]): Finding[] {
  const zoned = entries.filter((entry) => entry.zone && !isOffset(entry.zone.text));
  const first = zoned[0];
  const other = zoned.find((entry) => entry.zone!.region !== first.zone!.region);
  if (!first || !other) return [];
  return [{
    message: `The timeline mixes time zones (${first.zone!.text} and ${other.zone!.text}) without offsets: use one zone, or write offsets such as -08:00`,
    range: other.timeRange,
    related: [{ range: first.timeRange, message: `${first.zone!.text} is used here` }],
  }];
}

function isOffset(text: string): boolean {
  return /^(?:UTC|GMT)?\s*[+-]\d/i.test(text.trim());
}

/** `PST` on a date when the Pacific region is on daylight time (and the reverse): once per abbreviation. */
function wrongDaylight(entries: TimelineEntry[]): Finding[] {
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const entry of entries) {
    const abbreviation = entry.zone?.abbreviation;
    if (!abbreviation || !entry.date || reported.has(entry.zone!.text)) continue;
    const daylight = isDaylightTime(entry.zone!.region, entry.date);
    if (daylight === abbreviation.daylight) continue;
    reported.add(entry.zone!.text);
    const date = `${entry.date.year}-${String(entry.date.month).padStart(2, '0')}-${String(entry.date.day).padStart(2, '0')}`;
    findings.push({
      message: `${entry.zone!.text} is ${abbreviation.daylight ? 'daylight' : 'standard'} time, but on ${date} that region is on ${daylight ? 'daylight' : 'standard'} time: use ${abbreviation.counterpart} or ${abbreviation.generic}`,
      range: entry.timeRange,
    });
  }
  return findings;
}
