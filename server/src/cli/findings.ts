/** Counting and filtering the findings of a check, for every format alike. */
import type { FileResult } from './engine';
import { severityWord } from './severity';

/** Hints are suggestions VS Code shows as dots, not in the Problems panel: left out unless asked for. */
export function withoutHints(results: readonly FileResult[], keepHints: boolean): FileResult[] {
  if (keepHints) return [...results];
  return results
    .map(({ path, diagnostics }) => ({ path, diagnostics: diagnostics.filter((diagnostic) => severityWord(diagnostic.severity) !== 'hint') }))
    .filter(({ diagnostics }) => diagnostics.length > 0);
}

export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  findings: number;
}

export function countFindings(results: readonly FileResult[]): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, infos: 0, hints: 0, findings: 0 };
  for (const { diagnostics } of results) {
    for (const diagnostic of diagnostics) {
      counts.findings++;
      const severity = severityWord(diagnostic.severity);
      if (severity === 'error') counts.errors++;
      else if (severity === 'warning') counts.warnings++;
      else if (severity === 'info') counts.infos++;
      else counts.hints++;
    }
  }
  return counts;
}
