/**
 * A fast, line-based reading of what the workspace index needs from a report — title, metadata, headings
 * outside code fences, link lines — without building a Markdown tree, so thousands of files index in about a second.
 * The open document itself is always fully parsed (model/report.ts); a test keeps the two readings in agreement.
 */
import { parseDocument } from 'yaml';
import { detached, rememberedByText } from '../model/memo';
import { decodeUtf8Bytes, type FileContent } from './fileContent';
import { classify, disciplineBitOf, frontMatterNamesIncident, kindFactsOf, LayoutCounter, looksLikeEightD, type KindFacts, type ReportKind } from '../model/kinds/classify';
import { postmortemSectionOf } from '../model/kinds/postmortem';
import { startsHtmlHeading, startsSectionLabel } from '../model/kinds/headingShapes';
import { isExplanatoryHeading } from '../model/kinds/guide';
import { tomlData } from '../model/frontMatter';
import { buildReport } from '../model/report';
import { relationNamed } from '../model/links';
import { BACKTICK, DASH, EQUALS, HASH, LESS_THAN, NEWLINE, PLUS, SPACE, STAR, TAB, TILDE, UNDERSCORE } from '../model/charCodes';

export interface ScannedHeading {
  text: string;
  depth: number;
  line: number;
}

export interface ScannedLink {
  /** The relation when the link is a `## Links` item such as `- Supersedes: [1: Title](./0001-slug.md)`. */
  relation?: string;
  label: string;
  target: string;
  line: number;
  /** Character range of the whole `[label](target)`, and of the label. */
  start: number;
  end: number;
  labelStart: number;
  labelEnd: number;
}

export interface ScannedReport {
  kind: ReportKind | undefined;
  /** The report number, from `# N:` / `# 000N:` or the file name's `NNNN-` prefix. */
  number?: number;
  /** True when the title writes its number zero-padded (`# 0003:`), as pre-release 8d-tools did. */
  padded: boolean;
  title?: string;
  titleLine?: number;
  date?: string;
  dateLine?: number;
  status?: string;
  statusLine?: number;
  /** Range of the status value on its line. */
  statusStart?: number;
  statusEnd?: number;
  /**
   * The headings, compactly (an index holds hundreds of thousands): their texts, one shared copy of each, and
   * for each `line * 8 + depth`. `scannedHeadings` gives them as objects.
   */
  headingTexts: string[];
  headingPlaces: number[];
  links: ScannedLink[];
  /** The `## Links` section: its heading line, its first non-blank line (where 8d-tools adds a link) and the line after it. */
  linksSection?: { line: number; firstLine?: number; end: number };
  /** The first lines of the problem statement or summary, for hovers and completion. */
  summary?: string;
}

export function scannedHeadings(report: Pick<ScannedReport, 'headingTexts' | 'headingPlaces'>): ScannedHeading[] {
  return report.headingTexts.map((text, i) => ({ text, depth: report.headingPlaces[i] & 7, line: report.headingPlaces[i] >> 3 }));
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)(.*)$/;
const META = /^\s*(?:[-*+][ \t]+)?\*\*(Date|Status)(?::\*\*|\*\*:)[ \t]*(.*?)[ \t]*$/i;
// Destinations stop at `[` too, so that a line of unclosed `[a](b` stays linear.
/**
 * `[label](dest "title")`: the destination bare or in angle brackets (`<my report.md>`), the title in any of
 * CommonMark's three quotings after white space. The spaces around the destination are taken whole (`(?=(\s*))\3`,
 * an atomic group): read as `\s*` then `\s+`, a long run of them after `](` took time quadratic in its length.
 */
