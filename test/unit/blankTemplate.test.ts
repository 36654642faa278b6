// Blank templates (post-mortem and 8D): recognised in the model, silent but for one blank-template note.
// The documents are written for these tests (test/fixtures/templates and inline).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport } from '../../server/src/model/report';
import { hasPlaceholder, isBlankTemplate } from '../../server/src/model/template';
import { assertLinear } from '../support/linear';
import { createLanguageService } from '../../server/src/languageService';
import { ALL_RULES, type Rule } from '../../server/src/rules';
import { readSettings } from '../../server/src/settings';
import { documentOf, findingsOf, fixture } from '../support/fixtures';
import simpleTemplate from '../../templates/8d-simple.md';
import defaultTemplate from '../../templates/8d-default.md';

const NOTE = /^This is a blank (?:8D report|post-mortem) template \(placeholders and prompts\): it is not checked until it is filled in$/;

function assertOnlyTheNote(text: string, kind: '8d' | 'postmortem') {
  const report = buildReport(text);
  assert.equal(report.kind, kind);
  assert.equal(report.blankTemplate, true);
  const found = findingsOf(text);
  assert.deepEqual(found.map((f) => [f.rule, f.severity, f.line]), [['blank-template', 'information', 1]]);
  assert.match(found[0].message, NOTE);
}

describe('blank templates get one information note and nothing else', () => {
  test('an 8D form with placeholders in its table of metadata, empty rows, prompts and checklists', () => {
    assertOnlyTheNote(fixture('templates', 'blank-form-template.md'), '8d');
  });

  test('a post-mortem template with {{title}}, {{ incident.date }}, [Name], <Insert summary here>, HH:MM, TBD and empty rows', () => {
    assertOnlyTheNote(fixture('templates', 'postmortem-template.md'), 'postmortem');
  });

  test('8d-tools\' own templates', () => {
    assertOnlyTheNote(simpleTemplate, '8d');
    assertOnlyTheNote(defaultTemplate, '8d');
  });

  test('a template of bold labels with bracketed placeholders and prompts in brackets', () => {
    const text = [
      '# 8D Report Template', '',
      '**Report Number**: [8D-YYYY-NNN]  ', '**Date Initiated**: [Date]  ', '**Status**: [Open/In Progress/Closed]', '',
      '## D0: Emergency Response', '', '**ERA Description**:', '[Describe immediate actions taken]', '',
      '## D1: Team', '', '| Role | Name |', '|------|------|', '| Team Leader | |', '| Champion | |', '',
      '## D2: Problem', '', '[One clear, measurable statement of the deviation]', '',
      '## D3: Containment', '', '| # | Action | Owner |', '|---|---|---|', '| 1 | | |', '| 2 | | |', '',
      '## D4: Root Cause', '', '### Method', '- [ ] 5 Whys', '- [ ] Fishbone', '', '### Statement', '[Root cause statement]', '',
      '## D5: Corrective Actions', '', '[Actions and their owners]', '',
      '## D6: Implementation', '', '**Verification**:', '[Evidence that the actions work]', '',
      '## D7: Prevention', '', '**Horizontal deployment**:', '[Where else could this occur?]', '',
      '## D8: Closure', '', '**Closure Date**: [Date]', '',
      '**Prepared By**: [Name] | **Date**: [Date]', '',
    ].join('\n');
    assertOnlyTheNote(text, '8d');
  });

  test('a post-mortem template of italic instructions and questions, without a single placeholder', () => {
    const text = [
      '# Post-incident review', '',
      '## Summary', '*One paragraph: what happened and what it meant for users.*', '',
      '## Impact', '*Who was affected, for how long?*', '',
      '## Timeline', '*When did it start, when was it detected, mitigated and resolved?*', '',
      '## Root cause', '> What was the root cause of this issue?', '',
      '## Resolution', '*How did we mitigate the issue?*', '',
      '## Action items', '- [ ] ', '',
    ].join('\n');
    assertOnlyTheNote(text, 'postmortem');
  });

  test('setting a rule to error does not make it speak on a template; the note can be turned off', () => {
    const text = fixture('templates', 'blank-form-template.md');
    assert.deepEqual(findingsOf(text, readSettings({ rules: { metadata: 'error', 'empty-section': 'error' } }, ALL_RULES.map((r) => r.id), () => {})).map((f) => f.rule), ['blank-template']);
    assert.deepEqual(findingsOf(text, readSettings({ rules: { 'blank-template': 'off' } }, ALL_RULES.map((r) => r.id), () => {})), []);
  });

  test('the suppression is a rule property: a rule marked for templates runs on them, others do not', () => {
    const says = (id: string, checksBlankTemplates: boolean): Rule => ({
      id, description: id, defaultSeverity: 'warning', kinds: ['8d', 'postmortem'], checksBlankTemplates, check: (report) => [{ message: id, range: report.lines.lineRange(0) }],
    });
    const service = createLanguageService({ rules: [says('for-templates', true), says('for-reports', false)] });
    const ids = (text: string) => service.check(documentOf(text)).map(({ rule }) => rule.id);
    assert.deepEqual(ids(fixture('templates', 'postmortem-template.md')), ['for-templates']);
    assert.deepEqual(ids(fixture('8d', 'ford-d1-d8.md')), ['for-templates', 'for-reports']);
  });
});

