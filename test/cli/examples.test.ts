// The example post-mortems that `npm run demo` shows: the clean one is silent, the other has exactly its three problems.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../support/fixtures';

const FOLDER = 'examples/postmortems';
const CLEAN = `${FOLDER}/2024-03-05-console-sign-in-outage.md`;
const FLAWED = `${FOLDER}/2024-07-18-fleet-api-errors-after-database-failover.md`;

function check(args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, lines: result.stdout.split('\n').filter(Boolean), stderr: result.stderr };
}

test('examples/postmortems: exactly an out-of-order entry, a wrong stated duration and PST on a July date', () => {
  const { status, lines, stderr } = check(['--hints', FOLDER]);
  assert.equal(status, 1, 'timeline-order is an error');
  // path:line:col severity rule-id: the three findings the demo promises, nothing else (not even a hint).
  assert.deepEqual(lines.map((line) => line.split(' ').slice(0, 3).join(' ')), [
    `${FLAWED}:10:138 warning duration-mismatch`,
    `${FLAWED}:28:3 warning timeline-timezone`,
    `${FLAWED}:33:3 error timeline-order`,
  ]);
  assert.match(lines[0], /"30 minutes" disagrees with the timeline: .* is 45 min/);
  assert.match(lines[1], /PST is standard time, but on 2024-07-18 .*: use PDT or PT/);
  assert.match(lines[2], /08:02 PST is earlier than 08:06 PST \(line 32\)/);
  assert.match(stderr, /2 Markdown files read, 2 reports checked, 3 findings \(1 error\)\./);
});

test('the clean example post-mortem is a report, and silent even with hints', () => {
  const { status, lines, stderr } = check(['--hints', CLEAN]);
  assert.equal(status, 0);
  assert.deepEqual(lines, []);
  assert.match(stderr, /1 Markdown file read, 1 report checked, 0 findings/);
});
