// What each rule finds in a report is written in its fixtures (test/fixtures/rules/<rule-id>/, run by
// ruleFixtures.test.ts); here are the checks over shared fixtures and the corpus, and those a marker cannot say.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, findingsOf, fixture, corpusReport } from '../support/fixtures';

function rulesOf(text: string): string[] {
  return findingsOf(text).map((f) => f.rule);
}

describe('missing-section', () => {
  test('with no title line the finding sits on line 1', () => {
    const findings = findingsOf('## D0: Planning\n\nx\n\n## D1: Team members\n\nx\n\n## D2: Problem\n\nx\n');
    assert.ok(findings.filter((f) => f.rule === 'missing-section').every((f) => f.line === 1));
  });
});

describe('empty-section', () => {
  test('a default-template section is filled when one of its subsections has content', () => {
    assert.deepEqual(rulesOf(corpusReport('0002').text), []);
  });
});

describe('metadata', () => {
  test('all three 8d-tools generations and front matter satisfy it', () => {
    for (const text of [corpusReport('0001').text, corpusReport('0003').text, fixture('8d', 'release-1.0.0.md'), fixture('8d', 'front-matter.md')]) {
      assert.deepEqual(rulesOf(text).filter((r) => r === 'metadata'), []);
    }
  });
});

describe('front-matter', () => {
  test('a YAML error is an error diagnostic inside the front matter', () => {
    const findings = findingsOf(fixture('8d', 'front-matter-broken.md')).filter((f) => f.rule === 'front-matter');
    assert.ok(findings.length >= 1);
    assert.ok(findings.every((f) => f.severity === 'error' && f.line >= 2 && f.line <= 5));
    assert.match(findings[0].message, /^Front matter: /);
  });
});

describe('tolerant headings', () => {
  test('every variant is recognised: nothing missing, misordered or duplicated', () => {
    assert.deepEqual(rulesOf(fixture('8d', 'heading-variants.md')), []);
  });
});

describe('ordinary Markdown gets no diagnostics at all', () => {
  const folder = join(FIXTURES, 'not-reports');
  for (const name of readdirSync(folder)) {
    test(name, () => assert.deepEqual(findingsOf(readFileSync(join(folder, name), 'utf8')), []));
  }
});
