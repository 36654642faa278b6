// Project config files (`.incident-docs.jsonc`): found from a report's folder up to the workspace root, nearest
// winning key by key, over the editor's settings; every way of writing a key read alike; problems shown where they are.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { InMemoryFileSystem } from '../../server/src/workspace/fileSystem';
import { projectSettings } from '../../server/src/config/projectSettings';
import { readConfigText, readSettingsFile, isConfigFile, type ConfigProblem } from '../../server/src/config/configFile';
import { WorkspaceSettings } from '../../server/src/config/workspaceSettings';
import { DEFAULT_SETTINGS, mergeSettings, readSettings, type Settings } from '../../server/src/settings';
import { ALL_RULES, FOLDER_RULES } from '../../server/src/rules';

const RULES = [...ALL_RULES, ...FOLDER_RULES].map((rule) => rule.id);
const ROOT = 'file:///ws';

/** A project over an in-memory folder; what it says about config files is kept by file name. */
function project(files: Record<string, string>, base: Settings = DEFAULT_SETTINGS) {
  const fs = new InMemoryFileSystem(Object.fromEntries(Object.entries(files).map(([path, text]) => [`${ROOT}/${path}`, text])));
  const told = new Map<string, readonly ConfigProblem[]>();
  const settings = projectSettings({ fs, root: ROOT, base, knownRules: RULES, onProblems: (uri, problems) => told.set(uri.slice(ROOT.length + 1), problems) });
  return { fs, told, settings, of: (path: string) => settings.settingsFor(`${ROOT}/${path}`) };
}

/** Problems as a user reads them: 1-based line:column, and the words. */
const shown = (problems: readonly ConfigProblem[] | undefined) => (problems ?? []).map((p) => `${p.range.start.line + 1}:${p.range.start.character + 1} ${p.severity} ${p.message}`);

describe('a report\'s settings from the config files above it', () => {
  test('nearest first, key by key, rule severities merged by rule id, over the editor settings', async () => {
    const base = readSettings({ rules: { metadata: 'hint' }, diagnosticsDelay: 100 }, RULES, () => assert.fail('valid'));
    const { of } = project({
      '.incident-docs.jsonc': '{ "rules": { "missing-section": "off", "empty-section": "warning" }, "index": { "showStatus": true } }',
      'team/.incident-docs.jsonc': '// the team keeps its own severities\n{ "rules": { "empty-section": "error" } }',
      'team/8d/0001-pump.md': '',
    }, base);
    const deep = await of('team/8d/0001-pump.md');
    assert.deepEqual(deep.rules, { metadata: 'hint', 'missing-section': 'off', 'empty-section': 'error' });
    assert.equal(deep.indexShowsStatus, true, 'from the root\'s file');
    assert.equal(deep.diagnosticsDelay, 100, 'from the editor settings');
    assert.equal(deep.supersedeSetsStatus, DEFAULT_SETTINGS.supersedeSetsStatus, 'the default');
    const top = await of('0002-other.md');
    assert.deepEqual(top.rules, { metadata: 'hint', 'missing-section': 'off', 'empty-section': 'warning' });
  });

  test('.incident-docs.json is read too; beside a .jsonc it is not, and says so', async () => {
    const alone = project({ 'a/.incident-docs.json': '{ "rules": { "metadata": "off" } }' });
    assert.equal((await alone.of('a/r.md')).rules.metadata, 'off');
    const both = project({ '.incident-docs.jsonc': '{ "rules": { "metadata": "off" } }', '.incident-docs.json': '{ "rules": { "metadata": "error" } }' });
    assert.equal((await both.of('r.md')).rules.metadata, 'off');
    assert.deepEqual(shown(both.told.get('.incident-docs.json')), ['1:1 warning Not used: .incident-docs.jsonc in the same folder is read instead. Keep one of them.']);
    assert.deepEqual(both.told.get('.incident-docs.jsonc'), []);
  });

  test('files outside the root, and folders without a config file, take the editor settings', async () => {
    const base = mergeSettings(DEFAULT_SETTINGS, { diagnosticsDelay: 7 });
    const { settings, of } = project({ '.incident-docs.jsonc': '{ "diagnosticsDelay": 0 }' }, base);
    assert.equal((await settings.settingsFor('file:///elsewhere/r.md')).diagnosticsDelay, 7);
    assert.equal((await of('x/y/r.md')).diagnosticsDelay, 0);
  });

  test('config files are read once, until one is said to have changed; its problems clear once it is fixed', async () => {
    const { fs, told, settings, of } = project({ 'a/.incident-docs.jsonc': '{ "rules": { "metadata": "loud" } }' });
    await of('a/one.md');
    await of('a/two.md');
    await of('a/b/three.md');
    const reads = fs.reads;
    await of('a/one.md');
    await of('a/b/three.md');
    assert.equal(fs.reads, reads, 'no file read again');
    assert.equal(told.get('a/.incident-docs.jsonc')?.length, 1);
    assert.equal((await of('a/one.md')).rules.metadata, undefined, 'a bad value is not used');

    fs.files.set(`${ROOT}/a/.incident-docs.jsonc`, '{ "rules": { "metadata": "off" } }');
    assert.equal((await of('a/one.md')).rules.metadata, undefined, 'not read again before it is said to have changed');
    settings.forget(`${ROOT}/a/.incident-docs.jsonc`);
    assert.equal((await of('a/b/three.md')).rules.metadata, 'off');
    assert.deepEqual(told.get('a/.incident-docs.jsonc'), [], 'the problem is cleared');

    fs.files.delete(`${ROOT}/a/.incident-docs.jsonc`);
    settings.forget(`${ROOT}/a/.incident-docs.jsonc`);
    assert.equal((await of('a/one.md')).rules.metadata, undefined, 'a deleted file sets nothing');
  });
});

