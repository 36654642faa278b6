import type { Finding, Rule } from './rule';
import type { FixData } from './fix';
import type { IncidentReport } from '../model/report';
import { relativeLink, withSlugs } from '../model/links';
import { resolvedLinks, fileName, type ResolvedLink } from './linkTargets';
import type { ReportWorkspace } from './workspace';

export const brokenLink: Rule = {
  id: 'broken-link',
  description: 'Links point at files that exist and at headings those files have.',
  defaultSeverity: 'warning',
  quickFix: '*Point link at 0009-….md* when one report has the name or number the link meant',
  kinds: ['8d', 'postmortem'],
  check(report, { uri, workspace }) {
    if (!workspace || !uri) return [];
    const findings: Finding[] = [];
    const ownSlugs = slugsOf(report.headings);
    for (const resolved of resolvedLinks(report, uri, workspace)) {
      const { link, fragment, target } = resolved;
      if (resolved.uri === uri || link.target.startsWith('#')) {
        if (fragment && !ownSlugs.has(fragment)) findings.push({ message: `No heading #${fragment} in this report`, range: link.range });
      } else if (!workspace.exists(resolved.uri)) {
        findings.push(missingFile(report, uri, resolved, workspace));
      } else if (fragment && target && !workspace.headingsOf(target.uri).some((heading) => heading.slug === fragment)) {
        findings.push({ message: `${fileName(resolved.uri)} has no heading #${fragment}`, range: link.range });
      }
    }
    return findings;
  },
};

function slugsOf(headings: readonly { text: string }[]): Set<string> {
  return new Set(withSlugs(headings).map((heading) => heading.slug));
}

/** The number the link means: its label's (`9: Cache stampede`) or its file name's (`0009-…`). */
function intendedNumber(resolved: ResolvedLink): number | undefined {
  const fromLabel = /^\s*(\d+)\s*:/.exec(resolved.link.label);
  if (fromLabel) return Number(fromLabel[1]);
  const fromName = /^(\d{4})-/.exec(fileName(resolved.uri));
  return fromName ? Number(fromName[1]) : undefined;
}

function missingFile(report: IncidentReport, uri: string, resolved: ResolvedLink, workspace: ReportWorkspace): Finding {
  const finding: Finding = { message: `Broken link: ${resolved.link.target.replace(/#.*$/, '')} does not exist`, range: resolved.link.range };
  const number = intendedNumber(resolved);
  const candidates = number === undefined ? [] : workspace.byNumber(number).filter((candidate) => candidate.uri !== uri);
  if (candidates.length === 1) {
    const path = relativeLink(uri, candidates[0].uri);
    const start = report.lines.offsetAt(resolved.link.labelRange.end) + 2; // after `](`
    const written = report.text.slice(start).match(/^\s*<?([^)\s>#]*)/);
    const pathStart = start + (written ? written[0].length - written[1].length : 0);
    const data: FixData = {
      fix: {
        title: `Point link at ${fileName(candidates[0].uri)}`,
        edits: [{ range: report.lines.range(pathStart, pathStart + (written?.[1].length ?? 0)), newText: path }],
      },
    };
    finding.data = data;
  }
  return finding;
}
