/**
 * The default output: one line per finding, `path:line:col severity rule-id message`, paths relative to where the
 * command was run, severities in the words VS Code's problem matchers read (`$incident-docs` matches these lines).
 */
import { Diagnostic } from 'vscode-languageserver-types';
import type { FormatInput } from './format';
import { relativePath } from './paths';
import { severityWord } from '../severity';

export function formatText({ outcome, cwd }: FormatInput): string {
  const lines: string[] = [];
  for (const { path, diagnostics } of outcome.results) {
    for (const diagnostic of diagnostics) {
      const { line, character } = diagnostic.range.start;
      lines.push(`${relativePath(cwd, path)}:${line + 1}:${character + 1} ${severityWord(diagnostic.severity)} ${String(diagnostic.code)} ${oneLine(Diagnostic.getMessageString(diagnostic))}`);
    }
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** A finding is one line, whatever its message holds. */
function oneLine(message: string): string {
  return message.replace(/\r?\n/g, ' ');
}
