import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';
import { CORPUS } from '../support/fixtures';

const open = (client: LspClient, name: string) => {
  const path = join(CORPUS, 'postmortems', name);
  const uri = pathToFileURL(path).href;
  return { uri, published: client.open(uri, readFileSync(path, 'utf8')) };
};

describe('post-mortems over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ diagnosticsDelay: 0 });
  });
  after(async () => {
    await client.stop();
  });

  test('multi-day.md: the out-of-order entry on line 43, pointing at line 42', async () => {
    const { published } = open(client, 'multi-day.md');
    const { diagnostics } = await published;
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [['timeline-order', 42]]);
    assert.equal(diagnostics[0].relatedInformation?.[0].location.range.start.line, 41);
  });

  test('pasted-plain.md: the duration mismatch, and the pseudo-heading hints with their fix', async () => {
    const { uri, published } = open(client, 'pasted-plain.md');
    const { diagnostics } = await published;
    assert.deepEqual(diagnostics.filter((d) => d.severity !== 4).map((d) => [d.code, d.range.start.line]), [['duration-mismatch', 12]]);
    const hint = diagnostics.find((d) => d.code === 'pseudo-heading')!;
    const actions = await client.codeActions(uri, [hint], ['quickfix']);
    // The real fix first; the suppressions after it.
    assert.deepEqual(actions.map((a) => a.title), ['Make this a heading', 'Ignore on this line', 'Ignore in this file']);
    const version = await client.edit(uri, actions[0].edit!.changes![uri]);
    const after = await client.waitForDiagnostics(uri, (p) => p.version === version);
    assert.equal(after.diagnostics.filter((d) => d.code === 'pseudo-heading').length, 6);
  });

  test('hover on an entry and on the Timeline heading', async () => {
    const { uri, published } = open(client, 'twelve-hour-clock.md');
    assert.deepEqual((await published).diagnostics, []);
    const entry = await client.hover(uri, 31, 3); // 1:15 pm PT — Impact ends
    assert.match(JSON.stringify(entry?.contents), /T\+4h 10m/);
    const heading = await client.hover(uri, 18, 4);
    assert.match(JSON.stringify(heading?.contents), /Total duration: \*\*4 h 10 min\*\*/);
  });

  test('document symbols: sections with the timeline entries under Timeline', async () => {
    const { uri, published } = open(client, 'missing-sections.md');
    await published;
    const [title] = await client.documentSymbols(uri);
    const timeline = title.children?.find((s) => s.name === 'Timeline');
    assert.equal(timeline?.children?.length, 20);
    assert.match(timeline.children[0].name, /^06:12 Index template/);
  });
});
