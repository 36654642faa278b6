import type { Finding, Rule } from './rule';
import type { FixData } from './fix';
import type { IncidentReport } from '../model/report';
import { canonicalUri, relationNamed, relativeLink, resolveLink } from '../model/links';
import type { IndexedReport } from '../workspace/reportIndex';
import { resolvedLinks, reportLabel, fileName } from './linkTargets';

export const missingBacklink: Rule = {
  id: 'missing-backlink',
  description: 'A relation between two reports is written in both: Supersedes / Superseded by, Amends / Amended by …',
  defaultSeverity: 'warning',
  kinds: ['8d', 'postmortem'],
  check(report, { uri, workspace }) {
    if (!workspace || !uri) return [];
    const findings: Finding[] = [];
    for (const { link, target } of resolvedLinks(report, uri, workspace)) {
      const relation = link.relation ? relationNamed(link.relation) : undefined;
      if (!relation || !target || target.uri === canonicalUri(uri)) continue;
      const pointsBack = (l: IndexedReport['links'][number]) => {
        const back = resolveLink(target.uri, l.target);
        return back !== undefined && canonicalUri(back) === canonicalUri(uri);
      };
      if (target.links.some((l) => l.relation === relation.inverse && pointsBack(l))) continue;
      const line = `- ${relation.inverse}: [${reportLabel(numberOf(report), report.title?.title, target.padded)}](${relativeLink(target.uri, uri)})`;
      findings.push({
        message: `${fileName(target.uri)} has no "${relation.inverse}" link back to this report`,
        range: link.range,
        data: { fix: { title: `Add "${relation.inverse}" link to ${fileName(target.uri)}`, edits: [backlinkEdit(target, line)] } } satisfies FixData,
      });
    }
    return findings;
  },
};

function numberOf(report: IncidentReport): number | undefined {
  return report.title?.number !== undefined ? Number(report.title.number) : undefined;
}

/**
 * As 8d-tools writes it: first in the other report's `## Links` list, or a new `## Links` section with blank
 * lines around it after the Status line (else the Date line, else the title).
 */
function backlinkEdit(target: IndexedReport, line: string): { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string } {
  const at = (n: number) => ({ start: { line: n, character: 0 }, end: { line: n, character: 0 } });
  const section = target.linksSection;
  if (section?.firstItemLine !== undefined) return { uri: target.uri, range: at(section.firstItemLine), newText: `${line}\n` };
  if (section) return { uri: target.uri, range: at(section.line + 1), newText: `\n${line}\n` };
  const anchor = target.statusLine ?? target.dateLine ?? target.titleLine;
  return { uri: target.uri, range: at(anchor === undefined ? 0 : anchor + 1), newText: `\n## Links\n\n${line}\n` };
}