describe('every way of writing a key', () => {
  const read = (text: string) => readConfigText(text, { knownRules: RULES, unknownKeys: 'report', folder: '' });

  test('nested, dotted, VS Code\'s flat keys and its section set the same settings', () => {
    const forms = [
      '{ "rules": { "missing-section": "off" }, "postmortem": { "requiredSections": ["Summary", "Timeline"] }, "supersede": { "setStatus": false } }',
      '{ "rules.missing-section": "off", "postmortem.requiredSections": ["Summary", "Timeline"], "supersede.setStatus": false }',
      '{ "incidentDocs.rules.missing-section": "off", "incidentDocs.postmortem.requiredSections": ["Summary", "Timeline"], "incidentDocs.supersede.setStatus": false }',
      '{ "incidentDocs": { "rules": { "missing-section": "off" }, "postmortem.requiredSections": ["Summary", "Timeline"], "supersede": { "setStatus": false } } }',
    ];
    for (const text of forms) {
      const { layer, problems } = read(text);
      assert.deepEqual(problems, [], text);
      assert.deepEqual(layer, { rules: { 'missing-section': 'off' }, postmortemRequiredSections: ['summary', 'timeline'], supersedeSetsStatus: false }, text);
    }
  });

  test('a $schema key is allowed; comments and trailing commas are JSONC', () => {
    const { layer, problems } = read('{\n  "$schema": "./schemas/incident-docs.schema.json",\n  // why: the lab keeps no timeline\n  "rules": { "timeline-order": "off", },\n}\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(layer, { rules: { 'timeline-order': 'off' } });
  });

  test('with --config, VS Code\'s flat keys for nested settings are read, and other tools\' settings left alone', () => {
    const vscodeSettings = [
      '{',
      '  "editor.wordWrap": "on",',
      '  "incidentDocs.postmortem.requiredSections": ["Summary", "Impact"],',
      '  "incidentDocs.rules.empty-section": "off",',
      '  "incidentDocs.trace.server": "verbose",',
      '  "incidentDocs.index.showStatus": true',
      '}',
    ].join('\n');
    const { settings, problems, usable } = readSettingsFile(vscodeSettings, RULES);
    assert.deepEqual(problems, []);
    assert.equal(usable, true);
    assert.deepEqual(settings.postmortemRequiredSections, ['summary', 'impact']);
    assert.deepEqual(settings.rules, { 'empty-section': 'off' });
    assert.equal(settings.indexShowsStatus, true);
  });
});

describe('problems, on the span of the file they are about', () => {
  const read = (text: string, folder = '') => readConfigText(text, { knownRules: RULES, unknownKeys: 'report', folder });

  test('not JSON: one error where it breaks, and nothing of the file is used', () => {
    const { layer, problems, usable } = read('{\n  "rules": { "metadata": "off" }\n  "reportGlobs": []\n}');
    assert.equal(usable, false);
    assert.deepEqual(layer, {});
    assert.deepEqual(shown(problems), ['3:3 error Not valid JSON: a comma was expected; the file is not used until it is fixed.']);
    assert.deepEqual(shown(read('[1, 2]').problems), ['1:1 error A settings file holds one JSON object, e.g. { "rules": { "empty-section": "off" } }; the file is not used.']);
  });

  test('an unknown key: a warning on the key, the rest still used', () => {
    const { layer, problems } = read('{\n  "rulez": { "metadata": "off" },\n  "diagnosticsDelay": 0,\n  "postmortem": { "required": [] }\n}');
    assert.deepEqual(layer, { diagnosticsDelay: 0 });
    const [rulez, required] = problems;
    assert.deepEqual(rulez.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } });
    assert.match(rulez.message, /^"rulez" is not a setting of Incident Docs; the settings are diagnosticsDelay, postmortem.requiredSections, /);
    assert.equal(required.severity, 'warning');
    assert.match(shown([required])[0], /^4:19 warning "postmortem.required" is not a setting/);
  });

  test('a bad value, a rule that does not exist, a section that is not one: each on its own span, and left out', () => {
    const text = '{\n  "rules": { "metadata": "loud", "no-such-rule": "off" },\n  "postmortem.requiredSections": ["Summary", "Weather"],\n  "maxDocumentLines": -1\n}';
    const { layer, problems } = read(text);
    assert.deepEqual(layer, { rules: {}, postmortemRequiredSections: ['summary'] });
    assert.deepEqual(shown(problems).map((line) => line.slice(0, line.indexOf(' warning'))), ['2:26', '2:34', '3:46', '4:23']);
    const spans = problems.map((p) => text.split('\n')[p.range.start.line].slice(p.range.start.character, p.range.end.character));
    assert.deepEqual(spans, ['"loud"', '"no-such-rule"', '"Weather"', '-1']);
    assert.match(problems[1].message, /incidentDocs.rules.no-such-rule names no rule/);
  });

  test('an editor setting in a project file is said to do nothing there', () => {
    const { problems } = read('{ "updateLinksOnRename": "always" }');
    assert.deepEqual(shown(problems), ['1:3 warning "updateLinksOnRename" is an editor setting: set incidentDocs.updateLinksOnRename in VS Code\'s settings; a project config file does not change it.']);
  });

  test('a group written as something else than an object', () => {
    assert.match(shown(read('{ "postmortem": ["Summary"] }').problems)[0], /^1:17 warning "postmortem" must be an object \(or write its keys dotted, as "postmortem.requiredSections"\)/);
  });
});

