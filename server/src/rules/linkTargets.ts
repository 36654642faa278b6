/** What the link rules share: each relative link of the checked report with the file and report it points at. */
import type { IncidentReport } from '../model/report';
import { linksOf, type ReportLink } from '../model/reportLinks';
import { canonicalUri, resolveLink, splitTarget } from '../model/links';
import type { ReportWorkspace, WorkspaceReport } from './workspace';

export interface ResolvedLink {
  link: ReportLink;
  /** The file the link points at (the checked report itself for `#fragment` links). */
  uri: string;
  fragment?: string;
  /** The report there, when it is one the index knows. */
  target?: WorkspaceReport;
}

export function resolvedLinks(report: IncidentReport, uri: string, workspace: ReportWorkspace): ResolvedLink[] {
  const resolved: ResolvedLink[] = [];
  for (const link of linksOf(report)) {
    const split = splitTarget(link.target);
    const target = split && resolveLink(uri, link.target);
    if (!split || !target) continue;
    const canonical = canonicalUri(target);
    resolved.push({ link, uri: canonical, fragment: split.fragment || undefined, target: workspace.get(canonical) });
  }
  return resolved;
}

export function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
