/**
 * Re-parse only what an edit touched: the document is cut into top-level blocks at headings where a cut cannot
 * change the meaning, each block's tree is cached by its text, and the trees are stitched back with their
 * positions moved. The result equals a full parse (a test compares them after thousands of random edits).
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
const FENCE_OPEN = /^\s*(`{3,}|~{3,})/;
const RAW_HTML_OPEN = /^ {0,3}<(pre|script|style|textarea)(?:\s|>|$)/i;
// Link reference and footnote definitions are document-wide, and may stand inside lists and quotes: a document
// that might have one (any `]:`) is parsed whole.
const DEFINITION = /\]:/;

/**
 * Cut points: a heading at column 0, after a blank line, outside front matter, fenced code, HTML comments and
 * raw HTML blocks. Where unsure (a fence whose closing line is indented, a comment opened mid-line) no cut is made:
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
  while (offset <= text.length) {
    const next = text.indexOf('\n', offset);
    const end = next < 0 ? text.length : next;
    const content = text.slice(offset, end).replace(/\r$/, '');
    if (inFrontMatter) {
      if (line > 0 && /^(---|\.\.\.)\s*$/.test(content)) inFrontMatter = false;
    } else if (fence) {
      const closing = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(content);
      if (closing && closing[1][0] === fence[0] && closing[1].length >= fence.length) fence = undefined;
    } else if (inComment) {
      if (content.includes('-->')) inComment = false;
    } else if (rawHtml) {
      if (content.toLowerCase().includes(`</${rawHtml}>`)) rawHtml = undefined;
    } else {
      if (line > 0 && previousBlank && ATX.test(content) && offset > blockStart) {
        blocks.push({ start: blockStart, line: blockLine, text: text.slice(blockStart, offset) });
        blockStart = offset;
        blockLine = line;
      }
      const fenceMatch = FENCE_OPEN.exec(content);
      const html = RAW_HTML_OPEN.exec(content);
      if (fenceMatch) fence = fenceMatch[1];
      else if (html && !content.toLowerCase().includes(`</${html[1].toLowerCase()}>`)) rawHtml = html[1].toLowerCase();
      else if (content.lastIndexOf('<!--') > content.lastIndexOf('-->')) inComment = true;
    }
    previousBlank = content.trim() === '';
    if (next < 0) break;
    offset = next + 1;
    line++;
  }
  blocks.push({ start: blockStart, line: blockLine, text: text.slice(blockStart) });
  return blocks;
}

/**
 * Block trees by block text, least recently used dropped first. Bounded by the text it holds, not the number of
 * blocks: a 1 MB report has thousands of blocks, and a cache smaller than one document would parse it all each time.
 */
export class BlockCache {
  private readonly trees = new Map<string, Root>();
  private size = 0;
  constructor(private readonly maxCharacters = 8_000_000) {}

  parse(text: string): Root {
    let tree = this.trees.get(text);
    if (tree) {
      this.trees.delete(text); // re-inserted below: most recently used last
    } else {
      tree = parseMarkdown(text);
      this.size += text.length;
      for (const [oldest] of this.trees) {
        if (this.size <= this.maxCharacters) break;
        this.trees.delete(oldest);
        this.size -= oldest.length;
      }
    }
    this.trees.set(text, tree);
    return tree;
  }
}

export function parseIncremental(text: string, cache: BlockCache): Root {
  // A byte order mark belongs to the first block only, and a lone CR ends a line for Markdown but not for the
  // line count here: such documents are parsed whole.
  if (DEFINITION.test(text) || text.charCodeAt(0) === 0xfeff || /\r(?!\n)/.test(text)) return parseMarkdown(text);
  const blocks = splitBlocks(text);
  if (blocks.length === 1) return cache.parse(text);
  const children: RootContent[] = [];
  for (const block of blocks) {
    for (const child of cache.parse(block.text).children) children.push(moved(child, block.line, block.start) as RootContent);
  }
  const lines = text.split('\n');
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: lines.length, column: lines[lines.length - 1].length + 1, offset: text.length } },
  };
}

/** A copy of a node (the cached one is shared) with its positions moved down by `lines` lines and `offset` characters. */
function moved<T extends { position?: UnistPosition; children?: unknown[] }>(node: T, lines: number, offset: number): T {
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
