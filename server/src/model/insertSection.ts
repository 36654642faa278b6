import type { IncidentReport, Section } from './report';
import type { Position } from './position';
import { disciplineTitle } from './kinds/eightD';
import { templateBody } from './kinds/eightDTemplates';
import { POSTMORTEM_SECTIONS, type PostmortemSectionKind } from './kinds/postmortem';
import { postmortemTemplateBody } from './kinds/postmortemTemplate';
import { buildReport } from './report';
import { readDisciplineLabel } from './kinds/eightD';
import { normalizeSectionName } from './kinds/postmortem';

/** Where and what to insert so that a missing section stands in its place: the data a quick-fix needs. */
export interface SectionInsertion {
  /** Position of the section in its catalogue (the discipline number for 8D); insertions at one point go in this order. */
  order: number;
  /** The section's canonical name, e.g. `D3: Interim containment action` or `Impact`. */
  name: string;
  position: Position;
  /** Line breaks needed before the block when the text before the position does not end in a blank line. */
  leading: string;
  /** Heading, body, blank line (and `---` separator when the report separates its sections that way). */
  block: string;
}

interface PresentSection {
  order: number;
  section: Section;
}

/**
 * Inserts after the section of the nearest lower-ordered section present, else before the first one present,
 * else before the footer (or at the end).
 */
function plan(report: IncidentReport, order: number, present: PresentSection[], name: string, block: string): SectionInsertion {
  let lower: PresentSection | undefined;
  for (const candidate of present) if (candidate.order < order && (!lower || candidate.order > lower.order)) lower = candidate;
  const offset = lower
    ? lower.section.end
    : present.length > 0 ? Math.min(...present.map((p) => p.section.heading.start)) : report.footerStart;
  return { order, name, position: report.lines.positionAt(offset), leading: leadingBreaks(report.text, offset), block };
}

/** A missing 8D discipline, in the report's own heading level, label style and title family. */
export function planDisciplineInsertion(report: IncidentReport, number: number): SectionInsertion {
  const style = headingStyle(report);
  const title = disciplineTitle(number, report.family);
  const headingText = `${style.label}${number}${style.separator}${title}`;
  const headingLine = `${'#'.repeat(style.depth)} ${style.bold ? `**${headingText}**` : headingText}`;
  const body = templateBody(number, report.family, style.depth);
  const separator = usesSeparators(report) ? '---\n\n' : '';
  const present = report.disciplines.map((section) => ({ order: section.number, section }));
  return plan(report, number, present, `D${number}: ${title}`, `${headingLine}\n${body ? `${body}\n` : ''}\n${separator}`);
}

/** A missing post-mortem section: `## Name` and its one-line prompt, at its canonical position. */
export function planPostmortemInsertion(report: IncidentReport, kind: PostmortemSectionKind): SectionInsertion {
  const real = report.postmortemSections.filter((s) => !s.heading.pseudo).map((s) => s.heading.depth);
  const depth = real.length > 0 ? mostCommon(real) : 2;
  const orderOf = (k: PostmortemSectionKind) => POSTMORTEM_SECTIONS.indexOf(k);
  const present = report.postmortemSections.map((section) => ({ order: orderOf(section.kind), section }));
  const body = postmortemTemplateBody(kind.id);
  return plan(report, orderOf(kind), present, kind.name, `${'#'.repeat(depth)} ${kind.name}\n${body ? `${body}\n` : ''}\n`);
}

/** A section of a custom template: its level-2 heading (other than Links) and what the template writes under it. */
export interface TemplateSection {
  name: string;
  depth: number;
  body: string;
  /** The discipline number, when the heading is a discipline: it matches by number, as everywhere. */
  number?: number;
}

const templateCache = new Map<string, TemplateSection[]>();

export function templateSections(text: string): TemplateSection[] {
  let sections = templateCache.get(text);
  if (!sections) {
    const template = buildReport(text);
    sections = template.sections
      .filter((s) => s.heading.depth === 2 && s.heading.text.trim().toLowerCase() !== 'links')
      .map((s) => ({
        name: s.heading.text,
        depth: s.heading.depth,
        body: text.slice(s.heading.end, s.end).replace(/^\r?\n/, '').replace(/(\s*\n)?-{3,}\s*$/, '').replace(/\s+$/, ''),
        number: readDisciplineLabel(s.heading.text)?.number,
      }));
    if (templateCache.size > 100) templateCache.clear();
    templateCache.set(text, sections);
  }
  return sections;
}

/** The report's section that stands for a template section: same discipline number, or the same name. */
export function matchingSection(report: IncidentReport, section: TemplateSection): Section | undefined {
  const name = normalizeSectionName(section.name);
  return report.sections.find((s) =>
    section.number !== undefined ? readDisciplineLabel(s.heading.text)?.number === section.number : normalizeSectionName(s.heading.text) === name);
}

/** A missing section of the report's custom template, after the nearest earlier template section present. */
export function planTemplateInsertion(report: IncidentReport, sections: TemplateSection[], index: number): SectionInsertion {
  const present = sections.flatMap((s, order) => {
    const section = matchingSection(report, s);
    return section ? [{ order, section }] : [];
  });
  const missing = sections[index];
  return plan(report, index, present, missing.name, `${'#'.repeat(missing.depth)} ${missing.name}\n${missing.body ? `${missing.body}\n` : ''}\n`);
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
function headingStyle(report: IncidentReport): HeadingStyle {
  const disciplines = report.disciplines;
  if (disciplines.length === 0) return { depth: 2, label: 'D', separator: ': ', bold: false };
  return {
    depth: mostCommon(disciplines.map((d) => d.heading.depth)),
    label: mostCommon(disciplines.map((d) => d.label.label.replace(/\d+$/, ''))),
    separator: mostCommon(disciplines.map((d) => d.label.separator || ': ')),
    bold: disciplines.filter((d) => d.heading.bold).length * 2 > disciplines.length,
  };
}

export function mostCommon<T>(values: T[]): T {
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
