// The schema editors validate `.incident-docs.jsonc` with agrees with what the server reads from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'jsonc-parser';
import { ROOT } from '../support/fixtures';
import { EDITOR_SETTING_KEYS, SETTING_KEYS } from '../../server/src/settings';
import { readConfigText } from '../../server/src/config/configFile';
import { ALL_RULES, FOLDER_RULES } from '../../server/src/rules';

interface Schema {
  properties: Record<string, { properties?: Record<string, unknown> }>;
}

interface Manifest {
  contributes: {
    configuration: { properties: Record<string, { scope?: string }> };
    jsonValidation: { fileMatch: string[]; url: string }[];
  };
}

const RULES = [...ALL_RULES, ...FOLDER_RULES].map((rule) => rule.id);
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const [contribution] = manifest.contributes.jsonValidation;
const schema = JSON.parse(readFileSync(join(ROOT, contribution.url), 'utf8')) as Schema;
// VS Code's own keywords (markdownDescription, enumDescriptions) are not JSON Schema's: not strict about them.
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
const valid = (text: string) => validate(parse(text)) || (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);

test('the schema is contributed for both file names, and shipped in the package', () => {
  assert.deepEqual(contribution.fileMatch, ['.incident-docs.jsonc', '.incident-docs.json']);
  assert.match(readFileSync(join(ROOT, '.vscodeignore'), 'utf8'), /^!schemas\/\*\*$/m);
});

test('a config file written every way the server reads accepts, and the server reads it without a problem', () => {
  const sample = `{
    "$schema": "https://example.invalid/incident-docs.schema.json",
    // nested
    "rules": { "missing-section": "warning", "empty-section": "off" },
    "postmortem": { "requiredSections": ["Summary", "Impact", "Timeline"] },
    // dotted
    "rules.timeline-timezone": "hint",
    "supersede.setStatus": false,
    "reportGlobs": ["docs/**/*.md"],
    "templates": { "hardware": "templates/hardware.md" },
    "maxDocumentLines": 50000,
    // VS Code's flat keys, as copied from .vscode/settings.json
    "incidentDocs.index.showStatus": true,
  }`;
  assert.equal(valid(sample), true);
  assert.deepEqual(readConfigText(sample, { knownRules: RULES, unknownKeys: 'report', folder: '' }).problems, []);
});

test('what the server reports, the schema refuses: an unknown key, a rule that does not exist, a bad severity, a wrong type', () => {
  for (const text of ['{ "rulez": {} }', '{ "rules": { "no-such-rule": "off" } }', '{ "rules.no-such-rule": "off" }', '{ "rules": { "metadata": "loud" } }', '{ "reportGlobs": "docs" }', '{ "postmortem": { "required": [] } }', '{ "updateLinksOnRename": "always" }']) {
    assert.notEqual(valid(text), true, text);
    assert.notDeepEqual(readConfigText(text, { knownRules: RULES, unknownKeys: 'report', folder: '' }).problems, [], text);
  }
});

test('the schema has every setting the reader takes, nested and dotted, and no other', () => {
  const dotted = [...SETTING_KEYS, ...RULES.map((id) => `rules.${id}`)].sort();
  const properties = schema.properties;
  const groups = Object.keys(properties).filter((key) => properties[key].properties !== undefined);
  assert.deepEqual(Object.keys(properties).filter((key) => key !== '$schema' && !groups.includes(key)).sort(), dotted);
  const nested = groups.flatMap((group) => Object.keys(properties[group].properties!).map((key) => `${group}.${key}`)).sort();
  assert.deepEqual(nested, dotted.filter((key) => key.includes('.')));
});

test('the settings a project cannot set are the editor\'s own: window-scoped in the manifest', () => {
  const windowScoped = Object.entries(manifest.contributes.configuration.properties).filter(([, setting]) => (setting.scope ?? 'window') === 'window').map(([key]) => key.slice('incidentDocs.'.length));
  assert.deepEqual(windowScoped.sort(), [...EDITOR_SETTING_KEYS].sort());
});
