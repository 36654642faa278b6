// `.incident-docs.jsonc` in the editor: the server reads it for the reports under it, checks them again when the
// file changes on disk, and shows the file's own problems on it.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';
import { ROOT } from '../support/fixtures';

/** An 8D report that lacks D3 and D6. */
const REPORT = '0004-intermittent-modbus-timeouts-after-gateway-reboot.md';
const ERROR = 1;
const WARNING = 2;

describe('project config files over stdio', () => {
  let folder: string;
  let client: LspClient;
  const uri = (...parts: string[]) => pathToFileURL(join(folder, ...parts)).href;
  const missingSections = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'missing-section');
  /** Writes a config file and tells the server, as the client's file watcher does. */
  const write = async (path: string, text: string, type: 1 | 2 = 2) => {
    writeFileSync(join(folder, path), text);
    await client.filesChanged([{ uri: uri(path), type }]);
  };

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'incident-docs-config-'));
    mkdirSync(join(folder, 'reports'));
    mkdirSync(join(folder, 'lab'));
    cpSync(join(ROOT, 'examples', 'reports', REPORT), join(folder, 'reports', REPORT));
    writeFileSync(join(folder, '.incident-docs.jsonc'), '{\n  // the team writes D3 and D6 last\n  "rules": { "missing-section": "off" }\n}\n');
    writeFileSync(join(folder, 'lab', '.incident-docs.json'), '{ "rules": ');
    client = await LspClient.start({ diagnosticsDelay: 0 }, pathToFileURL(folder).href);
    await client.until(() => client.indexing.some((n) => n.state === 'end'), 'the first scan to finish');
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('a rule the config file turns off finds nothing', async () => {
    const published = await client.open(uri('reports', REPORT), readFileSync(join(folder, 'reports', REPORT), 'utf8'));
    assert.ok(published.diagnostics.length > 0, 'the other rules still run');
    assert.deepEqual(missingSections(published), []);
  });

  test('an invalid config file found by the scan has its problem shown on it, without opening anything under it', () => {
    const shown = client.published.filter((p) => p.uri === uri('lab', '.incident-docs.json')).at(-1);
    assert.ok(shown, 'diagnostics published for the config file');
    assert.deepEqual(shown.diagnostics.map((d) => [d.severity, d.source, d.range.start.line, d.message]), [[ERROR, 'incident-docs', 0, 'Not valid JSON: a value was expected; the file is not used until it is fixed.']]);
  });

  test('the config file changed on disk: open reports are checked again with it', async () => {
    const back = client.waitForDiagnostics(uri('reports', REPORT), (p) => missingSections(p).length > 0);
    await write('.incident-docs.jsonc', '{ "rules.missing-section": "warning" }');
    assert.deepEqual(missingSections(await back).map((d) => [d.severity, d.message]), [[WARNING, 'Missing section D3: Interim containment action'], [WARNING, 'Missing section D6: Implementation plan']]);
  });

  test('an unknown key is a warning on that key; fixed, it is cleared', async () => {
    const config = uri('.incident-docs.jsonc');
    const warned = client.waitForDiagnostics(config, (p) => p.diagnostics.length > 0);
    await write('.incident-docs.jsonc', '{\n  "rules.missing-section": "warning",\n  "rulez": {}\n}\n');
    const [problem] = (await warned).diagnostics;
    assert.equal(problem.severity, WARNING);
    assert.deepEqual(problem.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 9 } });
    assert.match(typeof problem.message === 'string' ? problem.message : problem.message.value, /^"rulez" is not a setting of Incident Docs/);
    const cleared = client.waitForDiagnostics(config, (p) => p.diagnostics.length === 0);
    await write('.incident-docs.jsonc', '{ "rules.missing-section": "warning" }');
    await cleared;
  });

  test('the invalid file fixed: its problem is cleared and its settings apply below it', async () => {
    const lab = uri('lab', '.incident-docs.json');
    const cleared = client.waitForDiagnostics(lab, (p) => p.diagnostics.length === 0);
    await write(join('lab', '.incident-docs.json'), '{ "rules": { "missing-section": "hint" } }');
    await cleared;
    const moved = join('lab', REPORT);
    cpSync(join(folder, 'reports', REPORT), join(folder, moved));
    const published = await client.open(uri(moved), readFileSync(join(folder, moved), 'utf8'));
    assert.deepEqual(missingSections(published).map((d) => d.severity), [4, 4], 'hints, from the lab\'s own file');
  });

  test('the config file deleted: the rule is back at its default severity', async () => {
    const back = client.waitForDiagnostics(uri('reports', REPORT), (p) => missingSections(p).some((d) => d.severity === ERROR));
    rmSync(join(folder, '.incident-docs.jsonc'));
    await client.filesChanged([{ uri: uri('.incident-docs.jsonc'), type: 3 }]);
    assert.deepEqual(missingSections(await back).map((d) => d.severity), [ERROR, ERROR]);
  });
});
