/**
 * Section bodies of the built-in 8D templates (templates/*.md): the prompts and skeletons a quick-fix inserts,
 * and the text an untouched section holds. Derived from the same files "new report" writes.
 */
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import simpleTemplate from '../../../../templates/8d-simple.md';
import defaultTemplate from '../../../../templates/8d-default.md';
import { buildReport, type IncidentReport } from '../report';
import type { TitleFamily } from './eightD';

interface TemplateSections {
  /** Body text of each discipline as the template writes it, without the heading and trailing separators. */
  bodies: Map<number, string>;
  /** Heading level the template uses for disciplines. */
  depth: number;
}

let cache: Map<'simple' | 'default', TemplateSections> | undefined;

function templates(): Map<'simple' | 'default', TemplateSections> {
  cache ??= new Map([
    ['simple', readTemplate(simpleTemplate)],
    ['default', readTemplate(defaultTemplate)],
  ]);
  return cache;
}

function readTemplate(text: string): TemplateSections {
  const report = buildReport(text);
  const bodies = new Map<number, string>();
  for (const discipline of report.disciplines) {
    const raw = text.slice(discipline.heading.end, discipline.end);
    bodies.set(discipline.number, raw.replace(/^\r?\n/, '').replace(/(\s*\n)?-{3,}\s*$/, '').replace(/\s+$/, ''));
  }
  return { bodies, depth: report.disciplines[0]?.heading.depth ?? 2 };
}

/**
 * The body to insert for a discipline, in the given family (Ford's names have no template of their own and
 * take the simple template's prompt), with subheadings moved to sit under a discipline heading of `depth`.
 */
export function templateBody(number: number, family: TitleFamily, depth: number): string {
  const template = templates().get(family === 'default' ? 'default' : 'simple')!;
  const body = template.bodies.get(number) ?? '';
  const shift = depth - template.depth;
  if (shift === 0) return body;
  return body.replace(/^(#{1,6})(?=\s)/gm, (marks) => '#'.repeat(Math.min(6, Math.max(1, marks.length + shift))));
}

/**
 * What a section says once headings, comments and separators are set aside. With `limit`, reading stops (and
 * undefined is returned) once the text is longer: a long section is neither empty nor an untouched template.
 */
export function meaningfulText(nodes: RootContent[]): string;
export function meaningfulText(nodes: RootContent[], limit: number): string | undefined;
export function meaningfulText(nodes: RootContent[], limit = Infinity): string | undefined {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'heading' || node.type === 'thematicBreak' || (node.type === 'html' && isComment(node.value))) continue;
    text = `${text} ${toString(node).replace(/<!--[\s\S]*?-->/g, '')}`.replace(/\s+/g, ' ');
    if (text.trim().length > limit) return undefined;
  }
  return text.trim();
}

function isComment(html: string): boolean {
  return /^\s*<!--[\s\S]*-->\s*$/.test(html);
}

const untouched = new Map<number, Set<string>>();

/** Whether a discipline's section says nothing beyond its prompt in one of the built-in templates. */
export function isUntouchedDiscipline(number: number, content: RootContent[]): boolean {
  const templates = untouchedTemplateTexts(number);
  const longest = Math.max(0, ...[...templates].map((text) => text.length));
  const text = meaningfulText(content, longest);
  return text === '' || (text !== undefined && templates.has(text));
}

/** Text of the untouched template sections for a discipline, in every built-in template (computed once). */
export function untouchedTemplateTexts(number: number): Set<string> {
  let texts = untouched.get(number);
  if (!texts) {
    texts = new Set<string>();
    for (const template of templates().values()) {
      const body = template.bodies.get(number);
      if (body !== undefined) texts.add(meaningfulText(bodyNodes(body)));
    }
    untouched.set(number, texts);
  }
  return texts;
}

function bodyNodes(body: string): RootContent[] {
  const report: IncidentReport = buildReport(body);
  return report.tree.children;
}