describe('paths in a config file', () => {
  test('templates are relative to the config file\'s folder (made relative to the workspace root), and stay inside it', () => {
    const text = '{ "templates": { "hardware": "templates/hw.md", "shared": "../shared/s.md", "out": "../../../x.md", "abs": "/etc/passwd" } }';
    const { layer, problems } = readConfigText(text, { knownRules: RULES, unknownKeys: 'report', folder: 'team/8d' });
    assert.deepEqual(layer.templates, { hardware: 'team/8d/templates/hw.md', shared: 'team/shared/s.md' });
    assert.deepEqual(problems.map((p) => text.slice(p.range.start.character, p.range.end.character)), ['"../../../x.md"', '"/etc/passwd"']);
    assert.match(problems[0].message, /Template "out": "\.\.\/\.\.\/\.\.\/x\.md" is outside the workspace folder/);
  });

  test('templates merge by name down the folders', async () => {
    const { of } = project({
      '.incident-docs.jsonc': '{ "templates": { "hardware": "t/hw.md", "software": "t/sw.md" } }',
      'lab/.incident-docs.jsonc': '{ "templates": { "hardware": "hw.md" } }',
    });
    assert.deepEqual((await of('lab/r.md')).templates, { hardware: 'lab/hw.md', software: 't/sw.md' });
  });

  test('reportGlobs: the root\'s file sets them; a subfolder\'s is said to do nothing', async () => {
    const { of, told } = project({
      '.incident-docs.jsonc': '{ "reportGlobs": ["docs/**/*.md"] }',
      'docs/.incident-docs.jsonc': '{ "reportGlobs": ["**/*.md"] }',
    });
    assert.deepEqual((await of('docs/r.md')).reportGlobs, ['docs/**/*.md']);
    assert.match(shown(told.get('docs/.incident-docs.jsonc'))[0], /^1:3 warning reportGlobs chooses the files of the whole workspace folder/);
  });
});

