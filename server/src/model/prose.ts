/** The prose of a report, block by block: what the duration and zone checks read outside the timeline. */
import type { Parent, RootContent } from 'mdast';
import type { IncidentReport } from './report';
import { detached, rememberedByText } from './memo';
import { findDurationLabels, findStatedDurations, findTimeRanges, findTotalDurations, findZonedTimes, type StatedDuration, type TimeRange, type TimestampMatch } from './timeline/time';

/**
 * What the duration and zone checks read in one block of prose, each read when first asked. Remembered by the
 * block's text: a report is read again on every keystroke, and all its blocks but the one typed in are unchanged,
 * so one look-up per block replaces a reading per check. It reads a copy of the text, so what it keeps holds no
 * version of the document alive; what it gives is shared, to be read and never changed.
 */
export class ProseReading {
  private stated?: readonly StatedDuration[];
  private totals?: readonly StatedDuration[];
  private labels?: readonly { start: number; end: number; total: boolean }[];
  private ranges?: readonly TimeRange[];
  private zoned?: readonly TimestampMatch[];

  constructor(readonly text: string) {}

  get statedDurations(): readonly StatedDuration[] {
    return (this.stated ??= findStatedDurations(this.text));
  }

  get totalDurations(): readonly StatedDuration[] {
    return (this.totals ??= findTotalDurations(this.text));
  }

  get durationLabels(): readonly { start: number; end: number; total: boolean }[] {
    return (this.labels ??= findDurationLabels(this.text));
  }

  get timeRanges(): readonly TimeRange[] {
    return (this.ranges ??= findTimeRanges(this.text));
  }

  get zonedTimes(): readonly TimestampMatch[] {
    return (this.zoned ??= findZonedTimes(this.text));
  }
}

const readingOf = rememberedByText((text: string) => new ProseReading(detached(text)), 20_000, 4_000);

export interface ProseBlock {
  /** Where the block starts in the document. */
  offset: number;
  text: string;
  /** The block stands in the Summary or Impact section. */
  summary: boolean;
  reading: ProseReading;
}

const cache = new WeakMap<IncidentReport, ProseBlock[]>();

/** A root block's prose, at offsets relative to the block's start. */
interface RelativeProse {
  at: number;
  text: string;
  reading: ProseReading;
}

/**
 * Each root block's prose, remembered by the block's node: an edit re-parses only the blocks it touched and moves
 * the others (the same nodes) to where they now stand, so only the touched blocks are read again.
 */
const proseOfRoot = new WeakMap<RootContent, RelativeProse[]>();

function readRoot(root: RootContent, text: string): RelativeProse[] {
  const rootStart = root.position?.start.offset ?? 0;
  const found: RelativeProse[] = [];
  const visit = (node: RootContent) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    switch (node.type) {
      case 'paragraph':
      case 'heading':
      case 'tableRow': {
        // A copy: a slice would keep this whole version of the document alive as long as the node is remembered.
        const slice = detached(text.slice(start, end));
        found.push({ at: start - rootStart, text: slice, reading: readingOf(slice) });
        return;
      }
      case 'code':
      case 'html':
        return;
      default:
        if ('children' in node) for (const child of (node as Parent).children) visit(child);
    }
  };
  visit(root);
  return found;
}

/** Paragraphs, headings and table rows at any depth (not code or HTML), once per report: several checks read them. */
export function proseBlocks(report: IncidentReport): readonly ProseBlock[] {
  let blocks = cache.get(report);
  if (!blocks) {
    const summaries = report.postmortemSections.filter((s) => s.kind.id === 'summary' || s.kind.id === 'impact');
    blocks = [];
    for (const root of report.tree.children) {
      const rootStart = root.position?.start.offset;
      if (rootStart === undefined) continue;
      // The incremental parse reuses a node only for the same text (model/incrementalParse.ts), so what was read of
      // it still holds, at offsets relative to where it now starts.
      let relative = proseOfRoot.get(root);
      if (!relative) {
        relative = readRoot(root, report.text);
        proseOfRoot.set(root, relative);
      }
      const inSummary = summaries.some((s) => rootStart >= s.heading.start && rootStart < s.end);
      for (const { at, text, reading } of relative) blocks.push({ offset: rootStart + at, text, summary: inSummary, reading });
    }
    cache.set(report, blocks);
  }
  return blocks;
}

/** The prose blocks that do not start between `from` and `to` (the timeline's extent). */
export function proseOutside(report: IncidentReport, from: number, to: number): ProseBlock[] {
  return proseBlocks(report).filter((block) => !(block.offset >= from && block.offset < to));
}
