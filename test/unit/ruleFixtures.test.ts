// Every rule's behaviour, as fixture reports (test/fixtures/rules/<rule-id>/) that say in `<!-- expect: … -->` markers
// which findings they must give: each case is run through the language service the server and CLI use, and the
// findings must be exactly those the markers name. A new rule's tests are a new fixture folder; see its README.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_RULES, FOLDER_RULES } from '../../server/src/rules';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { RULE_FIXTURES, casesOf, compareFindings, findingsOfCase, folderFindingsOfCase, readMarkers, ruleFolders, shown, stripMarkers, type Expectation } from '../support/ruleFixtures';

const RULE_IDS = [...ALL_RULES, ...FOLDER_RULES].map((rule) => rule.id);
const FOLDERS = ruleFolders();

describe('rule fixtures cover the registered rules', () => {
  test('every registered rule has a fixture folder', () => {
    assert.deepEqual(RULE_IDS.filter((id) => !FOLDERS.includes(id)), [], 'add test/fixtures/rules/<rule-id>/ for these rules');
  });

  test('every fixture folder names a registered rule', () => {
    assert.deepEqual(FOLDERS.filter((folder) => !RULE_IDS.includes(folder)), [], 'these fixture folders name no rule');
  });

  for (const rule of FOLDERS.filter((folder) => RULE_IDS.includes(folder))) {
    test(`${rule}: a case where it finds something and a case where it finds nothing`, () => {
      const cases = casesOf(rule, RULE_IDS);
      const expectsRule = cases.map((fixtureCase) => fixtureCase.files.some((file) => readMarkers(readFileSync(file, 'utf8'), RULE_IDS).some((e) => e.rule === rule))
        || [...(fixtureCase.expectedIn?.values() ?? [])].some((expected) => expected.some((e) => e.rule === rule)));
      assert.ok(expectsRule.includes(true), `no case in test/fixtures/rules/${rule}/ expects a ${rule} finding`);
      assert.ok(expectsRule.includes(false), `every case in test/fixtures/rules/${rule}/ expects a ${rule} finding: add one where the rule is satisfied`);
    });
  }
});

for (const rule of FOLDERS.filter((folder) => RULE_IDS.includes(folder))) {
  describe(`rule fixtures: ${rule}`, () => {
    for (const fixtureCase of casesOf(rule, RULE_IDS)) {
      test(fixtureCase.name, async () => {
        assert.ok(fixtureCase.files.length > 0, `${rule}/${fixtureCase.name} holds no Markdown file`);
        const texts = new Map(fixtureCase.files.map((file) => [file, readFileSync(file, 'utf8')]));
        const marked = findingsOfCase(fixtureCase, (file) => texts.get(file)!);
        const stripped = findingsOfCase(fixtureCase, (file) => stripMarkers(texts.get(file)!));
        for (const file of fixtureCase.files) {
          let expected: Expectation[];
          try {
            expected = readMarkers(texts.get(file)!, RULE_IDS);
          } catch (error) {
            assert.fail(`${shown(file)}: ${error instanceof Error ? error.message : String(error)}`);
          }
          assert.deepEqual(compareFindings(shown(file), expected, marked.get(file)!), [], 'the findings differ from the markers');
          // The markers are comments, but comments are text to a parser: they must change nothing the rules find.
          assert.deepEqual(stripped.get(file), marked.get(file), `${shown(file)}: the markers change what the rules find`);
        }
        // A folder case is also a workspace folder: its own files (`.8d-dir`, the lock file) are checked by the folder rules.
        if (fixtureCase.name.endsWith('/')) {
          const folderFindings = await folderFindingsOfCase(fixtureCase, join(RULE_FIXTURES, rule, fixtureCase.name));
          const expectedIn = fixtureCase.expectedIn ?? new Map<string, Expectation[]>();
          for (const file of new Set([...folderFindings.keys(), ...expectedIn.keys()])) {
            assert.deepEqual(compareFindings(shown(file), expectedIn.get(file) ?? [], folderFindings.get(file) ?? []), [], 'the findings differ from <case>.expected.json');
          }
        }
      });
    }
  });
}