describe('the editor\'s workspace: each folder its own settings (multi-root)', () => {
  test('each folder\'s editor settings under its own config files; a changed file is read again at once', async () => {
    const fs = new InMemoryFileSystem({
      'file:///a/.incident-docs.jsonc': '{ "rules": { "metadata": "off" } }',
      'file:///b/.incident-docs.jsonc': '{ "rules": ',
    });
    const told: string[] = [];
    const asked: (string | undefined)[] = [];
    const workspace = new WorkspaceSettings({
      fs,
      knownRules: RULES,
      editorSettings: (root) => {
        asked.push(root);
        return Promise.resolve(mergeSettings(DEFAULT_SETTINGS, { diagnosticsDelay: root === 'file:///a' ? 1 : 2 }));
      },
      onProblems: (uri, problems) => told.push(`${uri}: ${problems.length}`),
    });
    workspace.setRoots(['file:///a', 'file:///b/']);
    const a = await workspace.settingsFor('file:///a/x/r.md');
    const b = await workspace.settingsFor('file:///b/r.md');
    assert.deepEqual([a.diagnosticsDelay, a.rules.metadata], [1, 'off']);
    assert.deepEqual([b.diagnosticsDelay, b.rules.metadata], [2, undefined]);
    assert.equal((await workspace.settingsFor('file:///c/r.md')).diagnosticsDelay, 2, 'a file in no folder: the editor settings without a folder');
    await workspace.settingsFor('file:///a/y/r.md');
    assert.deepEqual(asked, ['file:///a', 'file:///b', undefined], 'each folder\'s settings asked for once');
    assert.deepEqual(told, ['file:///a/.incident-docs.jsonc: 0', 'file:///b/.incident-docs.jsonc: 1']);

    fs.files.set('file:///b/.incident-docs.jsonc', '{ "rules": { "metadata": "error" } }');
    await workspace.configFileChanged('file:///b/.incident-docs.jsonc', false);
    assert.equal(told.at(-1), 'file:///b/.incident-docs.jsonc: 0', 'fixed: its problem is cleared without waiting for a report');
    assert.equal((await workspace.settingsFor('file:///b/r.md')).rules.metadata, 'error');

    fs.files.delete('file:///a/.incident-docs.jsonc');
    await workspace.configFileChanged('file:///a/.incident-docs.jsonc', true);
    assert.equal((await workspace.settingsFor('file:///a/x/r.md')).rules.metadata, undefined);

    workspace.editorSettingsChanged();
    await workspace.settingsFor('file:///a/r.md');
    assert.equal(asked.at(-1), 'file:///a', 'asked again once they changed');
  });

  test('config files found by the scan are read, so their problems show before a report is opened', async () => {
    const fs = new InMemoryFileSystem({ 'file:///a/deep/.incident-docs.json': '{ "rulez": 1 }', 'file:///a/deep/r.md': '' });
    const told: string[] = [];
    const workspace = new WorkspaceSettings({ fs, knownRules: RULES, editorSettings: () => Promise.resolve(DEFAULT_SETTINGS), onProblems: (uri, problems) => told.push(`${uri}: ${problems.length}`) });
    workspace.setRoots(['file:///a']);
    await workspace.readConfigFiles(['file:///a/deep/r.md', 'file:///a/deep/.incident-docs.json']);
    assert.deepEqual(told, ['file:///a/deep/.incident-docs.json: 1']);
  });

  test('the config file names', () => {
    assert.ok(isConfigFile('file:///a/.incident-docs.jsonc') && isConfigFile('file:///a/b/.incident-docs.json'));
    assert.ok(!isConfigFile('file:///a/incident-docs.json') && !isConfigFile('file:///a/.incident-docs.jsonc.bak'));
  });
});