describe('filled reports are reports, whatever placeholders remain', () => {
  test('a filled 8D report with one TBD and one placeholder row is checked (and has no note)', () => {
    const text = fixture('8d', 'ford-d1-d8.md')
      .replace('The team presented the findings at the April quality review.', 'Recognition: TBD')
      .replace('| Quality engineer | M. Silva |', '| Quality engineer | M. Silva |\n| [Name] | |');
    const report = buildReport(text);
    assert.equal(report.blankTemplate, false);
    assert.deepEqual(findingsOf(text).filter((f) => f.severity !== 'hint'), []);
  });

  test('a filled post-mortem with a TBD owner and an empty row keeps its findings', () => {
    const text = [
      '# Incident: checkout errors on 2024-05-02', '',
      '## Summary', 'Checkout returned errors for 40 minutes after a configuration push.', '',
      '## Impact', '12% of checkouts failed between 14:05 and 14:45 UTC.', '',
      '## Root cause', 'A feature flag enabled a code path that called a retired endpoint.', '',
      '## Timeline', '', '| Time (UTC) | Event |', '|---|---|', '| 14:05 | Errors begin |', '| 14:02 | Flag enabled |', '| 14:45 | Flag disabled |', '|  |  |', '',
      '## Action items', '', '| Action | Owner |', '|---|---|', '| Remove the retired endpoint from the client | TBD |', '',
    ].join('\n');
    assert.equal(buildReport(text).blankTemplate, false);
    const rules = findingsOf(text).map((f) => f.rule);
    assert.ok(rules.includes('timeline-order'), rules.join());
    assert.ok(rules.includes('missing-section'), rules.join());
    assert.ok(!rules.includes('blank-template'));
  });

  test('a new 8d-tools report (number and date filled, disciplines still prompts) is a report in progress', () => {
    const text = simpleTemplate.replace('{{sequence}}', '7').replace('{{title}}', 'Burr on bracket').replace('{{date}}', '2025-06-02').replace('{{links}}', '');
    const report = buildReport(text);
    assert.equal(report.blankTemplate, false);
    const found = findingsOf(text);
    assert.ok(found.length >= 9 && found.every((f) => f.rule === 'empty-section'), found.map((f) => f.rule).join());
  });

  test('a form with a real number or date is a report even when most sections are blank', () => {
    const form = fixture('templates', 'blank-form-template.md');
    assert.equal(buildReport(form.replace('8D-[YYYY]-[NNN]', '8D-2024-044')).blankTemplate, false);
    assert.equal(buildReport(form.replace('DD/MM/YYYY', '04/03/2024')).blankTemplate, false);
  });

  test('documents that hold prose are no templates, and ordinary notes get no note', () => {
    const guide = '# How to write a post-mortem\n\n## Summary\n\nWrite what happened in two sentences.\n\n## Timeline\n\nList the events with their times in UTC.\n\n## Action items\n\nEach with an owner.\n';
    assert.equal(buildReport(guide).blankTemplate, false);
    assert.deepEqual(findingsOf('# Notes\n\n- [ ] buy milk\n- [ ] call [Name]\n'), []);
  });
});

