/**
 * Completion for links between reports: relation names in `## Links`, reports after a relation or `[`,
 * workspace paths after `](` and heading anchors after `#`. Only the model and the index are read (one pass
 * over the reports, no file access), so that a workspace of thousands of reports answers while typing.
 *
 * The long lists (reports, paths) are built once per folder and index listing, and shared between keystrokes:
 * the replaced range travels once, as the list's default `editRange`, and a report's summary only when
 * the item is resolved (shown), not with each of thousands of items. Past MAX_LISTED, only the items that match
 * what was typed are sent, the first MAX_LISTED of them, marked incomplete so that the editor asks again as the
 * typing narrows them.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList, type Range } from 'vscode-languageserver-types';
import type { IncidentReport } from '../model/report';
import type { Position } from '../model/position';
import type { Nodes } from 'mdast';
import { RELATIONS, canonicalUri, relationNamed, relativeLink, resolveLink, withSlugs } from '../model/links';
import type { ReportIndex } from '../workspace/reportIndex';
import { scannedHeadings, type ScannedHeading } from '../workspace/scanner';
import { LIST_LABEL, reportLabel } from '../model/reportLabel';
import { frontMatterCompletions } from './frontMatterKeys';

/** What the text before the cursor asks for; `start` is the character where the replaced text begins. */
export type CompletionContext =
  | { kind: 'relation'; start: number }
  | { kind: 'report'; start: number; bracket: boolean; leadingSpace: boolean }
  | { kind: 'path'; start: number }
  | { kind: 'slug'; start: number; path: string };

