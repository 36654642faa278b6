/**
 * The words a report's writer wrote, block by block, for checks of wording: what stands in code, HTML (comments
 * included), images, struck-through text and block quotes is left out, and so are link destinations. Each block
 * knows where each of its characters stands in the document.
 */
import type { Nodes, Parent, RootContent } from 'mdast';
import type { IncidentReport } from './report';

/** Stands where something that is not the writer's words was (inline code, an HTML tag), so that words around it do not join. */
export const LEFT_OUT = '\uFFFC';

/** A run of the block's text that stands at one place of the document. */
interface Piece {
  /** Where the piece starts in the block's text. */
  at: number;
  length: number;
  /** Where it starts in the document. */
  offset: number;
  /** The text is written as it stands (no escapes or entities): each character maps to its own place. */
  verbatim: boolean;
}

export class PlainTextBlock {
  constructor(
    readonly text: string,
    private readonly pieces: readonly Piece[],
  ) {}

  /** Where the character at `index` of the text (or the end, for an index past it) stands in the document. */
  offsetAt(index: number): number {
    let low = 0;
    let high = this.pieces.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.pieces[middle].at <= index) low = middle;
      else high = middle - 1;
    }
    const piece = this.pieces[low];
    if (!piece) return 0;
    const within = Math.min(Math.max(index - piece.at, 0), piece.length);
    return piece.verbatim ? piece.offset + within : piece.offset;
  }
}

/** Nodes whose content is not the writer's prose, or is someone else's (a quote). */
const SKIPPED_BLOCKS: ReadonlySet<string> = new Set(['code', 'html', 'blockquote', 'yaml', 'toml', 'definition', 'thematicBreak', 'math']);
const LEFT_OUT_INLINE: ReadonlySet<string> = new Set(['inlineCode', 'html', 'image', 'imageReference', 'footnoteReference', 'delete', 'inlineMath']);

class BlockBuilder {
  text = '';
  readonly pieces: Piece[] = [];

  constructor(private readonly source: string) {}

  add(text: string, offset: number, verbatim: boolean): void {
    this.pieces.push({ at: this.text.length, length: text.length, offset, verbatim });
    this.text += text;
  }

  inline(node: Nodes): void {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (node.type === 'text') this.add(node.value, start, this.source.slice(start, end) === node.value);
    else if (node.type === 'break') this.add('\n', start, false);
    else if (LEFT_OUT_INLINE.has(node.type)) this.add(LEFT_OUT, start, false);
    else if ('children' in node) for (const child of (node as Parent).children) this.inline(child);
  }
}

const cache = new WeakMap<IncidentReport, PlainTextBlock[]>();

/** The report's paragraphs, headings and table cells as plain text, in document order; computed once per report. */
export function plainTextBlocks(report: IncidentReport): readonly PlainTextBlock[] {
  let blocks = cache.get(report);
  if (!blocks) {
    const found: PlainTextBlock[] = [];
    const visit = (node: RootContent): void => {
      if (SKIPPED_BLOCKS.has(node.type)) return;
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
        const builder = new BlockBuilder(report.text);
        for (const child of node.children) builder.inline(child);
        if (builder.text.trim() !== '') found.push(new PlainTextBlock(builder.text, builder.pieces));
        return;
      }
      if ('children' in node) for (const child of (node as Parent).children) visit(child);
    };
    for (const node of report.tree.children) visit(node);
    blocks = found;
    cache.set(report, blocks);
  }
  return blocks;
}
