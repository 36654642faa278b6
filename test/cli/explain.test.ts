// `incident-docs explain <file>`: what a user reads about a document's kind, headings and timeline entries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/fixtures';

function cli(args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, lines: result.stdout.split('\n') };
}

/** A file written for the test, in a fresh folder. */
function written(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'incident-docs-explain-')), name);
  writeFileSync(path, text);
  return path;
}

/** The line for 1-based document line `line` in a table of lines, headings or entries. */
const lineFor = (lines: string[], line: number) => lines.find((text) => text.startsWith(`${String(line).padStart(5)}  `));

const POSTMORTEM = 'examples/postmortems/2024-07-18-fleet-api-errors-after-database-failover.md';

test('a post-mortem: kind and why, each heading with its role, each entry with its UTC instant and zone', () => {
  const { status, lines, stderr } = cli(['explain', POSTMORTEM]);
  assert.equal(status, 0, stderr);
  assert.equal(lines[1], 'Kind: post-mortem');
  assert.match(lines[2], /^Why: {2}its title names an incident \("Incident"\) and it has 7 core sections \(Summary, Impact, Root cause, Resolution, Timeline, Lessons learned, Action items\)$/);
  assert.match(lineFor(lines, 1)!, /# Incident report: .* title$/);
  assert.match(lineFor(lines, 18)!, /## Root cause +Root cause$/);
  assert.ok(lines.includes('Timeline "Timeline" (line 26; no zone declared, oldest first): 9 entries read, 0 not read'), lines.join('\n'));
  // 07:38 PST on 2024-07-18 is 15:38 UTC (PST is UTC-8, as written, even if wrong for July).
  assert.match(lineFor(lines, 28)!, /^ {3}28 {2}07:38 PST +2024-07-18T15:38Z +PST +The planned upgrade/);
});

test('entries without a date, in a declared zone, and an entry that could not be read', () => {
  const file = written('notes.md', [
    '# Outage of the search API', '', '## Summary', '', 'Search was down.', '', '## Root cause', '', 'A bad index.', '',
    '## Timeline', '', 'All times CET.', '',
    '- 09:15 Alerts fire for search latency',
    '- around lunch the index rebuild was started',
    '- 13:40 Search back to normal', '',
    '## Notes', '', 'Nothing else.', '',
  ].join('\n'));
  const { status, lines } = cli(['explain', file]);
  assert.equal(status, 0);
  assert.ok(lines.includes('Timeline "Timeline" (line 11; all times CET, oldest first): 2 entries read, 1 not read'), lines.join('\n'));
  assert.match(lineFor(lines, 15)!, /^ {3}15 {2}09:15 +08:15Z \(no date\) +CET.*, declared +Alerts fire/);
  assert.match(lineFor(lines, 16)!, /^ {3}16 {2}not read: .+: "around lunch the index rebuild was started"$/);
  assert.match(lineFor(lines, 19)!, /## Notes +—$/);
});

test('an 8D report: its disciplines are why, and each discipline heading has its role', () => {
  const { status, lines } = cli(['explain', 'examples/reports/0004-intermittent-modbus-timeouts-after-gateway-reboot.md']);
  assert.equal(status, 0);
  assert.equal(lines[1], 'Kind: 8D report');
  assert.equal(lines[2], 'Why:  its headings name 7 disciplines (D0, D1, D2, D4, D5, D7, D8); 3 or more make an 8D report');
  assert.match(lineFor(lines, 1)!, /# 4: Intermittent .* title \(number 4\)$/);
  assert.match(lineFor(lines, 37)!, /## D4: Root cause & escape points +D4$/);
  assert.match(lineFor(lines, 6)!, /## Links +—$/);
  assert.ok(!lines.some((line) => line.startsWith('Timeline')), 'an 8D report has no timeline to show');
});

test('not a report: what it has and what each kind needs', () => {
  const file = written('notes.md', '# Team notes\n\n## Summary\n\nWe met.\n\n## D2 Problem\n\nA problem.\n\n## Timeline\n\n- 10:00 start\n');
  const { status, lines } = cli(['explain', file]);
  assert.equal(status, 0);
  assert.equal(lines[1], 'Kind: not a report');
  assert.match(lines[2], /^Why: {2}it has 2 core sections \(Summary, Timeline\), and its title names no incident; a post-mortem needs a title or front matter naming an incident and a Timeline or Root cause \(or 2 core sections\), or 4 core sections including Root cause, Impact, or both Timeline and Lessons learned; an 8D report needs 3 disciplines, it names 1 discipline \(D2\)$/);
  assert.match(lineFor(lines, 3)!, /## Summary +Summary$/);
  assert.ok(!lines.some((line) => line.startsWith('Timeline')), 'the timeline of a non-report is not read');
});

test('the front matter type is the reason when it decides', () => {
  const file = written('pm.md', '---\ntype: postmortem\ntitle: Slow builds\n---\n\n## Summary\n\nBuilds were slow.\n');
  const { lines } = cli(['explain', file]);
  assert.equal(lines[1], 'Kind: post-mortem');
  assert.equal(lines[2], 'Why:  front matter says type: postmortem');
  assert.ok(lines.includes('Timeline: none (no Timeline section)'));
});

test('--format json: the same, as data', () => {
  const { status, stdout } = cli(['explain', '--format', 'json', POSTMORTEM]);
  assert.equal(status, 0);
  const data = JSON.parse(stdout) as { kind: string; headings: { line: number; role?: string }[]; timelines: { entries: { line: number; utc?: string; zone?: string }[] }[] };
  assert.equal(data.kind, 'postmortem');
  assert.equal(data.headings.find((heading) => heading.line === 26)?.role, 'Timeline');
  assert.deepEqual(data.timelines[0].entries.find((entry) => entry.line === 33), {
    read: true, line: 33, written: '08:02 PST', utc: '2024-07-18T16:02Z', dated: true, zone: 'PST', zoneFrom: 'entry', assumedNextDay: false,
    text: 'Status page updated: "Fleet API errors for some customers".',
  });
});

test('a missing file, a folder or bad usage: a clear message, exit 2, no stack trace', () => {
  // File problems: the message alone; usage problems: the message and the usage.
  const cases: [string[], RegExp, boolean][] = [
    [['explain', 'no/such/file.md'], /^No such file: no\/such\/file\.md\n$/, false],
    [['explain', 'examples'], /^examples is a folder: explain takes one Markdown file \(check takes folders\)\.\n$/, false],
    [['explain'], /^explain takes one Markdown file\./, true],
    [['explain', POSTMORTEM, POSTMORTEM], /^explain takes one Markdown file\./, true],
    [['explain', '--format', 'yaml', POSTMORTEM], /^--format takes text or json\./, true],
  ];
  for (const [args, message, usage] of cases) {
    const { status, stdout, stderr } = cli(args);
    assert.equal(status, 2, args.join(' '));
    assert.equal(stdout, '');
    assert.match(stderr, message);
    if (usage) assert.match(stderr, /incident-docs explain \[--format text\|json\] <file>/);
    assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
  }
});

test('--help documents explain', () => {
  const { status, stdout } = cli(['--help']);
  assert.equal(status, 0);
  assert.match(stdout, /incident-docs explain \[--format text\|json\] <file>/);
  assert.match(stdout, /explain prints what was understood/);
});
