/**
 * `--format junit`: JUnit XML, as CI servers show test results: one test suite per file checked, one failed test
 * case per finding, and one passing test case for a file without findings.
 */
import { Diagnostic } from 'vscode-languageserver-types';
import type { FormatInput } from './format';
import { relativePath } from './paths';
import { severityWord } from '../severity';

/** Text as XML character data or an attribute value; characters XML 1.0 cannot hold at all are dropped. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function formatJunit({ outcome, checked, cwd, tool }: FormatInput): string {
  const byPath = new Map(outcome.results.map(({ path, diagnostics }) => [path, diagnostics]));
  // Files with findings that were not read as Markdown (a folder's .8d-dir or lock file) have their suite too.
  const paths = [...new Set([...checked, ...byPath.keys()])].sort();
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const path of paths) {
    const name = escapeXml(relativePath(cwd, path));
    const diagnostics = byPath.get(path) ?? [];
    const cases = diagnostics.length === 0
      ? [`    <testcase name="${name}" classname="${name}"/>`]
      : diagnostics.map((diagnostic) => {
        const line = diagnostic.range.start.line + 1;
        const column = diagnostic.range.start.character + 1;
        const severity = severityWord(diagnostic.severity);
        const message = Diagnostic.getMessageString(diagnostic);
        const rule = escapeXml(String(diagnostic.code));
        return `    <testcase name="${rule} at ${line}:${column}" classname="${name}">\n`
          + `      <failure message="${escapeXml(message)}" type="${severity}">${name}:${line}:${column} ${severity} ${rule} ${escapeXml(message)}</failure>\n`
          + '    </testcase>';
      });
    tests += cases.length;
    failures += diagnostics.length;
    suites.push(`  <testsuite name="${name}" tests="${cases.length}" failures="${diagnostics.length}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${escapeXml(tool.name)}" tests="${tests}" failures="${failures}" errors="0">\n${suites.map((suite) => `${suite}\n`).join('')}</testsuites>\n`;
}