const SLUG = /\]\(\s*<?([^)\s#>]*)#([^)\s#>]*)$/;
const PATH = /\]\(\s*<?([^)\s#>]*)$/;
/** `- Supersedes: ` then nothing, a partial title, or `[` and a partial label. */
const AFTER_RELATION = /^\s*[-*+][ \t]+([A-Za-z][A-Za-z ]*?)[ \t]*:([ \t]*)(\[?[^[\]()]*)$/;
/** An open `[` (not an image's `![`, not escaped) with no `]` after it yet. */
const OPEN_BRACKET = /(^|[^!\\])\[([^[\]]*)$/;
const ITEM_START = /^(\s*[-*+][ \t]+)([A-Za-z][A-Za-z ]*)?$/;

/** Reads the line up to the cursor; `inLinks` says whether the line is in the `## Links` section. */
export function completionContext(before: string, inLinks: boolean): CompletionContext | undefined {
  const slug = SLUG.exec(before);
  if (slug) return { kind: 'slug', start: before.length - slug[2].length, path: slug[1] };
  const path = PATH.exec(before);
  if (path) return { kind: 'path', start: before.length - path[1].length };
  const relation = inLinks ? AFTER_RELATION.exec(before) : null;
  if (relation && relationNamed(relation[1])) {
    const typed = relation[3];
    // Completing straight after the `:` trigger: 8d-tools writes a space there.
    return { kind: 'report', start: before.length - typed.length, bracket: typed.startsWith('['), leadingSpace: relation[2] === '' };
  }
  const bracket = OPEN_BRACKET.exec(before);
  if (bracket) return { kind: 'report', start: before.length - bracket[2].length - 1, bracket: true, leadingSpace: false };
  const item = inLinks ? ITEM_START.exec(before) : null;
  if (item) return { kind: 'relation', start: item[1].length };
  return undefined;
}

const NO_COMPLETIONS: CompletionList = { isIncomplete: false, items: [] };

export function getCompletions(report: IncidentReport, uri: string, position: Position, index: ReportIndex | undefined, severities: readonly string[] = []): CompletionList {
  // The incident keys of the front matter and their values (in a document that names an incident, before it has sections too).
  const inFrontMatter = frontMatterCompletions(report, position, severities);
  if (inFrontMatter) return inFrontMatter;
  if (!report.kind) return NO_COMPLETIONS;
  const offset = report.lines.offsetAt(position);
  if (inCodeOrComment(report.tree, offset)) return NO_COMPLETIONS;
  const line = position.line;
  const lineStart = report.lines.lineStart(line);
  const before = report.text.slice(lineStart, offset);
  const context = completionContext(before, inLinksSection(report, offset));
  if (!context) return NO_COMPLETIONS;
  const cursor = offset - lineStart;
  const range = (end = cursor): Range => ({ start: { line, character: context.start }, end: { line, character: end } });
  switch (context.kind) {
    case 'relation':
      return { isIncomplete: false, items: relationItems(range()) };
    case 'slug':
      return { isIncomplete: false, items: slugItems(report, uri, context.path, index, range()) };
    case 'path':
      if (!index || !uri.startsWith('file:')) return NO_COMPLETIONS;
      return listed(cachedItems(index, `path ${uri}`, () => pathItems(uri, index)), before.slice(context.start), range());
    case 'report': {
      if (!index || !uri.startsWith('file:')) return NO_COMPLETIONS;
      const after = report.text.slice(offset, report.lines.lineEnd(line));
      const replaced = context.bracket ? replacedAfter(after) : 0;
      // Links are labelled in the style of the document's own title: `# 0003:` (pre-release 8d-tools) pads, `# 3:` does not.
      const style = { padded: /^0\d/.test(report.title?.number ?? ''), bracket: context.bracket, leadingSpace: context.leadingSpace };
      // Relative links depend only on the document's folder: every report of a folder shares one list.
      const key = `report ${folderOf(uri)} ${style.padded} ${style.bracket} ${style.leadingSpace}`;
      const items = cachedItems(index, key, () => reportItems(uri, index, style));
      return listed(without(items, canonicalUri(uri)), before.slice(context.start), range(cursor + replaced));
    }
  }
}

/** What an item resolved for display adds: the summary of the report it links to. */
export function resolveCompletionItem(item: CompletionItem, index: ReportIndex | undefined): CompletionItem {
  const target = isReportItemData(item.data) ? index?.get(item.data.report) : undefined;
  return target?.summary ? { ...item, documentation: { kind: MarkupKind.Markdown, value: target.summary } } : item;
}

/** For clients that cannot take a list's default edit range: each item gets its own text edit. */
export function withItemEdits(list: CompletionList): CompletionItem[] {
  const range = list.itemDefaults?.editRange;
  if (!range || !('start' in range)) return list.items;
  return list.items.map(({ textEditText, ...item }) => ({ ...item, textEdit: { range, newText: textEditText ?? item.label } }));
}

/** The most items sent at once: VS Code filters every item on each keystroke, and each costs a few hundred bytes. */
export const MAX_LISTED = 500;

function listed(items: CompletionItem[], typed: string, editRange: Range): CompletionList {
  const matching = items.length <= MAX_LISTED ? items : matchingItems(items, typed);
  if (matching.length <= MAX_LISTED) return { isIncomplete: false, itemDefaults: { editRange }, items: matching };
  return { isIncomplete: true, itemDefaults: { editRange }, items: matching.slice(0, MAX_LISTED) };
}

/** The items whose label holds the typed characters in order (as VS Code's own filter requires), case aside. */
function matchingItems(items: CompletionItem[], typed: string): CompletionItem[] {
  const wanted = typed.replace(/^[\s[]+/, '').toLowerCase();
  if (!wanted) return items;
  return items.filter((item) => {
    const label = item.label.toLowerCase();
    let at = 0;
    for (const char of wanted) {
      at = label.indexOf(char, at) + 1;
      if (at === 0) return false;
    }
    return true;
  });
}

function folderOf(uri: string): string {
  return canonicalUri(uri).replace(/[^/]*$/, '');
}

/** The list less the document's own item (a report does not link to itself). */
function without(items: CompletionItem[], self: string): CompletionItem[] {
  const at = items.findIndex((item) => isReportItemData(item.data) && item.data.report === self);
  return at < 0 ? items : [...items.slice(0, at), ...items.slice(at + 1)];
}

function isReportItemData(data: unknown): data is { report: string } {
  return typeof data === 'object' && data !== null && typeof (data as { report?: unknown }).report === 'string';
}

/** Lists kept per index: dropped whenever the index's listing (reports, titles, files) changes. */
const listCache = new WeakMap<ReportIndex, { version: number; lists: Map<string, CompletionItem[]> }>();
const CACHED_LISTS = 16;

function cachedItems(index: ReportIndex, key: string, build: () => CompletionItem[]): CompletionItem[] {
  let cache = listCache.get(index);
  if (!cache || cache.version !== index.listingVersion) {
    cache = { version: index.listingVersion, lists: new Map() };
    listCache.set(index, cache);
  }
  let items = cache.lists.get(key);
  if (!items) {
    if (cache.lists.size >= CACHED_LISTS) cache.lists.clear();
    items = build();
    cache.lists.set(key, items);
  }
  return items;
}

/**
 * How much of the text after the cursor a completed link replaces: the `]` an editor closed on its own,
 * or the rest of the link when completing inside an existing `[label](target)`.
 */
export function replacedAfter(after: string): number {
  const match = /^(?:[^[\]]*\]\([^()\s]*\)|\])/.exec(after);
  return match ? match[0].length : 0;
}

function relationItems(range: Range): CompletionItem[] {
  return RELATIONS.map((relation, i) => ({
    label: relation.name,
    kind: CompletionItemKind.Keyword,
    detail: `Inverse: ${relation.inverse}`,
    sortText: String(i).padStart(2, '0'),
    textEdit: { range, newText: `${relation.name}: ` },
  }));
}

function reportItems(uri: string, index: ReportIndex, style: { padded: boolean; bracket: boolean; leadingSpace: boolean }): CompletionItem[] {
  const { padded } = style;
  const items: CompletionItem[] = [];
  for (const target of index.all()) {
    const name = reportLabel(target, LIST_LABEL);
    const label = reportLabel(target, { padded, untitled: LIST_LABEL.untitled });
    const detail = [target.status, target.date].filter((part) => part).join(' · ');
    const item: CompletionItem = {
      label: name,
      kind: CompletionItemKind.File,
      // In number order: labels alone would put `10000:` before `2000:`.
      sortText: String(items.length).padStart(8, '0'),
      textEditText: `${style.leadingSpace ? ' ' : ''}[${escapeLabel(label)}](${destination(relativeLink(uri, target.uri))})`,
      data: { report: target.uri },
    };
    if (detail) item.detail = detail;
    // What is typed from the replaced range's start is matched against this: `[` too when it was typed.
    if (style.bracket) item.filterText = `[${name}`;
    items.push(item);
  }
  return items;
}

function pathItems(uri: string, index: ReportIndex): CompletionItem[] {
  const self = canonicalUri(uri);
  const items: CompletionItem[] = [];
  for (const file of index.markdownFiles()) {
    if (file === self) continue;
    const path = destination(relativeLink(uri, file));
    const report = index.get(file);
    const item: CompletionItem = { label: path, kind: CompletionItemKind.File, sortText: String(items.length).padStart(8, '0'), textEditText: path };
    if (report) item.detail = reportLabel(report, LIST_LABEL);
    items.push(item);
  }
  return items;
}

function slugItems(report: IncidentReport, uri: string, path: string, index: ReportIndex | undefined, range: Range): CompletionItem[] {
  const resolved = path === '' ? uri : resolveLink(uri, path);
  if (!resolved) return [];
  // The open document's headings come from its model (current to the keystroke); other files' from the index.
  const headings = withSlugs(canonicalUri(resolved) === canonicalUri(uri) ? report.headings : indexedHeadings(index, resolved));
  return headings.map((heading, i) => ({
    label: heading.slug,
    kind: CompletionItemKind.Reference,
    detail: heading.text,
    sortText: String(i).padStart(6, '0'),
    textEdit: { range, newText: heading.slug },
  }));
}

function indexedHeadings(index: ReportIndex | undefined, uri: string): ScannedHeading[] {
  const indexed = index?.get(uri);
  return indexed ? scannedHeadings(indexed) : [];
}

const ESCAPED: Readonly<Record<string, string>> = { ' ': '%20', '(': '%28', ')': '%29' };

/** A Markdown link destination cannot hold spaces or unbalanced parentheses; file names may. */
function destination(path: string): string {
  return path.replace(/[ ()]/g, (char) => ESCAPED[char] ?? char);
}

function escapeLabel(label: string): string {
  return label.replace(/([[\]\\])/g, '\\$1');
}

function inLinksSection(report: IncidentReport, offset: number): boolean {
  return report.sections.some((section) => {
    const heading = section.heading;
    if (heading.depth < 2 || heading.text.trim().toLowerCase() !== 'links') return false;
    // A section running to the end of the text includes the end: that is where the next item is typed.
    return offset > heading.end && (offset < section.end || section.end === report.text.length);
  });
}

/** Brackets in code and HTML comments (template hints) are not links. */
function inCodeOrComment(node: Nodes, offset: number): boolean {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start !== undefined && end !== undefined) {
    if (offset < start || offset > end) return false;
    if ((node.type === 'code' || node.type === 'html') && offset > start) return true;
    if (node.type === 'inlineCode' && offset > start && offset < end) return true;
  }
  return 'children' in node && node.children.some((child) => inCodeOrComment(child, offset));
}
