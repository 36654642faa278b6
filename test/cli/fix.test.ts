// --fix writes what needs no person (a missing backlink into the other report, a stale link label, a missing
// section), checks again and prints what remains; a second run changes nothing. --stdin checks (and fixes) a text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run';
import { eightDReport } from './reports';

const FIRST = '0001-pump-seal-leak.md';
const SECOND = '0002-pump-seal-leak-again.md';

function folderWithFixableReports(): string {
  const folder = mkdtempSync(join(tmpdir(), 'incident-docs-fix-'));
  writeFileSync(join(folder, FIRST), eightDReport(1, 'Pump seal leak'));
  // Supersedes report 1 under an old title, and has no D3.
  writeFileSync(join(folder, SECOND), eightDReport(2, 'Pump seal leak again', [`- Supersedes: [1: Old title](./${FIRST})`], [3]));
  return folder;
}

test('--fix writes the backlink, the label and the missing section, prints what remains, and a second run changes nothing', () => {
  const folder = folderWithFixableReports();
  const before = runCli(['check', '.'], folder);
  assert.equal(before.status, 1);
  assert.deepEqual(before.lines.map((line) => line.split(' ').slice(1, 3).join(' ')), ['error missing-section', 'warning missing-backlink', 'info link-label']);

  const fixed = runCli(['check', '--fix', '.'], folder);
  assert.equal(fixed.status, 0, fixed.stderr);
  assert.match(fixed.stderr, /Fixed 3 findings in 2 files\./);
  // What remains: the inserted section holds only its prompt, for a person to fill in.
  assert.deepEqual(fixed.lines, [`${SECOND}:22:1 info empty-section Section D3 is empty: it holds only its prompt`]);
  const first = readFileSync(join(folder, FIRST), 'utf8');
  const second = readFileSync(join(folder, SECOND), 'utf8');
  assert.match(first, /^## Links\n\n- Superseded by: \[2: Pump seal leak again\]\(\.\/0002-pump-seal-leak-again\.md\)$/m);
  assert.match(second, /^- Supersedes: \[1: Pump seal leak\]\(\.\/0001-pump-seal-leak\.md\)$/m);
  assert.match(second, /## D2: Describe the problem[\s\S]*## D3: Interim containment action[\s\S]*## D4: Root cause/);

  const again = runCli(['check', '--fix', '.'], folder);
  assert.equal(again.status, 0);
  assert.match(again.stderr, /Fixed 0 findings in 0 files\./);
  assert.equal(readFileSync(join(folder, FIRST), 'utf8'), first);
  assert.equal(readFileSync(join(folder, SECOND), 'utf8'), second);
  assert.deepEqual(readdirSync(folder).sort(), [FIRST, SECOND], 'no temporary file is left behind');
});

test('--fix leaves fixes that need a person: a superseded report keeps its status', () => {
  const folder = folderWithFixableReports();
  runCli(['check', '--fix', '.'], folder);
  const hints = runCli(['check', '--hints', '.'], folder);
  assert.ok(hints.lines.includes(`${FIRST}:4:15 hint superseded-status This report is superseded, but its status is "Open"`), hints.lines.join('\n'));
  assert.match(readFileSync(join(folder, FIRST), 'utf8'), /- \*\*Status:\*\* Open/);
});

test('--stdin checks the text as if it were at --stdin-filename: its links resolve from there', () => {
  const folder = folderWithFixableReports();
  const text = eightDReport(3, 'Seal check', ['- Related to: [1: Pump seal leak](./0001-pump-seal-leak.md)', '- Related to: [9: Nowhere](./0009-nowhere.md)']);
  const { status, lines, stderr } = runCli(['check', '--stdin', '--stdin-filename', '0003-seal-check.md'], folder, text);
  assert.equal(status, 0, stderr);
  assert.deepEqual(lines.map((line) => line.split(' ').slice(0, 3).join(' ')), ['0003-seal-check.md:9:15 warning broken-link']);
  assert.match(lines[0], /0009-nowhere\.md/);
  assert.match(stderr, /1 Markdown file read, 1 report checked/);
});

test('--stdin --fix prints the fixed text and writes no file', () => {
  const folder = folderWithFixableReports();
  const text = eightDReport(3, 'Seal check', [], [3, 6]);
  const { status, stdout, stderr } = runCli(['check', '--stdin', '--stdin-filename', '0003-seal-check.md', '--fix'], folder, text);
  assert.equal(status, 0, stderr);
  assert.match(stdout, /^# 3: Seal check\n/);
  assert.match(stdout, /## D2: Describe the problem[\s\S]*## D3: [^\n]+\n[\s\S]*## D4: Root cause[\s\S]*## D6: [^\n]+\n[\s\S]*## D7: /);
  assert.match(stderr, /Fixed 2 findings in the text printed\./);
  assert.deepEqual(readdirSync(folder).sort(), [FIRST, SECOND]);
});
