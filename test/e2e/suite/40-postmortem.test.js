// @ts-check
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { hoverText, openFile, ourDiagnostics, codeOf, waitFor, waitForDiagnostic, closeAllEditors, findLine, describeDiagnostics } = require('./helpers');

const MULTI_DAY = 'postmortems/multi-day.md';
const SRE = 'postmortems/sre-style.md';


suite('Post-mortems and timelines', () => {
  suiteSetup(closeAllEditors);
  suiteTeardown(closeAllEditors);

  test('an out-of-order timeline entry is reported on its line, and nothing else', async () => {
    const doc = await openFile(MULTI_DAY);
    const d = await waitForDiagnostic(doc.uri, 'Out of order');
    assert.strictEqual(codeOf(d), 'timeline-order');
    assert.strictEqual(d.range.start.line, 42, 'line 43 (08:20 after 11:30)');
    assert.match(d.message, /08:20 is earlier than 11:30/);
    assert.strictEqual(d.relatedInformation?.[0].location.range.start.line, 41);
    const problems = ourDiagnostics(doc.uri).filter((x) => x.severity !== vscode.DiagnosticSeverity.Hint);
    assert.strictEqual(problems.length, 1, describeDiagnostics(doc.uri));
  });

  test('hovering a timeline entry shows UTC and the time since the start', async () => {
    const doc = await openFile(SRE);
    const line = findLine(doc, /^- 14:18 Incident declared/);
    const text = await waitFor(async () => {
      const hovers = /** @type {vscode.Hover[]} */ (await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 4)));
      const value = hoverText(hovers || []);
      return value.includes('T+11m') ? value : undefined;
    }, 'a hover with T+11m');
    assert.match(text, /UTC: 2025-02-11 14:18/);
  });

  test('hovering the Timeline heading shows the milestones and the total duration', async () => {
    const doc = await openFile(SRE);
    const line = findLine(doc, /^## Timeline/);
    const hovers = /** @type {vscode.Hover[]} */ (await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 5)));
    const text = hoverText(hovers || []);
    assert.match(text, /Time to detect: \*\*2 min\*\*/);
    assert.match(text, /Total duration: \*\*72 min\*\*/);
  });

  test('the outline lists the timeline entries under their day', async () => {
    const doc = await openFile(SRE);
    const symbols = await waitFor(async () => {
      /** @type {vscode.DocumentSymbol[]} */
      const all = (await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', doc.uri)) || [];
      const flat = (/** @type {vscode.DocumentSymbol[]} */ list) => list.flatMap((s) => [s, ...flat(s.children || [])]);
      return flat(all).find((s) => s.kind === vscode.SymbolKind.Event && s.name.startsWith('14:07')) ? flat(all) : undefined;
    }, 'timeline entries in the outline');
    assert.ok(symbols.filter((s) => s.kind === vscode.SymbolKind.Event).length >= 15);
  });
});
