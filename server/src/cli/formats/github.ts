/**
 * `--format github`: GitHub Actions workflow commands, one per finding, which GitHub shows as annotations on the
 * pull request's files. Paths are relative to the repository's root; info and hint findings are notices.
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { FormatInput } from './format';
import { relativePath } from './paths';

/** GitHub's escaping of a command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub's escaping of a command's property values: also `:` and `,`, which separate them. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function commandOf(severity: DiagnosticSeverity | undefined): 'error' | 'warning' | 'notice' {
  return severity === DiagnosticSeverity.Warning ? 'warning' : severity === DiagnosticSeverity.Information || severity === DiagnosticSeverity.Hint ? 'notice' : 'error';
}

export function formatGithub({ outcome, root }: FormatInput): string {
  const lines: string[] = [];
  for (const { path, diagnostics } of outcome.results) {
    const file = escapeProperty(relativePath(root, path));
    for (const diagnostic of diagnostics) {
      const { start, end } = diagnostic.range;
      const properties = [`file=${file}`, `line=${start.line + 1}`, `col=${start.character + 1}`, `endLine=${end.line + 1}`, `endColumn=${end.character + 1}`, `title=${escapeProperty(String(diagnostic.code))}`];
      lines.push(`::${commandOf(diagnostic.severity)} ${properties.join(',')}::${escapeData(Diagnostic.getMessageString(diagnostic))}\n`);
    }
  }
  return lines.join('');
}
