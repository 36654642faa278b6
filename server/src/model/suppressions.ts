import type { Node, Parent } from 'unist';
import type { IncidentReport } from './report';
import type { Range } from './position';

/**
 * Suppression comments: HTML comments in a report that silence findings, read the same way by the editor and the CLI.
 *
 * - `<!-- incident-docs-disable rule-a, rule-b -->` … `<!-- incident-docs-enable rule-a -->`: from the comment's line
 *   up to the `enable`'s line (not included), or to the end when nothing enables the rule again;
 * - `<!-- incident-docs-disable-next-line rule-a -->`: the line after the one the comment ends on;
 * - `<!-- incident-docs-disable-file rule-a -->`: the whole file, wherever the comment stands.
 *
 * Without ids a comment names every rule. Ids are separated by commas or spaces. A finding is silenced when the line
 * it starts on is covered. Only real HTML comments count (not text in code fences or code spans); one in front matter
 * is YAML, not HTML, and counts neither. The vocabulary is here, once.
 */
export const SUPPRESSION_PREFIX = 'incident-docs-';
export const SUPPRESSION_FORMS = ['disable', 'enable', 'disable-next-line', 'disable-file'] as const;
export type SuppressionForm = (typeof SUPPRESSION_FORMS)[number];

/** The comment text a suppression is written as (`<!-- incident-docs-disable-next-line rule-id -->`). */
export function suppressionComment(form: SuppressionForm, ids: readonly string[]): string {
  return `<!-- ${SUPPRESSION_PREFIX}${form}${ids.length > 0 ? ` ${ids.join(' ')}` : ''} -->`;
}

export interface SuppressionId {
  id: string;
  range: Range;
  /** Offsets in the report's text, for edits. */
  start: number;
  end: number;
}

export interface SuppressionCommentInfo {
  /** Undefined when the word after `incident-docs-` is no form (`incident-docs-disabel`). */
  form: SuppressionForm | undefined;
  /** The word as written after `incident-docs-`, and where. */
  formText: string;
  formRange: Range;
  /** The rule ids named; empty for every rule. */
  ids: SuppressionId[];
  /** Zero-based lines the comment starts and ends on. */
  line: number;
  endLine: number;
}

export interface Suppressions {
  readonly comments: readonly SuppressionCommentInfo[];
  /** Whether a finding of `ruleId` starting on the zero-based `line` is silenced. */
  readonly covers: (ruleId: string, line: number) => boolean;
}

const NONE: Suppressions = { comments: [], covers: () => false };
const remembered = new WeakMap<IncidentReport, Suppressions>();

/** The report's suppression comments, read once per parsed report; a report without `incident-docs-` costs one search. */
export function readSuppressions(report: IncidentReport): Suppressions {
  let suppressions = remembered.get(report);
  if (!suppressions) {
    suppressions = report.text.includes(SUPPRESSION_PREFIX) ? suppressionsOf(commentsOf(report)) : NONE;
    remembered.set(report, suppressions);
  }
  return suppressions;
}

function suppressionsOf(comments: SuppressionCommentInfo[]): Suppressions {
  if (comments.length === 0) return NONE;
  const names = (comment: SuppressionCommentInfo, ruleId: string) => comment.ids.length === 0 || comment.ids.some((id) => id.id === ruleId);
  const wholeFile = comments.filter((comment) => comment.form === 'disable-file');
  // By the line they cover: a report may hold many, each asked about for every finding.
  const byNextLine = new Map<number, SuppressionCommentInfo[]>();
  for (const comment of comments) {
    if (comment.form === 'disable-next-line') byNextLine.set(comment.endLine + 1, [...(byNextLine.get(comment.endLine + 1) ?? []), comment]);
  }
  const ranges = comments.filter((comment) => comment.form === 'disable' || comment.form === 'enable');
  return {
    comments,
    covers(ruleId, line) {
      if (wholeFile.some((comment) => names(comment, ruleId))) return true;
      if (byNextLine.get(line)?.some((comment) => names(comment, ruleId))) return true;
      // The last `disable` or `enable` naming the rule at or before the line decides (`disable` all, then `enable` one).
      let disabled = false;
      for (const comment of ranges) {
        if (comment.line > line) break;
        if (names(comment, ruleId)) disabled = comment.form === 'disable';
      }
      return disabled;
    },
  };
}

