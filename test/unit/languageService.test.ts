import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/languageService';
import { ALL_RULES, FOLDER_RULES, type FolderRule, type Rule } from '../../server/src/rules';
import { InMemoryFileSystem } from '../../server/src/workspace/fileSystem';
import { readSettings, DEFAULT_SETTINGS } from '../../server/src/settings';
import { corpusReport, documentOf, findingsOf } from '../support/fixtures';
import { floodedTimeline } from '../support/fuzz';
import { MAX_TIMELINE_ENTRIES } from '../../server/src/model/timeline/timeline';
import { overLimits } from '../../server/src/model/limits';

describe('language service', () => {
  test('a rule that throws is logged once and the other rules still report', () => {
    const errors: string[] = [];
    const broken: Rule = { id: 'broken', description: 'always throws', defaultSeverity: 'error', kinds: ['8d'], check() { throw new Error('boom'); } };
    const service = createLanguageService({ rules: [broken, ...ALL_RULES], logger: { error: (m) => errors.push(m), warn: () => {} } });
    const text = corpusReport('0004').text;
    const first = findingsOf(text, undefined, service);
    const second = findingsOf(`${text}\n`, undefined, service);
    assert.equal(first.length, 3);
    assert.equal(second.length, 3);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /Rule broken failed .* boom/s);
  });

  test('a folder rule that throws is logged once and the other folder rules still report', async () => {
    const errors: string[] = [];
    const broken: FolderRule = { id: 'broken-folder', description: 'always throws', defaultSeverity: 'error', appliesTo: 'nothing', checkFolder() { return Promise.reject(new Error('boom')); } };
    const service = createLanguageService({ folderRules: [broken, ...FOLDER_RULES], logger: { error: (m) => errors.push(m), warn: () => {} } });
    const fs = new InMemoryFileSystem({ 'file:///ws/.8d-dir': '' });
    for (let i = 0; i < 2; i++) {
      const { diagnostics } = await service.checkFolder('file:///ws', fs);
      assert.deepEqual([...diagnostics.keys()], ['file:///ws/.8d-dir'], 'report-folder still says .8d-dir is empty');
    }
    assert.equal(errors.length, 1);
    assert.match(errors[0], /Rule broken-folder failed on file:\/\/\/ws .* boom/s);
  });

  test('the parse is cached per document version', () => {
    const service = createLanguageService();
    let reads = 0;
    const text = corpusReport('0004').text;
    const document = { uri: 'file:///r.md', version: 1, getText: () => (reads++, text) };
    service.computeDiagnostics(document);
    service.getCodeActions(document, { diagnostics: [] });
    service.computeDiagnostics(document);
    assert.equal(reads, 1);
    service.computeDiagnostics({ ...document, version: 2 });
    assert.equal(reads, 2);
  });

  test('rule severities follow the settings; off silences a rule', () => {
    const text = corpusReport('0004').text;
    const settings = { ...DEFAULT_SETTINGS, rules: { 'missing-section': 'warning' as const, 'empty-section': 'off' as const } };
    assert.deepEqual(findingsOf(text, settings).map((f) => [f.rule, f.severity]), [['missing-section', 'warning'], ['missing-section', 'warning']]);
  });

  test('diagnostics carry source, code, a doc link and their fix data', () => {
    const service = createLanguageService({ docsBaseUri: 'file:///ext/docs/rules' });
    const [diagnostic] = service.computeDiagnostics(documentOf(corpusReport('0004').text));
    assert.equal(diagnostic.source, 'incident-docs');
    assert.equal(diagnostic.code, 'missing-section');
    assert.equal(diagnostic.codeDescription?.href, 'file:///ext/docs/rules/missing-section.md');
    assert.ok(diagnostic.data);
  });

  test('section-order and duplicate-section point at the related heading', () => {
    const service = createLanguageService();
    const diagnostics = service.computeDiagnostics(documentOf(corpusReport('0005').text));
    assert.deepEqual(diagnostics.map((d) => d.relatedInformation?.[0].location.range.start.line), [38, 20]);
  });
});

