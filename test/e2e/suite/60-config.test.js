// @ts-check
'use strict';
// The project config file in VS Code itself: written on disk, it changes the open report's findings; its own problems
// show on it, from our server and from VS Code's JSON support through the schema the extension contributes.
const assert = require('assert');
const vscode = require('vscode');
const {
  SOURCE, REPORT_0004, waitFor, fileUri, openFile, ourDiagnostics, waitForDiagnostic, waitForNoDiagnostic, closeAllEditors,
} = require('./helpers');

const CONFIG = '.incident-docs.jsonc';

/** @param {string} text */
async function writeConfig(text) {
  await vscode.workspace.fs.writeFile(fileUri(CONFIG), Buffer.from(text, 'utf8'));
}

suite('Project config file', () => {
  suiteSetup(closeAllEditors);
  suiteTeardown(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(fileUri(CONFIG)).then(undefined, () => undefined);
  });

  test('a rule turned off in .incident-docs.jsonc leaves the open report; deleting the file brings it back', async () => {
    const report = await openFile(REPORT_0004);
    await waitForDiagnostic(report.uri, 'Missing section D3');
    await writeConfig('// the team writes D3 last\n{ "rules": { "missing-section": "off" } }\n');
    await waitForNoDiagnostic(report.uri, 'Missing section D3');
    await vscode.workspace.fs.delete(fileUri(CONFIG));
    await waitForDiagnostic(report.uri, 'Missing section D3');
  });

  test('a bad value is shown on the config file, by our server and by the contributed JSON schema', async () => {
    await writeConfig('{\n  "rules": { "missing-section": "of" }\n}\n');
    const config = fileUri(CONFIG);
    const ours = await waitForDiagnostic(config, 'Setting incidentDocs.rules.missing-section');
    assert.strictEqual(ours.range.start.line, 1);
    // The schema is VS Code's to read: its JSON support validates the file once the file is open.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(config));
    const fromSchema = await waitFor(
      () => vscode.languages.getDiagnostics(config).find((d) => d.source !== SOURCE && d.range.start.line === 1),
      'a JSON schema diagnostic on the bad value',
      { timeout: 30000, describe: () => JSON.stringify(vscode.languages.getDiagnostics(config).map((d) => [d.source, d.message])) },
    );
    assert.match(fromSchema.message, /off|not accepted|enum/i);
    await writeConfig('{ "rules": { "missing-section": "off" } }\n');
    await waitFor(() => ourDiagnostics(config).length === 0, 'the config file\'s problems to clear');
  });
});
