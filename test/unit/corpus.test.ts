// The expectations of test/fixtures/corpus/README.md for the 8D reports and the files that are not reports.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, corpusReport, findingsOf } from '../support/fixtures';

function seen(prefix: string) {
  return findingsOf(corpusReport(prefix).text).map(({ rule, line, message }) => ({ rule, line, message }));
}

describe('corpus: 8d-workspace', () => {
  for (const prefix of ['0001', '0002', '0003']) {
    test(`${prefix} reports nothing`, () => assert.deepEqual(seen(prefix), []));
  }

  test('0004: exactly D3 missing, D6 missing and D5 empty', () => {
    assert.deepEqual(seen('0004'), [
      { rule: 'missing-section', line: 1, message: 'Missing section D3: Interim containment action' },
      { rule: 'missing-section', line: 1, message: 'Missing section D6: Implementation plan' },
      { rule: 'empty-section', line: 48, message: 'Section D5 is empty: it holds only its prompt' },
    ]);
  });

  test('0005: only the D2/D4 swap, on lines 21 and 39', () => {
    const findings = seen('0005');
    assert.deepEqual(findings.map((f) => [f.rule, f.line]), [['section-order', 21], ['section-order', 39]]);
    for (const finding of findings) {
      assert.match(finding.message, /D2/);
      assert.match(finding.message, /D4/);
    }
  });

  test('the reports folder README is not a report', () => {
    assert.deepEqual(findingsOf(readFileSync(join(CORPUS, '8d-workspace', 'reports', 'README.md'), 'utf8')), []);
  });
});

describe('corpus: not-reports stay silent', () => {
  const folder = join(CORPUS, 'not-reports');
  for (const name of readdirSync(folder)) {
    test(name, () => assert.deepEqual(findingsOf(readFileSync(join(folder, name), 'utf8')), []));
  }
  test('the corpus README itself', () => assert.deepEqual(findingsOf(readFileSync(join(CORPUS, 'README.md'), 'utf8')), []));
});