describe('settings', () => {
  test('valid values are taken', () => {
    const warnings: string[] = [];
    const settings = readSettings({ diagnosticsDelay: 0, rules: { 'empty-section': 'off' } }, ['empty-section'], (m) => warnings.push(m));
    assert.deepEqual(settings, { ...DEFAULT_SETTINGS, diagnosticsDelay: 0, rules: { 'empty-section': 'off' } });
    assert.deepEqual(warnings, []);
  });

  test('invalid values fall back to defaults with a clear message each', () => {
    const warnings: string[] = [];
    const settings = readSettings({ diagnosticsDelay: 'soon', rules: { 'empty-section': 'loud', 'no-such-rule': 'error' }, maxDocumentLines: -5 }, ['empty-section'], (m) => warnings.push(m));
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.equal(warnings.length, 4);
    assert.match(warnings.join('\n'), /incidentDocs.maxDocumentLines must be a positive number of lines; using 20000/);
    assert.match(warnings.join('\n'), /diagnosticsDelay must be a number/);
    assert.match(warnings.join('\n'), /incidentDocs.rules.empty-section must be one of off, hint, information, warning, error/);
    assert.match(warnings.join('\n'), /incidentDocs.rules.no-such-rule names no rule/);
  });

  test('no settings at all means the defaults', () => {
    assert.deepEqual(readSettings(undefined, [], () => assert.fail('no warning expected')), DEFAULT_SETTINGS);
  });
});

describe('limits', () => {
  test('a report over maxDocumentSize is not parsed: one information diagnostic, no other finding, no outline', () => {
    const service = createLanguageService();
    const text = corpusReport('0004').text;
    const settings = { ...DEFAULT_SETTINGS, maxDocumentSize: 1000 };
    const found = findingsOf(text, settings, service);
    assert.deepEqual(found.map((f) => [f.rule, f.severity, f.line]), [['document-size', 'information', 1]]);
    assert.deepEqual(service.getDocumentSymbols(documentOf(text)), []);
    assert.equal(findingsOf(text, DEFAULT_SETTINGS, service).length, 3, 'under the default limit it is checked again');
  });

  test('a report of more lines than maxDocumentLines is not parsed: one information diagnostic counts them', () => {
    const service = createLanguageService();
    // 25,000 one-line timeline entries: a third of a megabyte, far under maxDocumentSize, but seconds of parsing.
    const text = floodedTimeline(25_000);
    const lines = text.split('\n').length;
    const found = findingsOf(text, DEFAULT_SETTINGS, service);
    assert.deepEqual(found.map((f) => [f.rule, f.severity, f.line, f.message]), [
      ['document-size', 'information', 1, `This report has ${lines.toLocaleString('en-US')} lines, over the 20,000 of incidentDocs.maxDocumentLines: it is not checked`],
    ]);
    assert.deepEqual(service.getDocumentSymbols(documentOf(text)), []);
    const raised = findingsOf(text, { ...DEFAULT_SETTINGS, maxDocumentLines: 30_000 }, service);
    // Under a raised limit it is parsed and checked: the rules that read its timeline speak.
    assert.ok(raised.some((f) => f.rule === 'timeline-unparsed') && !raised.some((f) => f.rule === 'document-size'));
  });

  test('lines are counted at \\n, \\r\\n and a lone \\r, as the parser ends them', () => {
    const limits = { maxDocumentSize: 1_000_000, maxDocumentLines: 3 };
    assert.equal(overLimits('a\nb\nc', limits), undefined);
    assert.deepEqual(overLimits('a\r\nb\rc\nd', limits), { measure: 'lines', count: 4 });
    assert.deepEqual(overLimits('abcdef', { maxDocumentSize: 5, maxDocumentLines: 3 }), { measure: 'characters', count: 6 });
  });

  test('a large file that is not a report stays silent', () => {
    assert.deepEqual(findingsOf(`# Notes\n\n${'Just text. '.repeat(200)}`, { ...DEFAULT_SETTINGS, maxDocumentSize: 100 }), []);
  });

  test('a timeline of more entries than the cap is read up to the cap, and says so', () => {
    const found = findingsOf(floodedTimeline(MAX_TIMELINE_ENTRIES + 25)).filter((f) => f.rule === 'timeline-unparsed');
    assert.deepEqual(found.map((f) => f.message), [`The timeline has ${MAX_TIMELINE_ENTRIES + 25} entries: only the first ${MAX_TIMELINE_ENTRIES} are read and checked`]);
  });
});
