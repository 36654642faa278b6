import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { Diagnostic } from 'vscode-languageserver-types';
import { LspClient } from '../support/lspClient';
import { corpusReport, CORPUS } from '../support/fixtures';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const report4 = corpusReport('0004');
const uri4 = pathToFileURL(report4.path).href;

function messages(params: { diagnostics: { message: unknown }[] }): string[] {
  return params.diagnostics.map((d) => String(d.message));
}

describe('the server over stdio, as an editor drives it', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ diagnosticsDelay: 0 });
  });
  after(async () => {
    await client.stop();
  });

  test('announces quick-fixes and fix-all', () => {
    const provider = client.initializeResult.capabilities.codeActionProvider;
    assert.ok(typeof provider === 'object' && provider.codeActionKinds?.includes('quickfix') && provider.codeActionKinds.includes('source.fixAll.incidentDocs'));
  });

  test('opening 0004 publishes its three findings for version 1', async () => {
    const published = await client.open(uri4, report4.text);
    assert.deepEqual(messages(published), [
      'Missing section D3: Interim containment action',
      'Missing section D6: Implementation plan',
      'Section D5 is empty: it holds only its prompt',
    ]);
    assert.ok(published.diagnostics.every((d) => d.source === 'incident-docs'));
    assert.match(published.diagnostics[0].codeDescription?.href ?? '', /docs\/rules\/missing-section\.md$/);
  });

  test('quick-fix → apply → re-check: D3 is no longer missing, and undo brings it back', async () => {
    const before = client.published.filter((p) => p.uri === uri4).at(-1)!;
    const d3 = before.diagnostics.find((d) => Diagnostic.getMessageString(d).startsWith('Missing section D3'))!;
    const actions = await client.codeActions(uri4, [d3], ['quickfix']);
    const insert = actions.find((a) => a.title === 'Insert D3: Interim containment action');
    assert.ok(insert?.edit?.changes?.[uri4], JSON.stringify(actions.map((a) => a.title)));
    const original = client.text(uri4);
    const version = await client.edit(uri4, insert.edit.changes[uri4]);
    const after = await client.waitForDiagnostics(uri4, (p) => p.version === version);
    // The inserted section holds only its prompt, so it is now reported as empty instead of missing.
    assert.deepEqual(messages(after), ['Missing section D6: Implementation plan', 'Section D3 is empty: it holds only its prompt', 'Section D5 is empty: it holds only its prompt']);
    assert.ok(client.text(uri4).includes('## D3: Interim containment action\n<!--'));

    const undone = await client.replaceAll(uri4, original);
    const again = await client.waitForDiagnostics(uri4, (p) => p.version === undone);
    assert.equal(messages(again)[0], 'Missing section D3: Interim containment action');
  });

  test('source.fixAll inserts every missing section in one edit', async () => {
    const actions = await client.codeActions(uri4, [], ['source.fixAll']);
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Insert all missing sections', 'source.fixAll.incidentDocs']]);
    const version = await client.edit(uri4, actions[0].edit!.changes![uri4]);
    const after = await client.waitForDiagnostics(uri4, (p) => p.version === version);
    assert.deepEqual(messages(after).filter((m) => m.startsWith('Missing')), []);
  });

  test('typing updates diagnostics: deleting the D5 heading reports D5 missing', async () => {
    const text = client.text(uri4);
    const line = text.split('\n').findIndex((l) => l.startsWith('## D5:'));
    const version = await client.edit(uri4, [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' }]);
    const after = await client.waitForDiagnostics(uri4, (p) => p.version === version);
    assert.ok(messages(after).includes('Missing section D5: Permanent corrective action'), messages(after).join('\n'));
  });

  test('a README is not a report: an empty set of diagnostics', async () => {
    const path = join(CORPUS, '8d-workspace', 'reports', 'README.md');
    const published = await client.open(pathToFileURL(path).href, readFileSync(path, 'utf8'));
    assert.deepEqual(published.diagnostics, []);
  });

  test('garbage in, no crash: control characters, lone surrogates and a broken fence', async () => {
    const text = `---\n: : :\n\t- [\n---\n# 1: \u0000\u0001\ud800\n\n## D0\n\`\`\`\n## D1\n\n## D2 \udfff\n## D3\n${'#'.repeat(200)}\n`;
    const published = await client.open('file:///tmp/garbage.md', text);
    assert.ok(Array.isArray(published.diagnostics));
    assert.ok(client.running);
  });

  test('changing a rule severity re-checks open documents without a reload', async () => {
    // Beside the corpus reports, so that its links resolve.
    const uri = uri4.replace(/[^/]*$/, 'settings-copy.md');
    await client.open(uri, report4.text);
    const rechecked = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 1);
    await client.changeSettings({ diagnosticsDelay: 0, rules: { 'missing-section': 'off' } });
    assert.deepEqual(messages(await rechecked), ['Section D5 is empty: it holds only its prompt']);
    await client.changeSettings({ diagnosticsDelay: 0 });
  });

  test('an invalid setting is reported in one clear message, and defaults apply', async () => {
    const uri = uri4.replace(/[^/]*$/, 'bad-setting-copy.md');
    await client.open(uri, report4.text);
    await client.changeSettings({ diagnosticsDelay: 0, rules: { 'missing-section': 'loud' } });
    await client.until(() => client.shownMessages.some((m) => m.includes('incidentDocs.rules.missing-section must be one of')), 'the settings warning');
    // An edit as a barrier: its diagnostics are computed with the settings now in force.
    const version = await client.edit(uri, [{ range: { start: { line: 59, character: 0 }, end: { line: 59, character: 0 } }, newText: ' ' }]);
    const rechecked = await client.waitForDiagnostics(uri, (p) => p.version === version);
    assert.equal(rechecked.diagnostics.length, 3);
    assert.equal(rechecked.diagnostics[0].severity, 1, 'missing-section keeps its default severity, error');
    await client.changeSettings({ diagnosticsDelay: 0 });
  });

  test('closing a document clears its diagnostics', async () => {
    const cleared = client.waitForDiagnostics(uri4, (p) => p.diagnostics.length === 0);
    await client.close(uri4);
    await cleared;
  });

  test('the server logged no error', () => {
    assert.deepEqual(client.logs.filter((log) => log.type === 1), []);
  });
});

describe('debouncing', () => {
  test('a burst of edits is checked once, for the last version only', async () => {
    const client = await LspClient.start({ diagnosticsDelay: 200 });
    try {
      const uri = 'file:///tmp/burst.md';
      await client.open(uri, report4.text);
      let version = 1;
      for (let i = 0; i < 5; i++) version = await client.edit(uri, [{ range: { start: { line: 59, character: 0 }, end: { line: 59, character: 0 } }, newText: 'x' }]);
      await client.waitForDiagnostics(uri, (p) => p.version === version);
      assert.deepEqual(client.published.filter((p) => p.uri === uri).map((p) => p.version), [1, version]);
    } finally {
      await client.stop();
    }
  });
});
