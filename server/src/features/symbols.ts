import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { IncidentReport, Section } from '../model/report';
import { timelinesOf } from '../model/timeline/timeline';
import { describeTime } from '../model/timeline/describe';

const MAX_ENTRY_NAME = 80;

/** The report's outline: sections nested by level, timeline entries under the Timeline section. Nothing for other files. */
export function getDocumentSymbols(report: IncidentReport): DocumentSymbol[] {
  if (!report.kind) return [];
  const timelines = report.kind === 'postmortem' ? timelinesOf(report) : [];
  const roots: DocumentSymbol[] = [];
  const stack: { depth: number; symbol: DocumentSymbol }[] = [];
  const bySection = new Map<Section, DocumentSymbol>();
  for (const section of report.sections) {
    const symbol = sectionSymbol(report, section);
    bySection.set(section, symbol);
    while (stack.length > 0 && stack[stack.length - 1].depth >= section.heading.depth) stack.pop();
    const parent = stack[stack.length - 1]?.symbol;
    if (parent) (parent.children ??= []).push(symbol);
    else roots.push(symbol);
    stack.push({ depth: section.heading.depth, symbol });
  }
  for (const timeline of timelines) {
    // Each entry goes under the innermost section that holds it: the Timeline, or a day heading inside it.
    const inside = report.sections.filter((s) => s.heading.start >= timeline.section.heading.start && s.heading.start < timeline.section.end);
    for (const entry of timeline.entries) {
      const offset = report.lines.offsetAt(entry.range.start);
      const holder = inside.filter((s) => s.heading.start <= offset && offset < Math.max(s.end, s.heading.end)).at(-1) ?? timeline.section;
      const symbol = bySection.get(holder);
      if (!symbol) continue; // a timeline held in a label (`- Timeline: …`) has no section of its own in the outline
      (symbol.children ??= []).push({ name: truncate(`${describeTime(entry)} ${entry.text}`), kind: SymbolKind.Event, range: entry.range, selectionRange: entry.timeRange });
    }
  }
  return roots;
}

function sectionSymbol(report: IncidentReport, section: Section): DocumentSymbol {
  const end = Math.max(section.end, section.heading.end);
  return {
    name: section.heading.text || '(untitled section)',
    kind: section.heading.depth === 1 ? SymbolKind.File : SymbolKind.String,
    range: report.lines.range(section.heading.start, end),
    selectionRange: section.heading.range,
  };
}

function truncate(text: string): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length > MAX_ENTRY_NAME ? `${single.slice(0, MAX_ENTRY_NAME - 1)}…` : single;
}
