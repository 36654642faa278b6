/**
 * Following links between reports: go to definition, document links, link hovers, references to a report and
 * workspace symbols. The open document is read from its model, every other report from the workspace index,
 * never from disk: answers are instant and agree with what the link rules see.
 */
import { MarkupKind, SymbolKind, type DocumentLink, type Hover, type Location, type SymbolInformation } from 'vscode-languageserver-types';
import type { IncidentReport } from '../model/report';
import type { Position, Range } from '../model/position';
import { linksOf, type ReportLink } from '../model/reportLinks';
import { canonicalUri, resolveLink, splitTarget, withSlugs } from '../model/links';
import type { IndexedReport, ReportIndex } from '../workspace/reportIndex';
import { scannedHeadings } from '../workspace/scanner';
import { LIST_LABEL, reportLabel } from '../model/reportLabel';

/** Text shown as Markdown must not turn a title's `*` or `_` into emphasis. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/** A report's card for hovers: label, number, status, date and the first lines of its summary. */
export function describeReport(report: IndexedReport, section?: string): string {
  const facts = [
    report.number !== undefined ? `Report ${report.number}` : undefined,
    report.status ? `Status: ${escapeMarkdown(report.status)}` : undefined,
    report.date ? `Date: ${escapeMarkdown(report.date)}` : undefined,
  ].filter((fact): fact is string => fact !== undefined);
  const parts = [`**${escapeMarkdown(reportLabel(report, LIST_LABEL))}**`];
  if (facts.length > 0) parts.push(facts.join(' · '));
  if (section) parts.push(`Section: ${escapeMarkdown(section)}`);
  if (report.summary) parts.push(report.summary);
  return parts.join('\n\n');
}

/** Where a relative link leads: the file, the report indexed there (if any) and the heading its fragment names. */
export interface LinkTarget {
  uri: string;
  /** The link points into the document it is written in. */
  self: boolean;
  report?: IndexedReport;
  heading?: { text: string; line: number };
}

/** Undefined for links that are not relative (http:, mailto: …) or cannot be resolved against the document's URI. */
export function resolveTarget(report: IncidentReport, uri: string, target: string, index: ReportIndex | undefined): LinkTarget | undefined {
  const split = splitTarget(target);
  const resolved = split && resolveLink(uri, target);
  if (!split || !resolved) return undefined;
  const canonical = canonicalUri(resolved);
  const self = canonical === canonicalUri(uri);
  const indexed = index?.get(canonical);
  const fragment = split.fragment?.toLowerCase();
  // The open document's own headings come from its model: the index may lag behind the keystrokes.
  const heading = !fragment
    ? undefined
    : self
      ? withSlugs(report.headings).find((candidate) => candidate.slug === fragment)
      : indexed && index?.headingsOf(canonical).find((candidate) => candidate.slug === fragment);
  return { uri: self ? uri : canonical, self, report: indexed, heading: heading && { text: heading.text, line: heading.line } };
}

function contains(range: Range, position: Position): boolean {
  const after = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const before = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return after && before;
}

function linkAt(report: IncidentReport, position: Position): ReportLink | undefined {
  return linksOf(report).find((link) => contains(link.range, position));
}

function lineStart(line: number): Range {
  return { start: { line, character: 0 }, end: { line, character: 0 } };
}

/** A relative link's file, at the heading its fragment names (the top when there is none or it is unknown). */
export function getDefinition(report: IncidentReport, uri: string, position: Position, index: ReportIndex | undefined): Location | undefined {
  if (!report.kind) return undefined;
  const link = linkAt(report, position);
  const target = link && resolveTarget(report, uri, link.target, index);
  if (!target) return undefined;
  return { uri: target.uri, range: lineStart(target.heading?.line ?? 0) };
}