describe('placeholder vocabulary', () => {
  test('placeholders people write', () => {
    for (const text of ['{{title}}', '{{ incident.date }}', '[Date]', '[Name]', '<Insert summary here>', 'YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'HH:MM', '20xx-MM-DD HH:mm', 'TBD', 'XXX', 'Reason: ________', '8D-[YYYY]-[SEQ]', '[ ] Open [ ] Closed', '<method>']) {
      assert.ok(hasPlaceholder(text), text);
    }
  });

  test('what is not a placeholder: links, HTML, times in brackets, words', () => {
    for (const text of ['[the runbook](./runbook.md)', '<details>', '<br>', '<summary>Click</summary>', '[08:47] paged', '[03-26 23:04]', '[+1 hrs]', 'Closed on 2024-03-04 at 14:05', 'Maxxed out', 'MMS gateway', 'N/A']) {
      assert.ok(!hasPlaceholder(text), text);
    }
  });
});

describe('the template readers are linear on adversarial input', () => {
  const pieces = ['{{', '{{a', '{%', '${', '[a', '[ ]', '<a ', '<a', 'YYYY-', 'MM/', 'HH:', 'DD.MM', '20xx-', 'XXX', 'Xx', '____', 'TBD', '*', '_', ':', '- ', '> ', '| ', '?'];

  test('hasPlaceholder', () => {
    for (const piece of pieces) assertLinear(`hasPlaceholder on ${JSON.stringify(piece)}`, hasPlaceholder, piece, (text) => text);
  });

  test('isBlankTemplate on documents of one long line, many lines, many rows', () => {
    const shapes: [string, (s: string) => string][] = [
      ['one paragraph line', (s) => `# {{title}}\n\n## A\n\n${s}\n\n## B\n\n## C\n`],
      ['many list items', (s) => `# {{title}}\n\n## A\n\n${s.replace(/\|/g, '').split('').map(() => '- Label: [x]').slice(0, s.length / 4).join('\n')}\n\n## B\n\n## C\n`],
      ['many table rows', (s) => `# {{title}}\n\n## A\n\n| a | b |\n|---|---|\n${'| [Name] | |\n'.repeat(s.length / 8)}\n## B\n\n## C\n`],
      ['many headings', (s) => `# {{title}}\n\n${'## A\n\n[Date]\n\n'.repeat(s.length / 8)}`],
    ];
    for (const [name, make] of shapes) {
      for (const piece of ['{{a', '<a ', '**a:']) {
        // Parsed untimed: this is about the template reader, not remark.
        assertLinear(`isBlankTemplate, ${name}, on ${JSON.stringify(piece)}`, (report: ReturnType<typeof buildReport>) => isBlankTemplate(report), piece, (s) => buildReport(make(s)), 10_000);
      }
    }
  });
});

describe('drafts are reports', () => {
  const draft = (title: string) => [
    `# ${title}`, '',
    '## Summary', 'Checkout returned errors for 40 minutes after a configuration push.', '',
    '## Impact', '12% of checkouts failed.', '',
    '## Root cause', '-', '', '## Resolution', '-', '', '## Action items', '- [ ] ', '',
  ].join('\n');

  test('two sections of five written: a report in progress, checked', () => {
    assert.equal(buildReport(draft('Incident: checkout errors')).blankTemplate, false);
  });

  test('a date in the title says which report it is, however little is written', () => {
    const text = draft('Incident: checkout errors (2024-05-02)').replace('12% of checkouts failed.', '-');
    assert.equal(buildReport(text).blankTemplate, false);
    assert.equal(buildReport(text.replace('(2024-05-02)', '(YYYY-MM-DD)')).blankTemplate, true);
  });
});

describe('templates with few headings are judged field by field', () => {
  const sre = (values: string[]) => [
    '# {{service}} Postmortem (incident #{{number}})', '',
    `Date: ${values[0]}`, `Authors: ${values[1]}`, `Status: ${values[2]}`, `Summary: ${values[3]}`, `Impact: ${values[4]}`, `Root Causes: ${values[5]}`, `Trigger: ${values[6]}`, '',
    '## Timeline', '', `- ${values[7]}`, '',
  ].join('\n');

  test('a list of empty or placeholder fields is a template', () => {
    const text = sre(['YYYY-MM-DD', '[Name]', '', '', '', '', '', 'HH:MM event']);
    assert.equal(buildReport(text).blankTemplate, true);
  });

  test('the same fields filled in are a report', () => {
    const text = sre(['', 'jennifer, martym', 'Complete', 'Shakespeare search down for 66 minutes', 'An estimated 1.21B queries lost', 'Cascading failure under a 88x load', 'Latent bug triggered by a sudden rise of traffic', '14:51 News reports'])
      .replace('{{service}}', 'Shakespeare Sonnet++').replace('#{{number}}', '#465');
    assert.equal(buildReport(text).blankTemplate, false);
  });
});

test('instructions in plain words are prompts: Describe…, Explain…, List…', () => {
  const text = [
    '# Post-mortem: {{title}}', '',
    '## Summary', 'Describe the incident in two or three sentences.', '',
    '## Impact', 'Who was affected, and how?', '',
    '## Timeline', '| Time | Event |', '|---|---|', '| HH:MM | |', '',
    '## Root cause', 'Explain why it happened, not only what happened.', '',
    '## Action items', 'List each action with its owner and due date.', '',
  ].join('\n');
  assertOnlyTheNote(text, 'postmortem');
});
