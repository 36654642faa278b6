// Which files `check` reads: the editor's discovery (nested .gitignore files, reportGlobs, custom templates in
// .templates/), files named as named, and globs expanded by the CLI itself so that a quoted one works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run';
import { eightDReport } from './reports';

/** A repository: reports in docs/8d (one made from a custom template), fixtures and drafts that .gitignore files leave out. */
function repository(): string {
  const root = mkdtempSync(join(tmpdir(), 'incident-docs-files-'));
  mkdirSync(join(root, '.git'));
  mkdirSync(join(root, 'docs', '8d', '.templates'), { recursive: true });
  mkdirSync(join(root, 'docs', '8d', 'drafts'));
  mkdirSync(join(root, 'test', 'fixtures'), { recursive: true });
  writeFileSync(join(root, '.gitignore'), 'docs/8d/drafts/\n');
  writeFileSync(join(root, 'test', '.gitignore'), 'fixtures/\n');
  writeFileSync(join(root, 'docs', '8d', '0001-pump-seal-leak.md'), eightDReport(1, 'Pump seal leak'));
  // A report without D3 would be an error, but its team's template has only three sections, all there.
  writeFileSync(join(root, 'docs', '8d', '.templates', 'short.md'), '# {{sequence}}: {{title}}\n\n## D0: Plan and prepare\n\n## D1: Form a team\n\n## D2: Describe the problem\n');
  writeFileSync(join(root, 'docs', '8d', '0002-short-form.md'), `---\ntemplate: short\n---\n${eightDReport(2, 'Short form', [], [3, 4, 5, 6, 7, 8])}`);
  writeFileSync(join(root, 'docs', '8d', 'drafts', '0003-draft.md'), eightDReport(3, 'Draft', [], [1, 2, 3]));
  writeFileSync(join(root, 'test', 'fixtures', '0009-broken.md'), eightDReport(9, 'Broken on purpose', [], [1, 2, 3]));
  return root;
}

test('check . reads what the editor indexes: .gitignore files (nested too) leave drafts and fixtures out, custom templates are honoured', () => {
  const root = repository();
  const { status, stdout, stderr } = runCli(['check', '.'], root);
  assert.equal(stdout, '');
  assert.equal(status, 0, stderr);
  assert.match(stderr, /2 Markdown files read, 2 reports checked, 0 findings/);
});

test('a folder below the root honours the .gitignore above it; a file named is checked even when ignored', () => {
  const root = repository();
  assert.match(runCli(['check', 'docs'], root).stderr, /2 Markdown files read/);
  const named = runCli(['check', 'docs/8d/drafts/0003-draft.md'], root);
  assert.equal(named.status, 1);
  assert.ok(named.lines.every((line) => line.startsWith('docs/8d/drafts/0003-draft.md:')));
  // Named alone, a report made from a template still finds it.
  assert.equal(runCli(['check', 'docs/8d/0002-short-form.md'], root).status, 0);
});

test('a quoted glob is expanded by the CLI, minus what .gitignore leaves out', () => {
  const root = repository();
  const all = runCli(['check', '**/*.md'], root);
  assert.equal(all.status, 0, all.stderr);
  assert.match(all.stderr, /2 Markdown files read/);
  const one = runCli(['check', 'docs/8d/0001-*.md'], root);
  assert.match(one.stderr, /1 Markdown file read, 1 report checked/);
});

test('incidentDocs.reportGlobs and files.exclude from --config narrow a folder as they narrow the editor\'s index', () => {
  const root = repository();
  writeFileSync(join(root, 'narrow.json'), JSON.stringify({ 'incidentDocs.reportGlobs': ['docs/**/0001-*.md'] }));
  assert.match(runCli(['check', '--config', 'narrow.json', '.'], root).stderr, /1 Markdown file read/);
  writeFileSync(join(root, 'exclude.json'), JSON.stringify({ 'files.exclude': { '**/0002-*.md': true, '**/0001-*.md': false } }));
  assert.match(runCli(['check', '--config', 'exclude.json', '.'], root).stderr, /1 Markdown file read/);
});
