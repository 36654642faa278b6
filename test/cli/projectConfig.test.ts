// The CLI reads the project config files as the editor does: up from each report to its repository's root.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/fixtures';

const REPORT = '0004-intermittent-modbus-timeouts-after-gateway-reboot.md';
let repository: string;

function check(...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', ...args], { cwd: repository, encoding: 'utf8' });
  return { status: result.status, lines: result.stdout.split('\n').filter(Boolean), stderr: result.stderr };
}

before(() => {
  repository = mkdtempSync(join(tmpdir(), 'incident-docs-cli-config-'));
  mkdirSync(join(repository, '.git'));
  mkdirSync(join(repository, 'docs', 'lab'), { recursive: true });
  cpSync(join(ROOT, 'examples', 'reports', REPORT), join(repository, 'docs', REPORT));
  cpSync(join(ROOT, 'examples', 'reports', REPORT), join(repository, 'docs', 'lab', REPORT));
});
after(() => rmSync(repository, { recursive: true, force: true }));

test('a rule off in the repository\'s config file, back on in a subfolder\'s, over --config', () => {
  writeFileSync(join(repository, '.incident-docs.jsonc'), '// the team writes D3 and D6 last\n{ "rules": { "missing-section": "off" } }\n');
  writeFileSync(join(repository, 'docs', 'lab', '.incident-docs.json'), '{ "rules.missing-section": "warning" }');
  writeFileSync(join(repository, 'settings.json'), '{ "incidentDocs.rules.missing-section": "error", "incidentDocs.rules.empty-section": "off" }');
  const { status, lines } = check('--config', 'settings.json', 'docs');
  assert.deepEqual(lines.filter((line) => line.includes('missing-section')), [
    `docs/lab/${REPORT}:1:1 warning missing-section Missing section D3: Interim containment action`,
    `docs/lab/${REPORT}:1:1 warning missing-section Missing section D6: Implementation plan`,
  ]);
  assert.deepEqual(lines.filter((line) => line.includes('empty-section')), [], '--config still applies where no file says otherwise');
  assert.equal(status, 0, 'no errors left');
});

test('a config file\'s problems are printed with their place, and its entry is not used', () => {
  writeFileSync(join(repository, '.incident-docs.jsonc'), '{\n  "rules": { "missing-section": "of" }\n}\n');
  rmSync(join(repository, 'docs', 'lab', '.incident-docs.json'));
  const { status, stderr } = check('docs');
  assert.match(stderr, /^\.incident-docs\.jsonc:2:33 warning Setting incidentDocs\.rules\.missing-section must be one of off, hint, information, warning, error/m);
  assert.equal(status, 1, 'missing-section at its default severity: errors');
});

test('a config file that is not JSON is said at its place and the check exits 2', () => {
  writeFileSync(join(repository, '.incident-docs.jsonc'), '{ "rules": { "missing-section": "off" ');
  const { status, stderr } = check('docs');
  assert.match(stderr, /^\.incident-docs\.jsonc:1:\d+ error Not valid JSON/m);
  assert.equal(status, 2);
  rmSync(join(repository, '.incident-docs.jsonc'));
});

test('--config takes VS Code\'s flat keys for nested settings', () => {
  writeFileSync(join(repository, 'settings.json'), '{ "incidentDocs.postmortem.requiredSections": ["Summary", "Timeline"] }');
  const postmortem = join(repository, 'docs', 'outage.md');
  writeFileSync(postmortem, '# Outage of the sign-in page\n\n## Summary\n\nSign-in failed for an hour.\n\n## Impact\n\nAll users.\n\n## Root cause\n\nAn expired certificate.\n');
  const flat = check('--config', 'settings.json', 'docs/outage.md');
  assert.deepEqual(flat.lines.map((line) => line.replace(/ \(.*$/, '')), ['docs/outage.md:1:1 warning missing-section Missing section Timeline']);
  rmSync(postmortem);
});

test('the report globs of the config file at the repository\'s root choose which files a folder holds', () => {
  writeFileSync(join(repository, '.incident-docs.jsonc'), '{ "reportGlobs": ["docs/lab/**/*.md"] }');
  const { stderr } = check('.');
  assert.match(stderr, /^1 Markdown file read, 1 report checked/m);
  rmSync(join(repository, '.incident-docs.jsonc'));
});
