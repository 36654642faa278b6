import type { ScannedReport } from './scanner';

export interface LineEdit {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

/**
 * Adds a `- Relation: [N: Title](./file.md)` line to a report exactly as 8d-tools does: before the first non-blank
 * line of its `## Links` section, or in a new `## Links` section, with blank lines around it, after the Status line
 * (else the Date line, else the title, else at the top).
 */
export function addLinkEdit(uri: string, report: ScannedReport, line: string): LineEdit {
  const at = (n: number) => ({ start: { line: n, character: 0 }, end: { line: n, character: 0 } });
  const section = report.linksSection;
  if (section) return { uri, range: at(section.firstLine ?? section.end), newText: `${line}\n` };
  const anchor = report.statusLine ?? report.dateLine ?? report.titleLine;
  return { uri, range: at(anchor === undefined ? 0 : anchor + 1), newText: `\n## Links\n\n${line}\n` };
}
