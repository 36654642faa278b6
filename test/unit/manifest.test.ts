// Rule metadata is declared once in the rule files; the manifest and the docs must agree with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES as REPORT_RULES, FOLDER_RULES } from '../../server/src/rules';

/** Report and folder rules alike: each has a setting, a doc page and a row in the README. */
const ALL_RULES = [...REPORT_RULES, ...FOLDER_RULES];
import { ROOT, findingsOf } from '../support/fixtures';
import { buildReport } from '../../server/src/model/report';
import simpleTemplate from '../../templates/8d-simple.md';
import defaultTemplate from '../../templates/8d-default.md';
import postmortemTemplate from '../../templates/postmortem.md';
import { RELATIONS } from '../../server/src/model/links';

/** The parts of package.json these tests read. */
interface Manifest {
  name: string;
  displayName: string;
  activationEvents: string[];
  main: string;
  contributes: {
    configuration: { properties: Record<string, { enum?: string[]; default?: unknown; markdownDescription?: string }> };
    snippets: { path: string; language: string }[];
    grammars: { scopeName: string; path: string; injectTo: string[] }[];
  };
}

interface GrammarRule {
  match: string;
  name?: string;
  captures?: Record<string, { name: string }>;
  begin?: string;
}

/** The injection grammar as syntaxes/incident-docs.injection.tmLanguage.json writes it. */
interface InjectionGrammar {
  scopeName: string;
  injectionSelector: string;
  patterns: { include: string }[];
  repository: Record<string, GrammarRule>;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const properties = manifest.contributes.configuration.properties;
const readGrammar = () => JSON.parse(readFileSync(join(ROOT, 'syntaxes', 'incident-docs.injection.tmLanguage.json'), 'utf8')) as InjectionGrammar;

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
  const snippets = JSON.parse(readFileSync(join(ROOT, 'snippets', '8d.code-snippets'), 'utf8')) as Record<string, { prefix: string; body: string[] }>;
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
  const grammar = readGrammar();
  const pattern = new RegExp(grammar.repository['discipline-heading'].match);
  assert.equal(pattern.exec('## D3: Interim containment action')?.[2], 'D3');
  assert.equal(pattern.exec('### Discipline 6: Implementation')?.[2], 'Discipline 6');
  assert.equal(pattern.exec('## **D5 | Corrective Actions**')?.[2], 'D5');
  assert.equal(pattern.exec('## d0 - Prepare')?.[2], 'd0');
  for (const text of ['## D30 results', '## D3x', 'D3: not a heading', '## Dashboard']) assert.equal(pattern.exec(text), null, text);
  for (const contribution of manifest.contributes.grammars) assert.ok(existsSync(join(ROOT, contribution.path)));
});

// ─── Snippets: every file, and the whole-document snippets against the checker ─────────────────────────────

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const SNIPPETS_DIR = join(ROOT, 'snippets');
const snippetFiles = readdirSync(SNIPPETS_DIR).filter((name) => name.endsWith('.code-snippets') || name.endsWith('.json'));
const allSnippets: [string, Snippet][] = snippetFiles.flatMap((name) =>
  Object.entries(JSON.parse(readFileSync(join(SNIPPETS_DIR, name), 'utf8')) as Record<string, Snippet>).map(([key, snippet]): [string, Snippet] => [`${name}: ${key}`, snippet]),
);
const snippetWithPrefix = (prefix: string): Snippet => {
  const found = allSnippets.find(([, snippet]) => snippet.prefix === prefix);
  assert.ok(found, `snippet ${prefix}`);
  return found[1];
};

/** The variables VS Code resolves in snippets that these snippets may use, with the values of a fixed moment. */
const FIXED_NOW: Record<string, string> = { CURRENT_YEAR: '2025', CURRENT_MONTH: '03', CURRENT_DATE: '07', CURRENT_HOUR: '09', CURRENT_MINUTE: '05' };

/** A snippet body as VS Code inserts it when every tab stop keeps its default (first choice, placeholder text, or nothing). */
function expand(snippet: Snippet): string {
  const body = Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
  return body
    .replace(/\$\{([A-Z_]+)\}|\$([A-Z_]+)/g, (_, braced: string | undefined, bare: string | undefined) => {
      const name = braced ?? bare!;
      assert.ok(name in FIXED_NOW, `unknown snippet variable ${name}`);
      return FIXED_NOW[name];
    })
    .replace(/\$\{\d+\|([^,|}]*)[^|}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '');
}

