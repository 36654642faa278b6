// Rule metadata is declared once in the rule files; the manifest and the docs must agree with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES } from '../../server/src/rules';
import { ROOT } from '../support/fixtures';
import { buildReport } from '../../server/src/model/report';
import simpleTemplate from '../../templates/8d-simple.md';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const properties: Record<string, { enum?: string[]; default?: unknown; markdownDescription?: string }> = manifest.contributes.configuration.properties;

test('every rule has a setting with its default severity and description', () => {
  for (const rule of ALL_RULES) {
    const setting = properties[`incidentDocs.rules.${rule.id}`];
    assert.ok(setting, `setting for ${rule.id}`);
    assert.deepEqual(setting.enum, ['off', 'hint', 'information', 'warning', 'error']);
    assert.equal(setting.default, rule.defaultSeverity, rule.id);
    assert.ok(setting.markdownDescription?.includes(rule.description), rule.id);
  }
});

test('no setting names a rule that does not exist', () => {
  const ids = new Set(ALL_RULES.map((rule) => rule.id));
  for (const key of Object.keys(properties).filter((k) => k.startsWith('incidentDocs.rules.'))) {
    assert.ok(ids.has(key.slice('incidentDocs.rules.'.length)), key);
  }
});

test('every rule has a doc page that starts with its id and description, and every page has a rule', () => {
  const folder = join(ROOT, 'docs', 'rules');
  for (const rule of ALL_RULES) {
    const page = join(folder, `${rule.id}.md`);
    assert.ok(existsSync(page), page);
    const text = readFileSync(page, 'utf8');
    assert.ok(text.startsWith(`# ${rule.id}\n`), page);
    assert.ok(text.includes(rule.description), page);
  }
  assert.deepEqual(readdirSync(folder).sort(), ALL_RULES.map((rule) => `${rule.id}.md`).sort());
});

test('the README lists every rule', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  for (const rule of ALL_RULES) assert.ok(readme.includes(`\`${rule.id}\``), rule.id);
});

test('the extension activates on Markdown and its main is the bundled client', () => {
  assert.equal(manifest.name, 'incident-docs');
  assert.equal(manifest.displayName, 'Incident Docs');
  assert.ok(manifest.activationEvents.includes('onLanguage:markdown'));
  assert.equal(manifest.main, './dist/extension.js');
});

test('the d0–d8 snippets insert each discipline with the template prompt the checker expects', () => {
  const snippets: Record<string, { prefix: string; body: string[] }> = JSON.parse(readFileSync(join(ROOT, 'snippets', '8d.code-snippets'), 'utf8'));
  const report = buildReport(simpleTemplate);
  for (const discipline of report.disciplines) {
    const snippet = Object.values(snippets).find((s) => s.prefix === `d${discipline.number}`);
    assert.ok(snippet, `snippet d${discipline.number}`);
    const expanded = snippet.body.join('\n').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$0/, '');
    assert.ok(expanded.startsWith(`## D${discipline.number}: ${discipline.label.title}\n<!--`), expanded);
    assert.ok(simpleTemplate.includes(expanded.trimEnd()), `d${discipline.number} matches the template`);
  }
  for (const contribution of manifest.contributes.snippets) assert.ok(existsSync(join(ROOT, contribution.path)));
});

test('the injection grammar scopes the D-label of the headings the checker recognises, and nothing else', () => {
  const grammar = JSON.parse(readFileSync(join(ROOT, 'syntaxes', 'incident-docs.injection.tmLanguage.json'), 'utf8'));
  const pattern = new RegExp(grammar.repository['discipline-heading'].match);
  assert.equal(pattern.exec('## D3: Interim containment action')?.[2], 'D3');
  assert.equal(pattern.exec('### Discipline 6: Implementation')?.[2], 'Discipline 6');
  assert.equal(pattern.exec('## **D5 | Corrective Actions**')?.[2], 'D5');
  assert.equal(pattern.exec('## d0 - Prepare')?.[2], 'd0');
  for (const text of ['## D30 results', '## D3x', 'D3: not a heading', '## Dashboard']) assert.equal(pattern.exec(text), null, text);
  for (const contribution of manifest.contributes.grammars) assert.ok(existsSync(join(ROOT, contribution.path)));
});
