// Link features over the protocol: completion, definition, document links, hover, references, workspace symbols.
// The corpus reports are opened (the server indexes open documents' live text), so no folder scan is needed.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionList, MarkupContent, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
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


describe('renaming reports and folders over stdio (workspace/willRenameFiles)', () => {
  let folder: string;
  let client: LspClient;
  const uri = (path: string) => pathToFileURL(path).href;
  const report = (number: number, title: string, ...links: string[]) =>
    [`# ${number}: ${title}`, '', '- **Status:** Open', '', '## D1: Team', '', 'Ana.', '', '## D2: Problem', '', 'Pumps fail.', '', '## D4: Root cause', '', 'Seals.', '', '## Links', '', ...links, ''].join('\n');
  const path = (relative: string) => join(folder, 'reports', relative);
  /** The lines of `relative` that hold links, after the rename's edits to it. */
  const linksAfter = (edit: WorkspaceEdit | null, relative: string, text = readFileSync(path(relative), 'utf8')) =>
    TextDocument.applyEdits(TextDocument.create(uri(path(relative)), 'markdown', 1, text), edit?.changes?.[uri(path(relative))] ?? [])
      .split('\n').filter((line) => line.startsWith('- Related to:'));

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'incident-docs-rename-'));
    mkdirSync(join(folder, 'reports', 'archive'), { recursive: true });
    writeFileSync(join(folder, '.8d-dir'), 'reports');
    writeFileSync(path('0001-pumps.md'), report(1, 'Pumps',
      '- Related to: [2](0002-old.md "Old title")',
      "- Related to: [3](<./0003 valves.md> 'Valves')",
      '- Related to: [4](./archive/0004-seals.md#d4-root-cause (Seals))'));
    writeFileSync(path('0002-old.md'), report(2, 'Old'));
    writeFileSync(path('0003 valves.md'), report(3, 'Valves'));
    writeFileSync(path('archive/0004-seals.md'), report(4, 'Seals', '- Related to: [1](../0001-pumps.md)', '- Related to: [5](./0005-gaskets.md "Gaskets")'));
    writeFileSync(path('archive/0005-gaskets.md'), report(5, 'Gaskets', '- Related to: [4](<0004-seals.md>)'));
    client = await LspClient.start({ diagnosticsDelay: 0 }, uri(folder));
    await client.until(() => client.indexing.some((n) => n.state === 'end'), 'the first scan to finish');
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('the server asks to hear of renamed Markdown files and of renamed folders', () => {
    const filters = client.initializeResult.capabilities.workspace?.fileOperations?.willRename?.filters ?? [];
    assert.deepEqual(filters.map((filter) => [filter.pattern.glob, filter.pattern.matches]), [['**/*.{md,markdown}', undefined], ['**/*', 'folder']]);
  });

  test('a report renamed to a name with spaces: the link is bracketed, its title kept', async () => {
    const edit = await client.willRename(uri(path('0002-old.md')), uri(path('my report.md')));
    assert.deepEqual(Object.keys(edit?.changes ?? {}), [uri(path('0001-pumps.md'))]);
    assert.equal(linksAfter(edit, '0001-pumps.md')[0], '- Related to: [2](<my report.md> "Old title")');
  });

  test('a link in angle brackets keeps them and its single-quoted title', async () => {
    const edit = await client.willRename(uri(path('0003 valves.md')), uri(path('0003-valves.md')));
    assert.equal(linksAfter(edit, '0001-pumps.md')[1], "- Related to: [3](<./0003-valves.md> 'Valves')");
  });

  test('a folder moved deeper: links into it and out of it follow, links between its reports stay', async () => {
    const edit = await client.willRename(uri(path('archive')), uri(path('old/2024')));
    assert.deepEqual(Object.keys(edit?.changes ?? {}).sort(), [uri(path('0001-pumps.md')), uri(path('archive/0004-seals.md'))]);
    assert.equal(linksAfter(edit, '0001-pumps.md')[2], '- Related to: [4](./old/2024/0004-seals.md#d4-root-cause (Seals))');
    assert.deepEqual(linksAfter(edit, 'archive/0004-seals.md'), ['- Related to: [1](../../0001-pumps.md)', '- Related to: [5](./0005-gaskets.md "Gaskets")']);
  });

  test('an open report with unsaved edits is edited where its live text has the link', async () => {
    const one = uri(path('0001-pumps.md'));
    const live = readFileSync(path('0001-pumps.md'), 'utf8').replace('## Links\n', '## Links\n\nSee also:\n');
    await client.open(one, live);
    const edit = await client.willRename(uri(path('0002-old.md')), uri(path('0002-new.md')));
    assert.equal(linksAfter(edit, '0001-pumps.md', live)[0], '- Related to: [2](0002-new.md "Old title")');
    // Last: the document's text closed returns to the disk's, which the index reads back in its own time.
    await client.close(one);
  });
});
