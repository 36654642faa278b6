import type { Finding, Rule } from './rule';
import type { IncidentReport } from '../model/report';
import { timelineOf, timelinesOf, type Timeline, type TimelineEntry } from '../model/timeline/timeline';
import { isDaylightTime, toInstant, zoneSettler, type ZoneRef } from '../model/timeline/time';
import { describeTime } from '../model/timeline/describe';
import { proseOutside } from '../model/prose';

export const timelineTimezone: Rule = {
  id: 'timeline-timezone',
  description: 'Timeline times say their time zone, use one zone, and use the right standard/daylight abbreviation.',
  defaultSeverity: 'warning',
  severityNote: 'hint for a timeline with no zone at all',
  kinds: ['postmortem'],
  check(report) {
    const timeline = timelineOf(report);
    if (!timeline || timeline.entries.length === 0) return [];
    const timelines = timelinesOf(report);
    const entries = timelines.flatMap((t) => t.entries);
    if (entries.every((entry) => !entry.zone)) {
      return [{
        message: 'The timeline does not say its time zone: add one to the entries or a line such as "All times UTC."',
        range: timeline.section.heading.range,
        severity: 'hint',
      }];
    }
    // Each timeline of a report of several incidents is checked on its own; a wrong abbreviation is said once.
    return [...timelines.flatMap((t) => mixedZones(t.entries)), ...wrongDaylight(entries), ...proseInOtherZone(report, timeline)];
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

/** The one zone the timeline's times are in: its declared zone, or the zone every zoned entry writes. */
function timelineZone(timeline: Timeline): ZoneRef | undefined {
  const zones = timeline.entries.flatMap((entry) => (entry.zone ? [entry.zone] : []));
  const first = timeline.zone ?? zones[0];
  return first && zones.every((zone) => zone.region === first.region) ? first : undefined;
}

/**
 * The summary says "09:25 AM WAT" where the timeline says "09:25 AM EAT": the same time of day in another zone,
 * which cannot be right in both places. UTC beside a local zone is how people write, and a time that no entry
 * shows may be about something else: only a prose time equal to an entry's, in a zone with another offset, counts.
 * Reported once, on the first prose line that does it.
 */
function proseInOtherZone(report: IncidentReport, timeline: Timeline): Finding[] {
  const zone = timelineZone(timeline);
  if (!zone || zone.region === 'UTC' || zone.undecided) return [];
  const settle = zoneSettler(report.text);
  for (const { offset, reading } of proseOutside(report, timeline.section.heading.start, timeline.section.end)) {
    for (const time of reading.zonedTimes) {
      const written = settle(time.zone)!;
      if (written.region === zone.region || written.region === 'UTC' || written.undecided) continue;
      const entry = timeline.entries.find((e) => e.time.hour === time.time.hour && e.time.minute === time.time.minute);
      const day = entry?.date ?? { year: 2024, month: 1, day: 1 };
      if (!entry || toInstant(day, entry.time, written) === toInstant(day, entry.time, zone)) continue;
      return [{
        message: `This time is given in ${written.text}, but the timeline gives its times in ${zone.text} (${describeTime(entry)} on line ${entry.line + 1}): the same time in two zones cannot both be right — use one zone, or give the offset`,
        range: report.lines.range(offset + time.start, offset + time.end),
        related: [{ range: entry.timeRange, message: `${zone.text} in the timeline` }],
      }];
    }
  }
  return [];
}
