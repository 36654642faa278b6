// @ts-check
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { REPORT_0004, openFile, ourDiagnostics, waitForDiagnostic, waitForNoDiagnostic, closeAllEditors, findLine } = require('./helpers');

suite('Live re-analysis while editing', () => {
  suiteSetup(closeAllEditors);
  suiteTeardown(closeAllEditors);

  test('deleting the D5 heading makes "Missing section D5" appear, restoring it removes it', async () => {
    const doc = await openFile(REPORT_0004);
    await waitForDiagnostic(doc.uri, 'Missing section D3');
    assert.ok(!ourDiagnostics(doc.uri).some((d) => d.message.startsWith('Missing section D5')), 'no D5 finding before the edit');

    const line = findLine(doc, /^#{1,6}\s*D5\b/);
    const removed = doc.lineAt(line).text + '\n';
    const del = new vscode.WorkspaceEdit();
    del.delete(doc.uri, doc.lineAt(line).rangeIncludingLineBreak);
    assert.ok(await vscode.workspace.applyEdit(del), 'applyEdit (delete D5 heading)');
    const d = await waitForDiagnostic(doc.uri, 'Missing section D5');
    assert.match(d.message, /^Missing section D5: /);

    const put = new vscode.WorkspaceEdit();
    put.insert(doc.uri, new vscode.Position(line, 0), removed);
    assert.ok(await vscode.workspace.applyEdit(put), 'applyEdit (restore D5 heading)');
    await waitForNoDiagnostic(doc.uri, 'Missing section D5');
  });
});
