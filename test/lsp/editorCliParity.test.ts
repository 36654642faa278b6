/**
 * The editor and CI must agree: every fixture and real document, checked by the language server as an editor opens
 * it and by `incident-docs check` over the same folder, with project config files and suppression comments in play,
 * gives the same findings (rule, severity, position, message).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';
import { FIXTURES, ROOT } from '../support/fixtures';
import { severityName } from '../../server/src/features/diagnostics';

/** The folders copied into one workspace: rule fixtures, the invented corpus, real documents, the examples. */
const COPIED = [
  ['rules', join(FIXTURES, 'rules')],
  ['corpus', join(FIXTURES, 'corpus')],
  ['8d', join(FIXTURES, '8d')],
  ['real-corpus', join(FIXTURES, 'real-corpus')],
  ['not-reports', join(FIXTURES, 'not-reports')],
  ['templates', join(FIXTURES, 'templates')],
  ['examples', join(ROOT, 'examples')],
] as const;

function markdownFilesUnder(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...markdownFilesUnder(path));
    else if (entry.isFile() && entry.name.endsWith('.md')) found.push(path);
  }
  return found;
}

/** A workspace with every fixture, a root and a nested config file, and suppression comments in two reports. */
function parityWorkspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'incident-docs-parity-'));
  for (const [name, source] of COPIED) cpSync(source, join(root, name), { recursive: true });
  writeFileSync(join(root, '.incident-docs.jsonc'), '// raised for the whole workspace\n{ "rules": { "empty-section": "warning", "pseudo-heading": "information" } }\n');
  writeFileSync(join(root, 'examples', '.incident-docs.jsonc'), '{ "rules": { "section-order": "error" } }\n');
  const reports = join(root, 'examples', 'reports');
  appendFileSync(join(reports, readdirSync(reports).find((name) => name.startsWith('0006'))!), '\n<!-- incident-docs-disable-file duplicate-section -->\n');
  const fourth = join(reports, readdirSync(reports).find((name) => name.startsWith('0004'))!);
  writeFileSync(fourth, readFileSync(fourth, 'utf8').replace(/^## D5/m, '<!-- incident-docs-disable-next-line empty-section -->\n## D5'));
  // A report made from a custom template in a `.templates/` folder needs that template's sections, in CI too.
  mkdirSync(join(root, 'custom', '.templates'), { recursive: true });
  writeFileSync(join(root, 'custom', '.templates', 'brief.md'), '# {{sequence}}: {{title}}\n\nDate: {{date}}\n\n## What happened\n<!-- In two sentences. -->\n\n## Why\n<!-- The cause. -->\n\n## Next steps\n<!-- Who does what by when. -->\n');
  writeFileSync(join(root, 'custom', '0001-lid-paint-blisters.md'), '---\ntemplate: brief\n---\n# 1: Lid paint blisters\n\nDate: 2026-11-02\n\n## Problem\nBlisters on the lids of batch 7.\n\n## What happened\nThe oven ran cold for a shift.\n\n## Next steps\nRecalibrate the oven (Ana, by Friday).\n');
  return root;
}

/** The shape of `--format json` this test reads. */
interface JsonOutput {
  files: { path: string; findings: { rule: string; severity: string; message: string; range: { start: { line: number; column: number }; end: { line: number; column: number } } }[] }[];
}

/** One finding as both sides can write it: 1-based start and end, severity, rule, message. */
function findingKey(start: { line: number; column: number }, end: { line: number; column: number }, severity: string, rule: string, message: string): string {
  return `${start.line}:${start.column}-${end.line}:${end.column} ${severity === 'info' ? 'information' : severity} ${rule} ${message}`;
}

test('the editor and the CLI give the same findings on every fixture, with config files and suppression comments', async () => {
  const root = parityWorkspace();
  const cli = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', '--hints', '--format', 'json', '.'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.ok(cli.status === 0 || cli.status === 1, cli.stderr);
  const fromCli = new Map<string, string[]>();
  for (const file of (JSON.parse(cli.stdout) as JsonOutput).files) {
    // A folder's .8d-dir is checked by the folder rules, not opened as a document.
    if (!file.path.endsWith('.md')) continue;
    fromCli.set(file.path, file.findings.map((f) => findingKey(f.range.start, f.range.end, f.severity, f.rule, f.message)));
  }

  const client = await LspClient.start({ diagnosticsDelay: 0 }, pathToFileURL(root).href);
  try {
    await client.until(() => client.indexing.some((n) => n.state === 'end'), 'the first scan to finish');
    const files = markdownFilesUnder(root);
    let compared = 0;
    for (const file of files) {
      const published = await client.open(pathToFileURL(file).href, readFileSync(file, 'utf8'));
      const fromEditor = published.diagnostics
        .map((d) => findingKey(
          { line: d.range.start.line + 1, column: d.range.start.character + 1 },
          { line: d.range.end.line + 1, column: d.range.end.character + 1 },
          severityName(d.severity),
          String(d.code),
          typeof d.message === 'string' ? d.message : d.message.value,
        ))
        .sort();
      const path = relative(root, file);
      assert.deepEqual((fromCli.get(path) ?? []).sort(), fromEditor, `${path}: the CLI (left) and the editor (right) disagree`);
      if (fromEditor.length > 0) compared++;
      await client.close(pathToFileURL(file).href);
    }
    assert.ok(files.length > 100 && compared > 50, `${files.length} files, ${compared} with findings: the workspace holds the fixtures`);
  } finally {
    await client.stop();
  }
});
