// Link features over the protocol: completion, definition, document links, hover, references, workspace symbols.
// The corpus reports are opened (the server indexes open documents' live text), so no folder scan is needed.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionList, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { LspClient } from '../support/lspClient';
import { REPORTS } from '../support/fixtures';

const NAMES = readdirSync(REPORTS).filter((name) => /^\d{4}-.*\.md$/.test(name)).sort();
const uriOf = (prefix: string) => pathToFileURL(join(REPORTS, NAMES.find((name) => name.startsWith(prefix))!)).href;
const textOf = (prefix: string) => readFileSync(new URL(uriOf(prefix)), 'utf8');

describe('link features over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ diagnosticsDelay: 0 });
    for (const name of NAMES) await client.open(uriOf(name.slice(0, 4)), textOf(name.slice(0, 4)));
  });
  after(async () => {
    await client.stop();
  });

  test('announces completion (no space trigger), definition, document links, references and workspace symbols', () => {
    const capabilities = client.initializeResult.capabilities;
    assert.deepEqual(capabilities.completionProvider?.triggerCharacters, ['[', '(', '#', '/', ':']);
    assert.ok(capabilities.definitionProvider && capabilities.documentLinkProvider && capabilities.referencesProvider && capabilities.workspaceSymbolProvider);
  });

  test('`[` after a relation in a padded report lists the other reports with padded labels', async () => {
    const uri = uriOf('0003').replace(/[^/]*$/, '0006-draft-copy.md');
    const text = textOf('0003').replace('# 0003:', '# 0006:').replace(/- Supersedes: .*\n/, '- Related to: [\n');
    await client.open(uri, text);
    const result = await client.completion(uri, 7, 15, '[');
    const items = Array.isArray(result) ? result : result?.items ?? [];
    const third = items.find((item) => item.label.startsWith('0003:'))!;
    assert.equal(items.length, 5);
    assert.equal((third.textEdit as TextEdit).newText, '[0003: Firmware 2.4 - OTA rollback failure on KG-400](./0003-firmware-24-ota-rollback-failure-on-kg-400.md)');
    // The report's summary arrives when the item is resolved (shown), not with the list.
    assert.equal(third.documentation, undefined);
    assert.match(((await client.resolveCompletion(third)).documentation as MarkupContent).value, /^A KG-400 that loses power/);
    await client.close(uri);
  });

  test('definition, document links and hover on the Supersedes link of 0003', async () => {
    assert.deepEqual(await client.definition(uriOf('0003'), 7, 20), { uri: uriOf('0001'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    const links = (await client.documentLinks(uriOf('0003'))) ?? [];
    assert.deepEqual(links.map((link) => [link.target, link.tooltip]), [[uriOf('0001'), 'Open 0001: OTA update leaves KG-400 gateways in boot loop']]);
    const hover = await client.hover(uriOf('0003'), 7, 20);
    assert.match((hover?.contents as MarkupContent).value, /Report 1 · Status: Superseded · Date: 2025-07-08/);
  });

  test('references on the title of 0001 and workspace symbols by number', async () => {
    const references = (await client.references(uriOf('0001'), 0, 3, true)) ?? [];
    assert.deepEqual(references.map((location) => [location.uri, location.range.start.line]), [[uriOf('0001'), 0], [uriOf('0003'), 7]]);
    const symbols = (await client.workspaceSymbols('#4')) ?? [];
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['0004: Intermittent Modbus timeouts after gateway reboot']);
  });
});

describe('link completion for a client that takes list defaults (as VS Code does)', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ diagnosticsDelay: 0 }, null, ['editRange']);
    for (const name of NAMES) await client.open(uriOf(name.slice(0, 4)), textOf(name.slice(0, 4)));
  });
  after(async () => {
    await client.stop();
  });

  test('the replaced range is sent once, as the list\'s editRange; each item carries only its text', async () => {
    const uri = uriOf('0001');
    const text = textOf('0001').replace('- Superseded by:', '- Related to: [\n- Superseded by:');
    const line = text.split('\n').findIndex((l) => l === '- Related to: [');
    await client.replaceAll(uri, text);
    const list = (await client.completion(uri, line, 15, '[')) as CompletionList;
    assert.deepEqual(list.itemDefaults?.editRange, { start: { line, character: 14 }, end: { line, character: 15 } });
    assert.equal(list.items.length, 4);
    assert.ok(list.items.every((item) => item.textEdit === undefined && item.textEditText?.startsWith('[')));
    assert.equal(list.items[0].textEditText, '[2: Solder voids on KG-400 power board (Line 3)](./0002-solder-voids-on-kg-400-power-board-line-3.md)');
  });
});

