import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { CodeActionKind, Diagnostic, type CodeAction, type TextEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/languageService';
import { applyEdits, corpusReport, documentOf, findingsOf, fixture } from '../support/fixtures';
import { buildReport } from '../../server/src/model/report';

const service = createLanguageService();

function missingDiagnostics(text: string): { diagnostics: Diagnostic[]; document: ReturnType<typeof documentOf> } {
  const document = documentOf(text);
  return { document, diagnostics: service.computeDiagnostics(document).filter((d) => d.code === 'missing-section') };
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  return action.edit?.changes?.[uri] ?? [];
}

/** Applies the quick-fix of the missing-section diagnostic for discipline `number`. */
function fix(text: string, number: number): string {
  const { document, diagnostics } = missingDiagnostics(text);
  const diagnostic = diagnostics.find((d) => Diagnostic.getMessageString(d).startsWith(`Missing section D${number}:`));
  assert.ok(diagnostic, `D${number} should be missing`);
  const actions = service.getCodeActions(document, { diagnostics: [diagnostic], only: [CodeActionKind.QuickFix] });
  const action = actions.find((a) => a.title.startsWith(`Insert D${number}:`));
  assert.ok(action, `quick-fix for D${number}`);
  assert.equal(action.isPreferred, true);
  return applyEdits(text, editsOf(action, document.uri));
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

describe('missing-section quick-fix', () => {
  test('0004: Insert D3 puts the heading and its prompt before D4, after D2', () => {
    const { text } = corpusReport('0004');
    const fixed = fix(text, 3);
    assert.equal(lineOf(fixed, '## D3: Interim containment action'), 37);
    assert.equal(lineOf(fixed, '## D4:'), 40);
    assert.ok(fixed.includes('## D3: Interim containment action\n<!-- Describe any temporary actions or plans to put in place while determining a permanent corrective action. -->\n\n## D4:'));
    assert.deepEqual(findingsOf(fixed).filter((f) => f.message.startsWith('Missing section D3')), []);
    assert.equal(fixed.replace(/## D3: Interim containment action\n<!--[^\n]*-->\n\n/, ''), text, 'nothing else changes');
  });

  test('0004: the quick-fix title names the discipline', () => {
    const { document, diagnostics } = missingDiagnostics(corpusReport('0004').text);
    const titles = service.getCodeActions(document, { diagnostics }).map((a) => a.title);
    assert.deepEqual(titles, ['Insert D3: Interim containment action', 'Insert D6: Implementation plan', 'Insert all missing sections',
      'Ignore on this line', 'Ignore in this file']);
  });

  test('0004: Insert D6 goes between D5 and D7', () => {
    const fixed = fix(corpusReport('0004').text, 6);
    const report = buildReport(fixed);
    assert.deepEqual(report.disciplines.map((d) => d.number), [0, 1, 2, 4, 5, 6, 7, 8]);
    assert.equal(lineOf(fixed, '## D6: Implementation plan'), 51);
  });

  test('Insert all missing sections fixes every one in one edit, and re-checking finds none missing', () => {
    const { text } = corpusReport('0004');
    const document = documentOf(text);
    const [fixAll] = service.getCodeActions(document, { diagnostics: [], only: ['source.fixAll'] });
    assert.equal(fixAll.title, 'Insert all missing sections');
    assert.equal(fixAll.kind, 'source.fixAll.incidentDocs');
    const fixed = applyEdits(text, editsOf(fixAll, document.uri));
    assert.deepEqual(buildReport(fixed).disciplines.map((d) => d.number), [0, 1, 2, 3, 4, 5, 6, 7, 8]);
    assert.deepEqual(findingsOf(fixed).filter((f) => f.rule === 'missing-section' || f.rule === 'section-order'), []);
  });

  test('several disciplines missing at the same place are inserted in order', () => {
    const text = '# 1: T\n\n- **Date:** 2025-01-01\n- **Status:** Draft\n\n## D0: Planning\n\nx\n\n## D1: Team members\n\nx\n\n## D2: Problem statement & description\n\nx\n\n## D8: Review & closure\n\nx\n';
    const fixed = applyEdits(text, service.insertMissingSections(documentOf(text)));
    assert.deepEqual(buildReport(fixed).disciplines.map((d) => d.number), [0, 1, 2, 3, 4, 5, 6, 7, 8]);
    assert.deepEqual(findingsOf(fixed).filter((f) => f.rule !== 'empty-section'), []);
  });

  test('a missing D0 goes before the first discipline; a missing D8 before the 8d-tools footer', () => {
    const original = fixture('8d', 'release-1.0.0.md');
    const withoutEnds = original.replace(/## D0: Planning[\s\S]*?(?=## D1)/, '').replace(/## D8: Review & closure[\s\S]*?(?=---)/, '');
    const fixed = applyEdits(withoutEnds, service.insertMissingSections(documentOf(withoutEnds)));
    assert.ok(fixed.indexOf('## D0: Planning') < fixed.indexOf('## D1:'));
    assert.ok(fixed.indexOf('## D8: Review & closure') < fixed.indexOf('---\n\n*This 8D report'));
    assert.ok(fixed.includes('**Status:** Draft\n\n## D0: Planning\n<!--'));
    assert.deepEqual(findingsOf(fixed).filter((f) => f.rule === 'missing-section'), []);
  });

  test('matches the heading level, label and separator style of the document', () => {
    const text = '# 5: T\n\n- **Date:** 2025-01-01\n- **Status:** Draft\n\n### D0 - Planning\n\nx\n\n### D1 - Team members\n\nx\n\n### D2 - Problem statement & description\n\nx\n\n### D4 - Root cause & escape points\n\nx\n';
    const fixed = fix(text, 3);
    assert.ok(fixed.includes('x\n\n### D3 - Interim containment action\n<!-- Describe any temporary'));
  });

  test('default-template reports get the section skeleton with subsections and the --- separator', () => {
    const { text } = corpusReport('0002');
    const withoutD3 = text.replace(/## D3: Develop interim containment plan[\s\S]*?---\n\n(?=## D4)/, '');
    assert.notEqual(withoutD3, text);
    const fixed = fix(withoutD3, 3);
    assert.ok(fixed.includes('---\n\n## D3: Develop interim containment plan\n\n### Immediate actions\n<!-- List immediate actions to contain the problem -->'));
    assert.ok(fixed.includes('<!-- When was/will the containment be implemented? -->\n\n---\n\n## D4: Verify root causes'));
  });

  test('a report whose last line has no line break still gets a tidy insertion', () => {
    const text = '# 1: T\n\n- **Date:** 2025-01-01\n- **Status:** Draft\n\n## D0: Planning\nx\n\n## D1: Team members\nx\n\n## D2: Problem statement & description\nx';
    const fixed = applyEdits(text, service.insertMissingSections(documentOf(text)));
    assert.ok(fixed.includes('\nx\n\n## D3: Interim containment action\n'));
    assert.deepEqual(buildReport(fixed).disciplines.map((d) => d.number), [0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test('a diagnostic from an older version still gets the right fix for the current text', () => {
    const { text } = corpusReport('0004');
    const { diagnostics } = missingDiagnostics(text);
    const edited = documentOf(`Intro line.\n\n${text}`);
    const [action] = service.getCodeActions(edited, { diagnostics: [diagnostics[0]], only: [CodeActionKind.QuickFix] });
    const fixed = applyEdits(edited.getText(), editsOf(action, edited.uri));
    assert.equal(lineOf(fixed, '## D3: Interim containment action'), 39);
  });
});