/** Every relative link of a report, clickable; `#L<n>` (which VS Code opens at that line) stands for a known heading. */
export function getDocumentLinks(report: IncidentReport, uri: string, index: ReportIndex | undefined): DocumentLink[] {
  if (!report.kind) return [];
  const links: DocumentLink[] = [];
  for (const link of linksOf(report)) {
    const target = resolveTarget(report, uri, link.target, index);
    if (!target) continue;
    const documentLink: DocumentLink = { range: link.range, target: target.heading ? `${target.uri}#L${target.heading.line + 1}` : target.uri };
    const tooltip = tooltipOf(target);
    if (tooltip) documentLink.tooltip = tooltip;
    links.push(documentLink);
  }
  return links;
}

function tooltipOf(target: LinkTarget): string | undefined {
  const section = target.heading ? `, section “${target.heading.text}”` : '';
  if (target.self) return target.heading ? `Go to “${target.heading.text}”` : undefined;
  return target.report ? `Open ${reportLabel(target.report, LIST_LABEL)}${section}` : undefined;
}

/** The card of the report a link points at; undefined elsewhere, so that other hovers can answer. */
export function getLinkHover(report: IncidentReport, uri: string, position: Position, index: ReportIndex | undefined): Hover | undefined {
  if (!report.kind) return undefined;
  const link = linkAt(report, position);
  const target = link && resolveTarget(report, uri, link.target, index);
  if (!link || !target?.report || target.self) return undefined;
  return { contents: { kind: MarkupKind.Markdown, value: describeReport(target.report, target.heading?.text) }, range: link.range };
}

/** On the title line: every link to this report in the workspace (and the title itself when asked). */
export function getReferences(
  report: IncidentReport,
  uri: string,
  position: Position,
  includeDeclaration: boolean,
  index: ReportIndex | undefined,
): Location[] {
  const title = report.title?.range;
  if (!report.kind || !title || position.line < title.start.line || position.line > title.end.line) return [];
  const self = canonicalUri(uri);
  const references = (index?.linksTo(uri) ?? [])
    // `[see D4](#d4-…)` inside the report is a link within it, not a reference to it.
    .filter(({ from, link }) => !(from.uri === self && link.target.startsWith('#')))
    .map(({ from, link }): Location => ({
      uri: from.uri,
      range: { start: { line: link.line, character: link.start }, end: { line: link.line, character: link.end } },
    }))
    .sort((a, b) => a.uri.localeCompare(b.uri) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return includeDeclaration ? [{ uri, range: title }, ...references] : references;
}

export const MAX_WORKSPACE_SYMBOLS = 500;

/**
 * Reports by number (`12`, `#12`) or title, then sections by heading text; case-insensitive substrings.
 * A number finds only the report: matching it in headings would list every `D1` of the workspace for `1`.
 */
export function getWorkspaceSymbols(query: string, index: ReportIndex | undefined): SymbolInformation[] {
  if (!index) return [];
  const trimmed = query.trim();
  const number = /^#?(\d+)$/.exec(trimmed);
  const needle = trimmed.toLowerCase();
  const reports: SymbolInformation[] = [];
  const sections: SymbolInformation[] = [];
  for (const report of index.all()) {
    if (reports.length >= MAX_WORKSPACE_SYMBOLS) break;
    const label = reportLabel(report, LIST_LABEL);
    const matches = number ? report.number === Number(number[1]) : (report.title ?? '').toLowerCase().includes(needle);
    if (matches) reports.push({ name: label, kind: SymbolKind.File, location: { uri: report.uri, range: lineStart(report.titleLine ?? 0) } });
    if (number) continue;
    for (const heading of scannedHeadings(report)) {
      if (sections.length >= MAX_WORKSPACE_SYMBOLS) break;
      if (heading.depth < 2 || !heading.text.toLowerCase().includes(needle)) continue;
      sections.push({ name: heading.text, kind: SymbolKind.String, containerName: label, location: { uri: report.uri, range: lineStart(heading.line) } });
    }
  }
  return [...reports, ...sections].slice(0, MAX_WORKSPACE_SYMBOLS);
}
