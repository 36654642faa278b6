/**
 * Re-parse only what an edit touched: the document is cut into top-level blocks at headings and paragraphs where
 * a cut cannot change the meaning, each block's tree is cached by its text, and the trees are stitched back with
 * their positions moved. The result equals a full parse (a test compares them after thousands of random edits).
 */
import type { Root, RootContent } from 'mdast';
import type { Position as UnistPosition } from 'unist';
import { parseMarkdown } from './parse';

export interface Block {
  /** Offset and 0-based line where the block starts. */
  start: number;
  line: number;
  text: string;
}

const ATX = /^#{1,6}(?:[ \t]|$)/;
/** A paragraph's first line after a blank line: a letter at column 0 ends whatever list, quote or code came before. */
const PARAGRAPH_START = /^[A-Za-z]/;
const FENCE_OPEN = /^\s*(`{3,}|~{3,})/;
const RAW_HTML_OPEN = /^ {0,3}<(pre|script|style|textarea)(?:\s|>|$)/i;
// Link reference and footnote definitions are document-wide, and may stand inside lists and quotes: a document
// that might have one (any `]:`) is parsed whole.
const DEFINITION = /\]:/;

/**
 * Cut points: a heading or a paragraph starting with a letter at column 0, after a blank line, outside front
 * matter, fenced code, HTML comments and raw HTML blocks (a list marker there would continue a list: no cut). Where unsure (a fence whose closing line is indented, a comment opened mid-line) no cut is made:
 * fewer, larger blocks are always correct.
 */
export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let blockStart = 0;
  let blockLine = 0;
  let offset = 0;
  let line = 0;
  let fence: string | undefined;
  let inComment = false;
  let rawHtml: string | undefined;
  let previousBlank = true;
  let inFrontMatter = text.startsWith('---\n') || text.startsWith('---\r\n');
  // Where the next `<!--` and `-->` are: each line of a long report is not searched on its own.
  const opens = new Occurrences(text, '<!--');
  const closes = new Occurrences(text, '-->');
  while (offset <= text.length) {
    const next = text.indexOf('\n', offset);
    const end = next < 0 ? text.length : next;
    // Most lines are prose: only lines whose first character (or a comment mark) can matter are read closely.
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
    } else if (inComment) {
      if (closes.within(offset, end)) inComment = false;
    } else if (rawHtml) {
      if (lineText().toLowerCase().includes(`</${rawHtml}>`)) rawHtml = undefined;
    } else {
      const startCode = text.charCodeAt(offset);
      const mayCut = line > 0 && previousBlank && offset > blockStart && (startCode === HASH || isAsciiLetter(startCode));
      if (mayCut && (ATX.test(lineText()) || PARAGRAPH_START.test(lineText()))) {
        blocks.push({ start: blockStart, line: blockLine, text: text.slice(blockStart, offset) });
        blockStart = offset;
        blockLine = line;
      }
      if (unusual || opens.within(offset, end)) {
        const content = lineText();
        const fenceMatch = FENCE_OPEN.exec(content);
        const html = RAW_HTML_OPEN.exec(content);
        if (fenceMatch) fence = fenceMatch[1];
        else if (html && !content.toLowerCase().includes(`</${html[1].toLowerCase()}>`)) rawHtml = html[1].toLowerCase();
        else if (content.lastIndexOf('<!--') > content.lastIndexOf('-->')) inComment = true;
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

const BACKTICK = 0x60;
const TILDE = 0x7e;
const LESS_THAN = 0x3c;
const HASH = 0x23;

/** The offset of the first character of a line that is not a space, tab or CR (`end` if none). */
function firstNonBlank(text: string, start: number, end: number): number {
  let at = start;
  for (let code = text.charCodeAt(at); at < end && (code === 0x20 || code === 0x09 || code === 0x0d); code = text.charCodeAt(++at));
  return at;
}

/** Printable ASCII: neither whitespace (which `trim` and `\s` would treat specially) nor anything beyond ASCII. */
function isPlainCode(code: number): boolean {
  return code > 0x20 && code < 0x7f;
}

function isAsciiLetter(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

/** The occurrences of a string in a text, found by one forward search as lines are read in order. */
class Occurrences {
  private next = -2;
  constructor(private readonly text: string, private readonly needle: string) {}

  /** Whether one lies wholly in [start, end). Calls must come with non-decreasing `start`. */
  within(start: number, end: number): boolean {
    if (this.next !== -1 && this.next < start) this.next = this.text.indexOf(this.needle, start);
    return this.next !== -1 && this.next + this.needle.length <= end;
  }
}

const MIN_CACHED_CHARACTERS = 256 * 1024;
/** Characters of consecutive uncached blocks parsed in one go. */
const CHUNK = 16 * 1024;

/** A block's tree and where its positions currently place it. */
interface CachedBlock {
  tree: Root;
  line: number;
  start: number;
  /** The stitch that last placed it: a block text used twice in one document gets a copy the second time. */
  stitch: number;
}

/**
 * Block trees of one document by block text, least recently used dropped first. Bounded by the text it holds,
 * not the number of blocks: a 1 MB report has thousands of blocks. The trees are moved to where each block
 * now stands in place (no copy): after a keystroke, every block below it moves by a character, and copying
 * a large document's tree on each keystroke cost more than parsing the block that changed. So one cache
 * serves one document, whose latest tree is the only one that must stay right.
 */
export class BlockCache {
  private readonly blocks = new Map<string, CachedBlock>();
  private size = 0;
  private stitch = 0;
  private maxCharacters = 0;

  /** Starts placing the blocks of a new version of the document: room for it and as much again (what edits replaced). */
  beginStitch(textLength: number): void {
    this.stitch++;
    this.maxCharacters = Math.max(2 * textLength, MIN_CACHED_CHARACTERS);
  }

  /**
   * Parses the blocks not cached yet. Runs of them are parsed together, up to CHUNK characters at a time: each
   * parse sets the parser up anew, which costs more than the parse of a short block, while one parse of a whole
   * large document costs more than its parts (the parser's work grows faster than the text).
   */
  parseMissing(blocks: readonly Block[]): void {
    let run: Block[] = [];
    let runLength = 0;
    const flush = () => {
      if (run.length > 0) this.parseRun(run);
      run = [];
      runLength = 0;
    };
    for (const block of blocks) {
      if (this.blocks.has(block.text)) {
        flush();
        continue;
      }
      if (runLength > 0 && runLength + block.text.length > CHUNK) flush();
      run.push(block);
      runLength += block.text.length;
    }
    flush();
  }

  /**
   * One parse of consecutive blocks, its nodes kept block by block: the blocks are cut where a cut does not change
   * the parse, so each top-level node lies in exactly one block.
   */
  private parseRun(run: Block[]): void {
    const first = run[0];
    const tree = parseMarkdown(run.map((block) => block.text).join(''));
    let next = 0;
    run.forEach((block, i) => {
      const end = i + 1 < run.length ? run[i + 1].start - first.start : Infinity;
      const children: RootContent[] = [];
      while (next < tree.children.length && (tree.children[next].position?.start.offset ?? 0) < end) children.push(tree.children[next++]);
      if (this.blocks.has(block.text)) return; // the same text twice: the first is kept
      // Positions are as the run's parse gave them: as if the run began the document.
      this.blocks.set(block.text, { tree: { type: 'root', children }, line: block.line - first.line, start: block.start - first.start, stitch: 0 });
      this.size += block.text.length;
    });
    this.evict();
  }

  /** The top-level nodes of a cached block, with positions for where it stands in the document. */
  place(block: Block): RootContent[] {
    const cached = this.blocks.get(block.text);
    if (!cached) return parseMarkdown(block.text).children.map((child) => moved(child, block.line, block.start)); // evicted meanwhile
    this.blocks.delete(block.text); // re-inserted: most recently used last
    this.blocks.set(block.text, cached);
    const lines = block.line - cached.line;
    const offset = block.start - cached.start;
    if (cached.stitch === this.stitch) return cached.tree.children.map((child) => moved(child, lines, offset));
    cached.stitch = this.stitch;
    if (lines !== 0 || offset !== 0) {
      for (const child of cached.tree.children) shift(child, lines, offset);
      cached.line = block.line;
      cached.start = block.start;
    }
    return cached.tree.children;
  }

  private evict(): void {
    for (const [oldest] of this.blocks) {
      if (this.size <= this.maxCharacters) break;
      this.blocks.delete(oldest);
      this.size -= oldest.length;
    }
  }
}

export function parseIncremental(text: string, cache: BlockCache): Root {
  // A byte order mark belongs to the first block only, and a lone CR ends a line for Markdown but not for the
  // line count here: such documents are parsed whole.
  if (DEFINITION.test(text) || text.charCodeAt(0) === 0xfeff || /\r(?!\n)/.test(text)) return parseMarkdown(text);
  const blocks = splitBlocks(text);
  cache.beginStitch(text.length);
  cache.parseMissing(blocks);
  const children: RootContent[] = [];
  for (const block of blocks) for (const child of cache.place(block)) children.push(child);
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

/** Moves a node's positions (and its descendants') down by `lines` lines and `offset` characters, in place. */
function shift(node: Positioned, lines: number, offset: number): void {
  const position = node.position;
  if (position) {
    position.start.line += lines;
    position.end.line += lines;
    if (position.start.offset !== undefined) position.start.offset += offset;
    if (position.end.offset !== undefined) position.end.offset += offset;
  }
  if (Array.isArray(node.children)) for (const child of node.children) shift(child as Positioned, lines, offset);
}

/** A copy of a node, moved as `shift` moves it: for a block whose tree is already placed elsewhere in the document. */
function moved<T extends Positioned>(node: T, lines: number, offset: number): T {
  const copy = { ...node };
  if (node.position) {
    copy.position = {
      start: { ...node.position.start, line: node.position.start.line + lines, offset: (node.position.start.offset ?? 0) + offset },
      end: { ...node.position.end, line: node.position.end.line + lines, offset: (node.position.end.offset ?? 0) + offset },
    };
  }
  if (Array.isArray(node.children)) copy.children = node.children.map((child) => moved(child as T, lines, offset));
  return copy;
}
