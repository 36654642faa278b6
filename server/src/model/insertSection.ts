import type { IncidentReport, DisciplineSection } from './report';
import type { Position } from './position';
import { disciplineTitle } from './kinds/eightD';
import { templateBody } from './kinds/eightDTemplates';

/** Where and what to insert so that a missing discipline stands in its place: the data a quick-fix needs. */
export interface SectionInsertion {
  number: number;
  /** The discipline's canonical name in the report's title family, e.g. `D3: Interim containment action`. */
  name: string;
  position: Position;
  /** Line breaks needed before the block when the text before the position does not end in a blank line. */
  leading: string;
  /** Heading, body, blank line (and `---` separator when the report separates its sections that way). */
  block: string;
}

/**
 * Plans the insertion of discipline `number`: after the section of the nearest lower discipline present,
 * or else before the first discipline; in the report's own heading level, label style and title family.
 */
export function planSectionInsertion(report: IncidentReport, number: number): SectionInsertion {
  const offset = insertionOffset(report, number);
  const style = headingStyle(report.disciplines);
  const title = disciplineTitle(number, report.family);
  const headingText = `${style.label}${number}${style.separator}${title}`;
  const headingLine = `${'#'.repeat(style.depth)} ${style.bold ? `**${headingText}**` : headingText}`;
  const body = templateBody(number, report.family, style.depth);
  const separator = usesSeparators(report) ? '---\n\n' : '';
  const block = `${headingLine}\n${body ? `${body}\n` : ''}\n${separator}`;
  return { number, name: `D${number}: ${title}`, position: report.lines.positionAt(offset), leading: leadingBreaks(report.text, offset), block };
}

function insertionOffset(report: IncidentReport, number: number): number {
  const lower = nearestLower(report.disciplines, number);
  if (lower) return lower.end;
  const first = report.disciplines.reduce<DisciplineSection | undefined>(
    (earliest, d) => (!earliest || d.heading.start < earliest.heading.start ? d : earliest),
    undefined,
  );
  return first ? first.heading.start : report.footerStart;
}

function nearestLower(disciplines: DisciplineSection[], number: number): DisciplineSection | undefined {
  let best: DisciplineSection | undefined;
  for (const discipline of disciplines) {
    if (discipline.number < number && (!best || discipline.number > best.number)) best = discipline;
  }
  return best;
}

function leadingBreaks(text: string, offset: number): string {
  if (offset === 0) return '';
  const before = text.slice(Math.max(0, offset - 200), offset);
  if (/(^|\n)[ \t]*\r?\n$/.test(before)) return '';
  return before.endsWith('\n') ? '\n' : '\n\n';
}

interface HeadingStyle {
  depth: number;
  label: string;
  separator: string;
  bold: boolean;
}

/** The most common heading level, label (`D`, `d`, `Discipline `), separator and boldness among the disciplines. */
function headingStyle(disciplines: DisciplineSection[]): HeadingStyle {
  if (disciplines.length === 0) return { depth: 2, label: 'D', separator: ': ', bold: false };
  return {
    depth: mostCommon(disciplines.map((d) => d.heading.depth)),
    label: mostCommon(disciplines.map((d) => d.label.label.replace(/\d+$/, ''))),
    separator: mostCommon(disciplines.map((d) => d.label.separator || ': ')),
    bold: disciplines.filter((d) => d.heading.bold).length * 2 > disciplines.length,
  };
}

function mostCommon<T>(values: T[]): T {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = values[0];
  for (const [value, count] of counts) if (count > (counts.get(best) ?? 0)) best = value;
  return best;
}

/** Reports from 8d-tools' default template end each discipline with a `---` line. */
function usesSeparators(report: IncidentReport): boolean {
  const endingInBreak = report.disciplines.filter((d) => d.content.at(-1)?.type === 'thematicBreak').length;
  return endingInBreak >= 2 && endingInBreak * 2 >= report.disciplines.length;
}
