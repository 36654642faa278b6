// @ts-check
'use strict';
const assert = require('assert');
const { EXTENSION_ID, REPORT_0004, extension, openFile, waitFor, closeAllEditors } = require('./helpers');

suite('Activation', () => {
  suiteSetup(closeAllEditors);

  test(`${EXTENSION_ID} is loaded`, () => {
    const ext = extension();
    assert.strictEqual(ext.packageJSON.name, 'incident-docs');
    assert.strictEqual(ext.packageJSON.publisher, 'incident-docs');
  });

  test('it activates when a Markdown report is opened', async () => {
    const ext = extension();
    const doc = await openFile(REPORT_0004);
    assert.strictEqual(doc.languageId, 'markdown');
    await waitFor(() => ext.isActive, `${EXTENSION_ID} to become active`);
  });
});
