/**
 * The CLI at scale: worker threads give the findings one thread gives; `--cache` re-checks only what may have
 * changed and prints what a run without it prints. Each test spawns dist/cli.js on a folder of linked reports.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/fixtures';

function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A complete 8D report (the example that passes every rule) renumbered, retitled and linking where told. */
const COMPLETE = readFileSync(join(ROOT, 'examples', 'reports', '0001-ota-update-leaves-kg-400-gateways-in-boot-loop.md'), 'utf8');
const fileName = (n: number) => `${String(n).padStart(4, '0')}-report-${n}.md`;

function reportText(n: number, links: { relation: string; to: number; fragment?: string }[], extra = ''): string {
  const linkLines = links.map(({ relation, to, fragment }) => `- ${relation}: [${to}: Report ${to}](./${fileName(to)}${fragment ? `#${fragment}` : ''})`);
  return COMPLETE.replace(/^# 1: .*$/m, `# ${n}: Report ${n}`)
    .replace('- **Status:** Superseded', '- **Status:** In Progress')
    .replace(/## Links\n\n[^\n]*\n/, `## Links\n\n${linkLines.join('\n')}\n`)
    .replace('## D0: Planning', `${extra}## D0: Planning`);
}

/**
 * 40 reports in a chain: each from the second links to the one before (`Related to`), and only every third writes
 * the link back, so `missing-backlink` has findings; report 5 links to a heading report 4 does not have.
 */
function linkedFolder(count = 40): { folder: string; reports: string } {
  const folder = mkdtempSync(join(tmpdir(), 'incident-docs-scale-'));
  const reports = join(folder, 'reports');
  mkdirSync(reports);
  writeFileSync(join(folder, '.8d-dir'), 'reports');
  for (let n = 1; n <= count; n++) writeFileSync(join(reports, fileName(n)), reportText(n, linksOf(n, count)));
  return { folder, reports };
}

function linksOf(n: number, count: number): { relation: string; to: number; fragment?: string }[] {
  const links: { relation: string; to: number; fragment?: string }[] = [];
  if (n > 1) links.push({ relation: 'Related to', to: n - 1, fragment: n === 5 ? 'no-such-heading' : undefined });
  if (n < count && n % 3 === 0) links.push({ relation: 'Related to', to: n + 1 });
  return links;
}

const cacheLine = (stderr: string) => /Cache: (\d+) files? checked, (\d+) from the cache\./.exec(stderr)?.slice(1).map(Number);

test('worker threads find what one thread finds, in the same order', () => {
  const { folder } = linkedFolder();
  const one = cli(['check', '--threads', '0', '.'], folder);
  const two = cli(['check', '--threads', '2', '.'], folder);
  assert.match(one.stdout, /missing-backlink/);
  assert.match(one.stdout, /broken-link/);
  assert.equal(two.stdout, one.stdout);
  assert.equal(two.stderr, one.stderr);
  assert.equal(two.status, one.status);
  rmSync(folder, { recursive: true, force: true });
});

test('--threads takes a whole number', () => {
  const { status, stderr } = cli(['check', '--threads', 'many', '.'], ROOT);
  assert.equal(status, 2);
  assert.match(stderr, /--threads takes a whole number/);
});

test('no progress line when stderr is not a terminal', () => {
  const { folder } = linkedFolder();
  const { stderr } = cli(['check', '--threads', '2', '.'], folder);
  assert.doesNotMatch(stderr, /Checking|\r/);
  rmSync(folder, { recursive: true, force: true });
});

test('--cache: a second run with nothing changed checks nothing and prints the same', () => {
  const { folder } = linkedFolder();
  const plain = cli(['check', '.'], folder);
  const first = cli(['check', '--cache', '.'], folder);
  assert.deepEqual(cacheLine(first.stderr), [40, 0]);
  const second = cli(['check', '--cache', '.'], folder);
  assert.deepEqual(cacheLine(second.stderr), [0, 40]);
  for (const run of [first, second]) {
    assert.equal(run.stdout, plain.stdout);
    assert.equal(run.status, plain.status);
  }
  assert.ok(readFileSync(join(folder, '.incident-docs-cache'), 'utf8').startsWith('{"tool":"incident-docs-cache"'));
  // With threads, from the same cache.
  const threaded = cli(['check', '--cache', '--threads', '2', '.'], folder);
  assert.deepEqual(cacheLine(threaded.stderr), [0, 40]);
  assert.equal(threaded.stdout, plain.stdout);
  rmSync(folder, { recursive: true, force: true });
});

test('--cache: an edited report is checked again with the reports its links touch, and only those', () => {
  const { folder, reports } = linkedFolder();
  cli(['check', '--cache-location', 'run.cache', '.'], folder);
  // Report 20 links to 19 (and is linked from 21): all three read something of it.
  writeFileSync(join(reports, fileName(20)), reportText(20, [{ relation: 'Related to', to: 19 }], '## Notes\n\nAn added paragraph.\n\n'));
  const edited = cli(['check', '--cache-location', 'run.cache', '.'], folder);
  assert.deepEqual(cacheLine(edited.stderr), [3, 37]);
  assert.equal(edited.stdout, cli(['check', '.'], folder).stdout);

  // A report that starts linking to 30 changes 30's backlinks: 30 is checked again too, with the report itself.
  writeFileSync(join(reports, fileName(10)), reportText(10, [...linksOf(10, 40), { relation: 'Related to', to: 30 }]));
  const linking = cli(['check', '--cache-location', 'run.cache', '.'], folder);
  assert.deepEqual(cacheLine(linking.stderr)?.[0], 4); // 10, the 9 and 11 it touches, and 30
  assert.match(linking.stdout, /0030-report-30\.md:\d+:\d+ warning missing-backlink|0010-report-10\.md.*missing-backlink.*30/);
  assert.equal(linking.stdout, cli(['check', '.'], folder).stdout);

  // A new report linking to a missing one: broken-link's suggestions depend on every report's number.
  writeFileSync(join(reports, fileName(41)), reportText(41, [{ relation: 'Related to', to: 40 }]));
  const added = cli(['check', '--cache-location', 'run.cache', '.'], folder);
  assert.equal(added.stdout, cli(['check', '.'], folder).stdout);
  assert.ok(cacheLine(added.stderr)![0] < 41, added.stderr);
  rmSync(folder, { recursive: true, force: true });
});

test('--cache: a deleted report makes the links to it broken', () => {
  const { folder, reports } = linkedFolder();
  cli(['check', '--cache', '.'], folder);
  rmSync(join(reports, fileName(7)));
  const after = cli(['check', '--cache', '.'], folder);
  assert.match(after.stdout, /0008-report-8\.md:\d+:\d+ warning broken-link/);
  assert.equal(after.stdout, cli(['check', '.'], folder).stdout);
  rmSync(folder, { recursive: true, force: true });
});

test('--cache: other settings check everything again', () => {
  const { folder } = linkedFolder();
  cli(['check', '--cache', '.'], folder);
  writeFileSync(join(folder, 'settings.json'), JSON.stringify({ 'incidentDocs.rules.missing-backlink': 'off' }));
  const changed = cli(['check', '--cache', '--config', 'settings.json', '.'], folder);
  assert.deepEqual(cacheLine(changed.stderr), [40, 0]);
  assert.doesNotMatch(changed.stdout, /missing-backlink/);
  rmSync(folder, { recursive: true, force: true });
});

test('--cache: findings cached on another day are not reused (deadlines fall due with the day)', () => {
  const { folder } = linkedFolder();
  cli(['check', '--cache', '.'], folder);
  const cacheFile = join(folder, '.incident-docs-cache');
  const cached = readFileSync(cacheFile, 'utf8');
  // The cache names the day it was written on beside the tool's hash: make it yesterday's.
  const today = /"toolKey":"[^"@]*@(\d{4}-\d{2}-\d{2})"/.exec(cached)?.[1];
  assert.ok(today, 'the cache records the day');
  writeFileSync(cacheFile, cached.replace(`@${today}"`, '@1999-12-31"'));
  const nextDay = cli(['check', '--cache', '.'], folder);
  assert.deepEqual(cacheLine(nextDay.stderr), [40, 0]);
  rmSync(folder, { recursive: true, force: true });
});

test('--cache: a damaged cache is checked past and written anew; someone else\'s file is left alone', () => {
  const { folder } = linkedFolder(5);
  const plain = cli(['check', '.'], folder);
  const cache = join(folder, '.incident-docs-cache');
  cli(['check', '--cache', '.'], folder);
  writeFileSync(cache, readFileSync(cache, 'utf8').slice(0, 200));
  const damaged = cli(['check', '--cache', '.'], folder);
  assert.match(damaged.stderr, /is damaged: it is ignored/);
  assert.equal(damaged.stdout, plain.stdout);
  assert.deepEqual(cacheLine(cli(['check', '--cache', '.'], folder).stderr), [0, 5]);

  const foreign = join(folder, 'notes.txt');
  writeFileSync(foreign, 'my notes');
  const run = cli(['check', '--cache-location', 'notes.txt', '.'], folder);
  assert.match(run.stderr, /notes\.txt is not an incident-docs cache file: it is ignored and left as it is/);
  assert.equal(run.stdout, plain.stdout);
  assert.equal(readFileSync(foreign, 'utf8'), 'my notes');
  rmSync(folder, { recursive: true, force: true });
});

test('--cache: the folder check (.8d-dir and the lock file) is cached and follows the lock file', () => {
  const { folder, reports } = linkedFolder(5);
  writeFileSync(join(reports, '.8d-sequence.lock'), '3');
  const first = cli(['check', '--cache', '.'], folder);
  assert.match(first.stdout, /\.8d-sequence\.lock:1:1 \w+ report-folder/);
  const second = cli(['check', '--cache', '.'], folder);
  assert.equal(second.stdout, first.stdout);
  writeFileSync(join(reports, '.8d-sequence.lock'), '5');
  const fixed = cli(['check', '--cache', '.'], folder);
  assert.doesNotMatch(fixed.stdout, /report-folder/);
  assert.equal(fixed.stdout, cli(['check', '.'], folder).stdout);
  rmSync(folder, { recursive: true, force: true });
});