test('every snippet file is valid JSON and contributed for Markdown; every snippet has a prefix, a body and a description', () => {
  assert.ok(snippetFiles.length > 0);
  const contributed = manifest.contributes.snippets.map((c) => {
    assert.equal(c.language, 'markdown', c.path);
    return join(ROOT, c.path);
  });
  for (const name of snippetFiles) assert.ok(contributed.includes(join(SNIPPETS_DIR, name)), `${name} is in contributes.snippets`);
  const prefixes = new Set<string>();
  for (const [key, snippet] of allSnippets) {
    assert.ok(typeof snippet.prefix === 'string' && snippet.prefix.length > 0, `${key}: prefix`);
    assert.ok(!prefixes.has(snippet.prefix), `${key}: prefix ${snippet.prefix} is unique`);
    prefixes.add(snippet.prefix);
    assert.ok(Array.isArray(snippet.body) && snippet.body.length > 0 && snippet.body.every((line) => typeof line === 'string'), `${key}: body`);
    assert.ok(typeof snippet.description === 'string' && snippet.description.length >= 10, `${key}: description`);
    // Every `$` starts a tab stop, a placeholder, a choice or a known variable, and braces balance.
    const text = snippet.body.join('\n');
    for (const match of text.matchAll(/\$(?!\d|\{\d+[:|}]|\{?[A-Z_]+\b)/g)) assert.fail(`${key}: stray $ at ${match.index}`);
    assert.doesNotThrow(() => expand(snippet), key);
    assert.ok(!/\$\{|\$\d/.test(expand(snippet)), `${key}: every tab stop expands`);
  }
  for (const prefix of ['8d', '5w2h', 'postmortem', 'tl', 'tlrow', 'action', 'link', ...[0, 1, 2, 3, 4, 5, 6, 7, 8].map((n) => `d${n}`)]) snippetWithPrefix(prefix);
});

test('the 8d snippet expands to a complete 8D report in the simple template', () => {
  const snippet = snippetWithPrefix('8d');
  const text = expand(snippet);
  assert.ok(text.startsWith('# N: Title\n\n- **Date:** 2025-03-07\n- **Status:** Draft\n\n## D0: Planning\n'), text);
  const report = buildReport(text);
  assert.equal(report.kind, '8d');
  assert.deepEqual(report.disciplines.map((d) => d.number), [0, 1, 2, 3, 4, 5, 6, 7, 8]);
  assert.equal(report.date?.value, '2025-03-07');
  assert.equal(report.status?.value, 'Draft');
  // Each discipline heading and its prompt comment exactly as the template writes them, in template order.
  const template = buildReport(simpleTemplate);
  for (const [i, discipline] of template.disciplines.entries()) {
    const chunk = simpleTemplate.slice(discipline.heading.start, simpleTemplate.indexOf('-->', discipline.heading.start) + 3);
    assert.ok(text.includes(chunk), `D${i} heading and prompt as in templates/8d-simple.md`);
  }
  assert.ok(text.includes(simpleTemplate.match(/\| Name \|[^\n]*\n\|-[^\n]*/)![0]), 'the D1 team table header');
  const findings = findingsOf(text);
  assert.deepEqual(findings.filter((f) => f.rule === 'missing-section'), []);
  // Once the title is filled in, only the not-yet-written sections are reported.
  const filled = findingsOf(text.replace('# N: Title', '# 7: Pump seal leak on line 2'));
  assert.deepEqual([...new Set(filled.map((f) => f.rule))].filter((rule) => rule !== 'empty-section'), []);
  // The D1 table and tab stops in every section: the title, N and Title, then one per discipline.
  assert.ok((snippet.body as string[]).filter((line) => /\$\{?\d/.test(line)).length >= 1 + 9, 'a tab stop in each section');
});

test('the postmortem snippet expands to a post-mortem with every core section and its template prompt', () => {
  const snippet = snippetWithPrefix('postmortem');
  const text = expand(snippet);
  const report = buildReport(text);
  assert.equal(report.kind, 'postmortem');
  assert.deepEqual(findingsOf(text).filter((f) => f.rule === 'missing-section'), []);
  const template = buildReport(postmortemTemplate);
  assert.deepEqual(report.postmortemSections.map((s) => s.kind.id), template.postmortemSections.map((s) => s.kind.id));
  for (const section of template.postmortemSections) {
    const chunk = postmortemTemplate.slice(section.heading.start, postmortemTemplate.indexOf('-->', section.heading.start) + 3);
    assert.ok(text.includes(chunk), `${section.heading.text} heading and prompt as in templates/postmortem.md`);
  }
  assert.ok(text.includes('All times UTC.'));
  const filled = findingsOf(text.replace('# N: Title', '# 12: Checkout API outage'));
  assert.deepEqual([...new Set(filled.map((f) => f.rule))].filter((rule) => rule !== 'empty-section'), []);
});

test('the small snippets expand to the lines the checker reads', () => {
  assert.equal(expand(snippetWithPrefix('tl')), '- 09:05 UTC — what happened');
  assert.equal(expand(snippetWithPrefix('tlrow')), '| 2025-03-07 09:05 | event |');
  assert.equal(expand(snippetWithPrefix('action')), '| action | owner | due YYYY-MM-DD |');
  assert.equal(expand(snippetWithPrefix('link')), '- Supersedes: [N: Title](./NNNN-slug.md)');
  const link = (snippetWithPrefix('link').body as string[]).join('\n');
  const choices = /\$\{1\|([^|]*)\|\}/.exec(link)![1].split(',');
  assert.deepEqual(choices, RELATIONS.map((relation) => relation.name));
  const fiveW2H = expand(snippetWithPrefix('5w2h')).split('\n').map((line) => line.replace(/\*\* .*$/, '** '));
  assert.deepEqual(fiveW2H, defaultTemplate.match(/### 5W2H analysis\n([\s\S]*?)\n\n/)![1].split('\n'));
  // A timeline made of `tl` entries (and a table of `tlrow` rows) is read without an unparsed-entry finding.
  for (const timeline of [`${expand(snippetWithPrefix('tl'))}\n${expand(snippetWithPrefix('tl')).replace('09:05', '09:40')}`, `| Time (UTC) | Event |\n|---|---|\n${expand(snippetWithPrefix('tlrow'))}`]) {
    const text = expand(snippetWithPrefix('postmortem')).replace('All times UTC.\n', `All times UTC.\n\n${timeline}\n`);
    assert.deepEqual(findingsOf(text).filter((f) => f.rule.startsWith('timeline')), [], timeline);
  }
});

/** The bodies of the look-behinds in an Oniguruma pattern. */
function lookBehinds(pattern: string): string[] {
  const bodies: string[] = [];
  for (const match of pattern.matchAll(/\(\?<[=!]/g)) {
    let depth = 0;
    let inClass = false;
    for (let i = match.index; i < pattern.length; i++) {
      const char = pattern[i];
      if (char === '\\') i++;
      else if (inClass) inClass = char !== ']';
      else if (char === '[') inClass = true;
      else if (char === '(') depth++;
      else if (char === ')' && --depth === 0) {
        bodies.push(pattern.slice(match.index + 4, i));
        break;
      }
    }
  }
  return bodies;
}

// ─── Grammar: shape of the injection (the scopes themselves are tested by test/grammar/run.mjs) ────────────

test('the injection grammar injects only into Markdown paragraphs, headings and tables, with one scoped pattern per rule', () => {
  const grammar = readGrammar();
  assert.equal(grammar.scopeName, 'incident-docs.injection');
  assert.deepEqual(grammar.injectionSelector.split(',').map((s) => s.trim()), ['L:meta.paragraph.markdown', 'L:markup.heading.markdown', 'L:markup.table.markdown']);
  assert.deepEqual(grammar.patterns.map((p) => p.include.slice(1)).sort(), Object.keys(grammar.repository).sort());
  for (const [key, rule] of Object.entries(grammar.repository)) {
    assert.ok(rule.match && !rule.begin, `${key} is a single-line match`);
    const names = [rule.name, ...Object.values(rule.captures ?? {}).map((c) => c.name)].filter((n): n is string => !!n);
    assert.ok(names.length > 0 && names.every((n) => n.endsWith('.incident-docs')), key);
    // Located by a look-behind, never by consuming the Markdown before the token.
    assert.ok(!rule.match.startsWith('^'), `${key} does not consume from the line start`);
    // Look-behinds of bounded length only: an unbounded one re-reads the line at every position tried.
    for (const body of lookBehinds(rule.match)) assert.ok(!/(?<!\\)[*+]|\{\d+,\}/.test(body.replace(/\\./g, '').replace(/\[[^\]]*\]/g, 'c')), `${key}: unbounded look-behind ${body}`);
  }
  const contribution = manifest.contributes.grammars.find((g) => g.scopeName === grammar.scopeName);
  assert.deepEqual(contribution?.injectTo, ['text.html.markdown']);
});

test('the README\'s "Adding a rule" shows the real rule file and a real fixture marker', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Adding a rule'), readme.indexOf('## How it is built'));
  const shownRule = /```ts\n([\s\S]*?)\s*```/.exec(section)?.[1].replace(/^ {3}/gm, '');
  assert.equal(shownRule?.trim(), readFileSync(join(ROOT, 'server/src/rules/pseudoHeading.ts'), 'utf8').trim());
  const marker = /```markdown\n\s*(<!--[^\n]*-->)\n/.exec(section)?.[1];
  assert.ok(marker && readFileSync(join(ROOT, 'test/fixtures/rules/pseudo-heading/section-name-as-paragraph.md'), 'utf8').includes(marker), 'the marker is in the fixture');
});