/** Every suppression comment, in document order: each occurrence of the prefix that stands in an HTML node of the tree. */
function commentsOf(report: IncidentReport): SuppressionCommentInfo[] {
  const { text } = report;
  const comments: SuppressionCommentInfo[] = [];
  const read = new Set<Node>();
  for (let at = text.indexOf(SUPPRESSION_PREFIX); at !== -1; at = text.indexOf(SUPPRESSION_PREFIX, at + SUPPRESSION_PREFIX.length)) {
    const node = innermostNodeAt(report.tree, at);
    // Text in a code fence, a code span or a paragraph is shown, not obeyed: only HTML is a comment.
    if (!node || node.type !== 'html' || read.has(node)) continue;
    read.add(node);
    const start = node.position?.start.offset ?? 0;
    comments.push(...commentsIn(report, start, node.position?.end.offset ?? start));
  }
  return comments;
}

/** The nodes of the tree whose source holds `offset`, outermost first (children are in order: a binary search at each level). */
function nodesAt(root: Parent, offset: number): Node[] {
  const path: Node[] = [];
  let parent: Parent | undefined = root;
  while (parent) {
    const children: Node[] = parent.children;
    let low = 0;
    let high = children.length - 1;
    let found: Node | undefined;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const position = children[mid].position;
      const start = position?.start.offset;
      const end = position?.end.offset;
      // A child without a position cannot be placed: stop here rather than guess.
      if (start === undefined || end === undefined) return path;
      if (offset < start) high = mid - 1;
      else if (offset >= end) low = mid + 1;
      else {
        found = children[mid];
        break;
      }
    }
    if (!found) return path;
    path.push(found);
    parent = 'children' in found ? (found as Parent) : undefined;
  }
  return path;
}

function innermostNodeAt(root: Parent, offset: number): Node | undefined {
  const path = nodesAt(root, offset);
  return path[path.length - 1];
}

const SEPARATOR = /[\s,]/;

/** The `<!-- incident-docs-… -->` comments in the source `[start, end)` of one HTML node, scanned once from left to right. */
function commentsIn(report: IncidentReport, start: number, end: number): SuppressionCommentInfo[] {
  const { lines } = report;
  // Searched within the node alone: a search of the whole text from each node would be quadratic in the nodes.
  const source = report.text.slice(start, end);
  const found: SuppressionCommentInfo[] = [];
  let open = source.indexOf('<!--');
  while (open !== -1) {
    const close = source.indexOf('-->', open + 4);
    if (close === -1) break; // an unclosed comment runs to the end of the node: it suppresses nothing
    let at = open + 4;
    while (at < close && SEPARATOR.test(source[at]) && source[at] !== ',') at++;
    if (source.startsWith(SUPPRESSION_PREFIX, at)) {
      const formStart = at + SUPPRESSION_PREFIX.length;
      let formEnd = formStart;
      while (formEnd < close && !SEPARATOR.test(source[formEnd])) formEnd++;
      const formText = source.slice(formStart, formEnd);
      found.push({
        form: SUPPRESSION_FORMS.find((form) => form === formText),
        formText,
        formRange: lines.range(start + formStart, start + formEnd),
        ids: idsIn(report, source, start, formEnd, close),
        line: lines.positionAt(start + open).line,
        endLine: lines.positionAt(start + close).line,
      });
    }
    open = source.indexOf('<!--', close + 3);
  }
  return found;
}

/** The ids in `source` between `from` and `to`: words separated by commas or white space (`base`: where `source` starts). */
function idsIn(report: IncidentReport, source: string, base: number, from: number, to: number): SuppressionId[] {
  const ids: SuppressionId[] = [];
  let at = from;
  while (at < to) {
    while (at < to && SEPARATOR.test(source[at])) at++;
    const start = at;
    while (at < to && !SEPARATOR.test(source[at])) at++;
    if (at > start) ids.push({ id: source.slice(start, at), range: report.lines.range(base + start, base + at), start: base + start, end: base + at });
  }
  return ids;
}

/** An insertion the "Ignore …" quick-fixes make: plain data, as a rule's fix. */
export interface SuppressionEdit {
  range: Range;
  newText: string;
}

/**
 * "Ignore on this line": `<!-- incident-docs-disable-next-line rule-id -->` on a line of its own above `line`, in the
 * same container (its indentation, its `>` marks; inside the previous list item when the line starts a later item, so
 * the list stays one list). Undefined where a line cannot be put above without changing the report: in front matter
 * (a comment there is YAML, and one above it would end the front matter) and on a table's later rows.
 */
