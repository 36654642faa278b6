import type { Root, RootContent, Heading, Paragraph, List, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from './parse';
import { parseIncremental, type BlockCache } from './incrementalParse';
import { LineIndex, type Range } from './position';
import { readFrontMatter, frontMatterText, isFrontMatterNode, type FrontMatter } from './frontMatter';
import { readDisciplineLabel, familyOfTitle, TITLE_FAMILIES, type DisciplineLabel, type TitleFamily } from './kinds/eightD';
import { postmortemSectionOf, postmortemRolesOf, type PostmortemSectionKind } from './kinds/postmortem';
import { classify, looksLikeEightD, frontMatterNamesIncident, type KindEvidence, type ReportKind } from './kinds/classify';
import { readHtmlHeading, readSectionFields, SECTION_FIELDS_PER_LIST } from './kinds/headingShapes';

export type { ReportKind } from './kinds/classify';

export interface HeadingInfo {
  depth: number;
  /** Plain text of the heading, emphasis and code marks removed. */
  text: string;
  /** True when the whole heading is bold, as in `## **D5 | Corrective Actions**`. */
  bold: boolean;
  start: number;
  end: number;
  line: number;
  range: Range;
  /** Index of the heading among the root's children. */
  childIndex: number;
  /** A paragraph that stands where a heading should (a section name on its own line, `#` lost when pasted). */
  pseudo?: boolean;
  /**
   * A labelled item that holds a section in a line rather than under a heading: the SRE book's summary data
   * (`- Impact: …`) or a bold label with its text (`**Root cause:** …`). Only ever in `postmortemSections`.
   */
  field?: boolean;
}

export interface Section {
  heading: HeadingInfo;
  /** Offset where the section's content ends: the next heading that closes it, the footer, or the end. */
  end: number;
  /** Root children between the heading and the end (subsections included). */
  content: RootContent[];
}

export interface DisciplineSection extends Section {
  number: number;
  label: DisciplineLabel;
}

export interface PostmortemSection extends Section {
  kind: PostmortemSectionKind;
}

export interface TitleLine {
  /** The report number as written (`3`, `0003`), when the title has one. */
  number?: string;
  title: string;
  range: Range;
}

export interface MetadataField {
  value: string;
  range: Range;
}

export interface IncidentReport {
  text: string;
  lines: LineIndex;
  tree: Root;
  kind: ReportKind | undefined;
  /** What the kind was decided from (for explaining it). */
  kindEvidence: KindEvidence;
  frontMatter: FrontMatter | undefined;
  /** The `# N: Title` line, or the front matter's title. */
  title: TitleLine | undefined;
  date: MetadataField | undefined;
  status: MetadataField | undefined;
  headings: HeadingInfo[];
  /** Paragraphs that stand for headings (post-mortems only). */
  pseudoHeadings: HeadingInfo[];
  /** Sections of every heading and pseudo-heading, in document order. */
  sections: Section[];
  disciplines: DisciplineSection[];
  /**
   * Sections named like a post-mortem section (only computed for documents that are not 8D reports), one per role
   * (a "Remediation" section is both the resolution and the action items), and the labelled fields that hold one.
   */
  postmortemSections: PostmortemSection[];
  /** The template family most of the discipline titles come from (simple when none does). */
  family: TitleFamily;
  /** Where a closing footer (`---` and a last paragraph, as 8d-tools writes) starts; the text length if none. */
  footerStart: number;
}


/**
 * Markdown text to the report model. Pure and total: malformed input yields a model, never an exception.
 * With a block cache, only the blocks an edit changed are parsed again (the tree is the same either way).
 */
export function buildReport(text: string, blocks?: BlockCache): IncidentReport {
  const tree = blocks ? parseIncremental(text, blocks) : parseMarkdown(text);
  const lines = new LineIndex(text);
  const frontMatter = readFrontMatter(tree, lines);
  const headings = collectHeadings(tree, lines);
  const footerStart = findFooterStart(tree, text.length);
  const type = frontMatterText(frontMatter, 'type')?.toLowerCase();
  const looksEightD = looksLikeEightD({ type, headingTexts: headings.map((h) => h.text) });
  // Pasted post-mortems lose their `#` marks; 8D reports are recognised by their headings alone.
  const pseudoHeadings = looksEightD ? [] : collectPseudoHeadings(tree, lines, headings);
  const fields = looksEightD ? [] : collectSectionFields(tree, lines, headings);
  // Section names on a line of their own inside a paragraph count as present, but do not decide the kind (the index
  // scanner does not read paragraphs).
  const innerNames = looksEightD ? [] : collectInnerSectionNames(tree, lines);
  const markers = [...headings, ...pseudoHeadings].sort((a, b) => a.start - b.start);
  const sections = buildSections(tree, markers, footerStart, text.length);
  const disciplines = looksEightD ? disciplinesOf(sections.filter((section) => !section.heading.pseudo)) : [];
  const postmortemSections: PostmortemSection[] = [];
  if (!looksEightD) {
    const withFields = [...sections, ...fields, ...innerNames].sort((a, b) => a.heading.start - b.heading.start);
    for (const section of withFields) {
      for (const kind of postmortemRolesOf(section.heading.text)) postmortemSections.push({ ...section, kind });
    }
  }
  const title = readTitle(headings, frontMatter, tree, lines);
  const kindEvidence: KindEvidence = {
    type,
    title: title?.title,
    headingTexts: headings.map((h) => h.text),
    headingDepths: headings.map((h) => h.depth),
    pseudoHeadingTexts: [...pseudoHeadings, ...fields.map((f) => f.heading)].map((h) => h.text),
    template: frontMatterText(frontMatter, 'template'),
    namesIncident: frontMatter !== undefined && frontMatterNamesIncident(frontMatter.data),
  };
  return {
    text,
    lines,
    tree,
    kind: classify(kindEvidence),
    kindEvidence,
    frontMatter,
    title,
    date: readMetadataField(tree, lines, frontMatter, 'date'),
    status: readMetadataField(tree, lines, frontMatter, 'status'),
    headings,
    pseudoHeadings,
    sections,
    disciplines,
    postmortemSections,
    family: dominantFamily(disciplines),
    footerStart,
  };
}

function disciplinesOf(sections: Section[]): DisciplineSection[] {
  const disciplines: DisciplineSection[] = [];
  for (const section of sections) {
    const label = readDisciplineLabel(section.heading.text);
    if (label) disciplines.push({ ...section, number: label.number, label });
  }
  // A discipline's section also ends at the next discipline heading, whatever its level (`### Discipline 6` under `## D5`).
  disciplines.forEach((discipline, i) => {
    const next = disciplines[i + 1];
    if (next && next.heading.start < discipline.end) {
      discipline.end = next.heading.start;
      discipline.content = discipline.content.filter((node) => (node.position?.start.offset ?? 0) < next.heading.start);
    }
  });
  return disciplines;
}

const PSEUDO_HEADING_MAX_LENGTH = 60;

/** Root paragraphs that are one short line naming a post-mortem section, possibly bold. */
function collectPseudoHeadings(tree: Root, lines: LineIndex, headings: HeadingInfo[]): HeadingInfo[] {
  const depths = headings.filter((h) => postmortemSectionOf(h.text)).map((h) => h.depth);
  const sectionDepth = depths.length > 0 ? Math.min(...depths) : 2;
  const pseudo: HeadingInfo[] = [];
  let enclosing: HeadingInfo | undefined;
  let next = 0;
  tree.children.forEach((node, childIndex) => {
    while (next < headings.length && headings[next].childIndex < childIndex) enclosing = headings[next++];
    if (node.type !== 'paragraph' || !node.position || node.position.start.line !== node.position.end.line) return;
    const plain = node.children.every((child) => child.type === 'text' || child.type === 'strong' || child.type === 'emphasis');
    const text = toString(node).trim();
    if (!plain || text.length > PSEUDO_HEADING_MAX_LENGTH || !postmortemSectionOf(text)) return;
    const start = node.position.start.offset ?? 0;
    const end = node.position.end.offset ?? start;
    // Under a heading that is no section of its own (`### October 21 - Redis overload` in a report of several
    // incidents), a label such as `**Timeline:**` is a part of it, not a sibling that would close it.
    const nested = enclosing !== undefined && enclosing.depth >= sectionDepth && !postmortemSectionOf(enclosing.text);
    const depth = nested && enclosing ? Math.min(enclosing.depth + 1, 6) : sectionDepth;
    pseudo.push({ depth, text, bold: node.children.length === 1 && node.children[0].type === 'strong', start, end, line: node.position.start.line - 1, range: lines.range(start, end), childIndex, pseudo: true });
  });
  return pseudo;
}

/**
 * Sections held in a line in the report's opening — before the first section heading, or inside a first section
 * that is the summary: the SRE book's summary data (a list whose items say `Impact: …`, `Root Causes: …`; two or more
 * of them name sections) and bold labels with their text at the start of a line (`**Impact:** …`). Each is a section
 * of one item, for telling the kind and what is missing.
 */
function collectSectionFields(tree: Root, lines: LineIndex, headings: HeadingInfo[]): Section[] {
  const first = headings.findIndex((h, i) => !(i === 0 && h.depth === 1));
  const summaryFirst = first >= 0 && postmortemRolesOf(headings[first].text).some((kind) => kind.id === 'summary');
  const openingEnd = first < 0 ? Infinity : summaryFirst ? headings[first + 1]?.start ?? Infinity : headings[first].start;
  const fields: Section[] = [];
  for (const node of tree.children) {
    if ((node.position?.start.offset ?? 0) >= openingEnd) break;
    if (node.type === 'list') {
      const items = node.children.flatMap((item) => {
        const paragraph = item.children[0];
        const field = paragraph?.type === 'paragraph' ? readSectionFields(lines.text, paragraph, false)[0] : undefined;
        return field ? [{ field, item }] : [];
      });
      if (items.length < SECTION_FIELDS_PER_LIST) continue;
      for (const { field, item } of items) fields.push(fieldSection(lines, field, item.position?.end.offset ?? field.end, item));
    } else if (node.type === 'paragraph') {
      for (const field of readSectionFields(lines.text, node, true)) fields.push(fieldSection(lines, field, node.position?.end.offset ?? field.end, node));
    }
  }
  return fields;
}

const INNER_NAME = /^[A-Za-z][A-Za-z '\u2019&/-]{2,58}[?]?$/;

/**
 * A line inside a paragraph that is only a section name, after a line ending a sentence ("… all content was being
 * served.\nCorrective and preventive measures\nAfter analyzing …"): a heading whose blank lines were lost.
 */
function collectInnerSectionNames(tree: Root, lines: LineIndex): Section[] {
  const found: Section[] = [];
  for (const node of tree.children) {
    if (node.type !== 'paragraph' || !node.position || node.position.start.line === node.position.end.line) continue;
    const start = node.position.start.offset ?? 0;
    const source = lines.text.slice(start, node.position.end.offset ?? start);
    let offset = 0;
    let previous = '';
    for (const line of source.split('\n')) {
      const text = line.trim();
      if (offset > 0 && /[.!:]$/.test(previous) && INNER_NAME.test(text) && postmortemSectionOf(text)) {
        const at = start + offset + line.indexOf(text);
        found.push(fieldSection(lines, { text, start: at, end: at + text.length }, at + text.length, node));
      }
      previous = text;
      offset += line.length + 1;
    }
  }
  return found;
}

function fieldSection(lines: LineIndex, field: { text: string; start: number; end: number }, end: number, node: RootContent): Section {
  const line = lines.positionAt(field.start).line;
  return {
    heading: { depth: 6, text: field.text, bold: false, start: field.start, end: field.end, line, range: lines.range(field.start, field.end), childIndex: -1, pseudo: true, field: true },
    end,
    content: [node],
  };
}

/** A report too large to parse: its kind (from the fast scanner's evidence) and its text, nothing else. */
export function unparsedReport(text: string, kind: ReportKind | undefined): IncidentReport {
  return {
    text, lines: new LineIndex(text), tree: { type: 'root', children: [] }, kind, kindEvidence: { headingTexts: [], pseudoHeadingTexts: [] }, frontMatter: undefined, title: undefined,
    date: undefined, status: undefined, headings: [], pseudoHeadings: [], sections: [], disciplines: [], postmortemSections: [],
    family: 'simple', footerStart: text.length,
  };
}

function collectHeadings(tree: Root, lines: LineIndex): HeadingInfo[] {
  const headings: HeadingInfo[] = [];
  tree.children.forEach((node, childIndex) => {
    if (!node.position) return;
    const start = node.position.start.offset ?? 0;
    if (node.type === 'html') {
      // `<h1 align="center">Title</h1>`: the heading is the block's first line.
      const html = readHtmlHeading(node.value);
      if (html) {
        const end = start + html.length;
        headings.push({ depth: html.depth, text: html.text, bold: false, start, end, line: node.position.start.line - 1, range: lines.range(start, end), childIndex });
      }
      return;
    }
    if (node.type !== 'heading') return;
    const end = node.position.end.offset ?? start;
    headings.push({
      depth: node.depth,
      text: toString(node).trim(),
      bold: isBold(node),
      start,
      end,
      line: node.position.start.line - 1,
      range: lines.range(start, end),
      childIndex,
    });
  });
  return headings;
}

function isBold(heading: Heading): boolean {
  const meaningful = heading.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  return meaningful.length === 1 && meaningful[0].type === 'strong';
}

/** Each heading's section runs to the next heading of the same or a higher level (one pass, with a stack). */
function buildSections(tree: Root, headings: HeadingInfo[], footerStart: number, textLength: number): Section[] {
  // `headings` may include pseudo-headings: they open and close sections like real ones.
  const closedBy: (HeadingInfo | undefined)[] = headings.map(() => undefined);
  const open: number[] = [];
  headings.forEach((heading, i) => {
    while (open.length > 0 && headings[open[open.length - 1]].depth >= heading.depth) closedBy[open.pop()!] = heading;
    open.push(i);
  });
  return headings.map((heading, i) => {
    const closing = closedBy[i];
    const end = Math.min(closing?.start ?? textLength, Math.max(footerStart, heading.end));
    const content = tree.children
      .slice(heading.childIndex + 1, closing?.childIndex ?? tree.children.length)
      .filter((node) => (node.position?.start.offset ?? end) < end);
    return { heading, end, content };
  });
}

/** A trailing `---` followed only by short paragraphs (8d-tools' "generated using" line) is the document's footer. */
function findFooterStart(tree: Root, textLength: number): number {
  const children = tree.children;
  for (let i = children.length - 1; i >= 0 && i >= children.length - 3; i--) {
    const node = children[i];
    if (node.type === 'thematicBreak') {
      const after = children.slice(i + 1);
      if (after.length > 0 && after.every((n) => n.type === 'paragraph')) return node.position?.start.offset ?? textLength;
      return textLength;
    }
    if (node.type !== 'paragraph') return textLength;
  }
  return textLength;
}

const NUMBERED_TITLE = /^(\d+)\s*:\s*(.*)$/;

function readTitle(headings: HeadingInfo[], frontMatter: FrontMatter | undefined, tree: Root, lines: LineIndex): TitleLine | undefined {
  const heading = headings.find((h) => h.depth === 1);
  if (heading) {
    const match = NUMBERED_TITLE.exec(heading.text);
    return match ? { number: match[1], title: match[2].trim(), range: heading.range } : { title: heading.text, range: heading.range };
  }
  const title = frontMatterText(frontMatter, 'title');
  if (title && frontMatter) {
    const number = frontMatterText(frontMatter, 'number') ?? frontMatterText(frontMatter, 'id');
    return { number, title, range: { start: frontMatter.range.start, end: frontMatter.range.start } };
  }
  // A pasted document's title is its first line, a plain paragraph.
  const first = tree.children.find((node) => !isFrontMatterNode(node));
  if (first?.type === 'paragraph' && first.position && first.position.start.line === first.position.end.line) {
    const start = first.position.start.offset ?? 0;
    return { title: toString(first).trim(), range: lines.range(start, first.position.end.offset ?? start) };
  }
  return undefined;
}

const FIELD_LABEL = /^\s*(date|status)\s*:?\s*$/i;

/**
 * `**Date:** 2025-06-23` in a paragraph or list item before the first section, in any of the shapes
 * 8d-tools has written (bulleted or not, on consecutive lines of one paragraph); front matter as a fallback.
 */
function readMetadataField(tree: Root, lines: LineIndex, frontMatter: FrontMatter | undefined, field: 'date' | 'status'): MetadataField | undefined {
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth > 1) break;
    for (const paragraph of paragraphsOf(node)) {
      const found = fieldInParagraph(paragraph, lines, field);
      if (found) return found;
    }
  }
  const value = frontMatterText(frontMatter, field);
  if (value !== undefined && frontMatter) return { value, range: frontMatter.range };
  return undefined;
}

