import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/fixtures';

function cli(args: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, lines: result.stdout.split('\n').filter(Boolean) };
}

test('check examples/: one line per finding as path:line:col severity rule-id message, exit 1 on errors', () => {
  const { status, lines, stderr } = cli(['check', 'examples']);
  assert.equal(status, 1);
  assert.ok(lines.includes('examples/reports/0004-intermittent-modbus-timeouts-after-gateway-reboot.md:1:1 error missing-section Missing section D3: Interim containment action'), lines.join('\n'));
  assert.ok(lines.includes('examples/reports/0004-intermittent-modbus-timeouts-after-gateway-reboot.md:48:1 information empty-section Section D5 is empty: it holds only its prompt'));
  assert.ok(lines.includes('examples/reports/0005-enclosure-gasket-cracking-on-outdoor-kg-400-units.md:21:1 warning section-order D4 and D2 are swapped: D4 should come after D2 (line 39)'));
  assert.ok(lines.includes('examples/reports/0006-adhesive-bead-gaps-on-lid-assembly.md:34:1 error duplicate-section Duplicate section D3: it is already on line 24'));
  assert.ok(lines.every((line) => /^[^:]+:\d+:\d+ (error|warning|information|hint) [a-z-]+ .+$/.test(line)), lines.join('\n'));
  assert.ok(!lines.some((line) => /0001|0002|0003|README|2024-03-05/.test(line)), 'complete reports, the clean post-mortem and the README are silent');
  // The six 8D reports, their README and the two example post-mortems (see examples.test.ts for theirs).
  assert.match(stderr, /9 Markdown files read, 8 reports checked, \d+ findings \(5 errors\)\./);
});

test('a clean report exits 0 and prints nothing on stdout', () => {
  const { status, stdout } = cli(['check', 'examples/reports/0001-ota-update-leaves-kg-400-gateways-in-boot-loop.md']);
  assert.equal(status, 0);
  assert.equal(stdout, '');
});

test('findings without errors exit 0', () => {
  const { status, lines } = cli(['check', 'examples/reports/0005-enclosure-gasket-cracking-on-outdoor-kg-400-units.md']);
  assert.equal(status, 0);
  assert.equal(lines.length, 2);
});

test('bad usage exits 2 with a message', () => {
  for (const args of [[], ['lint', 'examples'], ['check'], ['check', 'no/such/folder'], ['check', '--frobnicate', 'examples']]) {
    const { status, stderr } = cli(args);
    assert.equal(status, 2, args.join(' '));
    assert.match(stderr, /Usage: incident-docs check/);
  }
});

test('--config applies VS Code settings: a rule turned off, another raised to error', () => {
  const folder = mkdtempSync(join(tmpdir(), 'incident-docs-cli-'));
  const config = join(folder, 'settings.json');
  writeFileSync(config, JSON.stringify({ 'incidentDocs.rules.missing-section': 'off', 'incidentDocs.rules.section-order': 'error' }));
  const { status, lines } = cli(['check', '--config', config, 'examples/reports/0004-intermittent-modbus-timeouts-after-gateway-reboot.md', 'examples/reports/0005-enclosure-gasket-cracking-on-outdoor-kg-400-units.md']);
  assert.equal(status, 1);
  assert.ok(!lines.some((line) => line.includes('missing-section')));
  assert.ok(lines.some((line) => line.includes(' error section-order ')));
});

test('a folder of ordinary Markdown is silent and exits 0; hidden folders and node_modules are skipped', () => {
  const folder = mkdtempSync(join(tmpdir(), 'incident-docs-cli-'));
  writeFileSync(join(folder, 'notes.md'), '# Notes\n\n## Timeline\n\nQ1: plan.\n');
  mkdirSync(join(folder, 'node_modules'));
  writeFileSync(join(folder, 'node_modules', 'x.md'), '# 1: T\n\n## D0\n\n## D1\n\n## D2\n');
  const { status, stdout, stderr } = cli(['check', folder]);
  assert.equal(status, 0);
  assert.equal(stdout, '');
  assert.match(stderr, /1 Markdown file read, 0 reports checked/);
});

test('hints are printed only with --hints, and never count as errors', () => {
  const file = 'test/fixtures/corpus/postmortems/pasted-plain.md';
  const plain = cli(['check', file]);
  assert.deepEqual(plain.lines.map((line) => line.split(' ')[2]), ['duration-mismatch']);
  const withHints = cli(['check', '--hints', file]);
  assert.equal(withHints.lines.filter((line) => / hint pseudo-heading /.test(line)).length, 7);
  assert.equal(withHints.status, 0);
});

test('--config reads a VS Code settings file with comments', () => {
  const { status, lines } = cli(['check', '--config', 'examples/.vscode/settings.json', 'examples/reports/0004-intermittent-modbus-timeouts-after-gateway-reboot.md']);
  assert.equal(status, 1);
  assert.equal(lines.length, 3);
});

test('a folder with a garbled lock file: the problem on the lock file, exit 1', () => {
  const folder = mkdtempSync(join(tmpdir(), 'incident-docs-cli-'));
  mkdirSync(join(folder, 'doc', '8d'), { recursive: true });
  writeFileSync(join(folder, '.8d-dir'), 'doc/8d');
  writeFileSync(join(folder, 'doc', '8d', '.8d-sequence.lock'), 'five');
  const { status, lines } = cli(['check', '.'], folder);
  assert.equal(status, 1);
  assert.deepEqual(lines, ['doc/8d/.8d-sequence.lock:1:1 error report-folder .8d-sequence.lock should hold the number of the last report (new reports are numbered after it), but holds "five".']);
  writeFileSync(join(folder, 'doc', '8d', '.8d-sequence.lock'), '0');
  assert.equal(cli(['check', '.'], folder).status, 0);
});

