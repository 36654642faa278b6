// The report commands over stdio: the server computes the edit, asks the editor to apply it, and the files appear.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';
import { CORPUS } from '../support/fixtures';

describe('commands over stdio, on a copy of the corpus workspace', () => {
  let folder: string;
  let client: LspClient;
  const root = () => pathToFileURL(folder).href;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'incident-docs-cmd-'));
    cpSync(join(CORPUS, '8d-workspace'), folder, { recursive: true });
    client = await LspClient.start({ diagnosticsDelay: 0 }, root());
    await client.until(() => client.indexing.some((n) => n.state === 'end'), 'the first scan');
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('the server announces its commands', () => {
    const commands = client.initializeResult.capabilities.executeCommandProvider?.commands ?? [];
    for (const id of ['initialize', 'newReport', 'linkReports', 'regenerateIndex', 'graph', 'insertMissingSections']) assert.ok(commands.includes(`incidentDocs.server.${id}`), id);
  });

  test('New report: 0006 written from the lock file, superseding 0004, README and lock updated', async () => {
    const four = join(folder, 'reports', readdirSync(join(folder, 'reports')).find((n) => n.startsWith('0004'))!);
    const answer = await client.executeCommand('incidentDocs.server.newReport', { folder: root(), title: 'Modbus driver-enable timing', template: 'simple', supersede: pathToFileURL(four).href }) as { ok: boolean; open: { uri: string } };
    assert.equal(answer.ok, true);
    const made = join(folder, 'reports', '0006-modbus-driver-enable-timing.md');
    assert.equal(answer.open.uri, pathToFileURL(made).href);
    assert.ok(readFileSync(made, 'utf8').startsWith('# 6: Modbus driver-enable timing\n\n- **Date:** '));
    assert.equal(readFileSync(join(folder, 'reports', '.8d-sequence.lock'), 'utf8'), '6');
    assert.ok(readFileSync(four, 'utf8').includes('- **Status:** Superseded\n'));
    assert.ok(readFileSync(join(folder, 'reports', 'README.md'), 'utf8').includes('- [6: Modbus driver-enable timing](./0006-modbus-driver-enable-timing.md)'));
  });

  test('the same title again: numbered 7, so no file is overwritten; Initialize when initialized changes nothing', async () => {
    const again = await client.executeCommand('incidentDocs.server.newReport', { folder: root(), title: 'Modbus driver-enable timing', template: 'simple' }) as { ok: boolean };
    assert.equal(again.ok, true);
    assert.ok(existsSync(join(folder, 'reports', '0007-modbus-driver-enable-timing.md')));
    const init = await client.executeCommand('incidentDocs.server.initialize', { folder: root() }) as { ok: boolean; message: string };
    assert.equal(init.ok, false);
    assert.match(init.message, /already has a report folder: reports/);
  });

  test('a file that appeared on disk since the last scan is not overwritten', async () => {
    // The lock file says 7; a 0008-clash.md the index has not seen yet already exists on disk.
    const clash = join(folder, 'reports', '0008-clash.md');
    cpSync(join(folder, 'reports', 'README.md'), clash);
    const answer = await client.executeCommand('incidentDocs.server.newReport', { folder: root(), title: 'Clash', template: 'simple' }) as { ok: boolean; message: string };
    assert.equal(answer.ok, false);
    assert.match(answer.message, /already exists/);
    assert.equal(readFileSync(join(folder, 'reports', '.8d-sequence.lock'), 'utf8'), '7');
  });
});

describe('commands never write outside the workspace folder', () => {
  let outside: string;
  let folder: string;
  let client: LspClient;
  before(async () => {
    outside = mkdtempSync(join(tmpdir(), 'incident-docs-outside-'));
    folder = mkdtempSync(join(tmpdir(), 'incident-docs-links-'));
    symlinkSync(outside, join(folder, 'elsewhere'));
    client = await LspClient.start({ diagnosticsDelay: 0 }, pathToFileURL(folder).href);
    await client.until(() => client.indexing.some((n) => n.state === 'end'), 'the first scan');
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  test('Initialize refuses a folder under a symbolic link that leads out, and ../ or absolute paths', async () => {
    for (const directory of ['elsewhere/8d', '../8d', '/tmp/8d']) {
      const answer = await client.executeCommand('incidentDocs.server.initialize', { folder: pathToFileURL(folder).href, directory }) as { ok: boolean; message: string };
      assert.equal(answer.ok, false, directory);
      assert.match(answer.message, /outside the workspace folder|inside the workspace folder/, directory);
    }
    assert.deepEqual(readdirSync(outside), []);
    assert.equal(existsSync(join(folder, '.8d-dir')), false);
  });

  test('a .8d-dir that names a linked folder outside is refused by New report', async () => {
    writeFileSync(join(folder, '.8d-dir'), 'elsewhere');
    const answer = await client.executeCommand('incidentDocs.server.newReport', { folder: pathToFileURL(folder).href, title: 'Escape', template: 'simple' }) as { ok: boolean; message: string };
    assert.equal(answer.ok, false);
    assert.match(answer.message, /leads outside the workspace folder \(through a symbolic link/);
    assert.deepEqual(readdirSync(outside), []);
  });
});