export function ignoreOnLineEdit(report: IncidentReport, line: number, ruleId: string): SuppressionEdit | undefined {
  const { lines, frontMatter } = report;
  if (line < 0 || line >= lines.lineCount) return undefined;
  if (frontMatter && line <= frontMatter.range.end.line) return undefined;
  const lineStart = lines.lineStart(line);
  const lineText = lines.lineText(line);
  const prefix = /^(?:[ \t]*>)*[ \t]*/.exec(lineText)?.[0] ?? '';
  const path = nodesAt(report.tree, lineStart + prefix.length);
  const startsBefore = (node: Node) => (node.position?.start.line ?? 0) - 1 < line;
  if (path.some((node) => (node.type === 'table' || node.type === 'code') && startsBefore(node))) return undefined;
  const at = { line, character: 0 };
  const comment = suppressionComment('disable-next-line', [ruleId]);
  return { range: { start: at, end: at }, newText: `${indentationAbove(path, line, prefix)}${comment}${eolOf(report.text)}` };
}

/** The indentation of the comment above a line: the line's own, or the previous item's content when the line starts a later list item. */
function indentationAbove(path: readonly Node[], line: number, prefix: string): string {
  const itemAt = path.findIndex((node) => node.type === 'listItem' && (node.position?.start.line ?? 0) - 1 === line);
  const list = path[itemAt - 1] as Parent | undefined;
  if (itemAt < 1 || !list) return prefix;
  const index = list.children.indexOf(path[itemAt]);
  const previous = list.children[index - 1] as Parent | undefined;
  if (!previous) return prefix;
  const itemColumn = (path[itemAt].position?.start.column ?? 1) - 1;
  // Where the previous item's content starts; an empty item (`-`) has none: past its marker and a space.
  const contentColumn = (previous.children[0]?.position?.start.column ?? (previous.position?.start.column ?? 1) + 2) - 1;
  return prefix.slice(0, Math.min(prefix.length, itemColumn)) + ' '.repeat(Math.max(0, contentColumn - itemColumn));
}

/**
 * "Ignore in this file": the id added to the file's `disable-file` comment when it has one, else a new comment after
 * the title (after the front matter when the title is in it; at the top when there is neither). There it changes
 * neither the kind the report is recognised as (its headings and first paragraph stay) nor its sections.
 */
export function ignoreInFileEdit(report: IncidentReport, ruleId: string): SuppressionEdit | undefined {
  const existing = readSuppressions(report).comments.find((comment) => comment.form === 'disable-file');
  if (existing) {
    if (existing.ids.length === 0 || existing.ids.some((id) => id.id === ruleId)) return undefined; // silenced already
    const first = existing.ids[0];
    const last = existing.ids[existing.ids.length - 1];
    const separator = report.text.slice(first.start, last.end).includes(',') ? ', ' : ' ';
    return { range: { start: last.range.end, end: last.range.end }, newText: `${separator}${ruleId}` };
  }
  const { lines, frontMatter, title } = report;
  const eol = eolOf(report.text);
  const comment = suppressionComment('disable-file', [ruleId]);
  const inFrontMatter = (line: number) => frontMatter !== undefined && line <= frontMatter.range.end.line;
  let afterLine: number | undefined;
  if (title && !inFrontMatter(title.range.start.line)) {
    // The whole block the title is (a Setext heading's underline, an HTML heading's other lines).
    const block = nodesAt(report.tree, lines.offsetAt(title.range.start))[0];
    afterLine = (block?.position?.end.line ?? title.range.end.line + 1) - 1;
  } else if (frontMatter) {
    afterLine = frontMatter.range.end.line;
  }
  if (afterLine === undefined) {
    const at = { line: 0, character: 0 };
    return { range: { start: at, end: at }, newText: report.text.length > 0 ? `${comment}${eol}${eol}` : comment };
  }
  const end = { line: afterLine, character: lines.lineEnd(afterLine) - lines.lineStart(afterLine) };
  const followed = afterLine + 1 < lines.lineCount && lines.lineText(afterLine + 1).trim() !== '';
  return { range: { start: end, end }, newText: `${eol}${eol}${comment}${followed ? eol : ''}` };
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
