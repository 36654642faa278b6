/**
 * `--format sarif`: SARIF 2.1.0, as GitHub code scanning and other SARIF viewers take it. Locations are relative to
 * the repository's root (`%SRCROOT%`); info and hint findings are notes.
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { pathToFileURL } from 'node:url';
import type { FormatInput } from './format';
import { isInside, relativePath } from './paths';
import type { Severity } from '../../rules/rule';

type SarifLevel = 'error' | 'warning' | 'note';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

function levelOfSeverity(severity: Severity): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

function levelOf(severity: DiagnosticSeverity | undefined): SarifLevel {
  return severity === DiagnosticSeverity.Warning ? 'warning' : severity === DiagnosticSeverity.Information || severity === DiagnosticSeverity.Hint ? 'note' : 'error';
}

/** A path as a URI reference: relative to the root when inside it, else an absolute `file:` URI. */
function artifactLocation(root: string, path: string): { uri: string; uriBaseId?: string } {
  if (!isInside(root, path)) return { uri: pathToFileURL(path).href };
  return { uri: relativePath(root, path).split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

export function toSarif({ outcome, root, tool, rules }: FormatInput): object {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = outcome.results.flatMap(({ path, diagnostics }) => diagnostics.map((diagnostic) => {
    const { start, end } = diagnostic.range;
    const ruleId = String(diagnostic.code);
    const index = ruleIndex.get(ruleId);
    return {
      ruleId,
      ...(index === undefined ? {} : { ruleIndex: index }),
      level: levelOf(diagnostic.severity),
      message: { text: Diagnostic.getMessageString(diagnostic) },
      locations: [{
        physicalLocation: {
          artifactLocation: artifactLocation(root, path),
          // SARIF counts from 1, and its default column unit is the UTF-16 code unit, as LSP's.
          region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
        },
      }],
    };
  }));
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: tool.name,
          version: tool.version,
          semanticVersion: tool.version,
          informationUri: tool.informationUri,
          rules: rules.map((rule) => ({
            id: rule.id,
            shortDescription: { text: rule.description },
            helpUri: `${tool.rulesUri}/${rule.id}.md`,
            defaultConfiguration: { level: levelOfSeverity(rule.defaultSeverity) },
          })),
        },
      },
      originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(root).href.replace(/\/$/, '')}/` } },
      results,
    }],
  };
}

export function formatSarif(input: FormatInput): string {
  return `${JSON.stringify(toSarif(input), null, 2)}\n`;
}
