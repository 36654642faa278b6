/**
 * The severity words the CLI prints. VS Code's problem matchers read `error`, `warning` and `info` (and `hint` as
 * info), but not `information`: a line saying `information` would be read as an error.
 */
import { DiagnosticSeverity } from 'vscode-languageserver-types';

export type SeverityWord = 'error' | 'warning' | 'info' | 'hint';

export function severityWord(severity: DiagnosticSeverity | undefined): SeverityWord {
  switch (severity) {
    case DiagnosticSeverity.Warning: return 'warning';
    case DiagnosticSeverity.Information: return 'info';
    case DiagnosticSeverity.Hint: return 'hint';
    default: return 'error';
  }
}
