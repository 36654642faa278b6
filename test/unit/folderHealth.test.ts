// `.8d-dir` and `.8d-sequence.lock` as 8d-tools writes them, and broken in each way a user can break them.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { InMemoryFileSystem } from '../../server/src/workspace/fileSystem';
import { reportFolder } from '../../server/src/rules/reportFolder';
import { createLanguageService } from '../../server/src/languageService';
import { readSettings } from '../../server/src/settings';
import { ReportIndex } from '../../server/src/workspace/reportIndex';

const ROOT = 'file:///ws';
const report = `${ROOT}/doc/8d/0001-pump-failure.md`;
const check = (files: Record<string, string>, index?: ReportIndex) => reportFolder.checkFolder(ROOT, { fs: new InMemoryFileSystem({ [report]: '# 1: Pump failure\n', ...files }), workspace: index });
const summary = async (files: Record<string, string>, index?: ReportIndex) => {
  const health = await check(files, index);
  return [...health.findings.map((p) => `${p.uri.slice(ROOT.length + 1)} ${p.severity}: ${p.message}`), ...health.messages.map((m) => `message: ${m}`)];
};

describe('.8d-dir and the lock file', () => {
  test('as 8d-tools writes them: nothing to say; nor when there is no .8d-dir', async () => {
    assert.deepEqual(await summary({ [`${ROOT}/.8d-dir`]: 'doc/8d', [`${ROOT}/doc/8d/.8d-sequence.lock`]: '1' }), []);
    assert.deepEqual(await summary({ [`${ROOT}/.8d-dir`]: './doc/8d/\n', [`${ROOT}/doc/8d/.8d-sequence.lock`]: '1\n' }), []);
    assert.deepEqual(await summary({}), []);
  });

  test('an empty .8d-dir', async () => {
    assert.deepEqual(await summary({ [`${ROOT}/.8d-dir`]: ' \n' }), ['.8d-dir error: .8d-dir is empty: it should hold the path of the report folder, such as doc/8d (as `8d init` writes it).']);
  });

  test('garbage in .8d-dir: several lines, control characters', async () => {
    assert.deepEqual(await summary({ [`${ROOT}/.8d-dir`]: 'doc/8d\nmore\n' }), ['.8d-dir error: .8d-dir should hold one folder path, such as doc/8d, but holds 2 lines.']);
    assert.deepEqual(await summary({ [`${ROOT}/.8d-dir`]: 'doc\u0000\u0001' }), ['.8d-dir error: .8d-dir should hold one folder path, such as doc/8d, but holds characters that cannot be in a path.']);
  });

  test('a path outside the workspace folder: .., absolute, a drive', async () => {
    for (const path of ['../elsewhere', '/etc', 'C:\\reports', 'doc/../../x']) {
      const [problem] = (await check({ [`${ROOT}/.8d-dir`]: path })).findings;
      assert.equal(problem.severity, 'error');
      assert.match(problem.message, /which is outside the workspace folder/);
      assert.deepEqual(problem.range, { start: { line: 0, character: 0 }, end: { line: 0, character: path.length } });
    }
  });

  test('a folder that does not exist', async () => {
    assert.deepEqual(await summary({ [`${ROOT}/.8d-dir`]: 'docs/8d' }), ['.8d-dir warning: .8d-dir names "docs/8d", but there is no such folder: create it with "Incident Docs: Initialize Report Folder", or fix the path.']);
  });

  test('.8d-dir or the lock file is a folder: a message, as there is no file to show it on', async () => {
    assert.deepEqual(await summary({ [`${ROOT}/.8d-dir/x`]: '' }), ['message: .8d-dir is a folder, but 8d-tools expects a file holding the path of the report folder (such as doc/8d): replace it with such a file.']);
    assert.deepEqual(await summary({ [`${ROOT}/.8d-dir`]: 'doc/8d', [`${ROOT}/doc/8d/.8d-sequence.lock/x`]: '' }), ['message: doc/8d/.8d-sequence.lock is a folder, but 8d-tools expects a file holding the number of the last report: replace it with such a file.']);
  });

  test('an empty or garbled lock file', async () => {
    assert.deepEqual(await summary({ [`${ROOT}/.8d-dir`]: 'doc/8d', [`${ROOT}/doc/8d/.8d-sequence.lock`]: '' }), ['doc/8d/.8d-sequence.lock error: .8d-sequence.lock should hold the number of the last report (new reports are numbered after it), but is empty.']);
    assert.deepEqual(await summary({ [`${ROOT}/.8d-dir`]: 'doc/8d', [`${ROOT}/doc/8d/.8d-sequence.lock`]: '<<<<<<< HEAD\n4\n=======\n5\n>>>>>>> main\n' }), ['doc/8d/.8d-sequence.lock error: .8d-sequence.lock should hold the number of the last report (new reports are numbered after it), but holds "<<<<<<< HEAD…".']);
  });

  test('a lock file behind the reports: the next report would take a number already used', async () => {
    const index = new ReportIndex();
    const sections = '\n\n## D1: Team\n\nA.\n\n## D2: Problem\n\nB.\n\n## D3: Containment\n\nC.\n';
    index.update(report, `# 1: Pump failure${sections}`);
    index.update(`${ROOT}/doc/8d/0003-seal-leak.md`, `# 3: Seal leak${sections}`);
    assert.equal(index.size, 2);
    assert.deepEqual(await summary({ [`${ROOT}/.8d-dir`]: 'doc/8d', [`${ROOT}/doc/8d/.8d-sequence.lock`]: '1' }, index), ['doc/8d/.8d-sequence.lock warning: .8d-sequence.lock says the last report is 1, but 0003-seal-leak.md exists: the next new report would be numbered 2, a number already taken. Set it to 3.']);
  });
});

describe('report-folder is a rule like the others', () => {
  const files = { [report]: '# 1: Pump failure\n', [`${ROOT}/.8d-dir`]: 'doc/8d', [`${ROOT}/doc/8d/.8d-sequence.lock`]: 'five' };
  const run = (rules: Record<string, string>) => createLanguageService({ docsBaseUri: 'file:///docs/rules' })
    .checkFolder(ROOT, new InMemoryFileSystem(files), readSettings({ rules }, ['report-folder'], () => assert.fail('valid settings')));

  test('its findings are diagnostics with its code, its severity and a link to its page', async () => {
    const { diagnostics } = await run({});
    const [diagnostic] = diagnostics.get(`${ROOT}/doc/8d/.8d-sequence.lock`) ?? [];
    assert.equal(diagnostic.code, 'report-folder');
    assert.equal(diagnostic.severity, 1);
    assert.equal(diagnostic.codeDescription?.href, 'file:///docs/rules/report-folder.md');
  });

  test('its severity is set by incidentDocs.rules.report-folder, and off silences it', async () => {
    const [diagnostic] = (await run({ 'report-folder': 'information' })).diagnostics.get(`${ROOT}/doc/8d/.8d-sequence.lock`) ?? [];
    assert.equal(diagnostic.severity, 3);
    assert.equal((await run({ 'report-folder': 'off' })).diagnostics.size, 0);
  });

  test('the settings reader knows its id', () => {
    assert.ok(createLanguageService().ruleIds.includes('report-folder'));
  });
});
