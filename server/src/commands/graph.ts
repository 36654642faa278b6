import { canonicalUri, relationNamed, resolveLink } from '../model/links';
import type { IndexedReport } from '../workspace/reportIndex';
import type { CommandContext, CommandResult } from './context';
import { reportLabel } from '../model/reportLabel';

/** One edge per relation pair (the `Supersedes` side, not also its `Superseded by` echo). */
const FORWARD = new Set(['Supersedes', 'Amends', 'Clarifies', 'Extends', 'Related to']);

function nodeId(report: IndexedReport, ids: Map<string, string>): string {
  let id = ids.get(report.uri);
  if (!id) {
    id = `r${ids.size + 1}`;
    ids.set(report.uri, id);
  }
  return id;
}

function quoted(text: string): string {
  return `"${text.replace(/"/g, '#quot;')}"`;
}

/** A Mermaid `graph` of the reports and their relations, readable as text without a Mermaid renderer. */
export function reportGraph(context: CommandContext): CommandResult {
  const reports = context.index.all();
  const ids = new Map<string, string>();
  const lines = ['# Report graph', '', `${reports.length} reports. Arrows read "supersedes", "amends", "clarifies", "extends" or "related to".`, '', '```mermaid', 'graph LR'];
  for (const report of reports) {
    const label = `${reportLabel(report, { padded: false })}${report.status ? ` (${report.status})` : ''}`;
    lines.push(`  ${nodeId(report, ids)}[${quoted(label)}]`);
  }
  const seen = new Set<string>();
  for (const report of reports) {
    for (const link of report.links) {
      const relation = link.relation ? relationNamed(link.relation) : undefined;
      const target = link.relation ? resolveLink(report.uri, link.target) : undefined;
      const other = target ? context.index.get(canonicalUri(target)) : undefined;
      if (!relation || !other) continue;
      // Draw each pair once, from the side that states it forwards ("3 supersedes 1", not "1 superseded by 3").
      const [from, to, name] = FORWARD.has(relation.name) ? [report, other, relation.name] : [other, report, relation.inverse];
      const key = name === 'Related to' ? [from.uri, to.uri].sort().join(' ') : `${from.uri} ${name} ${to.uri}`;
      if (seen.has(key)) continue;
      seen.add(key);
      lines.push(`  ${nodeId(from, ids)} -- ${quoted(name.toLowerCase())} --> ${nodeId(to, ids)}`);
    }
  }
  lines.push('```', '');
  return { ok: true, message: `Graph of ${reports.length} reports.`, content: lines.join('\n') };
}
