// @ts-check
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { REPORT_0004, openFile, waitFor, waitForDiagnostic, waitForNoDiagnostic, closeAllEditors } = require('./helpers');

const TITLE = 'Insert D3: Interim containment action';

/** Offset of the first heading line matching `id` (e.g. "D3"), or -1. */
function headingAt(text, id) {
  return text.search(new RegExp(`^#{1,6}[ \\t]+${id}\\b`, 'm'));
}

suite('Quick fix: insert a missing section', () => {
  /** @type {vscode.TextDocument} */ let doc;
  /** @type {string} */ let original;
  /** @type {vscode.CodeAction} */ let action;

  suiteSetup(async () => {
    await closeAllEditors();
    doc = await openFile(REPORT_0004);
    original = doc.getText();
  });
  suiteTeardown(closeAllEditors);

  test(`vscode.executeCodeActionProvider offers "${TITLE}"`, async () => {
    const diag = await waitForDiagnostic(doc.uri, 'Missing section D3');
    /** @type {(vscode.CodeAction | vscode.Command)[]} */ let seen = [];
    const found = await waitFor(async () => {
      seen = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diag.range, undefined, 100)) || [];
      return seen.find((a) => a.title === TITLE);
    }, `code action "${TITLE}"`, { describe: () => JSON.stringify(seen.map((a) => a.title)) });
    assert.ok('edit' in found || 'command' in found, 'the quick fix carries an edit or a command');
    action = /** @type {vscode.CodeAction} */ (found);
  });

  test('applying it inserts the D3 heading between D2 and D4 and the diagnostic disappears', async () => {
    assert.ok(action, 'previous test found the code action');
    if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), 'workspace.applyEdit');
    if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments || []));
    await waitFor(() => doc.getText() !== original, 'the document to change');
    const text = doc.getText();
    const [d2, d3, d4] = ['D2', 'D3', 'D4'].map((id) => headingAt(text, id));
    assert.ok(d3 >= 0, `a D3 heading was inserted:\n${text}`);
    assert.ok(d2 < d3 && d3 < d4, `D3 (at ${d3}) lies between D2 (at ${d2}) and D4 (at ${d4})`);
    assert.match(text.slice(d3).split('\n')[0], /Interim containment action/);
    await waitForNoDiagnostic(doc.uri, 'Missing section D3');
  });

  test('undo restores the report and the diagnostic', async () => {
    await vscode.window.showTextDocument(doc, { preserveFocus: false });
    await vscode.commands.executeCommand('undo');
    await waitFor(() => doc.getText() === original, 'undo to restore the original text', { timeout: 10000 });
    await waitForDiagnostic(doc.uri, 'Missing section D3: Interim containment action');
  });
});
