// Suppression comments (`<!-- incident-docs-disable… -->`): what they silence, as a user sees it through the language
// service the server and the CLI share, and the "Ignore …" quick-fixes that write them (applied, then re-checked).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/languageService';
import { buildReport } from '../../server/src/model/report';
import { readSuppressions } from '../../server/src/model/suppressions';
import { applyEdits, corpusReport, documentOf, findingsOf, FIXTURES, ROOT } from '../support/fixtures';
import { assertLinear } from '../support/linear';

const service = createLanguageService();
const lines = (...text: string[]) => text.join('\n');

/** Report 0004 of the corpus: two missing sections (D3, D6) reported on its title, line 1, and an empty D5. */
const REPORT_0004 = corpusReport('0004').text;

/** The Ignore actions for one diagnostic, in the order offered. */
function ignoreActions(text: string, diagnostic: Diagnostic, uri = 'file:///test/report.md'): CodeAction[] {
  return service.getCodeActions(documentOf(text, uri), { diagnostics: [diagnostic], only: [CodeActionKind.QuickFix] }).filter((a) => a.title.startsWith('Ignore '));
}

function applied(text: string, action: CodeAction, uri = 'file:///test/report.md'): string {
  return applyEdits(text, action.edit?.changes?.[uri] ?? []);
}

describe('reading suppression comments', () => {
  test('the four forms, ids by commas or spaces, none for every rule; on their own line, inline or over lines', () => {
    const report = buildReport(lines(
      '# 1: Title',
      '<!-- incident-docs-disable-file missing-section -->',
      'Text <!-- incident-docs-disable timeline-order, section-order --> more.',
      '<!--',
      '  incident-docs-disable-next-line metadata empty-section',
      '-->',
      '<!-- incident-docs-enable -->',
    ));
    assert.deepEqual(readSuppressions(report).comments.map((c) => [c.form, c.ids.map((id) => id.id), c.line, c.endLine]), [
      ['disable-file', ['missing-section'], 1, 1],
      ['disable', ['timeline-order', 'section-order'], 2, 2],
      ['disable-next-line', ['metadata', 'empty-section'], 3, 5],
      ['enable', [], 6, 6],
    ]);
  });

  test('text in code fences, code spans, front matter and paragraphs is no comment; an unclosed comment is none', () => {
    const report = buildReport(lines(
      '---',
      'note: "<!-- incident-docs-disable-file -->"',
      '---',
      '# 1: Title',
      '```markdown',
      '<!-- incident-docs-disable-file -->',
      '```',
      'Write `<!-- incident-docs-disable-file -->` to silence a rule; incident-docs-disable is its name.',
      '',
      '    <!-- incident-docs-disable-file -->',
      '',
      '<!-- incident-docs-disable-file missing-section',
    ));
    assert.deepEqual(readSuppressions(report).comments, []);
  });

  test('read once per parsed report', () => {
    const report = buildReport('# 1: Title\n<!-- incident-docs-disable-file -->\n');
    assert.equal(readSuppressions(report), readSuppressions(report));
  });

  test('reading is linear on adversarial input: many HTML blocks, unclosed comments, comments of many ids', () => {
    // A copy of the report each time: the reading is remembered per report.
    const read = (report: ReturnType<typeof buildReport>) => readSuppressions({ ...report }).comments.length;
    const prepare = (text: string) => buildReport(`# 1: Title\n\n${text}`);
    for (const piece of ['<div>incident-docs-</div>\n\n', '<!-- incident-docs-disable\n', '<!-- incident-docs-disable a b c -->\n', 'incident-docs- `<!-- incident-docs-disable -->` ', '<!-- incident-docs-disable-next-line a,b,c, ']) {
      assertLinear(`suppressions on ${JSON.stringify(piece)}`, read, piece, prepare);
    }
  });

  test('what a line is covered by: ranges, the last word per rule, the next line, the file', () => {
    const covers = readSuppressions(buildReport(lines(
      '# 1: Title', //                                            0
      '<!-- incident-docs-disable -->', //                       1
      'a', //                                                    2
      '<!-- incident-docs-enable timeline-order -->', //         3
      'b', //                                                    4
      '<!-- incident-docs-enable -->', //                        5
      '<!-- incident-docs-disable-next-line metadata -->', //    6
      'c', //                                                    7
      'd', //                                                    8
      '<!-- incident-docs-disable section-order -->', //         9
      'e', //                                                   10
      '<!-- incident-docs-disable-file empty-section -->', //   11
    ))).covers;
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].filter((line) => covers('timeline-order', line)), [1, 2]);
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].filter((line) => covers('section-order', line)), [1, 2, 3, 4, 9, 10]);
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].filter((line) => covers('metadata', line)), [1, 2, 3, 4, 7]);
    assert.ok(covers('empty-section', 0), 'disable-file covers lines above it too');
  });
});

