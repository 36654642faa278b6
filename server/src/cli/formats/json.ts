/**
 * `--format json`: the findings as data, in a shape kept stable (documented in the README; `formatVersion` changes
 * if it ever must). Lines and columns are 1-based, as the text format prints them; an end column is the column
 * just after the finding.
 */
import { Diagnostic } from 'vscode-languageserver-types';
import type { FormatInput } from './format';
import { relativePath } from './paths';
import { severityWord, type SeverityWord } from '../severity';
import { countFindings, type FindingCounts } from '../findings';
import { fixOf, type FixAvailable } from '../fixes';

export interface JsonFinding {
  rule: string;
  severity: SeverityWord;
  message: string;
  range: { start: { line: number; column: number }; end: { line: number; column: number } };
  /** The quick-fix the finding has, if any; `safe`: `--fix` applies it. */
  fix?: FixAvailable;
}

export interface JsonOutput {
  formatVersion: 1;
  tool: { name: string; version: string };
  /** Files with findings, by path relative to where the command was run. */
  files: { path: string; findings: JsonFinding[] }[];
  unreadable: { path: string; reason: string }[];
  messages: { path: string; message: string }[];
  summary: FindingCounts & { markdownFiles: number; reports: number };
}

export function toJson({ outcome, cwd, tool }: FormatInput): JsonOutput {
  return {
    formatVersion: 1,
    tool: { name: tool.name, version: tool.version },
    files: outcome.results.map(({ path, diagnostics }) => ({ path: relativePath(cwd, path), findings: diagnostics.map(jsonFinding) })),
    unreadable: outcome.unreadable.map(({ path, reason }) => ({ path: relativePath(cwd, path), reason })),
    messages: outcome.messages.map(({ path, message }) => ({ path: relativePath(cwd, path) || '.', message })),
    summary: { ...countFindings(outcome.results), markdownFiles: outcome.markdownFiles, reports: outcome.reports },
  };
}

function jsonFinding(diagnostic: Diagnostic): JsonFinding {
  const { start, end } = diagnostic.range;
  const finding: JsonFinding = {
    rule: String(diagnostic.code),
    severity: severityWord(diagnostic.severity),
    message: Diagnostic.getMessageString(diagnostic),
    range: { start: { line: start.line + 1, column: start.character + 1 }, end: { line: end.line + 1, column: end.character + 1 } },
  };
  const fix = fixOf(diagnostic);
  if (fix) finding.fix = fix;
  return finding;
}

export function formatJson(input: FormatInput): string {
  return `${JSON.stringify(toJson(input), null, 2)}\n`;
}
