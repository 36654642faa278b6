// Suppression comments in the headless check: what the editor hides, the CLI neither prints nor counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, corpusReport } from '../support/fixtures';

function check(cwd: string) {
  const result = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', '.'], { cwd, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr, lines: result.stdout.split('\n').filter(Boolean).sort() };
}

/**
 * Report 0004 (D3 and D6 missing: errors on line 1; D5 empty: information on line 48; a link to a report not in the
 * temporary folder) with a line after its title.
 */
function withLineAfterTitle(line: string): string {
  return corpusReport('0004').text.replace(/\n/, `\n\n${line}\n`);
}

test('suppressed findings are neither printed nor counted; a misspelt id is reported and silences nothing', () => {
  const folder = mkdtempSync(join(tmpdir(), 'incident-docs-suppression-'));
  mkdirSync(join(folder, 'doc', '8d'), { recursive: true });
  writeFileSync(join(folder, 'doc', '8d', '0004-silenced.md'), withLineAfterTitle('<!-- incident-docs-disable-file missing-section broken-link -->'));
  writeFileSync(join(folder, 'doc', '8d', '0005-silenced-everywhere.md'), withLineAfterTitle('<!-- incident-docs-disable-file -->'));
  const silenced = check(folder);
  assert.equal(silenced.status, 0, 'the errors are silenced: nothing fails the build');
  assert.deepEqual(silenced.lines, ['doc/8d/0004-silenced.md:50:1 info empty-section Section D5 is empty: it holds only its prompt']);
  assert.match(silenced.stderr, /2 reports checked, 1 finding \(0 errors\)/);

  writeFileSync(join(folder, 'doc', '8d', '0006-misspelt.md'), withLineAfterTitle('<!-- incident-docs-disable-file missing-sectoin, broken-link -->'));
  const misspelt = check(folder);
  assert.equal(misspelt.status, 1);
  assert.deepEqual(misspelt.lines.filter((line) => line.startsWith('doc/8d/0006')), [
    'doc/8d/0006-misspelt.md:1:1 error missing-section Missing section D3: Interim containment action',
    'doc/8d/0006-misspelt.md:1:1 error missing-section Missing section D6: Implementation plan',
    'doc/8d/0006-misspelt.md:3:33 warning unknown-suppression "missing-sectoin" is no rule: did you mean missing-section?',
    'doc/8d/0006-misspelt.md:50:1 info empty-section Section D5 is empty: it holds only its prompt',
  ]);
});

test('a comment in a report does not silence the folder rules: .8d-dir and the lock file hold no comments', () => {
  const folder = mkdtempSync(join(tmpdir(), 'incident-docs-suppression-'));
  mkdirSync(join(folder, 'doc', '8d'), { recursive: true });
  writeFileSync(join(folder, '.8d-dir'), 'doc/8d');
  writeFileSync(join(folder, 'doc', '8d', '.8d-sequence.lock'), 'five');
  writeFileSync(join(folder, 'doc', '8d', '0004-silenced.md'), withLineAfterTitle('<!-- incident-docs-disable-file -->'));
  const { status, lines } = check(folder);
  assert.equal(status, 1);
  assert.deepEqual(lines.map((line) => line.split(' ').slice(0, 3).join(' ')), ['doc/8d/.8d-sequence.lock:1:1 error report-folder']);
});
