import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Finding, RuleInfo, Severity } from '../rules/rule';
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
export function toDiagnostic(rule: RuleInfo, finding: Finding, severity: Severity, uri: string, version: number, docsBaseUri?: string): Diagnostic {
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

export function severityName(severity: DiagnosticSeverity | undefined): Severity {
  switch (severity) {
    case DiagnosticSeverity.Warning: return 'warning';
    case DiagnosticSeverity.Information: return 'information';
    case DiagnosticSeverity.Hint: return 'hint';
    default: return 'error';
  }
}
