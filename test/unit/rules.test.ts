import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, findingsOf, fixture, corpusReport } from '../support/fixtures';

const HEADER = '# 9: Test report\n\n- **Date:** 2025-06-23\n- **Status:** Draft\n\n';

function report(...sections: string[]): string {
  return HEADER + sections.map((s) => `${s}\n\nSome content.\n`).join('\n');
}

function rulesOf(text: string): string[] {
  return findingsOf(text).map((f) => f.rule);
}

describe('missing-section', () => {
  test('one finding per missing discipline, on the title line, titled from the simple family', () => {
    const findings = findingsOf(report('## D0: Planning', '## D1: Team members', '## D2: Problem statement & description'));
    const missing = findings.filter((f) => f.rule === 'missing-section');
    assert.deepEqual(missing.map((f) => f.message), [3, 4, 5, 6, 7, 8].map((n) => `Missing section D${n}: ${['', '', '', 'Interim containment action', 'Root cause & escape points', 'Permanent corrective action', 'Implementation plan', 'Preventive measures', 'Review & closure'][n]}`));
    assert.ok(missing.every((f) => f.line === 1 && f.severity === 'error'));
  });

  test('titles come from the family the document uses (default, Ford)', () => {
    const defaults = findingsOf(report('## D0: Plan and prepare', '## D1: Form a team', '## D2: Identify the problem'));
    assert.equal(defaults.find((f) => f.rule === 'missing-section')?.message, 'Missing section D3: Develop interim containment plan');
    const ford = findingsOf(report('## D0: Prepare for the Global 8D Process', '## D1: Establish the Team', '## D2: Describe the Problem'));
    assert.equal(ford.find((f) => f.rule === 'missing-section')?.message, 'Missing section D3: Develop Interim Containment Actions');
  });

  test('with no title line the finding sits on line 1', () => {
    const findings = findingsOf('## D0: Planning\n\nx\n\n## D1: Team members\n\nx\n\n## D2: Problem\n\nx\n');
    assert.ok(findings.filter((f) => f.rule === 'missing-section').every((f) => f.line === 1));
  });

  test('a heading inside a code fence does not count as present', () => {
    const findings = findingsOf(fixture('8d', 'code-fence.md'));
    assert.deepEqual(findings.filter((f) => f.rule === 'missing-section').map((f) => f.message), ['Missing section D3: Interim containment action']);
  });
});

describe('section-order', () => {
  test('one discipline moved late: one finding, pointing at the heading it should precede', () => {
    const findings = findingsOf(report('## D0: Planning', '## D1: Team members', '## D3: Interim containment action', '## D4: Root cause & escape points', '## D2: Problem statement & description', '## D5: A', '## D6: B', '## D7: C', '## D8: D'));
    const order = findings.filter((f) => f.rule === 'section-order');
    assert.equal(order.length, 1);
    assert.match(order[0].message, /^D2 appears after D3: move it before D3 \(line \d+\)$/);
    assert.equal(order[0].severity, 'warning');
  });

  test('a discipline moved early: one finding, pointing at the heading it should follow', () => {
    const findings = findingsOf(report('## D8: Review & closure', '## D0: Planning', '## D1: Team members', '## D2: Problem statement & description', '## D3: a', '## D4: b', '## D5: c', '## D6: d', '## D7: e'));
    const order = findings.filter((f) => f.rule === 'section-order');
    assert.equal(order.length, 1);
    assert.match(order[0].message, /^D8 appears before D7: move it after D7 \(line \d+\)$/);
  });

  test('in order: nothing', () => {
    assert.deepEqual(rulesOf(fixture('8d', 'release-1.0.0.md')), []);
  });
});

describe('duplicate-section', () => {
  test('the second D3 is reported, pointing at the first', () => {
    const text = report('## D0: Planning', '## D1: Team members', '## D2: Problem statement & description', '## D3: Interim containment action', '## D3: Interim containment action', '## D4: a', '## D5: b', '## D6: c', '## D7: d', '## D8: e');
    const duplicates = findingsOf(text).filter((f) => f.rule === 'duplicate-section');
    assert.equal(duplicates.length, 1);
    assert.match(duplicates[0].message, /^Duplicate section D3: it is already on line \d+$/);
    assert.deepEqual(rulesOf(text).filter((r) => r === 'section-order'), [], 'a duplicate is not also an ordering problem');
  });
});

describe('empty-section', () => {
  test('prompt comment only, whitespace only, or an untouched template skeleton is empty', () => {
    const text = `${HEADER}## D0: Planning\n<!-- Gather data -->\n\n## D1: Team members\n<!-- List team members and their roles -->\n\n| Name | Role | Department | Responsibilities |\n|------|------|------------|------------------|\n|      |      |            |                  |\n\n## D2: Problem\n\n   \n\n## D3: Containment\n\nReal text.\n`;
    const empty = findingsOf(text).filter((f) => f.rule === 'empty-section');
    assert.deepEqual(empty.map((f) => f.message), ['Section D0 is empty: it holds only its prompt', 'Section D1 is empty: it holds only its prompt', 'Section D2 is empty: it holds only its prompt']);
    assert.ok(empty.every((f) => f.severity === 'information'));
  });

  test('a default-template section is filled when one of its subsections has content', () => {
    assert.deepEqual(rulesOf(corpusReport('0002').text), []);
  });
});

describe('metadata', () => {
  test('missing number, missing date and missing status are warnings', () => {
    const findings = findingsOf('# Label printer skips\n\n## D0: a\n\nx\n\n## D1: b\n\nx\n\n## D2: c\n\nx\n').filter((f) => f.rule === 'metadata');
    assert.deepEqual(findings.map((f) => f.message), [
      'The title has no report number: write it as `# N: Title`',
      'Missing date: add `- **Date:** YYYY-MM-DD` under the title',
      'Missing status: add `- **Status:** Draft` under the title',
    ]);
    assert.ok(findings.every((f) => f.severity === 'warning' && f.line === 1));
  });

  test('an unparseable date is reported on its own line', () => {
    const findings = findingsOf('# 4: T\n\n- **Date:** next Tuesday\n- **Status:** Draft\n\n## D0: a\n\nx\n\n## D1: b\n\nx\n\n## D2: c\n\nx\n').filter((f) => f.rule === 'metadata');
    assert.deepEqual(findings.map((f) => [f.line, f.message]), [[3, 'The date "next Tuesday" is not a date: write it as YYYY-MM-DD']]);
  });

  test('an impossible calendar date is not a date', () => {
    const findings = findingsOf('# 4: T\n\n- **Date:** 2025-02-30\n- **Status:** Draft\n\n## D0: a\n\nx\n\n## D1: b\n\nx\n\n## D2: c\n\nx\n');
    assert.equal(findings.filter((f) => f.rule === 'metadata').length, 1);
  });

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

describe('section-title', () => {
  test('a title belonging to another discipline is a hint, and the section still counts by its number', () => {
    const text = report('## D0: Planning', '## D1: Team members', '## D2: Problem statement & description', '## D3: Interim containment action', '## D4: Form a team', '## D5: a', '## D6: b', '## D7: c', '## D8: d');
    const findings = findingsOf(text);
    assert.deepEqual(findings.map((f) => [f.rule, f.severity]), [['section-title', 'hint']]);
    assert.match(findings[0].message, /D4 is titled "Form a team", which is the title of D1/);
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
