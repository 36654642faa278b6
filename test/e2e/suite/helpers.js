// @ts-check
'use strict';
// Helpers shared by the extension-host tests. Everything waits by polling a
// condition with a deadline; nothing sleeps for a fixed time.

const vscode = require('vscode');

const EXTENSION_ID = 'incident-docs.incident-docs';
const SOURCE = 'incident-docs';
const REPORT_0004 = 'reports/0004-intermittent-modbus-timeouts-after-gateway-reboot.md';
const README = 'reports/README.md';

/**
 * Polls `probe` until it returns a truthy value, then returns that value.
 * Fails with `message` (and the last value seen) after `timeout` ms.
 * @template T
 * @param {() => T | Promise<T>} probe
 * @param {string} message
 * @param {{ timeout?: number, interval?: number, describe?: () => string }} [opts]
 * @returns {Promise<NonNullable<T>>}
 */
async function waitFor(probe, message, opts = {}) {
  const timeout = opts.timeout ?? 20000;
  const interval = opts.interval ?? 100;
  const deadline = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      const value = await probe();
      if (value) return /** @type {NonNullable<T>} */ (value);
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const extra = opts.describe ? `\n  state: ${opts.describe()}` : '';
      const cause = lastError ? `\n  last error: ${lastError && lastError.stack || lastError}` : '';
      throw new Error(`Timed out after ${timeout} ms waiting for: ${message}${extra}${cause}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

function workspaceRoot() {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (!folder) throw new Error('The e2e tests need a workspace folder (test/e2e/workspace)');
  return folder.uri;
}

/** @param {string} rel path relative to the workspace folder */
function fileUri(rel) {
  return vscode.Uri.joinPath(workspaceRoot(), ...rel.split('/'));
}

/**
 * Opens a workspace file in an editor and returns the document.
 * @param {string} rel
 */
async function openFile(rel) {
  const doc = await vscode.workspace.openTextDocument(fileUri(rel));
  await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: false });
  return doc;
}

/** Diagnostics published by this extension for `uri`. @param {vscode.Uri} uri */
function ourDiagnostics(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** @param {vscode.Diagnostic} d */
function codeOf(d) {
  return typeof d.code === 'object' && d.code !== null ? d.code.value : d.code;
}

/** @param {vscode.Uri} uri */
function describeDiagnostics(uri) {
  const all = vscode.languages.getDiagnostics(uri);
  return JSON.stringify(all.map((d) => ({ source: d.source, code: codeOf(d), message: d.message, line: d.range.start.line })));
}

/**
 * Waits for a diagnostic of ours on `uri` whose message starts with `prefix`.
 * @param {vscode.Uri} uri
 * @param {string} prefix
 */
function waitForDiagnostic(uri, prefix, timeout = 20000) {
  return waitFor(() => ourDiagnostics(uri).find((d) => d.message.startsWith(prefix)),
    `diagnostic "${prefix}" on ${uri.path}`, { timeout, describe: () => describeDiagnostics(uri) });
}

/**
 * Waits until no diagnostic of ours on `uri` starts with `prefix`.
 * @param {vscode.Uri} uri
 * @param {string} prefix
 */
function waitForNoDiagnostic(uri, prefix, timeout = 20000) {
  return waitFor(() => !ourDiagnostics(uri).some((d) => d.message.startsWith(prefix)),
    `no diagnostic "${prefix}" on ${uri.path}`, { timeout, describe: () => describeDiagnostics(uri) });
}

/** Closes all editors, reverting unsaved changes, so every test starts clean. */
async function closeAllEditors() {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && doc.uri.scheme !== 'untitled') {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Index of the first line of `doc` matching `re`.
 * @param {vscode.TextDocument} doc
 * @param {RegExp} re
 */
function findLine(doc, re) {
  for (let i = 0; i < doc.lineCount; i++) if (re.test(doc.lineAt(i).text)) return i;
  throw new Error(`No line matching ${re} in ${doc.uri.path}`);
}

/** The extension under test; fails when VS Code does not know it. */
function extension() {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) {
    const ids = vscode.extensions.all.filter((e) => !e.id.startsWith('vscode.')).map((e) => e.id);
    throw new Error(`Extension ${EXTENSION_ID} is not loaded (non-builtin extensions: ${ids.join(', ') || 'none'})`);
  }
  return ext;
}

/** The text of hovers, whatever form their contents take. @param {vscode.Hover[]} hovers */
function hoverText(hovers) {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

module.exports = {
  hoverText,
  EXTENSION_ID, SOURCE, REPORT_0004, README,
  waitFor, workspaceRoot, fileUri, openFile, ourDiagnostics, codeOf, describeDiagnostics,
  waitForDiagnostic, waitForNoDiagnostic, closeAllEditors, findLine, extension,
};
