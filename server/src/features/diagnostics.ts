import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Finding, Rule, Severity } from '../rules/rule';
import { REPORT_FOLDER_CHECK, type FolderProblem } from '../workspace/folderHealth';
import { DIAGNOSTIC_SOURCE } from '../protocol';


const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What the features layer adds to a finding's data: the document version it was computed for. */
export interface DiagnosticData {
  version: number;
  finding: unknown;
}

/** One pure step from a rule's finding to an editor diagnostic. */
export function toDiagnostic(rule: Rule, finding: Finding, severity: Severity, uri: string, version: number, docsBaseUri?: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITIES[severity],
    source: DIAGNOSTIC_SOURCE,
    code: rule.id,
    message: finding.message,
  };
  if (docsBaseUri) diagnostic.codeDescription = { href: `${docsBaseUri.replace(/\/$/, '')}/${rule.id}.md` };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((related) => ({ location: { uri, range: related.range }, message: related.message }));
  }
  if (finding.data !== undefined) diagnostic.data = { version, finding: finding.data } satisfies DiagnosticData;
  return diagnostic;
}

/** A problem with `.8d-dir` or the lock file, shown on that file; `docsUri` is its page. */
export function folderDiagnostic(problem: FolderProblem, docsUri?: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: { start: { line: problem.line, character: problem.start }, end: { line: problem.line, character: problem.end } },
    severity: SEVERITIES[problem.severity],
    source: DIAGNOSTIC_SOURCE,
    code: REPORT_FOLDER_CHECK,
    message: problem.message,
  };
  if (docsUri) diagnostic.codeDescription = { href: docsUri };
  return diagnostic;
}

export function severityName(severity: DiagnosticSeverity | undefined): Severity {
  switch (severity) {
    case DiagnosticSeverity.Warning: return 'warning';
    case DiagnosticSeverity.Information: return 'information';
    case DiagnosticSeverity.Hint: return 'hint';
    default: return 'error';
  }
}
