import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
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
  assert.ok(lines.includes('examples/reports/0004-intermittent-modbus-timeouts-after-gateway-reboot.md:48:1 info empty-section Section D5 is empty: it holds only its prompt'));
  assert.ok(lines.includes('examples/reports/0005-enclosure-gasket-cracking-on-outdoor-kg-400-units.md:21:1 warning section-order D4 and D2 are swapped: D4 should come after D2 (line 39)'));
  assert.ok(lines.includes('examples/reports/0006-adhesive-bead-gaps-on-lid-assembly.md:34:1 error duplicate-section Duplicate section D3: it is already on line 24'));
  assert.ok(lines.every((line) => /^[^:]+:\d+:\d+ (error|warning|info|hint) [a-z-]+ .+$/.test(line)), lines.join('\n'));
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

test('bad usage exits 2 with a message and the usage, never a stack trace', () => {
  const cases = [[], ['lint', 'examples'], ['check'], ['check', '--frobnicate', 'examples'], ['check', '--format', 'xml', 'examples'], ['check', '--max-warnings', 'many', 'examples'], ['check', '--config'], ['check', '--stdin', 'examples'], ['check', '--stdin-filename', 'x.md', 'examples']];
  for (const args of cases) {
    const { status, stderr } = cli(args);
    assert.equal(status, 2, args.join(' '));
    assert.match(stderr, /Usage: incident-docs check/);
    assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
  }
});

test('a path that does not exist, and a glob that matches nothing, exit 2 with a clear message', () => {
  const missing = cli(['check', 'no/such/folder']);
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr.trim(), 'No such file or folder: no/such/folder');
  const glob = cli(['check', 'examples/**/*.rst']);
  assert.equal(glob.status, 2);
  assert.equal(glob.stderr.trim(), 'No Markdown file matches examples/**/*.rst.');
});

test('an invalid --config file exits 2 and says what is wrong with it', () => {
  const folder = mkdtempSync(join(tmpdir(), 'incident-docs-cli-'));
  writeFileSync(join(folder, 'broken.json'), '{ "incidentDocs.rules.metadata": ');
  writeFileSync(join(folder, 'list.json'), '[1, 2]');
  for (const [name, why] of [['broken.json', /Not valid JSON: a value was expected/], ['list.json', /holds one JSON object/], ['absent.json', /no such file/]] as const) {
    const { status, stderr, stdout } = cli(['check', '--config', join(folder, name), 'examples']);
    assert.equal(status, 2, name);
    assert.match(stderr, new RegExp(`Cannot read settings from .*${name}: `));
    assert.match(stderr, why);
    assert.equal(stdout, '');
  }
});

test('a file named that cannot be read exits 2 with the reason, whoever runs it', () => {
  const folder = mkdtempSync(join(tmpdir(), 'incident-docs-cli-'));
  // A link to itself cannot be read, by root either (a file without permissions can be).
  symlinkSync('looped.md', join(folder, 'looped.md'));
  const named = cli(['check', 'looped.md'], folder);
  assert.equal(named.status, 2);
  assert.match(named.stderr, /^looped\.md cannot be read \(ELOOP\)\.$/m);
  assert.equal(named.stdout, '');
});

// Root reads a file without permissions, so this runs only for other users; the test above holds for everyone.
test('a file named without read permission exits 2; one inside a folder is skipped with a note', { skip: process.getuid?.() === 0 && 'root reads every file' }, () => {
  const folder = mkdtempSync(join(tmpdir(), 'incident-docs-cli-'));
  writeFileSync(join(folder, 'locked.md'), '# 1: T\n');
  chmodSync(join(folder, 'locked.md'), 0o000);
  const named = cli(['check', 'locked.md'], folder);
  assert.equal(named.status, 2);
  assert.match(named.stderr, /^locked\.md: cannot be read \(EACCES\)$/m);
  const walked = cli(['check', '.'], folder);
  assert.equal(walked.status, 0);
  assert.match(walked.stderr, /^locked\.md: cannot be read \(EACCES\); skipped$/m);
});

test('--version prints the version of package.json', () => {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  for (const args of [['--version'], ['check', '--version']]) {
    const { status, stdout } = cli(args);
    assert.equal(status, 0);
    assert.equal(stdout, `${version}\n`);
  }
});

test('--max-warnings: exit 1 when the warnings exceed it, 0 when within it', () => {
  // Two warnings and no error.
  const file = 'examples/reports/0005-enclosure-gasket-cracking-on-outdoor-kg-400-units.md';
  assert.equal(cli(['check', '--max-warnings', '2', file]).status, 0);
  const over = cli(['check', '--max-warnings=1', file]);
  assert.equal(over.status, 1);
  assert.match(over.stderr, /2 warnings, more than --max-warnings 1 allows\./);
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