const LINK = /(!?)\[([^\]\n]*)\]\((?=(\s*))\3(?:<([^<>\n]*)>|([^)\s<>[]*))(?=(\s*))\6(?:(?<=\s)(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\))\s*)?\)/g;
const LINK_ITEM = /^\s*[-*+][ \t]+([A-Za-z][A-Za-z ]*?)[ \t]*:[ \t]*\[/;
const NOT_ASCII = /[\u0080-\uffff]/;
/** First characters (after indentation) of the lines the scan looks at closely: fences, comments, headings, list items. */
const CAN_START = new Uint8Array(0x80);
for (const code of [BACKTICK, TILDE, LESS_THAN, HASH, STAR, DASH, PLUS, EQUALS, UNDERSCORE]) CAN_START[code] = 1;
const LOWER_H = 0x68;

/** Whether the line from `at` (its first character, `mark`) is a Setext heading's underline: `====` or `----` alone. */
function isUnderline(src: string, at: number, lineEnd: number, mark: number): boolean {
  let end = at;
  while (end < lineEnd && src.charCodeAt(end) === mark) end++;
  while (end < lineEnd && (src.charCodeAt(end) === SPACE || src.charCodeAt(end) === TAB)) end++;
  return end === lineEnd;
}
const SUMMARY_SECTIONS = /^(?:d2\b|summary|executive summary|overview|problem statement)/i;

/** Tags as remark reads inline HTML (`<a name="x">`, `</a>`, `<br/>`), not autolinks (`<https://…>`). */
const INLINE_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g;

/** A heading line without its inline HTML, code spans kept whole (`` `<head>` `` is code, not a tag). */
function withoutInlineHtml(raw: string): string {
  if (!raw.includes('`')) return withoutHtml(raw);
  return raw.split('`').map((part, i) => (i % 2 === 0 ? withoutHtml(part) : part)).join('`');
}

/** Comments (`<!-- … -->`, found by search: linear however many are left open) and tags removed. */
function withoutHtml(raw: string): string {
  let text = '';
  let from = 0;
  for (let open = raw.indexOf('<!--'); open !== -1; open = raw.indexOf('<!--', from)) {
    const close = raw.indexOf('-->', open + 4);
    if (close === -1) break; // no later comment closes either
    text += raw.slice(from, open);
    from = close + 3;
  }
  return (text + raw.slice(from)).replace(INLINE_TAG, '');
}

/** The plain text of a heading line: closing #s, inline HTML, emphasis, code marks and link syntax removed. */
function headingText(raw: string): string {
  // Most headings are plain words: skip the replacements (the index reads thousands of files).
  if (!/[#[*_`<]/.test(raw)) return raw.trim();
  return withoutInlineHtml(raw)
    .replace(/[ \t]+#+[ \t]*$/, '')
    .replace(/!?\[([^\]]*)\]\([^)[]*\)/g, '$1')
    .replace(/\[([^\]]*)\](?:\[[^\]]*\])?/g, '$1') // reference links: `[0.9.0] - 2025-05-14`
    .replace(/(\*\*|__|\*|_|`)/g, '')
    .trim();
}

/**
 * Reports made from one template repeat its headings: a heading written exactly as one seen before is taken from
 * this table, found by a few of its characters, without being cut out, cleaned up and looked up by its whole text.
 */
const seenHeadings = new Array<SeenHeading | undefined>(8192);

interface SeenHeading {
  raw: string;
  text: string;
  readsAs: 'either' | 'text' | 'bytes';
  /** What the heading says of the report's kind, remembered with it. */
  facts: KindFacts;
}

/**
 * The heading written from `start` to `end` on its line, with what it says of the kind; titles (`depth` 1), unique
 * to each report, are not kept, and what they say is read only when the other headings do not decide (no `facts`).
 */
function headingAt(lines: Lines, depth: number, start: number, end: number): { text: string; facts?: KindFacts } {
  const src = lines.text;
  const length = end - start;
  // The length and four characters (first, last, a quarter in from each end) tell a template's headings apart.
  const quarter = length >> 2;
  const hash =
    length > 0 ? length * 31 + src.charCodeAt(start) * 961 + src.charCodeAt(start + quarter) * 29791 + src.charCodeAt(end - 1 - quarter) * 923521 + src.charCodeAt(end - 1) * 7 : 0;
  const slot = hash & (seenHeadings.length - 1);
  const seen = seenHeadings[slot];
  const mode = lines.utf8Bytes ? 'bytes' : 'text';
  if (seen && (seen.readsAs === 'either' || seen.readsAs === mode) && seen.raw.length === length && src.startsWith(seen.raw, start)) return seen;
  const raw = src.slice(start, end);
  // ASCII reads the same as text and as bytes; anything else only as what it was read from.
  const readsAs = NOT_ASCII.test(raw) ? mode : 'either';
  const plain = headingText(readsAs === 'bytes' ? decodeUtf8Bytes(raw) : raw);
  if (depth === 1) return { text: detached(plain) };
  const text = interned(plain);
  const heading: SeenHeading = { raw: detached(raw), text, readsAs, facts: kindFactsOf(text) };
  seenHeadings[slot] = heading;
  return heading;
}

/**
 * The depth of the ATX heading (`## Text`) whose first `#` is at `hashes`, or 0 when the line is not one. Read
 * character by character: the index meets hundreds of thousands of headings. Same reading as `ATX`.
 */
function atxDepth(src: string, lineStart: number, hashes: number, lineEnd: number): number {
  if (hashes - lineStart > 3) return 0;
  for (let at = lineStart; at < hashes; at++) if (src.charCodeAt(at) !== SPACE) return 0; // a tab indents it as code
  let end = hashes;
  while (end < lineEnd && end - hashes <= 6 && src.charCodeAt(end) === HASH) end++;
  const depth = end - hashes;
  if (depth > 6) return 0;
  return end === lineEnd || src.charCodeAt(end) === SPACE || src.charCodeAt(end) === TAB ? depth : 0;
}

/** Inline code can hold text that looks like links: blank it out, keeping positions. */
function withoutCodeSpans(line: string): string {
  return line.includes('`') ? line.replace(/`[^`\n]*`/g, (span) => ' '.repeat(span.length)) : line;
}

/**
 * Heading texts repeat across reports made from one template (`D4: Root cause & escape points` in thousands of
 * them): the index keeps one copy of each. Bounded, so that a workspace of unique headings cannot grow it forever.
 */
const internedHeadingTexts = new Map<string, string>();
const MAX_INTERNED = 20_000;

function interned(text: string): string {
  const known = internedHeadingTexts.get(text);
  if (known !== undefined) return known;
  const copy = detached(text);
  if (internedHeadingTexts.size < MAX_INTERNED) internedHeadingTexts.set(copy, copy);
  return copy;
}


/**
 * The lines of a text, found without splitting it: the scanner looks closely only at lines whose first character
 * can start a heading, fence, comment or list item, or that hold a link (found by one forward search).
 */
class Lines {
  readonly text: string;
  readonly count: number;
  /** Where each line starts, and which lines the scan reached: arrays shared by every scan (they never overlap), rather than two per file. */
  private static shared = new Int32Array(4096);
  private static sharedReached = new Uint8Array(4096);
  /** Where line i starts is `starts[i]`, for i below `count`. */
  readonly starts: Int32Array;
  /** 1 for a line the scan read outside code, comments and headings (set by the scan). */
  readonly reached: Uint8Array;

  /** `utf8Bytes`: the text holds a file's UTF-8 bytes, one per character; `line` and `slice` decode what they return. */
  constructor(text: string, readonly utf8Bytes = false) {
    // Line numbers and columns stay the same: each \r\n or lone \r is one line break, as \n is.
    this.text = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
    let starts = Lines.shared;
    let count = 0;
    // A blank line ends where it starts: no search (a third of a report's lines are blank).
    for (let at = 0; at !== -1; at = this.text.charCodeAt(at) === NEWLINE ? at : this.text.indexOf('\n', at), at = at === -1 ? -1 : at + 1) {
      if (count === starts.length) {
        const larger = new Int32Array(starts.length * 2);
        larger.set(starts);
        starts = larger;
      }
      starts[count++] = at;
    }
    const reached = Lines.sharedReached.length >= starts.length ? Lines.sharedReached : new Uint8Array(starts.length);
    reached.fill(0, 0, count);
    // Kept for the next scan unless huge: one pathological file must not hold its size in memory for good.
    if (starts.length <= 1 << 16) {
      Lines.shared = starts;
      Lines.sharedReached = reached;
    }
    this.starts = starts;
    this.reached = reached;
    this.count = count;
  }

  /** How many characters of `text` one character of the document can take (a UTF-8 byte string: up to 3). */
  get widest(): number {
    return this.utf8Bytes ? 3 : 1;
  }

  start(i: number): number {
    return this.starts[i];
  }

  end(i: number): number {
    return i + 1 < this.count ? this.starts[i + 1] - 1 : this.text.length;
  }

  line(i: number): string {
    return this.slice(this.start(i), this.end(i));
  }

  /** The document's text between two offsets (of `text`); columns are the document's, not the bytes'. */
  slice(start: number, end: number): string {
    const raw = this.text.slice(start, end);
    return this.utf8Bytes ? decodeUtf8Bytes(raw) : raw;
  }

  /** The offset of the first character that is not a space or tab (the line's end if none). */
  indent(i: number): number {
    const end = this.end(i);
    let at = this.start(i);
    while (at < end && (this.text.charCodeAt(at) === SPACE || this.text.charCodeAt(at) === TAB)) at++;
    return at;
  }

  /** The offset after the last character that is not a space or tab. */
  contentEnd(i: number): number {
    const start = this.start(i);
    let at = this.end(i);
    while (at > start && (this.text.charCodeAt(at - 1) === SPACE || this.text.charCodeAt(at - 1) === TAB)) at--;
    return at;
  }

  isBlank(i: number): boolean {
    const at = this.indent(i);
    if (at === this.end(i)) return true;
    const first = this.text.charCodeAt(at);
    // A visible ASCII character settles it without cutting the line out (trim() also strips other white space).
    return first > SPACE && first < 0x7f ? false : this.line(i).trim() === '';
  }
}

const HEADING_TEXTS: string[] = [];
const HEADING_PLACES: number[] = [];

/** `content`: the text, or (from the first scan) the file's UTF-8 bytes; both read the same. */
export function scanReport(content: FileContent, fileName = ''): ScannedReport {
  const lines = typeof content === 'string' ? new Lines(content) : new Lines(content.latin1, true);
  const result: ScannedReport = { kind: undefined, padded: false, headingTexts: [], headingPlaces: [], links: [] };
  const frontMatter = readFrontMatterBlock(lines, result);
  const scan = new BodyScan(lines, result);
  scanBody(scan, frontMatter.bodyStart);
  if (result.number === undefined) {
    const number = numberOfFileName(fileName);
    if (number !== undefined) result.number = number;
  }
  if (result.title === undefined) {
    const title = firstLineTitle(lines, frontMatter.bodyStart);
    if (title !== undefined) result.title = title;
  }
  // Copied at their size: the index keeps thousands, and arrays grown one push at a time hold a third more room than they use.
  result.headingTexts = HEADING_TEXTS.slice();
  result.headingPlaces = HEADING_PLACES.slice();
  if (scan.unreadHeadings) return withFullParse(result, lines);
  return withKind(scan, frontMatter);
}

/** What the front matter says of the kind, and the line the body starts on (0 without front matter). */
interface FrontMatterFacts {
  type: string | undefined;
  template: string | undefined;
  namesIncident: boolean;
  bodyStart: number;
}

const NO_FRONT_MATTER: FrontMatterFacts = { type: undefined, template: undefined, namesIncident: false, bodyStart: 0 };

/** A `---` (YAML) or `+++` (TOML) block opening the file: its title, date and status go into `result`. */
function readFrontMatterBlock(lines: Lines, result: ScannedReport): FrontMatterFacts {
  const fenceLine = lines.text.startsWith('---') ? '---' : lines.text.startsWith('+++') ? '+++' : undefined;
  if (fenceLine === undefined || lines.line(0) !== fenceLine) return NO_FRONT_MATTER;
  let close = 1;
  while (close < lines.count && lines.line(close) !== fenceLine) close++;
  if (close === lines.count) return NO_FRONT_MATTER; // never closed: not front matter
  const block = lines.slice(lines.start(1), lines.start(close) - 1);
  const data = fenceLine === '---' ? frontMatterOf(block) : tomlOf(block);
  const facts: FrontMatterFacts = {
    type: typeof data.type === 'string' ? data.type.toLowerCase() : undefined,
    template: typeof data.template === 'string' ? data.template : undefined,
    namesIncident: frontMatterNamesIncident(data),
    bodyStart: close + 1,
  };
  takeFrontMatterFields(data, result);
  return facts;
}

function takeFrontMatterFields(data: Readonly<Record<string, unknown>>, result: ScannedReport): void {
  if (typeof data.title === 'string') result.title = detached(data.title);
  if (typeof data.date === 'string' || typeof data.date === 'number') result.date = detached(String(data.date));
  else if (data.date instanceof Date) result.date = data.date.toISOString().slice(0, 10);
  if (typeof data.status === 'string') result.status = detached(data.status);
}

/**
 * What the scan of the body gathers besides the result, and the state headings change: the kind evidence of the
 * headings, the section it is in, and the shapes to read at the end. Fields always present: one shape for V8.
 */
class BodyScan {
  /** A heading below the title has been met: metadata lines are no longer read. */
  seenSection = false;
  inLinks = false;
  /** The line the summary starts on, once its heading is met and until it is read. */
  summaryFrom: number | undefined = undefined;
  /** Headings met other than a first title. */
  sectionsMet = 0;
  // What the headings say of the kind, gathered as they are met; titles' only if the rest does not decide.
  disciplines = 0;
  coreSections = 0;
  titles: string[] | undefined = undefined;
  readonly layout = new LayoutCounter();
  // Shapes this scan does not read (Setext and HTML headings) send the file to the full parser; labels that hold
  // sections (`- Impact: …`, `**Timeline:**`) do when the rest does not make the file a report.
  unreadHeadings = false;
  labelLines: number[] | undefined = undefined;

  constructor(readonly lines: Lines, readonly result: ScannedReport) {}
}

/**
 * Every line after the front matter: headings, metadata, links, the summary; code and comments skipped. What
 * changes on every line stays in local variables here (the index scans millions of lines).
 */
function scanBody(scan: BodyScan, first: number): void {
  const { lines, result } = scan;
  const src = lines.text;
  const { count, starts, reached } = lines;
  // Headings are gathered in arrays shared by every scan, then copied at their size.
  HEADING_TEXTS.length = 0;
  HEADING_PLACES.length = 0;
  let fence: string | undefined;
  let commentEnd = -1;
  let previousBlank = true;
  // One forward search for `](` over the whole text rather than one per line.
  let nextLink = src.indexOf('](');
  for (let i = first; i < count; i++) {
    const lineStart = starts[i];
    const lineEnd = i + 1 < count ? starts[i + 1] - 1 : src.length;
    const indent = indentEnd(src, lineStart, lineEnd);
    const firstChar = indent < lineEnd ? src.charCodeAt(indent) : -1;
    if (fence !== undefined) {
      if (closesFence(lines, i, indent, firstChar, fence)) fence = undefined;
      previousBlank = false;
      continue;
    }
    const afterText = !previousBlank;
    previousBlank = firstChar === -1;
    if (commentEnd !== -1) {
      commentEnd = commentStillOpen(src, commentEnd, lineStart, lineEnd);
      continue;
    }
    // Most lines are prose, table rows or blank: one look-up says whether the first character can start anything read here.
    if (firstChar > 0 && firstChar < 0x80 && CAN_START[firstChar] === 1) {
      const indented = indent - lineStart <= 3;
      if (indented && (firstChar === BACKTICK || firstChar === TILDE)) {
        fence = fenceOpenedBy(lines.line(i));
        if (fence !== undefined) continue;
      }
      if (firstChar === LESS_THAN && src.startsWith('<!--', indent)) {
        const close = src.indexOf('-->', indent);
        if (close === -1) break; // the rest of the file is a comment
        if (close + 3 > lineEnd) {
          commentEnd = close;
          continue;
        }
      }
      if (firstChar === HASH && indented && readHeading(scan, i, indent, lineEnd)) continue;
      noteShapesReadLater(scan, i, indent, lineEnd, firstChar, indented, afterText);
      if (!scan.seenSection && (firstChar === STAR || firstChar === DASH || firstChar === PLUS)) readMetadataField(lines, i, result);
    }
    if (scan.inLinks) noteLinksListStart(scan, i);
    if (nextLink !== -1 && nextLink < lineStart) nextLink = src.indexOf('](', lineStart);
    if (nextLink !== -1 && nextLink < lineEnd) scanLinks(withoutCodeSpans(lines.line(i)), i, scan.inLinks, result.links);
    reached[i] = 1;
    if (scan.summaryFrom !== undefined && i >= scan.summaryFrom) readSummary(scan, scan.summaryFrom);
  }
}

/** The offset of the line's first character that is not a space or tab (`lineEnd` if none). */
function indentEnd(src: string, lineStart: number, lineEnd: number): number {
  let at = lineStart;
  while (at < lineEnd) {
    const code = src.charCodeAt(at);
    if (code !== SPACE && code !== TAB) break;
    at++;
  }
  return at;
}

/** The marker of the code fence a line opens (```` ``` ````, `~~~` …), if it opens one. */
function fenceOpenedBy(line: string): string | undefined {
  return FENCE.exec(line)?.[1];
}

/** Whether line `i`, inside a code fence opened by `fence`, closes it. */
function closesFence(lines: Lines, i: number, indent: number, firstChar: number, fence: string): boolean {
  return (firstChar === BACKTICK || firstChar === TILDE) && lines.text.startsWith(fence, indent) && /^[`~]*$/.test(lines.line(i).trim());
}

/** Inside a comment that closes at `commentEnd` (searched for from this line when behind it): -1 once it closes on this line. */
function commentStillOpen(src: string, commentEnd: number, lineStart: number, lineEnd: number): number {
  const close = commentEnd < lineStart ? src.indexOf('-->', lineStart) : commentEnd;
  return close === -1 || close + 3 <= lineEnd ? -1 : close;
}

/** Line `i` as an ATX heading (`## Text`, its first `#` at `hashes`): false when it is not one. */
function readHeading(scan: BodyScan, i: number, hashes: number, lineEnd: number): boolean {
  const src = scan.lines.text;
  const depth = atxDepth(src, scan.lines.starts[i], hashes, lineEnd);
  if (depth === 0) return false;
  const heading = headingAt(scan.lines, depth, indentEnd(src, hashes + depth, lineEnd), lineEnd);
  const text = heading.text;
  if (heading.facts) {
    scan.disciplines |= heading.facts.disciplines;
    scan.coreSections |= heading.facts.coreSections;
    scan.layout.add(heading.facts, depth);
  } else (scan.titles ??= []).push(text);
  HEADING_TEXTS.push(text);
  HEADING_PLACES.push(i * 8 + depth);
  if (depth === 1 && scan.result.titleLine === undefined) readTitle(scan.result, i, text);
  if (depth > 1) scan.seenSection = true;
  if (depth > 1 || HEADING_TEXTS.length > 1) scan.sectionsMet++;
  enterSection(scan, i, depth, text);
  return true;
}

/** The first `# Title`: its number (`# 3: Title`, `# 0003: Title`) and title. */
function readTitle(result: ScannedReport, i: number, text: string): void {
  result.titleLine = i;
  const numbered = /^(\d+)\s*:\s*(.*)$/.exec(text);
  if (numbered) {
    result.number = Number(numbered[1]);
    result.padded = numbered[1].length > 1 && numbered[1].startsWith('0');
    result.title = detached(numbered[2].trim());
  } else {
    result.title = text;
  }
}

/** A heading ends the `## Links` section (if in one) and may open it, or the summary. */
function enterSection(scan: BodyScan, i: number, depth: number, text: string): void {
  const { result } = scan;
  if (scan.inLinks && result.linksSection) {
    result.linksSection.end = i;
    result.linksSection.firstLine ??= i;
  }
  scan.inLinks = depth > 1 && text.length === 5 && text.toLowerCase() === 'links';
  if (scan.inLinks) result.linksSection = { line: i, end: scan.lines.count };
  if (scan.summaryFrom === undefined && result.summary === undefined && SUMMARY_SECTIONS.test(text)) scan.summaryFrom = i + 1;
}

/**
 * Shapes read only when needed: a Setext underline or an HTML heading sends the file to the full parser; a line
 * that may hold a section label is noted, and read at the end when the headings leave the kind open.
 */
function noteShapesReadLater(scan: BodyScan, i: number, indent: number, lineEnd: number, firstChar: number, indented: boolean, afterText: boolean): void {
  const src = scan.lines.text;
  if (indented && afterText && (firstChar === EQUALS || firstChar === DASH) && isUnderline(src, indent, lineEnd, firstChar)) scan.unreadHeadings = true;
  else if (firstChar === LESS_THAN && indented && (src.charCodeAt(indent + 1) | 0x20) === LOWER_H && startsHtmlHeading(scan.lines.line(i))) scan.unreadHeadings = true;
  // A bold label (`**Impact:**`) anywhere; a labelled list item only in the opening (before the first section, or
  // in a first Summary), where labelled items count: a superset of the lines that hold labels.
  else if (((firstChar === STAR || firstChar === UNDERSCORE) && src.charCodeAt(indent + 1) === firstChar) || (scan.sectionsMet <= 1 && (firstChar === DASH || firstChar === PLUS || firstChar === STAR))) (scan.labelLines ??= []).push(i);
}

/** `- **Date:** …` or `- **Status:** …` before the first section: the first of each is the report's. */
function readMetadataField(lines: Lines, i: number, result: ScannedReport): void {
  const line = lines.line(i);
  const meta = META.exec(line);
  if (!meta) return;
  const field = meta[1].toLowerCase();
  if (field === 'date' && result.dateLine === undefined) {
    result.date = detached(meta[2]);
    result.dateLine = i;
  } else if (field === 'status' && result.statusLine === undefined) {
    result.status = detached(meta[2]);
    result.statusLine = i;
    result.statusEnd = line.replace(/[ \t]+$/, '').length;
    result.statusStart = result.statusEnd - meta[2].length;
  }
}

/** In the `## Links` section: its first non-blank line is where 8d-tools adds a link. */
function noteLinksListStart(scan: BodyScan, i: number): void {
  const section = scan.result.linksSection;
  if (section && section.firstLine === undefined && !scan.lines.isBlank(i)) section.firstLine = i;
}

/** The summary, once the scan has reached the line after its heading. */
function readSummary(scan: BodyScan, from: number): void {
  const summary = summaryLines(scan.lines, from);
  if (summary) scan.result.summary = detached(summary);
  scan.summaryFrom = undefined;
}

/** The number of an 8d-tools file name's `NNNN-` prefix. */
function numberOfFileName(fileName: string): number | undefined {
  const prefix = /(?:^|\/)(\d{4})-[^/]*$/.exec(fileName);
  return prefix ? Number(prefix[1]) : undefined;
}

/** A report without a `# Title` is titled by its first line, unless that line is a heading. */
function firstLineTitle(lines: Lines, first: number): string | undefined {
  let firstLine = first;
  while (firstLine < lines.count && lines.isBlank(firstLine)) firstLine++;
  return firstLine < lines.count && !ATX.test(lines.line(firstLine)) ? detached(lines.line(firstLine).trim()) : undefined;
}

/** The kind, from the front matter and the headings; titles and lines standing alone only when the rest does not decide. */
function withKind(scan: BodyScan, frontMatter: FrontMatterFacts): ScannedReport {
  const { result, lines, layout } = scan;
  const evidence = {
    type: frontMatter.type,
    title: result.title,
    headingTexts: result.headingTexts,
    template: frontMatter.template,
    headingFacts: { disciplines: scan.disciplines, coreSections: scan.coreSections, explains: false },
    namesIncident: frontMatter.namesIncident,
    layout,
  };
  addTitleFacts(scan.titles, looksLikeEightD(evidence), evidence.headingFacts, layout);
  result.kind = classify({ ...evidence, pseudoHeadingTexts: [] });
  // Lines standing alone are read only when the real headings do not decide: more section names can make a
  // report of a document that is not one yet, never change what one is.
  if (result.kind === undefined && scan.labelLines?.some((i) => startsSectionLabel(lines.line(i)))) return withFullParse(result, lines);
  result.kind ??= classify({ ...evidence, pseudoHeadingTexts: pseudoHeadingTexts(lines, linesStandingAlone(lines, frontMatter.bodyStart)) });
  return result;
}

/**
 * What titles say: they are unique to their reports, so what they say of the kind is read only when the other
 * headings do not decide (not in an 8D report); what they say of the layout takes two quick tests, without filling
 * the memory of headings.
 */
function addTitleFacts(titles: string[] | undefined, eightD: boolean, headingFacts: KindFacts, layout: LayoutCounter): void {
  for (const title of titles ?? []) {
    if (eightD) {
      layout.add({ disciplines: disciplineBitOf(title), coreSections: 0, explains: isExplanatoryHeading(title) }, 1);
      continue;
    }
    const facts = kindFactsOf(title);
    layout.add(facts, 1);
    headingFacts.disciplines |= facts.disciplines;
    headingFacts.coreSections |= facts.coreSections;
  }
}

/**
 * The kind, title and headings as the full parser reads them, for the few files whose shapes the scan does not
 * read (Setext and HTML headings, sections held in labels): the index then decides exactly as the open document.
 */
function withFullParse(result: ScannedReport, lines: Lines): ScannedReport {
  const report = buildReport(lines.slice(0, lines.text.length));
  result.kind = report.kind;
  result.headingTexts = report.headings.map((h) => interned(h.text));
  result.headingPlaces = report.headings.map((h) => h.line * 8 + h.depth);
  result.title = detached(report.title?.title);
  result.titleLine = report.headings.find((h) => h.depth === 1)?.line;
  if (report.title?.number !== undefined) {
    result.number = Number(report.title.number);
    result.padded = report.title.number.length > 1 && report.title.number.startsWith('0');
  }
  return result;
}

function readFrontMatter(yaml: string): Readonly<Record<string, unknown>> {
  try {
    const value: unknown = parseDocument(yaml).toJS();
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Front matter read once per distinct text: reports made from one template often share it word for word, and
 * a YAML parse costs more than scanning the rest of the report. Only read, never changed, so it can be shared.
 */
const frontMatterOf = rememberedByText(readFrontMatter, 1_000, 2_000);

/** TOML front matter (`+++`), read like YAML's. */
const tomlOf = rememberedByText((toml: string): Readonly<Record<string, unknown>> => {
  const data = tomlData(toml);
  return data instanceof Error ? {} : data;
}, 1_000, 2_000);

function scanLinks(line: string, lineNumber: number, inLinks: boolean, links: ScannedLink[]): void {
  const item = inLinks ? LINK_ITEM.exec(line) : null;
  const relation = item ? relationNamed(item[1])?.name : undefined;
  // The relation names the item's first link only.
  let first = true;
  LINK.lastIndex = 0;
  for (let match = LINK.exec(line); match; match = LINK.exec(line)) {
    if (match[1] === '!') continue;
    const start = match.index;
    links.push({
      relation: first ? relation : undefined,
      label: detached(match[2]),
      target: detached(match[4] ?? match[5]),
      line: lineNumber,
      start,
      end: start + match[0].length,
      labelStart: start + 1,
      labelEnd: start + 1 + match[2].length,
    });
    first = false;
  }
}

/**
 * Short lines with a blank line (or the start or end) on each side, outside code, comments and headings: where a
 * document pasted from a word processor has its headings. The front matter's closing line is not blank.
 */
function linesStandingAlone(lines: Lines, first: number): number[] {
  const found: number[] = [];
  for (let i = first; i < lines.count; i++) {
    if (lines.reached[i] !== 1 || lines.isBlank(i)) continue;
    const blankBefore = i === first ? first === 0 : lines.isBlank(i - 1);
    const blankAfter = i + 1 === lines.count || lines.isBlank(i + 1);
    if (blankBefore && blankAfter && lines.contentEnd(i) - lines.indent(i) <= 60 * lines.widest) found.push(i);
  }
  return found;
}

/** Of the short lines standing alone, those that name a post-mortem section (the pasted-document shape). */
function pseudoHeadingTexts(lines: Lines, candidates: number[]): string[] {
  const texts: string[] = [];
  for (const i of candidates) {
    const raw = lines.line(i);
    // The same bound as the scan's (spaces and tabs around not counted), now in the document's characters.
    if (raw.replace(/^[ \t]+|[ \t]+$/g, '').length > 60) continue;
    const line = raw.trim();
    if (!line) continue;
    const text = line.replace(/^\*\*(.*)\*\*$/, '$1');
    if (postmortemSectionOf(text) !== undefined) texts.push(text);
  }
  return texts;
}

/** The first lines (up to three) of the paragraph from line `from`, cut at 300 characters. */
function summaryLines(lines: Lines, from: number): string | undefined {
  const taken: string[] = [];
  // The length of the taken lines joined: past 300, more lines would be cut off again.
  let joined = -1;
  for (let i = from; i < lines.count && taken.length < 3 && joined <= 300; i++) {
    const raw = lines.line(i);
    const line = raw.trim();
    if (ATX.test(raw)) break;
    if (!line || line.startsWith('<!--') || line.startsWith('|') || line === '---') {
      if (taken.length > 0) break;
      continue;
    }
    taken.push(line);
    joined += line.length + 1;
  }
  const text = taken.join(' ');
  return text ? (text.length > 300 ? `${text.slice(0, 299)}…` : text) : undefined;
}