describe('fixture markers', () => {
  const rules = ['missing-section', 'timeline-order', 'section-order'];

  test('a trailing marker expects findings on its own line; expect-next-line on the next; several per marker', () => {
    const text = [
      '# 9: Title <!-- expect: missing-section, missing-section "D6" -->',
      '<!-- expect-next-line: section-order warning "move it" -->',
      '## D2: Problem',
      '- 08:20 x <!-- expect: timeline-order error -->',
    ].join('\n');
    assert.deepEqual(readMarkers(text, rules), [
      { rule: 'missing-section', line: 1 },
      { rule: 'missing-section', line: 1, fragment: 'D6' },
      { rule: 'section-order', line: 3, severity: 'warning', fragment: 'move it' },
      { rule: 'timeline-order', line: 4, severity: 'error' },
    ]);
  });

  test('a fragment may hold commas and escaped quotes', () => {
    assert.deepEqual(readMarkers('x <!-- expect: timeline-order "a, \\"b\\"", section-order -->', rules), [
      { rule: 'timeline-order', line: 1, fragment: 'a, "b"' },
      { rule: 'section-order', line: 1 },
    ]);
  });

  test('typos fail loudly: an unknown rule, a bad severity, a misspelt form, an unreadable list', () => {
    assert.throws(() => readMarkers('x <!-- expect: missing-sections -->', rules), /line 1: no rule is called "missing-sections"/);
    assert.throws(() => readMarkers('x\ny <!-- expect: section-order warn -->', rules), /line 2: "warn" is not a severity/);
    assert.throws(() => readMarkers('x <!-- expect-next: section-order -->', rules), /line 1: .*not "<!-- expect: …"/);
    assert.throws(() => readMarkers('x <!-- expect: section-order; timeline-order -->', rules), /line 1: cannot read/);
    assert.throws(() => readMarkers('x <!-- expect: -->', rules), /line 1: a marker names no rule/);
  });

  test('other comments, and the suppression comments to come, are not markers', () => {
    assert.deepEqual(readMarkers('<!-- incident-docs-disable-next-line section-order -->\n<!-- expected outcome: none -->\nx', rules), []);
  });

  test('stripping keeps every line where it was', () => {
    const text = '# 9: T <!-- expect: missing-section -->\n<!-- expect-next-line: section-order -->\n## D2\n<!-- a prompt -->\n';
    assert.equal(stripMarkers(text), '# 9: T\n\n## D2\n<!-- a prompt -->\n');
  });

  test('a missing finding and an unexpected one are both named with file, line and rule', () => {
    const problems = compareFindings('x/wrong.md', [{ rule: 'section-order', line: 3 }], [{ rule: 'timeline-order', line: 4, severity: 'error', message: 'late' }]);
    assert.deepEqual(problems, [
      'x/wrong.md:3: expected section-order, not found (found on that line: nothing)',
      'x/wrong.md:4: unexpected timeline-order error "late"',
    ]);
  });
});

describe('fixture markers must be invisible', () => {
  test('a marker that changes what the rules find is told apart from its stripped file', () => {
    // "Root cause <!-- … -->" is no longer a section name on a line of its own: the comment is part of the line's text.
    const folder = mkdtempSync(join(tmpdir(), 'incident-docs-fixture-'));
    const file = join(folder, 'visible-marker.md');
    const text = readFileSync(join(RULE_FIXTURES, 'pseudo-heading', 'section-name-as-paragraph.md'), 'utf8');
    writeFileSync(file, text.replace(/<!-- expect-next-line: pseudo-heading[^\n]*\nRoot cause\n/, 'Root cause <!-- expect: missing-section -->\n'));
    const fixtureCase = { rule: 'pseudo-heading', name: 'visible-marker.md', files: [file], otherFiles: [], settings: DEFAULT_SETTINGS };
    const rulesOf = (textOf: (path: string) => string) => findingsOfCase(fixtureCase, textOf).get(file)!.map((f) => f.rule);
    assert.deepEqual(rulesOf((path) => readFileSync(path, 'utf8')), ['missing-section']);
    assert.deepEqual(rulesOf((path) => stripMarkers(readFileSync(path, 'utf8'))), ['pseudo-heading']);
  });
});
