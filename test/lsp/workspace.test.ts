// The server on a real folder: a copy of the corpus workspace in a temp dir, scanned at start-up, edited on disk.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { LspClient } from '../support/lspClient';
import { CORPUS } from '../support/fixtures';

describe('a real workspace folder over stdio', () => {
  let folder: string;
  let client: LspClient;
  let reports: string;
  const file = (prefix: string) => join(reports, readdirSync(reports).find((n) => n.startsWith(prefix))!);
  const uri = (path: string) => pathToFileURL(path).href;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'incident-docs-ws-'));
    cpSync(join(CORPUS, '8d-workspace'), folder, { recursive: true });
    reports = join(folder, 'reports');
    client = await LspClient.start({ diagnosticsDelay: 0 }, uri(folder));
    await client.until(() => client.indexing.some((n) => n.state === 'end'), 'the first scan to finish');
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('the first scan indexes the five reports of the .8d-dir folder among its nine files (.vscode/settings.json included)', () => {
    assert.deepEqual(client.indexing.at(-1), { state: 'end', files: 9, reports: 5 });
  });

  test('links resolve without opening the other reports: 0003 is clean', async () => {
    const published = await client.open(uri(file('0003')), readFileSync(file('0003'), 'utf8'));
    assert.deepEqual(published.diagnostics, []);
  });

  test('a backlink removed on disk is reported, and the fix edits the closed report', async () => {
    const one = file('0001');
    const original = readFileSync(one, 'utf8');
    writeFileSync(one, original.replace(/## Links\n\n- Superseded by: [^\n]*\n\n/, ''));
    const three = uri(file('0003'));
    const reported = client.waitForDiagnostics(three, (p) => p.diagnostics.some((d) => d.code === 'missing-backlink'));
    await client.filesChanged([{ uri: uri(one), type: 2 }]);
    const { diagnostics } = await reported;
    const finding = diagnostics.find((d) => d.code === 'missing-backlink')!;
    const [action] = await client.codeActions(three, [finding], ['quickfix']);
    const edits = action.edit!.changes![uri(one)];
    const fixed = TextDocument.applyEdits(TextDocument.create(uri(one), 'markdown', 1, readFileSync(one, 'utf8')), edits);
    assert.equal(fixed, original);
  });

  test('a deleted report breaks the links to it', async () => {
    const three = uri(file('0003'));
    const one = file('0001');
    rmSync(one);
    const reported = client.waitForDiagnostics(three, (p) => p.diagnostics.some((d) => d.code === 'broken-link'));
    await client.filesChanged([{ uri: uri(one), type: 3 }]);
    const { diagnostics } = await reported;
    assert.match(Diagnostic.getMessageString(diagnostics.find((d) => d.code === 'broken-link')!), /^Broken link: \.\/0001-.* does not exist$/);
  });

  test('renaming a report: the server answers willRenameFiles with the link edits', async () => {
    const two = file('0002');
    const edit = await client.willRename(uri(two), uri(join(reports, '0002-solder-voids.md')));
    const four = uri(file('0004'));
    assert.deepEqual(edit?.changes?.[four]?.map((e) => e.newText), ['./0002-solder-voids.md']);
  });
});

describe('a broken .8d-dir or lock file over stdio', () => {
  let folder: string;
  let client: LspClient;
  const uri = (path: string) => pathToFileURL(path).href;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'incident-docs-ws-'));
    cpSync(join(CORPUS, '8d-workspace'), folder, { recursive: true });
    writeFileSync(join(folder, 'reports', '.8d-sequence.lock'), 'five\n');
    client = await LspClient.start({ diagnosticsDelay: 0 }, uri(folder));
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('a garbled lock file is reported on the file after the first scan, linked to its page, and cleared once fixed', async () => {
    const lock = uri(join(folder, 'reports', '.8d-sequence.lock'));
    // Published once the first scan is done, perhaps before this test began: looked for among all published so far.
    await client.until(() => client.published.some((p) => p.uri === lock && p.diagnostics.length > 0), 'diagnostics on the lock file');
    const reported = client.published.find((p) => p.uri === lock)!;
    assert.deepEqual(reported.diagnostics.map((d) => [d.code, d.severity, d.message, d.range.end.character]), [
      ['report-folder', 1, '.8d-sequence.lock should hold the number of the last report (new reports are numbered after it), but holds "five".', 4],
    ]);
    assert.match(reported.diagnostics[0].codeDescription?.href ?? '', /docs\/rules\/report-folder\.md$/);
    writeFileSync(join(folder, 'reports', '.8d-sequence.lock'), '5');
    const cleared = client.waitForDiagnostics(lock, (p) => p.diagnostics.length === 0);
    await client.filesChanged([{ uri: lock, type: 2 }]);
    await cleared;
  });

  test('a .8d-dir that names a folder outside the workspace is reported on .8d-dir', async () => {
    const dir = uri(join(folder, '.8d-dir'));
    writeFileSync(join(folder, '.8d-dir'), '../reports');
    const reported = client.waitForDiagnostics(dir, (p) => p.diagnostics.length > 0);
    await client.filesChanged([{ uri: dir, type: 2 }]);
    assert.match(Diagnostic.getMessageString((await reported).diagnostics[0]), /^\.8d-dir names "\.\.\/reports", which is outside the workspace folder/);
  });
});

