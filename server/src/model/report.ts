import type { Root, RootContent, Heading, Table, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from './parse';
import { parseIncremental, type BlockCache } from './incrementalParse';
import { LineIndex, type Range } from './position';
import { readFrontMatter, frontMatterText, isFrontMatterNode, type FrontMatter } from './frontMatter';
import { readDisciplineLabel, readTitleNumber, familyOfTitle, metadataFieldOfLabel, METADATA_LABEL_MAX_LENGTH, TITLE_FAMILIES, type DisciplineLabel, type MetadataFieldName, type TitleFamily } from './kinds/eightD';
import { postmortemSectionOf, postmortemRolesOf, type PostmortemSectionKind } from './kinds/postmortem';
import { classify, looksLikeEightD, frontMatterNamesIncident, type KindEvidence, type ReportKind } from './kinds/classify';
import { readHtmlHeading, readSectionFields, SECTION_FIELDS_PER_LIST } from './kinds/headingShapes';
import { isBlankTemplate } from './template';

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
  /** The report number a form gives by label (`8D Number`, `Report No.`, `| Report ID | … |`), apart from the title's. */
  number: MetadataField | undefined;
  date: MetadataField | undefined;
  status: MetadataField | undefined;
  /** A blank template (placeholders and prompts, no report filled in yet): it is not checked as a report. */
  blankTemplate: boolean;
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
  // 8D forms give their metadata in many shapes; other documents are read as 8d-tools writes (and the index scans).
  const metadataShapes: MetadataShapes = looksEightD ? 'forms' : 'eightDTools';
  const number = readMetadataField(tree, lines, frontMatter, 'number', metadataShapes) ?? (looksEightD ? numberInTitle(title, lines) : undefined);
  const date = readMetadataField(tree, lines, frontMatter, 'date', metadataShapes);
  return {
    text,
    lines,
    tree,
    kind: classify(kindEvidence),
    kindEvidence,
    frontMatter,
    title,
    number,
    date,
    status: readMetadataField(tree, lines, frontMatter, 'status', metadataShapes),
    blankTemplate: isBlankTemplate({ text, lines, tree, title, number, date }),
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
    if (label && !repeatsEnclosingDiscipline(disciplines[disciplines.length - 1], section, label.number)) disciplines.push({ ...section, number: label.number, label });
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
    number: undefined, date: undefined, status: undefined, blankTemplate: false, headings: [], pseudoHeadings: [], sections: [], disciplines: [], postmortemSections: [],
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
      // Inline HTML is no part of a heading's words: `## Root cause <!-- why -->`, `## <a name="timeline"></a>Timeline`.
      text: toString(node, { includeHtml: false }).trim(),
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

/**
 * `forms`: any label of `METADATA_LABELS`, bold or not, and tables, up to the first discipline or section (a form's
 * header block such as `## Report Information` comes before). `eightDTools`: `**Date:**` and `**Status:**` lines
 * before the first heading below the title, as 8d-tools writes them and the workspace index scans them.
 */
export type MetadataShapes = 'forms' | 'eightDTools';

/**
 * A report's number, date or status, from the first label that names it before the first section:
 * `**Date:** 2025-06-23` or `Date Initiated: …` on a line of a paragraph or list item (bulleted or not, on
 * consecutive lines of one paragraph), a two-column table row (`| Report Number | 8D-2024-017 |`, label and value
 * pairs across wider rows), or a one-row table whose header names the fields; front matter as a fallback.
 */
export function readMetadataField(tree: Root, lines: LineIndex, frontMatter: FrontMatter | undefined, field: MetadataFieldName, shapes: MetadataShapes): MetadataField | undefined {
  for (const node of tree.children) {
    if (node.type === 'heading' && endsMetadata(node, shapes)) break;
    const found = node.type === 'table' ? (shapes === 'forms' ? fieldInTable(node, lines, field) : undefined) : fieldInLines(node, lines, field, shapes);
    if (found) return found;
  }
  return fieldInFrontMatter(frontMatter, field);
}

function endsMetadata(heading: Heading, shapes: MetadataShapes): boolean {
  if (shapes === 'eightDTools') return heading.depth > 1;
  const text = toString(heading);
  return readDisciplineLabel(text) !== undefined || (heading.depth > 1 && postmortemSectionOf(text) !== undefined);
}

function fieldInFrontMatter(frontMatter: FrontMatter | undefined, field: MetadataFieldName): MetadataField | undefined {
  if (!frontMatter) return undefined;
  const key = frontMatter.data[field] !== undefined ? field : Object.keys(frontMatter.data).find((k) => metadataFieldOfLabel(k) === field);
  const value = key === undefined ? undefined : frontMatterText(frontMatter, key);
  return value === undefined ? undefined : { value, range: frontMatter.range };
}

/** A label and its value on one line: the label may be bold (`**Date:**`, `**Date**:`), listed, quoted or plain. */
function fieldInLines(node: RootContent, lines: LineIndex, field: MetadataFieldName, shapes: MetadataShapes): MetadataField | undefined {
  const holdsLines = node.type === 'paragraph' || node.type === 'list' || (node.type === 'blockquote' && shapes === 'forms');
  if (!holdsLines || !node.position) return undefined;
  for (let line = node.position.start.line - 1; line < node.position.end.line; line++) {
    const found = fieldOnLine(lines, line, field, shapes);
    if (found) return found;
  }
  return undefined;
}

/** `**Date` (colon inside the bold) or `**Date**` (colon after it). */
const EIGHT_D_TOOLS_LABEL = /^\*\*[A-Za-z]{1,12}(?:\*\*)?[ \t]{0,4}$/;
const LINE_PREFIX = /^[ \t]{0,8}(?:>[ \t]?){0,3}(?:(?:[-*+]|\d{1,3}[.)])[ \t]{1,4})?(?:\[[ xX]\][ \t]{1,4})?/;

function fieldOnLine(lines: LineIndex, line: number, field: MetadataFieldName, shapes: MetadataShapes): MetadataField | undefined {
  const text = lines.lineText(line);
  const prefix = LINE_PREFIX.exec(text)?.[0].length ?? 0;
  const colon = text.indexOf(':', prefix);
  if (colon < 0 || colon - prefix > METADATA_LABEL_MAX_LENGTH * 2) return undefined;
  const label = text.slice(prefix, colon);
  if (shapes === 'eightDTools' ? !EIGHT_D_TOOLS_LABEL.test(label) || label.replace(/[*\s]/g, '').toLowerCase() !== field : metadataFieldOfLabel(label) !== field) return undefined;
  // The value runs to the end of the line, without the label's closing emphasis or a closing one around both.
  let start = colon + 1;
  while (start < text.length && (text[start] === ' ' || text[start] === '\t' || text[start] === '*' || text[start] === '_')) start++;
  let end = text.length;
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t' || text[end - 1] === '\\' || ((text[end - 1] === '*' || text[end - 1] === '_') && text[prefix] === text[end - 1]))) end--;
  const base = lines.lineStart(line);
  return { value: text.slice(start, end), range: lines.range(base + start, base + end) };
}

/** `| Report Number | 8D-2024-017 |` (pairs of label and value, header row included), or a header of labels over one row of values. */
function fieldInTable(table: Table, lines: LineIndex, field: MetadataFieldName): MetadataField | undefined {
  const [header, ...body] = table.children;
  if (!header) return undefined;
  const labelColumns = header.children.map((cell) => metadataFieldOfLabel(toString(cell)));
  // Labels side by side in the header (`| 8D # | Date Opened | Status |`) head columns; else labels and values alternate.
  if (body.length === 1 && labelColumns.some((f, i) => f !== undefined && labelColumns[i + 1] !== undefined)) {
    const column = labelColumns.indexOf(field);
    return column < 0 ? undefined : cellValue(body[0].children[column], lines);
  }
  for (const row of table.children) {
    // A wider table's header is column names (`| ID | Action | Owner |`) unless its values are there (`| 8D No. | 17 | Date | … |`).
    const names = row === header && row.children.length > 2;
    for (let i = 0; i + 1 < row.children.length; i += 2) {
      if (metadataFieldOfLabel(toString(row.children[i])) !== field) continue;
      if (!names || /\d/.test(toString(row.children[i + 1]))) return cellValue(row.children[i + 1], lines);
    }
  }
  return undefined;
}

function cellValue(cell: TableCell | undefined, lines: LineIndex): MetadataField | undefined {
  if (!cell?.position) return cell ? { value: toString(cell).trim(), range: lines.range(0, 0) } : undefined;
  const first = cell.children[0]?.position;
  const last = cell.children[cell.children.length - 1]?.position;
  const start = first?.start.offset ?? cell.position.start.offset ?? 0;
  const end = last?.end.offset ?? start;
  return { value: toString(cell).trim(), range: lines.range(start, end) };
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

/** `### D4 Evidence` or `### D4.1 Why-why analysis` inside `## D4 Root Cause Analysis` is a subsection of D4, not a second D4. */
function repeatsEnclosingDiscipline(enclosing: DisciplineSection | undefined, section: Section, number: number): boolean {
  return enclosing !== undefined && enclosing.number === number && enclosing.heading.depth < section.heading.depth && section.heading.start < enclosing.end;
}

/** A form's number written in its title (`# 8D-2024-017: Cracked housing`), when the title has no `N:` of 8d-tools. */
function numberInTitle(title: TitleLine | undefined, lines: LineIndex): MetadataField | undefined {
  if (!title || title.number !== undefined) return undefined;
  const headingStart = lines.offsetAt(title.range.start);
  const whole = lines.text.slice(headingStart, lines.offsetAt(title.range.end));
  const marks = /^#{1,6}[ \t]*/.exec(whole)?.[0].length ?? 0; // the ATX heading's own `#`
  const start = headingStart + marks;
  const raw = whole.slice(marks);
  const found = readTitleNumber(raw);
  return found && { value: raw.slice(found.start, found.end), range: lines.range(start + found.start, start + found.end) };
}
