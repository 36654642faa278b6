/** The links a report makes, read from its Markdown tree, with the relation of each `## Links` item. */
import type { Link, Nodes, Parent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { IncidentReport } from './report';
import type { Range } from './position';
import { relationNamed } from './links';

export interface ReportLink {
  relation?: string;
  label: string;
  /** The destination as written: `./0001-slug.md`, `./0001-slug.md#d4-root-cause`, `#summary`. */
  target: string;
  range: Range;
  labelRange: Range;
}

const cache = new WeakMap<IncidentReport, ReportLink[]>();

export function linksOf(report: IncidentReport): ReportLink[] {
  let links = cache.get(report);
  if (!links) {
    links = collect(report);
    cache.set(report, links);
  }
  return links;
}

function collect(report: IncidentReport): ReportLink[] {
  const linksSections = report.sections.filter((s) => s.heading.depth > 1 && s.heading.text.trim().toLowerCase() === 'links');
  const inLinksSection = (offset: number) => linksSections.some((s) => offset > s.heading.start && offset < s.end);
  const found: ReportLink[] = [];
  const brackets = bracketOffsets(report.text);
  const visit = (node: Nodes, parent: Parent | undefined) => {
    // A node whose text holds no `[` holds no written link: most of a long report is skipped unread.
    if (node.position && !hasOffsetIn(brackets, node.position.start.offset ?? 0, node.position.end.offset ?? Infinity)) return;
    if (node.type === 'link') {
      // Only written links `[label](target)`; bare URLs and <autolinks> never point at reports.
      if (report.text[node.position?.start.offset ?? -1] === '[') found.push(toReportLink(report, node, parent, inLinksSection));
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child, node);
  };
  visit(report.tree, undefined);
  return found;
}

function bracketOffsets(text: string): number[] {
  const offsets: number[] = [];
  for (let at = text.indexOf('['); at !== -1; at = text.indexOf('[', at + 1)) offsets.push(at);
  return offsets;
}

/** Whether a sorted list of offsets has one in [start, end). */
function hasOffsetIn(offsets: number[], start: number, end: number): boolean {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid] < start) low = mid + 1;
    else high = mid;
  }
  return low < offsets.length && offsets[low] < end;
}

function toReportLink(report: IncidentReport, link: Link, parent: Parent | undefined, inLinksSection: (offset: number) => boolean): ReportLink {
  const start = link.position?.start.offset ?? 0;
  const end = link.position?.end.offset ?? start;
  const labelEnd = link.children.length > 0 ? link.children[link.children.length - 1].position?.end.offset ?? start + 1 : start + 1;
  let relation: string | undefined;
  // `- Supersedes: [1: Title](./0001-slug.md)`: the text before the first link of a list item names the relation.
  if (parent?.type === 'paragraph' && parent.children[0] !== link && parent.children.find((c) => c.type === 'link') === link && inLinksSection(start)) {
    const before = report.text.slice(parent.position?.start.offset ?? start, start);
    const named = /^\s*([A-Za-z][A-Za-z ]*?)\s*:\s*$/.exec(before);
    relation = named ? relationNamed(named[1])?.name : undefined;
  }
  return {
    relation,
    label: toString(link),
    target: report.text.slice(start, end).endsWith(')') ? rawDestination(report.text.slice(labelEnd, end)) ?? link.url : link.url,
    range: report.lines.range(start, end),
    labelRange: report.lines.range(start + 1, labelEnd),
  };
}

/**
 * The destination as written between `](` and `)`, so that relative paths compare as the user wrote them: bare,
 * or inside angle brackets, where it may hold spaces (`<my report.md>`).
 */
function rawDestination(tail: string): string | undefined {
  const match = /^\]\(\s*(?:<([^<>\n]*)>|([^)\s>]*))/.exec(tail);
  return match ? match[1] ?? match[2] : undefined;
}
