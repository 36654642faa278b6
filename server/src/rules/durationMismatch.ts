import type { Paragraph, Parent, RootContent } from 'mdast';
import type { Finding, Rule } from './rule';
import type { IncidentReport } from '../model/report';
import { timelineOf, type TimelineEntry } from '../model/timeline/timeline';
import { describeTime } from '../model/timeline/describe';
import { findStatedDurations, findTimeRanges, formatDuration } from '../model/timeline/time';

export const durationMismatch: Rule = {
  id: 'duration-mismatch',
  description: "A stated outage duration agrees with the timeline's start and end.",
  defaultSeverity: 'warning',
  kinds: ['postmortem'],
  check(report) {
    const timeline = timelineOf(report);
    const start = timeline?.milestones.start;
    const end = timeline?.milestones.end;
    if (!timeline || !start || !end || end.instant < start.instant) return [];
    const actual = Math.round((end.instant - start.instant) / 60000);
    const span = `${label(start)} at ${describeTime(start)} (line ${start.line + 1}) to ${label(end)} at ${describeTime(end)} (line ${end.line + 1}) is ${formatDuration(actual)}`;
    const related = [{ range: start.range, message: 'Start of the incident' }, { range: end.range, message: 'End of the incident' }];
    const findings: Finding[] = [];
    for (const { offset, text, summary } of proseOutside(report, timeline.section.heading.start, timeline.section.end)) {
      for (const stated of findStatedDurations(text)) {
        if (Math.abs(stated.minutes - actual) <= Math.max(1, stated.precision)) continue;
        findings.push({
          message: `The stated duration "${stated.text}" disagrees with the timeline: ${span}, ${difference(stated.minutes, actual)}`,
          range: report.lines.range(offset + stated.start, offset + stated.end),
          related,
        });
      }
      // Ranges ("from 14:07 to 15:19 UTC") describe the outage only where the report sums it up.
      if (!summary) continue;
      for (const range of findTimeRanges(text)) {
        if (Math.abs(range.minutes - actual) <= 1) continue;
        findings.push({
          message: `The stated time range (${formatDuration(range.minutes)}) disagrees with the timeline: ${span}, ${difference(range.minutes, actual)}`,
          range: report.lines.range(offset + range.start, offset + range.end),
          related,
        });
      }
    }
    return findings;
  },
};

function label(entry: TimelineEntry): string {
  const marker = /\b(?:OUTAGE|INCIDENT|IMPACT)\s+\w+|<[^>]+>|impact\s+(?:begins|ends|starts)/i.exec(entry.text);
  return marker ? marker[0] : entry.milestones.includes('start') ? 'the start' : 'the end';
}

function difference(stated: number, actual: number): string {
  return `${formatDuration(Math.abs(stated - actual))} ${actual < stated ? 'shorter' : 'longer'} than stated`;
}

/** Paragraphs (at any depth) outside the timeline, with whether they stand in the Summary or Impact section. */
function proseOutside(report: IncidentReport, from: number, to: number): { offset: number; text: string; summary: boolean }[] {
  const summaries = report.postmortemSections.filter((s) => s.kind.id === 'summary' || s.kind.id === 'impact');
  const found: { offset: number; text: string; summary: boolean }[] = [];
  const visit = (node: RootContent | Paragraph) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || (start >= from && start < to)) return;
    if (node.type === 'paragraph' || node.type === 'heading') {
      found.push({ offset: start, text: report.text.slice(start, end), summary: summaries.some((s) => start >= s.heading.start && start < s.end) });
    } else if (node.type !== 'code' && node.type !== 'html' && 'children' in node) {
      for (const child of (node as Parent).children) visit(child as RootContent);
    }
  };
  for (const node of report.tree.children) visit(node);
  return found;
}
