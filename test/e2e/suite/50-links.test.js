// @ts-check
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { hoverText, REPORT_0004, openFile, waitFor, waitForDiagnostic, closeAllEditors, findLine, codeOf, fileUri } = require('./helpers');


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

  // Renames go through the VS Code API as the explorer's do: `applyEdit` with a rename fires the will-rename
  // participants, so the extension's middleware (set to `always` here instead of asking) and the server take part.
  suite('renaming keeps links intact', () => {
    const DIR = 'reports/renames';
    /** A small 8D report whose `## Links` section holds `links`. @param {number} number @param {string} title @param {string[]} links */
    const report = (number, title, ...links) => [`# ${number}: ${title}`, '', '- **Status:** Open', '', '## D1: Team', '', 'Ana.', '', '## D2: Problem', '', 'Pumps fail.',
      '', '## D4: Root cause', '', 'Seals.', '', '## Links', '', ...links, ''].join('\n');
    /** @param {string} rel @param {string} text */
    const write = (rel, text) => vscode.workspace.fs.writeFile(fileUri(`${DIR}/${rel}`), Buffer.from(text, 'utf8'));
    /** The link lines of a document as the editor holds it (the rename's edits are not saved). @param {string} rel */
    const linkLines = async (rel) => (await vscode.workspace.openTextDocument(fileUri(`${DIR}/${rel}`))).getText().split('\n').filter((l) => l.startsWith('- Related to:'));
    /** Opens the reports (the server indexes open documents at once) and waits until a hover on `rel`'s first link names `title`. */
    async function indexed(/** @type {string[]} */ rels, /** @type {string} */ rel, /** @type {string} */ title) {
      for (const r of rels) await vscode.workspace.openTextDocument(fileUri(`${DIR}/${r}`));
      const doc = await vscode.workspace.openTextDocument(fileUri(`${DIR}/${rel}`));
      const line = findLine(doc, /^- Related to:/);
      const position = new vscode.Position(line, doc.lineAt(line).text.indexOf('[') + 2);
      await waitFor(async () => hoverText((await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, position)) || []).includes(title), `a hover naming "${title}"`);
    }
    /** @param {string} from @param {string} to */
    async function rename(from, to) {
      const edit = new vscode.WorkspaceEdit();
      edit.renameFile(fileUri(`${DIR}/${from}`), fileUri(`${DIR}/${to}`));
      assert.ok(await vscode.workspace.applyEdit(edit), `rename ${from} -> ${to}`);
    }

    suiteSetup(async () => {
      await vscode.workspace.getConfiguration('incidentDocs').update('updateLinksOnRename', 'always', vscode.ConfigurationTarget.Workspace);
    });
    suiteTeardown(async () => {
      await closeAllEditors();
      await vscode.workspace.fs.delete(fileUri(DIR), { recursive: true, useTrash: false });
      await vscode.workspace.getConfiguration('incidentDocs').update('updateLinksOnRename', undefined, vscode.ConfigurationTarget.Workspace);
    });

    test('a report renamed to a name with spaces: links to it keep their titles, brackets and fragments', async () => {
      await write('0006-source.md', report(6, 'Source',
        '- Related to: [7: Old name](0007-old-name.md "Old title")',
        "- Related to: [7: Old name](<./0007-old-name.md> 'Single')",
        '- Related to: [7: Old name](./0007-old-name.md#d4-root-cause (Paren))'));
      await write('0007-old-name.md', report(7, 'Old name'));
      await indexed(['0007-old-name.md'], '0006-source.md', 'Old name');
      await rename('0007-old-name.md', '0007 new name.md');
      assert.deepEqual(await linkLines('0006-source.md'), [
        '- Related to: [7: Old name](<0007 new name.md> "Old title")',
        "- Related to: [7: Old name](<./0007 new name.md> 'Single')",
        '- Related to: [7: Old name](<./0007 new name.md#d4-root-cause> (Paren))',
      ]);
    });

    test('a folder moved: links into it and out of it follow, links between its reports stay', async () => {
      await write('0010-outside.md', report(10, 'Outside', '- Related to: [8: Inside](batch/0008-inside.md "Batch")'));
      await write('batch/0008-inside.md', report(8, 'Inside', '- Related to: [10: Outside](../0010-outside.md)', '- Related to: [9: Inside too](./0009-inside-too.md "Too")'));
      await write('batch/0009-inside-too.md', report(9, 'Inside too', '- Related to: [8: Inside](<0008-inside.md>)'));
      await indexed(['batch/0008-inside.md', 'batch/0009-inside-too.md'], '0010-outside.md', 'Inside');
      await rename('batch', 'archive/2024');
      assert.deepEqual(await linkLines('0010-outside.md'), ['- Related to: [8: Inside](archive/2024/0008-inside.md "Batch")']);
      assert.deepEqual(await linkLines('archive/2024/0008-inside.md'), ['- Related to: [10: Outside](../../0010-outside.md)', '- Related to: [9: Inside too](./0009-inside-too.md "Too")']);
      assert.deepEqual(await linkLines('archive/2024/0009-inside-too.md'), ['- Related to: [8: Inside](<0008-inside.md>)']);
    });
  });
});