describe('suppressed findings are not reported', () => {
  test('disable-next-line above the title silences the missing sections reported there, and only that rule', () => {
    assert.deepEqual(findingsOf(REPORT_0004).map((f) => [f.rule, f.line]), [['missing-section', 1], ['missing-section', 1], ['empty-section', 48]]);
    assert.deepEqual(findingsOf(`<!-- incident-docs-disable-next-line missing-section -->\n${REPORT_0004}`).map((f) => [f.rule, f.line]), [['empty-section', 49]]);
    assert.deepEqual(findingsOf(`<!-- incident-docs-disable-next-line metadata -->\n${REPORT_0004}`).map((f) => f.rule), ['missing-section', 'missing-section', 'empty-section']);
  });

  test('disable-file at the end, a disable without enable, and a comment for every rule', () => {
    assert.deepEqual(findingsOf(`${REPORT_0004}\n<!-- incident-docs-disable-file missing-section, empty-section -->\n`), []);
    assert.deepEqual(findingsOf(`<!-- incident-docs-disable -->\n${REPORT_0004}`), []);
    assert.equal(findingsOf(`${REPORT_0004}\n<!-- incident-docs-disable -->\n`).length, 3, 'a disable below the findings covers nothing above it');
  });

  test('a finding spanning lines is silenced by the line it starts on', () => {
    // A Setext title is two lines; the missing sections are reported on all of it.
    const text = REPORT_0004.replace(/^# (.*)\n/, (_, title: string) => `${title}\n${'='.repeat(title.length)}\n`);
    const spanning = service.computeDiagnostics(documentOf(text)).filter((d) => d.code === 'missing-section');
    assert.deepEqual(spanning.map((d) => [d.range.start.line, d.range.end.line]), [[0, 1], [0, 1]]);
    assert.deepEqual(findingsOf(`<!-- incident-docs-disable-next-line missing-section -->\n${text}`).map((f) => f.rule), ['empty-section']);
  });

  test('code actions of a silenced finding are gone with it', () => {
    const text = `<!-- incident-docs-disable-next-line missing-section -->\n${REPORT_0004}`;
    const document = documentOf(text);
    assert.deepEqual(service.getCodeActions(document, { diagnostics: [], only: ['source.fixAll'] }), []);
    assert.deepEqual(service.insertMissingSections(document), []);
  });
});

describe('the Ignore quick-fixes', () => {
  test('come after the real fixes, as quick-fixes never preferred, one per rule and line', () => {
    const document = documentOf(REPORT_0004);
    const diagnostics = service.computeDiagnostics(document).filter((d) => d.code === 'missing-section');
    const actions = service.getCodeActions(document, { diagnostics, only: [CodeActionKind.QuickFix] });
    assert.deepEqual(actions.map((a) => a.title), ['Insert D3: Interim containment action', 'Insert D6: Implementation plan', 'Insert all missing sections',
      'Ignore on this line', 'Ignore in this file']);
    for (const action of actions.filter((a) => a.title.startsWith('Ignore '))) {
      assert.equal(action.kind, CodeActionKind.QuickFix);
      assert.equal(action.isPreferred, undefined);
      assert.equal(action.diagnostics?.length, 2);
    }
  });

  test('asked about findings of several rules, each Ignore action names its rule', () => {
    const document = documentOf(REPORT_0004);
    const all = service.computeDiagnostics(document);
    const missing = all.find((d) => d.code === 'missing-section')!;
    const empty = all.find((d) => d.code === 'empty-section')!;
    const titles = service.getCodeActions(document, { diagnostics: [missing, empty], only: [CodeActionKind.QuickFix] }).map((a) => a.title).filter((t) => t.startsWith('Ignore '));
    assert.deepEqual(titles, ['Ignore on this line (missing-section)', 'Ignore on this line (empty-section)', 'Ignore in this file (missing-section)', 'Ignore in this file (empty-section)']);
  });

  test('Ignore on this line writes the comment on a line of its own above the finding', () => {
    const [diagnostic] = service.computeDiagnostics(documentOf(REPORT_0004));
    const fixed = applied(REPORT_0004, ignoreActions(REPORT_0004, diagnostic)[0]);
    assert.equal(fixed, `<!-- incident-docs-disable-next-line missing-section -->\n${REPORT_0004}`);
  });

  test('in a list, the comment goes into the item before, so the list stays one list', () => {
    const text = lines(
      '# Post-mortem: API errors', '', '## Summary', '', 'Errors for 20 minutes.', '', '## Impact', '', 'All users.', '',
      '## Root cause', '', 'A bad deploy.', '', '## Resolution', '', 'Rolled back.', '',
      '## Timeline', '', '- 09:00 UTC: deploy', '- 09:20 UTC: rolled back', '- 09:10 UTC: alert fires', '', '## Lessons learned', '', 'Canary first.', '',
      '## Action items', '', '- Canary deploys', '');
    const diagnostic = service.computeDiagnostics(documentOf(text)).find((d) => d.code === 'timeline-order');
    assert.ok(diagnostic);
    const fixed = applied(text, ignoreActions(text, diagnostic)[0]);
    assert.ok(fixed.includes('- 09:20 UTC: rolled back\n  <!-- incident-docs-disable-next-line timeline-order -->\n- 09:10 UTC: alert fires'));
    const lists = buildReport(fixed).tree.children.filter((node) => node.type === 'list');
    assert.equal(lists.length, 2, 'the timeline and the action items, each one list');
    assert.deepEqual(findingsOf(fixed), []);
  });

  test('Ignore in this file adds the id to the disable-file comment there is, in its style', () => {
    const text = `<!-- incident-docs-disable-file metadata, empty-section -->\n${REPORT_0004}`;
    const diagnostic = service.computeDiagnostics(documentOf(text))[0];
    const inFile = ignoreActions(text, diagnostic).find((a) => a.title.startsWith('Ignore in this file'));
    assert.ok(inFile);
    const fixed = applied(text, inFile);
    assert.ok(fixed.startsWith('<!-- incident-docs-disable-file metadata, empty-section, missing-section -->\n'));
    assert.deepEqual(findingsOf(fixed), []);
  });

  test('a finding in front matter gets only Ignore in this file, written after the front matter when the title is in it', () => {
    const text = lines('---', 'title: Pump seal leak', 'type: 8d', 'status: Closd', '---', '', '## D0: Planning', '', 'Plan.', '');
    const diagnostics = service.computeDiagnostics(documentOf(text));
    const inFrontMatter = diagnostics.find((d) => d.range.start.line <= 4);
    assert.ok(inFrontMatter, `a finding in the front matter: ${JSON.stringify(diagnostics.map((d) => [d.code, d.range.start.line]))}`);
    const actions = ignoreActions(text, inFrontMatter);
    assert.deepEqual(actions.map((a) => a.title), ['Ignore in this file']);
    const fixed = applied(text, actions[0]);
    assert.ok(fixed.startsWith(lines('---', 'title: Pump seal leak', 'type: 8d', 'status: Closd', '---', '', `<!-- incident-docs-disable-file ${String(inFrontMatter.code)} -->`, '', '## D0')));
    assert.equal(findingsOf(fixed).filter((f) => f.rule === inFrontMatter.code).length, 0);
  });

  test('a diagnostic of an older version that no longer stands where it did gets no Ignore action', () => {
    const [diagnostic] = service.computeDiagnostics(documentOf(REPORT_0004));
    assert.deepEqual(ignoreActions(`\n\n${REPORT_0004}`, diagnostic), []);
  });

  test('CRLF documents get CRLF lines', () => {
    const text = REPORT_0004.replace(/\n/g, '\r\n');
    const [diagnostic] = service.computeDiagnostics(documentOf(text));
    const [onLine, inFile] = ignoreActions(text, diagnostic);
    assert.ok(applied(text, onLine).startsWith('<!-- incident-docs-disable-next-line missing-section -->\r\n# '));
    assert.match(applied(text, inFile), /\r\n\r\n<!-- incident-docs-disable-file missing-section -->\r\n\r\n/);
  });
});

/** Every Markdown file under a folder. */
function markdownFiles(folder: string): string[] {
  return readdirSync(folder).sort().flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

/** Line numbers in messages move when a line is inserted above: `(line 39)` is the same finding as `(line 40)`. */
const shown = (diagnostic: Diagnostic) => `${String(diagnostic.code)}: ${messageOf(diagnostic).replace(/\blines? \d+/g, 'line N')}`;
const messageOf = (diagnostic: Diagnostic) => (typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value);

describe('every Ignore action on every finding of the fixtures, the corpus and the examples', () => {
  const files = [...markdownFiles(FIXTURES), ...markdownFiles(join(ROOT, 'examples'))];
  test('silences the finding it was offered for, and changes no other finding', () => {
    let applied = 0;
    const problems: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const uri = 'file:///test/report.md';
      const before = service.computeDiagnostics(documentOf(text, uri));
      const offered = new Set<string>();
      for (const diagnostic of before) {
        for (const action of ignoreActions(text, diagnostic, uri)) {
          const onLine = action.title.startsWith('Ignore on this line');
          const key = `${action.title}:${onLine ? diagnostic.range.start.line : ''}`;
          if (offered.has(key)) continue;
          offered.add(key);
          const silenced = (d: Diagnostic) => d.code === diagnostic.code && (!onLine || d.range.start.line === diagnostic.range.start.line);
          const expected = before.filter((d) => !silenced(d)).map(shown).sort();
          const after = service.computeDiagnostics(documentOf(applyEdits(text, action.edit?.changes?.[uri] ?? []), uri)).map(shown).sort();
          applied++;
          if (JSON.stringify(after) !== JSON.stringify(expected)) {
            problems.push(`${file.slice(ROOT.length + 1)}:${diagnostic.range.start.line + 1} ${action.title}:\n  now ${JSON.stringify(after.filter((d) => !expected.includes(d)))}\n  gone ${JSON.stringify(expected.filter((d) => !after.includes(d)))}`);
          }
        }
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(applied > 100, `only ${applied} Ignore actions were tried: the files are not being read`);
  });
});
