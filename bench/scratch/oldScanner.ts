/**
 * A fast, line-based reading of what the workspace index needs from a report — title, metadata, headings
 * outside code fences, link lines — without building a Markdown tree, so thousands of files index in about a second.
 * The open document itself is always fully parsed (model/report.ts); a test keeps the two readings in agreement.
 */
import { parseDocument } from 'yaml';
import { classify, type ReportKind } from '../../server/src/model/kinds/classify';
import { postmortemSectionOf } from '../../server/src/model/kinds/postmortem';
import { relationNamed, slugify } from '../../server/src/model/links';

export interface ScannedHeading {
  text: string;
  depth: number;
  line: number;
  slug: string;
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
  headings: ScannedHeading[];
  links: ScannedLink[];
  /** The `## Links` section: its heading line, its first non-blank line (where 8d-tools adds a link) and the line after it. */
  linksSection?: { line: number; firstLine?: number; end: number };
  /** The first lines of the problem statement or summary, for hovers and completion. */
  summary?: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)(.*)$/;
const META = /^\s*(?:[-*+][ \t]+)?\*\*(Date|Status)(?::\*\*|\*\*:)[ \t]*(.*?)[ \t]*$/i;
// Destinations stop at `[` too, so that a line of unclosed `[a](b` stays linear.
const LINK = /(!?)\[([^\]\n]*)\]\(\s*<?([^)\s>[]*)>?(?:\s+"[^"\n]*")?\s*\)/g;
const LINK_ITEM = /^\s*[-*+][ \t]+([A-Za-z][A-Za-z ]*?)[ \t]*:[ \t]*\[/;
const SUMMARY_SECTIONS = /^(?:d2\b|summary|executive summary|overview|problem statement)/i;

/** The plain text of a heading line: closing #s, emphasis, code marks and link syntax removed. */
function headingText(raw: string): string {
  return raw
    .replace(/[ \t]+#+[ \t]*$/, '')
    .replace(/!?\[([^\]]*)\]\([^)[]*\)/g, '$1')
    .replace(/\[([^\]]*)\](?:\[[^\]]*\])?/g, '$1') // reference links: `[0.9.0] - 2025-05-14`
    .replace(/(\*\*|__|\*|_|`)/g, '')
    .trim();
}

/** Inline code can hold text that looks like links: blank it out, keeping positions. */
function withoutCodeSpans(line: string): string {
  return line.replace(/`[^`\n]*`/g, (span) => ' '.repeat(span.length));
}

export function scanReport(text: string, fileName = ''): ScannedReport {
  const lines = text.split(/\r\n|\r|\n/);
  const result: ScannedReport = { kind: undefined, padded: false, headings: [], links: [] };
  const slugs = new Map<string, number>();
  let type: string | undefined;
  let template: string | undefined;
  let first = 0;
  if (lines[0] === '---') {
    const close = lines.indexOf('---', 1);
    if (close > 0) {
      const data = readFrontMatter(lines.slice(1, close).join('\n'));
      type = typeof data.type === 'string' ? data.type.toLowerCase() : undefined;
      template = typeof data.template === 'string' ? data.template : undefined;
      if (typeof data.title === 'string') result.title = data.title;
      if (typeof data.date === 'string' || typeof data.date === 'number') result.date = String(data.date);
      if (typeof data.status === 'string') result.status = data.status;
      first = close + 1;
    }
  }
  let fence: string | undefined;
  let inComment = false;
  let seenSection = false;
  let inLinks = false;
  let summaryFrom: number | undefined;
  const pseudo: string[] = [];
  for (let i = first; i < lines.length; i++) {
    const line = lines[i];
    if (fence) {
      if (line.trimStart().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') fence = undefined;
      continue;
    }
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      fence = fenceMatch[1];
      continue;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    if (line.trimStart().startsWith('<!--') && !line.includes('-->')) {
      inComment = true;
      continue;
    }
    const heading = ATX.exec(line);
    if (heading) {
      const depth = heading[1].length;
      const textOf = headingText(heading[2]);
      result.headings.push({ text: textOf, depth, line: i, slug: slugify(textOf, slugs) });
      if (depth === 1 && result.titleLine === undefined) {
        result.titleLine = i;
        const numbered = /^(\d+)\s*:\s*(.*)$/.exec(textOf);
        if (numbered) {
          result.number = Number(numbered[1]);
          result.padded = numbered[1].length > 1 && numbered[1].startsWith('0');
          result.title = numbered[2].trim();
        } else {
          result.title = textOf;
        }
      }
      if (depth > 1) seenSection = true;
      if (inLinks && result.linksSection) {
        result.linksSection.end = i;
        result.linksSection.firstLine ??= i;
      }
      inLinks = depth > 1 && textOf.toLowerCase() === 'links';
      if (inLinks) result.linksSection = { line: i, end: lines.length };
      if (summaryFrom === undefined && result.summary === undefined && SUMMARY_SECTIONS.test(textOf)) summaryFrom = i + 1;
      continue;
    }
    if (!seenSection) {
      const meta = META.exec(line);
      if (meta) {
        const field = meta[1].toLowerCase();
        if (field === 'date' && result.dateLine === undefined) {
          result.date = meta[2];
          result.dateLine = i;
        } else if (field === 'status' && result.statusLine === undefined) {
          result.status = meta[2];
          result.statusLine = i;
          result.statusEnd = line.replace(/[ \t]+$/, '').length;
          result.statusStart = result.statusEnd - meta[2].length;
        }
      }
    }
    if (inLinks && result.linksSection && result.linksSection.firstLine === undefined && line.trim() !== '') {
      result.linksSection.firstLine = i;
    }
    if (line.includes('](')) scanLinks(withoutCodeSpans(line), i, inLinks, result.links);
    if (isPseudoHeading(lines, i)) pseudo.push(line.trim().replace(/^\*\*(.*)\*\*$/, '$1'));
    if (summaryFrom !== undefined && i >= summaryFrom) {
      const summary = summaryLines(lines, summaryFrom);
      if (summary) result.summary = summary;
      summaryFrom = undefined;
    }
  }
  if (result.number === undefined) {
    const prefix = /(?:^|\/)(\d{4})-[^/]*$/.exec(fileName);
    if (prefix) result.number = Number(prefix[1]);
  }
  if (result.title === undefined) {
    const firstLine = lines.slice(first).find((l) => l.trim() !== '');
    if (firstLine && !ATX.test(firstLine)) result.title = firstLine.trim();
  }
  result.kind = classify({ type, title: result.title, headingTexts: result.headings.map((h) => h.text), pseudoHeadingTexts: pseudo, template });
  return result;
}

function readFrontMatter(yaml: string): Record<string, unknown> {
  try {
    const value: unknown = parseDocument(yaml).toJS();
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function scanLinks(line: string, lineNumber: number, inLinks: boolean, links: ScannedLink[]): void {
  const item = inLinks ? LINK_ITEM.exec(line) : null;
  const relation = item ? relationNamed(item[1])?.name : undefined;
  LINK.lastIndex = 0;
  for (let match = LINK.exec(line); match; match = LINK.exec(line)) {
    if (match[1] === '!') continue;
    const start = match.index;
    links.push({
      relation: relation && links.every((l) => l.line !== lineNumber) ? relation : undefined,
      label: match[2],
      target: match[3],
      line: lineNumber,
      start,
      end: start + match[0].length,
      labelStart: start + 1,
      labelEnd: start + 1 + match[2].length,
    });
  }
}

/** A short line on its own that names a post-mortem section (the pasted-document shape). */
function isPseudoHeading(lines: string[], i: number): boolean {
  const text = lines[i].trim();
  if (!text || text.length > 60 || (i > 0 && lines[i - 1].trim() !== '') || (i + 1 < lines.length && lines[i + 1].trim() !== '')) return false;
  return postmortemSectionOf(text.replace(/^\*\*(.*)\*\*$/, '$1')) !== undefined;
}

function summaryLines(lines: string[], from: number): string | undefined {
  const taken: string[] = [];
  for (let i = from; i < lines.length && taken.length < 3; i++) {
    const line = lines[i].trim();
    if (ATX.test(lines[i])) break;
    if (!line || line.startsWith('<!--') || line.startsWith('|') || line === '---') {
      if (taken.length > 0) break;
      continue;
    }
    taken.push(line);
  }
  const text = taken.join(' ');
  return text ? (text.length > 300 ? `${text.slice(0, 299)}…` : text) : undefined;
}
