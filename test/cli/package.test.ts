// The npm package works outside this repository: `npm pack`, installed offline into an empty folder, runs
// `npx incident-docs check` with nothing else installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/fixtures';

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  assert.equal(result.status, 0, `${command} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`);
  return result;
}

test('npm pack gives a tarball that, installed offline in an empty folder, runs npx incident-docs check', { timeout: 120_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'incident-docs-pack-'));
  // --ignore-scripts: the test runs on the build just made (prepack would build again, under the running tests).
  const packed = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT).stdout) as { filename: string; files: { path: string }[] }[];
  const files = packed[0].files.map((file) => file.path).sort();
  assert.ok(files.includes('dist/cli.js'));
  assert.deepEqual(files.filter((path) => !/^(package\.json|README\.md|LICENSE|dist\/cli\.js|docs\/rules\/[a-z-]+\.md)$/.test(path)), [], 'nothing else: no tests, sources or editor bundles');
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  assert.deepEqual(Object.keys(manifest.dependencies ?? {}), [], 'everything the CLI needs is in its bundle');

  const app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
  run('npm', ['install', join(work, packed[0].filename), '--offline', '--no-audit', '--no-fund'], app);
  assert.deepEqual(readdirSync(join(app, 'node_modules')).filter((name) => !name.startsWith('.')), ['incident-docs'], 'no other package installed');

  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  assert.equal(run('npx', ['--no-install', 'incident-docs', '--version'], app).stdout, `${version}\n`);
  copyFileSync(join(ROOT, 'examples', 'reports', '0005-enclosure-gasket-cracking-on-outdoor-kg-400-units.md'), join(app, '0005-enclosure.md'));
  const checked = run('npx', ['--no-install', 'incident-docs', 'check', '0005-enclosure.md'], app);
  assert.match(checked.stdout, /^0005-enclosure\.md:21:1 warning section-order D4 and D2 are swapped/m);
  assert.match(checked.stderr, /1 Markdown file read, 1 report checked/);
});
