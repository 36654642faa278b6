// `npm run generate` makes the rule files the single source: run on a copy of the project, adding a rule file and
// its doc page is all it takes for the rule to be registered, to get its setting, its README row and its page header.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/fixtures';

const NEW_RULE = `import type { Rule } from './rule';

export const summaryFirst: Rule = {
  id: 'summary-first',
  description: 'A post-mortem opens with its summary.',
  defaultSeverity: 'hint',
  kinds: ['postmortem'],
  check(report) {
    const first = report.postmortemSections[0];
    return first && first.kind.id !== 'summary' ? [{ message: 'Put the summary first', range: first.range }] : [];
  },
};
`;

describe('npm run generate', () => {
  let copy: string;
  const generate = (...args: string[]) => spawnSync(process.execPath, ['scripts/generate.mjs', ...args], { cwd: copy, encoding: 'utf8' });
  const read = (path: string) => readFileSync(join(copy, path), 'utf8');

  before(() => {
    copy = mkdtempSync(join(tmpdir(), 'incident-docs-generate-test-'));
    for (const part of ['scripts', 'server', 'templates', 'docs', 'schemas', 'README.md', 'package.json', 'tsconfig.json']) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  });
  after(() => rmSync(copy, { recursive: true, force: true }));

  test('the generated files of the project are up to date', () => {
    const result = generate('--check');
    assert.equal(result.status, 0, result.stderr);
  });

  test('a new rule file and its doc page are all a new rule needs', () => {
    writeFileSync(join(copy, 'server/src/rules/summaryFirst.ts'), NEW_RULE);
    writeFileSync(join(copy, 'docs/rules/summary-first.md'), '# summary-first\n\nA post-mortem opens with its summary.\n\n## Wrong\n\n…\n');
    const stale = generate('--check');
    assert.equal(stale.status, 1);
    assert.match(stale.stderr, /server\/src\/rules\/index\.ts, package\.json, README\.md, docs\/rules\/summary-first\.md/);
    assert.match(stale.stderr, /Run `npm run generate`/);

    assert.equal(generate().status, 0);
    assert.match(read('server/src/rules/index.ts'), /import \{ summaryFirst \} from '\.\/summaryFirst';[\s\S]*ALL_RULES: readonly Rule\[\] = \[[^\]]*\bsummaryFirst\b/);
    const manifest = JSON.parse(read('package.json')) as { contributes: { configuration: { properties: Record<string, { default: string; markdownDescription: string }> } } };
    const setting = manifest.contributes.configuration.properties['incidentDocs.rules.summary-first'];
    assert.equal(setting.default, 'hint');
    assert.match(setting.markdownDescription, /^A post-mortem opens with its summary\. Severity of rule `summary-first`/);
    const schema = JSON.parse(read('schemas/incident-docs.schema.json')) as { properties: Record<string, { default?: string; properties?: Record<string, { default: string }> }> };
    assert.equal(schema.properties['rules.summary-first'].default, 'hint', 'the config file schema takes the new rule, dotted');
    assert.equal(schema.properties.rules.properties!['summary-first'].default, 'hint', 'and nested');
    assert.match(read('README.md'), /\| \[`summary-first`\]\(docs\/rules\/summary-first\.md\) \| hint \| post-mortems \| A post-mortem opens with its summary\. \|/);
    const page = read('docs/rules/summary-first.md');
    assert.match(page, /^# summary-first\n\nA post-mortem opens with its summary\.\n\n- Default severity: \*\*hint\*\*/);
    assert.match(page, /## Wrong\n\n…\n$/, 'the hand-written part is kept');
    assert.equal(generate('--check').status, 0, 'and then nothing is stale');
    assert.equal(generate().stdout.includes('Nothing to write'), true, 'a second run writes nothing');
  });

  test('a rule without a doc page, or with an id already taken, is refused with the reason', () => {
    writeFileSync(join(copy, 'server/src/rules/noPage.ts'), NEW_RULE.replace(/summaryFirst/g, 'noPage').replace(/summary-first/g, 'no-page'));
    const missingPage = generate();
    assert.equal(missingPage.status, 1);
    assert.match(missingPage.stderr, /docs\/rules\/no-page\.md is missing/);
    writeFileSync(join(copy, 'server/src/rules/noPage.ts'), NEW_RULE.replace(/summaryFirst/g, 'again'));
    const taken = generate();
    assert.equal(taken.status, 1);
    assert.match(taken.stderr, /two rules have the id summary-first/);
    rmSync(join(copy, 'server/src/rules/noPage.ts'));
  });

  test('a hand edit of a generated line is found stale', () => {
    const page = join(copy, 'docs/rules/front-matter.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('- Default severity: **error**', '- Default severity: **warning**'));
    const result = generate('--check');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /docs\/rules\/front-matter\.md/);
  });
});
