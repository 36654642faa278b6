// @ts-check
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { hoverText, REPORT_0004, openFile, waitFor, waitForDiagnostic, closeAllEditors, findLine, codeOf } = require('./helpers');


suite('Links between reports', () => {
  suiteSetup(closeAllEditors);
  suiteTeardown(closeAllEditors);

  test('typing "- Supersedes: [" offers the workspace reports; picking one writes the 8d-tools link', async () => {
    const doc = await openFile(REPORT_0004);
    const line = findLine(doc, /^- Related to:/);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(line, 0), '- Supersedes: [\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const position = new vscode.Position(line, '- Supersedes: ['.length);
    /** @type {vscode.CompletionItem | undefined} */
    const item = await waitFor(async () => {
      /** @type {vscode.CompletionList} */
      const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, position, '[');
      return list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label).startsWith('0001: OTA update'));
    }, 'a completion for report 0001');
    const range = item.range && 'inserting' in item.range ? item.range.inserting : item.range;
    const text = item.textEdit ? item.textEdit.newText : typeof item.insertText === 'string' ? item.insertText : item.insertText?.value;
    const apply = new vscode.WorkspaceEdit();
    apply.replace(doc.uri, item.textEdit ? item.textEdit.range : range || new vscode.Range(position, position), String(text));
    assert.ok(await vscode.workspace.applyEdit(apply));
    assert.strictEqual(doc.lineAt(line).text, '- Supersedes: [1: OTA update leaves KG-400 gateways in boot loop](./0001-ota-update-leaves-kg-400-gateways-in-boot-loop.md)');
    const d = await waitForDiagnostic(doc.uri, '0001-ota-update-leaves-kg-400-gateways-in-boot-loop.md has no "Superseded by" link');
    assert.strictEqual(codeOf(d), 'missing-backlink');
  });

  test('hovering a link shows the other report; go to definition opens it', async () => {
    const doc = await openFile(REPORT_0004);
    const line = findLine(doc, /^- Related to:/);
    const position = new vscode.Position(line, doc.lineAt(line).text.indexOf('[') + 3);
    const text = await waitFor(async () => {
      const value = hoverText((await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, position)) || []);
      return value.includes('Solder voids') ? value : undefined;
    }, 'a hover naming report 2');
    assert.match(text, /Completed/);
    /** @type {(vscode.Location | vscode.LocationLink)[]} */
    const targets = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', doc.uri, position);
    const uris = targets.map((t) => ('targetUri' in t ? t.targetUri : t.uri).path);
    assert.ok(uris.some((p) => p.endsWith('/0002-solder-voids-on-kg-400-power-board-line-3.md')), JSON.stringify(uris));
  });
});
