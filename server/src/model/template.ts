/**
 * Blank templates: a post-mortem or 8D form that nobody has filled in yet. Its metadata and most of its sections
 * hold placeholders (`{{title}}`, `[Date]`, `YYYY-MM-DD`, `XXX`, empty table rows) or prompts (comments, italic
 * instructions, questions, unticked checklists). It is not checked as a report. A filled report with one `TBD` or
 * one placeholder row is still a report: the decision weighs the whole document.
 */
import type { List, ListItem, Paragraph, Root, RootContent, Table, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { LineIndex } from './position';
import { findDate } from './timeline/time';
import { parseReportDate } from './dates';

/** Angle brackets around one of these are HTML, not a placeholder. */
const HTML_TAGS: readonly string[] = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'center', 'code', 'dd', 'del', 'details', 'div', 'dl', 'dt', 'em', 'font', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'picture', 'pre', 'q', 's', 'samp', 'small', 'source', 'span',
  'strike', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'u', 'ul', 'var', 'video', 'wbr',
];

/** What templates write where a value goes. Each is linear (bounded, no nested quantifiers). */
export const PLACEHOLDERS: readonly RegExp[] = [
  /\{\{[^{}\n]{0,120}\}\}/, // {{title}}, {{ incident.date }}
  /\{%[^%\n]{0,120}%\}/, // {% if … %}
  /\$\{[^{}\n]{0,120}\}/, // ${date}
  /\[[A-Za-z][^[\]\n]{0,200}\](?![(:[])/, // [Date], [Name], [Describe the problem] (not a link or a reference)
  /\[ \]/, // a box to tick inside a cell or line: [ ] Open [ ] Closed
  /\b(?:YYYY|YY|DD|MM|HH|hh|[12][09]xx)(?:[-/.: T]?(?:YYYY|YY|DD|MM|mm|HH|hh|SS|ss|Z)){1,6}\b/, // YYYY-MM-DD, DD/MM/YYYY, HH:MM, 20xx-MM-DD
  /\bYYYY\b/,
  /\b(?:X{3,12}|x{3,12}|Y{3,12}|Z{3,12}|N{3,12})\b/, // XXX, YYY, NNN
  /\b(?:TBD|TBA|TBC|TODO|FIXME)\b/,
  /\b[Ll]orem ipsum\b/,
  /_{4,}/, // a line to write on: Reason: ________
  // <Insert summary here>, <method>, but not an HTML tag (in lower case, as Markdown writers write them).
  new RegExp(`<(?!(?:${HTML_TAGS.join('|')})(?![A-Za-z0-9]))[A-Za-z][^<>=/"'\\n]{0,120}>`),
];

/** All placeholders in one pass over a line. */
const ANY_PLACEHOLDER = new RegExp(PLACEHOLDERS.map((pattern) => pattern.source).join('|'), 'g');
const HAS_PLACEHOLDER = new RegExp(ANY_PLACEHOLDER.source);

/** Lines that show what to write rather than say anything: examples. */
const EXAMPLE_LINE = /^(?:e\.g\.|eg:|example:|for example[,:])/i;

/** Verbs that start an instruction to whoever fills the template in ("Describe the impact."), capitalised. */
const PROMPT_VERBS: readonly string[] = ['Describe', 'Explain', 'Summarize', 'Summarise', 'Outline', 'Provide', 'Insert', 'Enter', 'Fill in', 'Include', 'List', 'Specify', 'Give'];
const INSTRUCTION_LINE = new RegExp(`^(?:${PROMPT_VERBS.join('|')})\\b`);

/** Whether a text holds a placeholder. */
export function hasPlaceholder(text: string): boolean {
  return HAS_PLACEHOLDER.test(text);
}

/** The text with its placeholders removed. */
export function withoutPlaceholders(text: string): string {
  return text.replace(ANY_PLACEHOLDER, ' ');
}

/** A metadata value a person wrote: not empty, not a placeholder. */
export function isRealValue(value: string | undefined): boolean {
  return value !== undefined && /[A-Za-z0-9]/.test(value) && !hasPlaceholder(value);
}

/** What the template check needs of a report (a subset of `IncidentReport`). */
export interface TemplateEvidence {
  text: string;
  lines: LineIndex;
  tree: Root;
  title: { number?: string; title: string } | undefined;
  number: { value: string } | undefined;
  date: { value: string } | undefined;
}

type Fill = 'blank' | 'prompt' | 'content';

/**
 * Share of the parts of a document that may hold content in a blank template (the title block, a note such as
 * "All times in UTC."). Blank templates seen hold 0–30 %; filled reports 65 % and up (a draft with two sections of
 * three written); a draft with two of five written (40 %) is still a report.
 */
const MAX_FILLED_SHARE = 1 / 3;
const MIN_PARTS = 3;

/**
 * A document is a blank template when nothing says which report it is (no real number or date, no date in the
 * title), and at most a third of its parts (the text under each heading, up to the next) hold content of their
 * own, the others being empty or holding only placeholders and prompts, at least one of them a placeholder or prompt.
 */
export function isBlankTemplate(report: TemplateEvidence): boolean {
  if (isIdentified(report)) return false;
  // "Post-mortem Template", "8D Report Template": the title says what it is (an outage about an email template does not).
  if (report.title !== undefined && TEMPLATE_TITLE.test(report.title.title)) return true;
  const titlePrompt = report.title !== undefined && hasPlaceholder(report.title.title);
  const parts = partsOf(report.tree);
  if (parts.length >= MIN_PARTS) return mostlyBlank(parts, (part) => fillOf(part, report.lines), titlePrompt);
  // Few headings (a form of labels, an SRE-style list of fields): its fields weigh instead, line by line.
  const fields = parts.flat().flatMap((node) => fieldsOf(node, report.lines));
  return fields.length >= MIN_FIELDS && mostlyBlank(fields, (fill) => fill, titlePrompt);
}

/** Whether at most a third of the units hold content and at least one holds a prompt (or the title does). */
function mostlyBlank<T>(units: readonly T[], fillOfUnit: (unit: T) => Fill, titlePrompt: boolean): boolean {
  const limit = Math.floor(units.length * MAX_FILLED_SHARE);
  let filled = 0;
  let prompts = titlePrompt ? 1 : 0;
  for (const unit of units) {
    const fill = fillOfUnit(unit);
    if (fill === 'content' && ++filled > limit) return false;
    if (fill === 'prompt') prompts++;
  }
  return prompts > 0;
}

/** A title naming a blank form: a report kind's name, then "template" (`Incident report template`, `Template: 8D`). */
const TEMPLATE_TITLE = /\b(?:post-?mortems?|incidents?|8d|reports?|rca|retrospectives?|reviews?|analysis|form)\s+template\b|^\s*template\s*[:\u2013\u2014-]/i;

/** A document of fewer parts is judged on this many fields at least. */
const MIN_FIELDS = 4;

/** The fields of a block: each line of a paragraph, each item of a list, each row of a table. */
function fieldsOf(node: RootContent, lines: LineIndex): Fill[] {
  if (node.type === 'list') return node.children.map((item) => itemFill(item, lines));
  if (node.type === 'table') return node.children.slice(1).map((row) => (isBlankRow(row) ? 'prompt' : 'content'));
  if (node.type === 'paragraph' && !isInstruction(node) && node.position) {
    const fills: Fill[] = [];
    for (let line = node.position.start.line - 1; line < node.position.end.line; line++) fills.push(lineFill(lines.lineText(line)));
    return fills;
  }
  return [blockFill(node, lines)];
}

/** What the decision weighs (for explaining it): the units judged (parts, or fields when there are few parts) and their fills. */
export function templateStats(report: TemplateEvidence): { identified: boolean; by: 'parts' | 'fields'; units: number; filled: number; prompts: number } {
  const parts = partsOf(report.tree);
  const by = parts.length >= MIN_PARTS ? 'parts' : 'fields';
  const fills = by === 'parts' ? parts.map((part) => fillOf(part, report.lines)) : parts.flat().flatMap((node) => fieldsOf(node, report.lines));
  const count = (fill: Fill) => fills.filter((f) => f === fill).length;
  return { identified: isIdentified(report), by, units: fills.length, filled: count('content'), prompts: count('prompt') };
}

/** A report says which one it is: its number, its date, or a date in its title (`Post-mortem: … (2025-08-19)`). */
function isIdentified(report: TemplateEvidence): boolean {
  const title = report.title;
  return title?.number !== undefined || isRealValue(report.number?.value) || isFilledDate(report.date?.value)
    || (title !== undefined && !hasPlaceholder(title.title) && findDate(title.title)?.date.year !== undefined);
}

/** A date field filled in, in whatever notation (`04/03/2024`, `4 March`): digits and no placeholder. */
function isFilledDate(value: string | undefined): boolean {
  return isRealValue(value) && /\d/.test(value!);
}

/** A cell holding a date: a row with one is an entry, whatever else it holds. */
function isDate(text: string): boolean {
  return isRealValue(text) && (parseReportDate(text) !== undefined || findDate(text) !== undefined);
}

/**
 * The blocks under each heading up to the next heading of any level, and those before the first heading. A heading
 * directly followed by a deeper one is a container: its subsections are the parts.
 */
function partsOf(tree: Root): RootContent[][] {
  const parts: RootContent[][] = [];
  let current: RootContent[] = [];
  let depth = 0;
  let opened = false;
  for (const node of tree.children) {
    if (node.type === 'heading') {
      const container = current.length === 0 && opened && node.depth > depth;
      if (opened ? !container : current.length > 0) parts.push(current);
      current = [];
      depth = node.depth;
      opened = true;
    } else if (!SKIPPED.has(node.type)) {
      current.push(node);
    }
  }
  if (opened || current.length > 0) parts.push(current);
  return parts;
}

/** Blocks that are neither content nor prompt: front matter (YAML, or TOML as Hugo writes it), rules, link definitions. */
const SKIPPED: ReadonlySet<string> = new Set(['yaml', 'toml', 'thematicBreak', 'definition']);

/** Content as soon as one block has content; a prompt when a block holds a placeholder or prompt; else blank. */
function fillOf(part: RootContent[], lines: LineIndex): Fill {
  let fill: Fill = 'blank';
  for (const node of part) {
    const block = blockFill(node, lines);
    if (block === 'content') return 'content';
    if (block === 'prompt') fill = 'prompt';
  }
  return fill;
}

function blockFill(node: RootContent, lines: LineIndex): Fill {
  switch (node.type) {
    case 'html':
      return /^\s*<!--/.test(node.value) ? 'prompt' : 'blank';
    case 'paragraph':
      return isInstruction(node) ? 'prompt' : linesFill(node, lines);
    case 'blockquote':
      return node.children.every((child) => child.type === 'paragraph' && (isInstruction(child) || isQuestion(toString(child)))) ? 'prompt' : linesFill(node, lines);
    case 'list':
      return listFill(node, lines);
    case 'table':
      return tableFill(node);
    default:
      return 'content';
  }
}

/** A paragraph all in italics: an instruction to whoever fills the template in. */
function isInstruction(paragraph: Paragraph): boolean {
  // Text outside the italics may only be punctuation (`*Describe the impact*.`).
  const parts = paragraph.children.filter((child) => !(child.type === 'text' && !/[\p{L}\p{N}]/u.test(child.value)));
  return parts.length > 0 && parts.every((child) => child.type === 'emphasis');
}

function isQuestion(text: string): boolean {
  return /\?\s*$/.test(text.trim());
}

function linesFill(node: RootContent, lines: LineIndex): Fill {
  if (!node.position) return 'content';
  let fill: Fill = 'blank';
  for (let line = node.position.start.line - 1; line < node.position.end.line; line++) {
    const state = lineFill(lines.lineText(line));
    if (state === 'content') return 'content';
    if (state === 'prompt') fill = 'prompt';
  }
  return fill;
}

const LINE_MARKUP = /^[ \t]{0,8}(?:>[ \t]?){0,3}(?:(?:[-*+]|\d{1,3}[.)])(?:[ \t]{1,4}|$))?/;
const TICKED = /^\[[xX]\]/;
const LABEL_MAX_LENGTH = 60;

/** A line of a paragraph, list item or quote: a label with no value or a placeholder for one is blank. */
function lineFill(raw: string): Fill {
  let line = raw.slice(LINE_MARKUP.exec(raw)?.[0].length ?? 0);
  if (TICKED.test(line)) return 'content';
  line = line.replace(/<!--.*?-->/g, ' ');
  const rest = withoutPlaceholders(line);
  const placeholder = rest !== line;
  const plain = rest.replace(/[*_`\\]/g, ' ').trim();
  const colon = plain.indexOf(':');
  // `Label: value` (a colon followed by a digit is a time, not a label).
  const value = colon >= 0 && colon <= LABEL_MAX_LENGTH && !/\d/.test(plain[colon + 1] ?? '') ? plain.slice(colon + 1).trim() : plain;
  if (!/[\p{L}\p{N}]/u.test(value)) return placeholder || plain !== '' ? 'prompt' : 'blank';
  if (isQuestion(value) || EXAMPLE_LINE.test(value) || INSTRUCTION_LINE.test(value)) return 'prompt';
  return 'content';
}

function listFill(list: List, lines: LineIndex): Fill {
  let fill: Fill = 'blank';
  for (const item of list.children) {
    const state = itemFill(item, lines);
    if (state === 'content') return 'content';
    if (state === 'prompt') fill = 'prompt';
  }
  return fill;
}

function itemFill(item: ListItem, lines: LineIndex): Fill {
  if (item.checked === true) return 'content';
  // An unticked box is a prompt to act, whatever it says; an empty item (`-`) is a blank to write on.
  if (item.checked === false) return 'prompt';
  if (item.children.length === 0) return 'prompt';
  let fill: Fill = 'blank';
  for (const child of item.children) {
    const state = blockFill(child, lines);
    if (state === 'content') return 'content';
    if (state === 'prompt') fill = 'prompt';
  }
  return fill;
}

/** A table whose rows are all blank: empty cells, placeholders or questions beside the rows' names. */
function tableFill(table: Table): Fill {
  const rows = table.children.slice(1);
  if (rows.length === 0) return 'prompt';
  return rows.every(isBlankRow) ? 'prompt' : 'content';
}

function isBlankRow(row: TableRow): boolean {
  const cells = row.children.map((cell) => toString(cell).trim());
  if (cells.some(hasPlaceholder) && !cells.some(isDate)) return true;
  // The first cell may name the row (`| Team Leader | | |`): the others are where the values go.
  return cells.slice(1).every((cell) => cell === '' || isBlankCell(cell));
}

function isBlankCell(cell: string): boolean {
  return hasPlaceholder(cell) || isQuestion(cell) || !/[\p{L}\p{N}]/u.test(cell);
}
