/**
 * Re-parse only what an edit touched: the document is cut into top-level blocks where a cut cannot change the
 * meaning, each block's tree is cached by its text, and the trees are stitched back with their positions moved.
 * The result equals a full parse (a test compares them after thousands of random edits).
 */
import type { Root, RootContent } from 'mdast';
import type { Point as UnistPoint, Position as UnistPosition } from 'unist';
import { parseMarkdown } from './parse';
import { detached } from './memo';
import { BACKTICK, DASH, LESS_THAN, PLUS, SPACE, STAR, TAB, TILDE } from './charCodes';

export interface Block {
  /** Offset and 0-based line where the block starts. */
  start: number;
  line: number;
  text: string;
}

/** A list item's first line (up to three spaces in): after a blank line it continues a list just before it. */
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const FENCE_OPEN = /^\s*(`{3,}|~{3,})/;
/**
 * HTML blocks that run past blank lines, to the line holding their end (CommonMark's kinds 1 to 5): raw text
 * elements, comments, processing instructions, declarations and CDATA. Other HTML blocks end at a blank line.
 */
const LONG_HTML_BLOCKS: readonly { open: RegExp; end: (open: RegExpExecArray) => string }[] = [
  { open: /^ {0,3}<(pre|script|style|textarea)(?:\s|>|$)/i, end: (open) => `</${open[1].toLowerCase()}>` },
  { open: /^ {0,3}<!--/, end: () => '-->' },
  { open: /^ {0,3}<\?/, end: () => '?>' },
  { open: /^ {0,3}<![A-Za-z]/, end: () => '>' },
  { open: /^ {0,3}<!\[CDATA\[/, end: () => ']]>' },
];
// Link reference and footnote definitions are document-wide, and may stand inside lists and quotes: a document
// that might have one (any `]:`) is parsed whole.
const DEFINITION = /\]:/;

/**
 * Cut points: a line starting at column 0 after a blank line (which ends any paragraph, list, quote or indented
 * code before it), outside front matter, fenced code and HTML blocks that run past blank lines; not a list item
 * after a list, which it would continue, nor `---`, which at a block's start would open front matter. Where unsure
 * (a fence whose closing line is indented further) no cut is made: fewer, larger blocks are always correct.
 */
export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let blockStart = 0;
  let blockLine = 0;
  let offset = 0;
  let line = 0;
  let fence: string | undefined;
  /** The end of the HTML block the line is in, if it runs past blank lines. */
  let htmlEnd: string | undefined;
  let previousBlank = true;
  let inList = false;
  let inFrontMatter = text.startsWith('---\n') || text.startsWith('---\r\n');
  while (offset <= text.length) {
    const next = text.indexOf('\n', offset);
    const end = next < 0 ? text.length : next;
    // Most lines are prose: only lines whose first character can matter are read closely.
    const first = firstNonBlank(text, offset, end);
    const firstCode = first < end ? text.charCodeAt(first) : -1;
    const unusual = firstCode === BACKTICK || firstCode === TILDE || firstCode === LESS_THAN || (firstCode !== -1 && !isPlainCode(firstCode));
    const lineText = () => text.slice(offset, end).replace(/\r$/, '');
    if (inFrontMatter) {
      if (line > 0 && /^(---|\.\.\.)\s*$/.test(lineText())) inFrontMatter = false;
    } else if (fence) {
      if (unusual) {
        const closing = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(lineText());
        if (closing && closing[1][0] === fence[0] && closing[1].length >= fence.length) fence = undefined;
      }
    } else if (htmlEnd) {
      if (lineText().toLowerCase().includes(htmlEnd)) htmlEnd = undefined;
    } else {
      const startCode = text.charCodeAt(offset);
      const listItem = firstCode !== -1 && (isListMarkerCode(firstCode) || !isPlainCode(firstCode)) && LIST_ITEM.test(lineText());
      if (isPlainCode(startCode)) {
        // A block starting `---` would be read as the start of front matter, which only the document's start can be.
        if (line > 0 && previousBlank && offset > blockStart && !(listItem && inList) && !text.startsWith('---', offset)) {
          blocks.push({ start: blockStart, line: blockLine, text: text.slice(blockStart, offset) });
          blockStart = offset;
          blockLine = line;
        }
        // A line at column 0 after a blank line ends a list unless it is an item; without a blank line it may be a
        // lazy continuation of the item, and the list goes on.
        if (!listItem && previousBlank) inList = false;
      }
      if (listItem) inList = true;
      if (unusual) {
        const content = lineText();
        const fenceMatch = FENCE_OPEN.exec(content);
        if (fenceMatch) fence = fenceMatch[1];
        else htmlEnd = longHtmlBlockEnd(content);
      }
    }
    previousBlank = firstCode === -1 || (!isPlainCode(firstCode) && lineText().trim() === '');
    if (next < 0) break;
    offset = next + 1;
    line++;
  }
  blocks.push({ start: blockStart, line: blockLine, text: text.slice(blockStart) });
  return blocks;
}


/** The offset of the first character of a line that is not a space, tab or CR (`end` if none). */
function firstNonBlank(text: string, start: number, end: number): number {
  let at = start;
  for (let code = text.charCodeAt(at); at < end && (code === SPACE || code === TAB || code === 0x0d); code = text.charCodeAt(++at));
  return at;
}

/** `-`, `*`, `+` or a digit: what a list item's first line starts with. */
function isListMarkerCode(code: number): boolean {
  return code === DASH || code === STAR || code === PLUS || (code >= 0x30 && code <= 0x39);
}

/** Printable ASCII: neither whitespace (which `trim` and `\s` would treat specially) nor anything beyond ASCII. */
function isPlainCode(code: number): boolean {
  return code > 0x20 && code < 0x7f;
}

/**
 * The end an HTML block opened on this line waits for, unless the line holds it already. Only a line's start opens
 * one: a `<!--` inside a paragraph is inline, and ends with the paragraph at the latest, before any blank line.
 */
function longHtmlBlockEnd(line: string): string | undefined {
  for (const block of LONG_HTML_BLOCKS) {
    const open = block.open.exec(line);
    if (!open) continue;
    const end = block.end(open);
    return line.slice(open[0].length).toLowerCase().includes(end) ? undefined : end;
  }
  return undefined;
}

const MIN_CACHED_CHARACTERS = 256 * 1024;
/** Characters of consecutive uncached blocks parsed in one go. */
const CHUNK = 16 * 1024;

/** A block's top-level nodes and where their positions currently place the block. */
interface CachedBlock {
  /** Undefined from when the block is found missing until its run is parsed. */
  children: RootContent[] | undefined;
  /** The start and end point of every node of the block, to move them without walking the trees. */
  points: UnistPoint[];
  characters: number;
  line: number;
  start: number;
  /** The stitch that last used it: a block text that stands twice in a document gets a second entry. */
  stitch: number;
}

/**
 * Block trees of one document by block text, the least recently used dropped first once it holds half as much
 * again as the document's text. The trees are moved to where each block now stands in place (no copy): after a keystroke,
 * every block below it moves by a character, and copying a large document's tree on each keystroke cost more than
 * parsing the block that changed. So one cache serves one document, whose latest tree is the only one that must
 * stay right.
 */
export class BlockCache {
  private readonly blocks = new Map<string, CachedBlock>();
  private size = 0;
  private stitch = 0;
  /** The blocks of the last stitch and their entries. */
  private last: { blocks: readonly Block[]; entries: CachedBlock[] } = { blocks: [], entries: [] };

  /** The top-level nodes of the document the blocks make, each block's from the cache or parsed now. */
  stitchBlocks(blocks: readonly Block[], textLength: number): RootContent[] {
    const stitch = ++this.stitch;
    const entries: (CachedBlock | undefined)[] = new Array<CachedBlock | undefined>(blocks.length);
    // An edit changes a few blocks in one place: those before and after it are the last stitch's, found by comparing
    // texts, which costs less than hashing them (a long report has thousands of blocks).
    const last = this.last;
    let head = 0;
    while (head < blocks.length && head < last.blocks.length && blocks[head].text === last.blocks[head].text) entries[head] = last.entries[head++];
    for (let tail = 1; tail <= blocks.length - head && tail <= last.blocks.length - head; tail++) {
      if (blocks[blocks.length - tail].text !== last.blocks[last.blocks.length - tail].text) break;
      entries[blocks.length - tail] = last.entries[last.entries.length - tail];
    }
    for (const entry of entries) if (entry) entry.stitch = stitch;
    // The others by text; a text that stands twice in a document gets a numbered second entry.
    const copies = new Map<string, number>();
    blocks.forEach((block, i) => {
      if (entries[i]) return;
      let key = block.text;
      let entry = this.blocks.get(key);
      let copy = copies.get(block.text) ?? 0;
      while (entry?.stitch === stitch) {
        key = `${block.text}\u0000${++copy}`;
        entry = this.blocks.get(key);
      }
      copies.set(block.text, copy);
      if (!entry) {
        entry = { children: undefined, points: [], characters: block.text.length, line: 0, start: 0, stitch };
        // A copy as the key: the block's text is cut from this version of the document, which it would keep alive.
        this.blocks.set(detached(key), entry);
        this.size += block.text.length;
      }
      entry.stitch = stitch;
      entries[i] = entry;
    });
    this.last = { blocks, entries: entries as CachedBlock[] };
    return this.placed(blocks, entries as CachedBlock[], stitch, textLength);
  }

  /** Parses the blocks not cached, moves the others to where they now stand, and gives the nodes in order. */
  private placed(blocks: readonly Block[], entries: CachedBlock[], stitch: number, textLength: number): RootContent[] {
    this.parseMissing(blocks, entries);
    const children: RootContent[] = [];
    blocks.forEach((block, i) => {
      const entry = entries[i];
      const nodes = entry.children ?? [];
      const lines = block.line - entry.line;
      const offset = block.start - entry.start;
      if (lines !== 0 || offset !== 0) {
        for (const point of entry.points) {
          point.line += lines;
          if (point.offset !== undefined) point.offset += offset;
        }
        entry.line = block.line;
        entry.start = block.start;
      }
      for (const node of nodes) children.push(node);
    });
    // Past half as much again as the document (what edits replaced), back down to a fifth: not on every keystroke.
    if (this.size > Math.max(1.5 * textLength, MIN_CACHED_CHARACTERS)) this.evict(stitch, Math.max(1.2 * textLength, MIN_CACHED_CHARACTERS / 2));
    return children;
  }

  /**
   * Parses the blocks found missing. Runs of them are parsed together, up to CHUNK characters at a time: each
   * parse sets the parser up anew, which costs more than the parse of a short block, while one parse of a whole
   * large document costs more than its parts (the parser's work grows faster than the text).
   */
  private parseMissing(blocks: readonly Block[], entries: readonly CachedBlock[]): void {
    let run: number[] = [];
    let runLength = 0;
    const flush = () => {
      if (run.length > 0) parseRun(run.map((i) => blocks[i]), run.map((i) => entries[i]));
      run = [];
      runLength = 0;
    };
    entries.forEach((entry, i) => {
      if (entry.children) return flush();
      if (runLength > 0 && runLength + entry.characters > CHUNK) flush();
      run.push(i);
      runLength += entry.characters;
    });
    flush();
  }

  /** Drops blocks this stitch did not use, those used longest ago first, until the cache holds `maxCharacters`. */
  private evict(stitch: number, maxCharacters: number): void {
    const unused = [...this.blocks].filter(([, entry]) => entry.stitch !== stitch).sort(([, a], [, b]) => a.stitch - b.stitch);
    for (const [key, entry] of unused) {
      if (this.size <= maxCharacters) break;
      this.blocks.delete(key);
      this.size -= entry.characters;
    }
  }
}

/**
 * One parse of consecutive blocks, its nodes kept block by block: the blocks are cut where a cut does not change
 * the parse, so each top-level node lies in exactly one block.
 */
function parseRun(run: readonly Block[], entries: readonly CachedBlock[]): void {
  const first = run[0];
  // Parsed from a copy: the tree's texts are cut from what is parsed, and must not keep this version of the document alive.
  const tree = parseMarkdown(detached(run.map((block) => block.text).join('')));
  let next = 0;
  run.forEach((block, i) => {
    const end = i + 1 < run.length ? run[i + 1].start - first.start : Infinity;
    const children: RootContent[] = [];
    while (next < tree.children.length && (tree.children[next].position?.start.offset ?? 0) < end) children.push(tree.children[next++]);
    const points: UnistPoint[] = [];
    for (const node of children) collectPoints(node, points);
    // Positions are as the run's parse gave them: as if the run began the document.
    Object.assign(entries[i], { children, points, line: block.line - first.line, start: block.start - first.start });
  });
}

export function parseIncremental(text: string, cache: BlockCache): Root {
  // A byte order mark belongs to the first block only, and a lone CR ends a line for Markdown but not for the
  // line count here: such documents are parsed whole.
  if (DEFINITION.test(text) || text.charCodeAt(0) === 0xfeff || (text.includes('\r') && /\r(?!\n)/.test(text))) return parseMarkdown(text);
  const children = cache.stitchBlocks(splitBlocks(text), text.length);
  const lastLineStart = text.lastIndexOf('\n') + 1;
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: countLines(text), column: text.length - lastLineStart + 1, offset: text.length } },
  };
}

function countLines(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

type Positioned = { position?: UnistPosition; children?: unknown[] };

/**
 * The points of a tree, once, when it is parsed: moving a block is then a loop over them. Walking the trees of every
 * block below an edit on each keystroke (nodes of many shapes) cost more than the rest of a large report's check.
 */
function collectPoints(node: Positioned, points: UnistPoint[]): void {
  if (node.position) points.push(node.position.start, node.position.end);
  if (Array.isArray(node.children)) for (const child of node.children) collectPoints(child as Positioned, points);
}

