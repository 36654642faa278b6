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

/** The plain text of a heading line: closing #s, emphasis, code marks and link syntax removed. */
function headingText(raw: string): string {
  // Most headings are plain words: skip the replacements (the index reads thousands of files).
  if (!/[#[*_`]/.test(raw)) return raw.trim();
  return raw
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
const headingTexts = new Map<string, string>();
const MAX_INTERNED = 20_000;

function interned(text: string): string {
  const known = headingTexts.get(text);
  if (known !== undefined) return known;
  const copy = detached(text);
  if (headingTexts.size < MAX_INTERNED) headingTexts.set(copy, copy);
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
  let type: string | undefined;
  let template: string | undefined;
  let namesIncident = false;
  let first = 0;
  const fenceLine = lines.text.startsWith('---') ? '---' : lines.text.startsWith('+++') ? '+++' : undefined;
  if (fenceLine !== undefined && lines.line(0) === fenceLine) {
    let close = 1;
    while (close < lines.count && lines.line(close) !== fenceLine) close++;
    if (close < lines.count) {
      const block = lines.slice(lines.start(1), lines.start(close) - 1);
      const data = fenceLine === '---' ? frontMatterOf(block) : tomlOf(block);
      type = typeof data.type === 'string' ? data.type.toLowerCase() : undefined;
      template = typeof data.template === 'string' ? data.template : undefined;
      namesIncident = frontMatterNamesIncident(data);
      if (typeof data.title === 'string') result.title = detached(data.title);
      if (typeof data.date === 'string' || typeof data.date === 'number') result.date = detached(String(data.date));
      else if (data.date instanceof Date) result.date = data.date.toISOString().slice(0, 10);
      if (typeof data.status === 'string') result.status = detached(data.status);
      first = close + 1;
    }
  }
  const src = lines.text;
  let fence: string | undefined;
  let commentEnd = -1;
  let seenSection = false;
  let inLinks = false;
  let summaryFrom: number | undefined;
  const { count, starts, reached } = lines;
  // Headings are gathered in arrays shared by every scan, then copied at their size: the index keeps thousands,
  // and arrays grown one push at a time hold a third more room than they use.
  const foundTexts = HEADING_TEXTS;
  const foundPlaces = HEADING_PLACES;
  foundTexts.length = 0;
  foundPlaces.length = 0;
  // What the headings say of the kind, gathered as they are met; titles' only if the rest does not decide.
  let disciplines = 0;
  let coreSections = 0;
  let titles: string[] | undefined;
  const layout = new LayoutCounter();
  // Shapes this scan does not read (Setext and HTML headings) send the file to the full parser; labels that hold
  // sections (`- Impact: …`, `**Timeline:**`) do when the rest does not make the file a report.
  let unreadHeadings = false;
  let labelLines: number[] | undefined;
  let previousBlank = true;
  /** Headings met other than a first title. */
  let sectionsMet = 0;
  let nextLink = src.indexOf('](');
  for (let i = first; i < count; i++) {
    const lineStart = starts[i];
    const lineEnd = i + 1 < count ? starts[i + 1] - 1 : src.length;
    let indent = lineStart;
    let firstChar = indent < lineEnd ? src.charCodeAt(indent) : -1;
    while (firstChar === SPACE || firstChar === TAB) firstChar = ++indent < lineEnd ? src.charCodeAt(indent) : -1;
    if (fence !== undefined) {
      if ((firstChar === BACKTICK || firstChar === TILDE) && src.startsWith(fence, indent) && /^[`~]*$/.test(lines.line(i).trim())) fence = undefined;
      previousBlank = false;
      continue;
    }
    const blank = firstChar === -1;
    const afterText = !previousBlank;
    previousBlank = blank;
    if (commentEnd !== -1) {
      if (commentEnd < lineStart) commentEnd = src.indexOf('-->', lineStart);
      if (commentEnd === -1 || commentEnd + 3 <= lineEnd) commentEnd = -1;
      continue;
    }
    // Most lines are prose, table rows or blank: one look-up says whether the first character can start anything read here.
    if (firstChar > 0 && firstChar < 0x80 && CAN_START[firstChar] === 1) {
      const indented = indent - lineStart <= 3;
      if ((firstChar === BACKTICK || firstChar === TILDE) && indented) {
        const fenceMatch = FENCE.exec(lines.line(i));
        if (fenceMatch) {
          fence = fenceMatch[1];
          continue;
        }
      }
      if (firstChar === LESS_THAN && src.startsWith('<!--', indent)) {
        const close = src.indexOf('-->', indent);
        if (close === -1 || close + 3 > lineEnd) {
          commentEnd = close;
          if (close === -1) break; // the rest of the file is a comment
          continue;
        }
      }
      if (firstChar === HASH && indented) {
        const depth = atxDepth(src, lineStart, indent, lineEnd);
        if (depth > 0) {
          let textStart = indent + depth;
          while (textStart < lineEnd && (src.charCodeAt(textStart) === SPACE || src.charCodeAt(textStart) === TAB)) textStart++;
          const heading = headingAt(lines, depth, textStart, lineEnd);
          const textOf = heading.text;
          if (heading.facts) {
            disciplines |= heading.facts.disciplines;
            coreSections |= heading.facts.coreSections;
            layout.add(heading.facts, depth);
          } else (titles ??= []).push(textOf);
          foundTexts.push(textOf);
          foundPlaces.push(i * 8 + depth);
          if (depth === 1 && result.titleLine === undefined) {
            result.titleLine = i;
            const numbered = /^(\d+)\s*:\s*(.*)$/.exec(textOf);
            if (numbered) {
              result.number = Number(numbered[1]);
              result.padded = numbered[1].length > 1 && numbered[1].startsWith('0');
              result.title = detached(numbered[2].trim());
            } else {
              result.title = textOf;
            }
          }
          if (depth > 1) seenSection = true;
          if (depth > 1 || foundTexts.length > 1) sectionsMet++;
          if (inLinks && result.linksSection) {
            result.linksSection.end = i;
            result.linksSection.firstLine ??= i;
          }
          inLinks = depth > 1 && textOf.length === 5 && textOf.toLowerCase() === 'links';
          if (inLinks) result.linksSection = { line: i, end: count };
          if (summaryFrom === undefined && result.summary === undefined && SUMMARY_SECTIONS.test(textOf)) summaryFrom = i + 1;
          continue;
        }
      }
      if (indented && afterText && (firstChar === EQUALS || firstChar === DASH) && isUnderline(src, indent, lineEnd, firstChar)) unreadHeadings = true;
      else if (firstChar === LESS_THAN && indented && (src.charCodeAt(indent + 1) | 0x20) === LOWER_H && startsHtmlHeading(lines.line(i))) unreadHeadings = true;
      // Labelled list items count in the opening (before the first section, or in a first Summary): a superset here.
      // A bold label (`**Impact:**`) anywhere, a labelled list item only in the opening: read at the end, and only
      // when the headings leave the kind open (most files are decided by them).
      else if (((firstChar === STAR || firstChar === UNDERSCORE) && src.charCodeAt(indent + 1) === firstChar) || (sectionsMet <= 1 && (firstChar === DASH || firstChar === PLUS || firstChar === STAR))) (labelLines ??= []).push(i);
      if (!seenSection && (firstChar === STAR || firstChar === DASH || firstChar === PLUS)) {
        const line = lines.line(i);
        const meta = META.exec(line);
        if (meta) {
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
      }
    }
    if (inLinks && result.linksSection && result.linksSection.firstLine === undefined && !lines.isBlank(i)) result.linksSection.firstLine = i;
    // One forward search for `](` over the whole text rather than one per line.
    if (nextLink !== -1 && nextLink < lineStart) nextLink = src.indexOf('](', lineStart);
    if (nextLink !== -1 && nextLink < lineEnd) scanLinks(withoutCodeSpans(lines.line(i)), i, inLinks, result.links);
    reached[i] = 1;
    if (summaryFrom !== undefined && i >= summaryFrom) {
      const summary = summaryLines(lines, summaryFrom);
      if (summary) result.summary = detached(summary);
      summaryFrom = undefined;
    }
  }
  if (result.number === undefined) {
    const prefix = /(?:^|\/)(\d{4})-[^/]*$/.exec(fileName);
    if (prefix) result.number = Number(prefix[1]);
  }
  if (result.title === undefined) {
    let firstLine = first;
    while (firstLine < lines.count && lines.isBlank(firstLine)) firstLine++;
    if (firstLine < lines.count && !ATX.test(lines.line(firstLine))) result.title = detached(lines.line(firstLine).trim());
  }
  result.headingTexts = foundTexts.slice();
  result.headingPlaces = foundPlaces.slice();
  if (unreadHeadings) return withFullParse(result, lines);
  const evidence = { type, title: result.title, headingTexts: result.headingTexts, template, headingFacts: { disciplines, coreSections, explains: false }, namesIncident, layout };
  const eightD = looksLikeEightD(evidence);
  for (const title of titles ?? []) {
    // Titles are unique to their reports: what they say of the kind is read only when the other headings do not
    // decide; what they say of the layout takes two quick tests, without filling the memory of headings.
    if (eightD) {
      layout.add({ disciplines: disciplineBitOf(title), coreSections: 0, explains: isExplanatoryHeading(title) }, 1);
      continue;
    }
    const facts = kindFactsOf(title);
    layout.add(facts, 1);
    evidence.headingFacts.disciplines |= facts.disciplines;
    evidence.headingFacts.coreSections |= facts.coreSections;
  }
  // Lines standing alone are read only when the real headings do not decide: more section names can make a
  // report of a document that is not one yet, never change what one is.
  result.kind = classify({ ...evidence, pseudoHeadingTexts: [] });
  if (result.kind === undefined && labelLines?.some((i) => startsSectionLabel(lines.line(i)))) return withFullParse(result, lines);
  result.kind ??= classify({ ...evidence, pseudoHeadingTexts: pseudoHeadingTexts(lines, linesStandingAlone(lines, first)) });
  return result;
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
