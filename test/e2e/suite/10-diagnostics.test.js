// @ts-check
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const {
  SOURCE, REPORT_0004, README, openFile, ourDiagnostics, codeOf, describeDiagnostics,
  waitForDiagnostic, waitForNoDiagnostic, closeAllEditors, findLine,
} = require('./helpers');

suite('Diagnostics', () => {
  suiteSetup(closeAllEditors);

  test('a report lacking D3 gets "Missing section D3: Interim containment action"', async () => {
    const doc = await openFile(REPORT_0004);
    const d = await waitForDiagnostic(doc.uri, 'Missing section D3');
    assert.strictEqual(d.message, 'Missing section D3: Interim containment action');
    assert.strictEqual(d.source, SOURCE);
    assert.strictEqual(codeOf(d), 'missing-section');
    // The same report also lacks D6.
    await waitForDiagnostic(doc.uri, 'Missing section D6');
  });

  test('reports/README.md (not a report) gets no diagnostics', async () => {
    const readme = await openFile(README);
    // Barrier instead of a sleep: change the 0004 report *after* README was opened
    // and wait for the server's answer, so README has certainly been analysed.
    const doc = await openFile(REPORT_0004);
    const line = findLine(doc, /^#{1,6}\s*D2\b/);
    const removed = doc.lineAt(line).text + '\n';
    const del = new vscode.WorkspaceEdit();
    del.delete(doc.uri, doc.lineAt(line).rangeIncludingLineBreak);
    assert.ok(await vscode.workspace.applyEdit(del), 'applyEdit (delete D2 heading)');
    await waitForDiagnostic(doc.uri, 'Missing section D2');
    const put = new vscode.WorkspaceEdit();
    put.insert(doc.uri, new vscode.Position(line, 0), removed);
    assert.ok(await vscode.workspace.applyEdit(put), 'applyEdit (restore D2 heading)');
    await waitForNoDiagnostic(doc.uri, 'Missing section D2');

    assert.deepStrictEqual(ourDiagnostics(readme.uri), [], `README diagnostics: ${describeDiagnostics(readme.uri)}`);
  });
});