function paragraphsOf(node: RootContent): Paragraph[] {
  if (node.type === 'paragraph') return [node];
  if (node.type === 'list') return (node as List).children.flatMap((item) => item.children.filter((child): child is Paragraph => child.type === 'paragraph'));
  return [];
}

function fieldInParagraph(paragraph: Paragraph, lines: LineIndex, field: string): MetadataField | undefined {
  const strong = paragraph.children.find(
    (child: PhrasingContent) => child.type === 'strong' && FIELD_LABEL.exec(toString(child))?.[1].toLowerCase() === field,
  );
  if (!strong?.position) return undefined;
  // Label may be `**Date:**` or `**Date**:`; the value runs to the end of the line.
  const labelEnd = strong.position.end.offset ?? 0;
  const lineEnd = lines.lineEnd(strong.position.end.line - 1);
  const raw = lines.text.slice(labelEnd, lineEnd);
  const leading = raw.length - raw.replace(/^\s*:?\s*/, '').length;
  const value = raw.slice(leading).replace(/\s+$/, '');
  const start = labelEnd + leading;
  return { value, range: lines.range(start, start + value.length) };
}

function dominantFamily(disciplines: DisciplineSection[]): TitleFamily {
  const counts = new Map<TitleFamily, number>();
  for (const discipline of disciplines) {
    const family = familyOfTitle(discipline.number, discipline.label.title);
    if (family) counts.set(family, (counts.get(family) ?? 0) + 1);
  }
  let best: TitleFamily = 'simple';
  for (const family of TITLE_FAMILIES) if ((counts.get(family) ?? 0) > (counts.get(best) ?? 0)) best = family;
  return best;
}
