import type { Finding, Rule } from './rule';
import type { FixData } from './fix';
import type { IncidentReport } from '../model/report';
import { canonicalUri, relationNamed, relativeLink, resolveLink } from '../model/links';
import type { WorkspaceLink } from './workspace';
import { resolvedLinks, fileName } from './linkTargets';
import { reportLabel } from '../model/reportLabel';

export const missingBacklink: Rule = {
  id: 'missing-backlink',
  description: 'A relation between two reports is written in both: Supersedes / Superseded by, Amends / Amended by …',
  defaultSeverity: 'warning',
  quickFix: 'writes the other half as 8d-tools would',
  kinds: ['8d', 'postmortem'],
  check(report, { uri, workspace }) {
    if (!workspace || !uri) return [];
    const findings: Finding[] = [];
    for (const { link, target } of resolvedLinks(report, uri, workspace)) {
      const relation = link.relation ? relationNamed(link.relation) : undefined;
      if (!relation || !target || target.uri === canonicalUri(uri)) continue;
      const pointsBack = (l: WorkspaceLink) => {
        const back = resolveLink(target.uri, l.target);
        return back !== undefined && canonicalUri(back) === canonicalUri(uri);
      };
      if (target.links.some((l) => l.relation === relation.inverse && pointsBack(l))) continue;
      const line = `- ${relation.inverse}: [${reportLabel({ number: numberOf(report), title: report.title?.title }, { padded: target.padded })}](${relativeLink(target.uri, uri)})`;
      const edit = workspace.linkLineEdit(target.uri, line);
      if (!edit) continue;
      findings.push({
        message: `${fileName(target.uri)} has no "${relation.inverse}" link back to this report`,
        range: link.range,
        data: { fix: { title: `Add "${relation.inverse}" link to ${fileName(target.uri)}`, edits: [edit] } } satisfies FixData,
      });
    }
    return findings;
  },
};

function numberOf(report: IncidentReport): number | undefined {
  return report.title?.number !== undefined ? Number(report.title.number) : undefined;
}
