// Post-mortems: recognition, sections, severities and fixes (the corpus's expectations are data: see corpus.test.ts).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodeActionKind } from 'vscode-languageserver-types';
import { buildReport } from '../../server/src/model/report';
import { createLanguageService } from '../../server/src/languageService';
import { readSettings, type Settings } from '../../server/src/settings';
import { applyEdits, CORPUS, documentOf, findingsOf } from '../support/fixtures';

const postmortem = (name: string) => readFileSync(join(CORPUS, 'postmortems', name), 'utf8');

describe('recognising a post-mortem', () => {
  for (const name of ['sre-style.md', 'pagerduty-style.md', 'newest-first-log.md', 'multi-day.md', 'pasted-plain.md', 'missing-sections.md', 'twelve-hour-clock.md']) {
    test(name, () => assert.equal(buildReport(postmortem(name)).kind, 'postmortem'));
  }

  test('front matter types', () => {
    for (const type of ['postmortem', 'post-mortem', 'incident', 'retrospective']) {
      assert.equal(buildReport(`---\ntype: ${type}\n---\n\n# Something\n`).kind, 'postmortem', type);
    }
  });

  test('four core sections with a root cause make a post-mortem without a telling title', () => {
    assert.equal(buildReport('# Payments\n\n## Summary\n\nx\n\n## Root causes\n\nx\n\n## Timeline\n\nx\n\n## Follow-ups\n\nx\n').kind, 'postmortem');
  });

  test('a Timeline and an Action items heading do not make a report', () => {
    assert.equal(buildReport('# Roadmap\n\n## Timeline\n\n- Q1: x\n\n## Action items\n\n- y\n').kind, undefined);
    assert.equal(buildReport('# Project README\n\n## Summary\n\nx\n\n## Installation\n\nx\n').kind, undefined);
  });

  test('section names are matched case-insensitively, ignoring punctuation and parentheticals', () => {
    const report = buildReport("# Incident: x\n\n## ROOT CAUSE(S)\n\n## How'd We Do?\n\n## Follow-ups:\n\n## Mitigation & Resolution\n");
    assert.deepEqual(report.postmortemSections.map((s) => s.kind.id), ['root-cause', 'lessons', 'actions', 'resolution']);
  });

  test('a pasted document with no # at all: plain lines count as sections, the first line as title', () => {
    const report = buildReport(postmortem('pasted-plain.md'));
    assert.equal(report.title?.title, 'Post-Incident Report: Card Payment Failures After Release 4.12.0');
    assert.deepEqual(report.pseudoHeadings.map((p) => [p.text, p.line + 1]), [
      ['Executive Summary', 11], ['Customer Impact', 17], ['Timeline', 21], ['Root Cause', 29], ['Resolution', 35], ['Lessons Learned', 39], ['Action Items', 45],
    ]);
  });
});

describe('missing post-mortem sections', () => {
  test('a missing post-mortem section is a warning (teams have house templates); a setting of the rule still wins', () => {
    const missing = (settings?: Settings) => findingsOf(postmortem('missing-sections.md'), settings).filter((f) => f.rule === 'missing-section').map((f) => f.severity);
    assert.deepEqual(new Set(missing()), new Set(['warning']));
    // VS Code sends the manifest's default ("error") as if set: it keeps the rule's own weighting.
    assert.deepEqual(new Set(missing(readSettings({ rules: { 'missing-section': 'error' } }, ['missing-section'], () => {}))), new Set(['warning']));
    assert.deepEqual(new Set(missing(readSettings({ rules: { 'missing-section': 'information' } }, ['missing-section'], () => {}))), new Set(['information']));
  });
});

describe('post-mortem quick-fixes', () => {
  const service = createLanguageService();

  test('Insert Impact puts "## Impact" and its prompt after Summary; fix-all inserts every core section in canonical order', () => {
    const text = postmortem('missing-sections.md');
    const document = documentOf(text);
    const diagnostics = service.computeDiagnostics(document).filter((d) => d.code === 'missing-section');
    const impact = service.getCodeActions(document, { diagnostics: [diagnostics[0]], only: [CodeActionKind.QuickFix] }).find((a) => a.title === 'Insert Impact');
    assert.ok(impact);
    const fixed = applyEdits(text, impact.edit!.changes![document.uri]);
    assert.ok(fixed.includes('\n## Impact\n<!-- Who and what was affected'), fixed.slice(0, 2000));
    assert.ok(fixed.indexOf('## Impact') > fixed.indexOf('## Summary') && fixed.indexOf('## Impact') < fixed.indexOf('## Timeline'));
    assert.deepEqual(findingsOf(fixed).filter((f) => f.message === 'Missing section Impact'), []);

    const all = applyEdits(text, service.insertMissingSections(document));
    assert.deepEqual(buildReport(all).postmortemSections.map((s) => s.kind.name), ['Summary', 'Impact', 'Root cause', 'Resolution', 'Timeline', 'Lessons learned', 'Action items']);
    assert.deepEqual(findingsOf(all).filter((f) => f.rule === 'missing-section'), []);
  });

  test('Make this a heading turns a pasted section name into a heading at the document level', () => {
    const text = postmortem('pasted-plain.md');
    const document = documentOf(text);
    const diagnostic = service.computeDiagnostics(document).find((d) => d.code === 'pseudo-heading' && d.range.start.line === 10)!;
    const [action] = service.getCodeActions(document, { diagnostics: [diagnostic], only: [CodeActionKind.QuickFix] });
    assert.equal(action.title, 'Make this a heading');
    const fixed = applyEdits(text, action.edit!.changes![document.uri]);
    assert.equal(fixed.split('\n')[10], '## Executive Summary');
    assert.equal(buildReport(fixed).headings.find((h) => h.line === 10)?.text, 'Executive Summary');
  });
});

describe('incidentDocs.postmortem.requiredSections', () => {
  test('a custom set is honoured, under any of its names', () => {
    const settings = readSettings({ postmortem: { requiredSections: ['Overview', 'Timeline', 'Detection'] } }, [], () => assert.fail('no warning'));
    const found = findingsOf(postmortem('missing-sections.md'), settings).filter((f) => f.rule === 'missing-section');
    assert.deepEqual(found.map((f) => f.message), ['Missing section Detection (to change which sections a post-mortem needs, set incidentDocs.postmortem.requiredSections)']);
  });

  test('an unknown name is reported and skipped', () => {
    const warnings: string[] = [];
    const settings = readSettings({ postmortem: { requiredSections: ['Summary', 'Weather'] } }, [], (m) => warnings.push(m));
    assert.deepEqual(settings.postmortemRequiredSections, ['summary']);
    assert.match(warnings[0], /"Weather" is not a post-mortem section/);
  });
});
