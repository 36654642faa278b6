/** The CLI's default output: one line per finding, `path:line:col severity rule-id message`. */
import { relative } from 'node:path';
import { Diagnostic } from 'vscode-languageserver-types';
import { severityName } from '../features/diagnostics';
import type { FileResult } from './engine';

export function formatText(results: readonly FileResult[], cwd: string): string[] {
  const lines: string[] = [];
  for (const { path, diagnostics } of results) {
    for (const diagnostic of diagnostics) {
      const { line, character } = diagnostic.range.start;
      lines.push(`${relative(cwd, path)}:${line + 1}:${character + 1} ${severityName(diagnostic.severity)} ${String(diagnostic.code)} ${Diagnostic.getMessageString(diagnostic)}`);
    }
  }
  return lines;
}

/** Hints are suggestions VS Code shows as dots, not in the Problems panel: left out unless asked for. */
export function withoutHints(results: readonly FileResult[], keepHints: boolean): FileResult[] {
  if (keepHints) return [...results];
  return results
    .map(({ path, diagnostics }) => ({ path, diagnostics: diagnostics.filter((diagnostic) => severityName(diagnostic.severity) !== 'hint') }))
    .filter(({ diagnostics }) => diagnostics.length > 0);
}

export function countFindings(results: readonly FileResult[]): { errors: number; warnings: number; findings: number } {
  let errors = 0;
  let warnings = 0;
  let findings = 0;
  for (const { diagnostics } of results) {
    for (const diagnostic of diagnostics) {
      findings++;
      const severity = severityName(diagnostic.severity);
      if (severity === 'error') errors++;
      else if (severity === 'warning') warnings++;
    }
  }
  return { errors, warnings, findings };
}
