// What was understood of a document: the kind's reason, the heading roles, the timeline's read and unread entries,
// and the Timeline hover's count of them. Lines written for the test.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport } from '../../server/src/model/report';
import { kindReason } from '../../server/src/model/kinds/kindReasons';
import { explain } from '../../server/src/features/explain';
import { createLanguageService } from '../../server/src/languageService';
import { documentOf } from '../support/fixtures';

const reasonOf = (text: string) => {
  const { kind, reason } = explain(buildReport(text));
  return { kind, reason };
};

describe('why a document is its kind', () => {
  test('8D by front matter, and by three disciplines named in headings', () => {
    assert.deepEqual(reasonOf('---\ntype: 8D\n---\n\n# 1: Pump seal leak\n'), { kind: '8d', reason: 'front matter says type: 8d' });
    assert.deepEqual(reasonOf('# 2: Seal leak\n\n## D0 Plan\n\n## D1: Team\n\n## Discipline 2 - Problem\n'), {
      kind: '8d',
      reason: 'its headings name 3 disciplines (D0, D1, D2); 3 or more make an 8D report',
    });
  });

  test('a post-mortem by a custom template, a title naming an incident, or four core sections with a root cause', () => {
    assert.match(reasonOf('---\ntemplate: hardware-review\n---\n\n# Fan failures\n').reason, /^front matter names a custom template \(template: hardware-review\)/);
    assert.equal(reasonOf('# Post-mortem: cache stampede\n\n## Overview\n\nx\n\n## Follow-ups\n\nx\n').reason, 'its title names an incident ("Post-mortem") and it has 2 core sections (Summary, Action items)');
    assert.equal(
      reasonOf('# Cache stampede\n\n## Summary\n\nx\n\n## Root Causes\n\nx\n\n## Timeline\n\nx\n\n## Next steps\n\nx\n').reason,
      'it has 4 core sections (Summary, Root cause, Timeline, Action items)',
    );
  });

  test('sections on lines standing for headings count, as classify counts them', () => {
    const { kind, reason } = reasonOf('Outage of the mail relay\n\nSummary\n\nMail was queued.\n\nTimeline\n\n10:02 queue grows\n');
    assert.equal(kind, 'postmortem');
    assert.match(reason, /2 core sections \(Summary, Timeline\)/);
  });

  test('not a report: what it has, what a post-mortem needs, and what an 8D report needs when it names disciplines', () => {
    assert.deepEqual(reasonOf('# Release notes\n\n## Summary\n\nBetter search.\n'), {
      kind: undefined,
      reason: 'it has 1 core section (Summary), and its title names no incident; a post-mortem needs a title or front matter naming an incident and a Timeline or Root cause (or 2 core sections), or 4 core sections including Root cause, Impact, or both Timeline and Lessons learned',
    });
    assert.match(reasonOf('# Incident drill\n\n## Impact\n\nNone.\n').reason, /^it has 1 core section \(Impact\) and its title names an incident \("Incident"\); a post-mortem needs/);
    assert.match(reasonOf('- one\n- two\n').reason, /^it has no core post-mortem section, and no title;/);
    assert.match(reasonOf('# Guide\n\n## D1 Team\n\n## D2 Problem\n').reason, /; an 8D report needs 3 disciplines, it names 2 disciplines \(D1, D2\)$/);
    assert.match(reasonOf('---\ntype: adr\n---\n\n# Use Postgres\n').reason, /; front matter type "adr" names neither kind$/);
  });

  test('guides and worked examples laid out by discipline are not reports, and say so', () => {
    const examples = ['# 8D examples', '## Example 1: Cracked housing', ...[0, 1, 2, 3].map((n) => `### D${n}: Step`), '## Example 2: Failed deploy', ...[0, 1, 2, 3].map((n) => `### D${n}: Step`)].join('\n\n');
    const { kind, reason } = reasonOf(examples);
    assert.equal(kind, undefined);
    assert.match(reason, /is a guide, an advisory or a set of worked examples/);
    assert.deepEqual(kindReason({ title: 'Outage of the relay', headingTexts: ['Timeline'], pseudoHeadingTexts: [] }).reason, 'its title names an incident ("Outage") and it has 1 core section (Timeline)');
  });
});

describe('headings and timeline entries as understood', () => {
  const text = [
    '# Incident: payment webhooks delayed', //  1
    '', '**Date:** 2023-11-02', '', //            3
    '## Summary', '', 'Webhooks were late.', '', // 5
    '## Impact', '', 'Merchants waited.', '', //   9
    '**Timeline**', '', //                        13: a pseudo-heading
    '- 14:05 UTC Queue depth alert fires', //      15
    '- the on-call engineer joined soon after', // 16
    '- 14:40 UTC Queue drained', //                17
    '', '### Aside', '', 'x', '', //                19
  ].join('\n');
  const explanation = explain(buildReport(text));

  test('each heading and pseudo-heading with its line and role, "none" as undefined', () => {
    assert.deepEqual(explanation.headings.map((h) => [h.line, h.text, h.pseudo, h.role]), [
      [1, 'Incident: payment webhooks delayed', false, 'title'],
      [5, 'Summary', false, 'Summary'],
      [9, 'Impact', false, 'Impact'],
      [13, 'Timeline', true, 'Timeline'],
      [19, 'Aside', false, undefined],
    ]);
  });

  test('entries in document order: read ones with their UTC instant, unread ones with why', () => {
    const [timeline] = explanation.timelines;
    assert.equal(timeline.read, 2);
    assert.equal(timeline.notRead, 1);
    assert.deepEqual(timeline.entries.map((e) => (e.read ? [e.line, e.utc, e.zone] : [e.line, e.reason])), [
      [15, '2023-11-02T14:05Z', 'UTC'],
      [16, 'no time or date at its start'],
      [17, '2023-11-02T14:40Z', 'UTC'],
    ]);
  });

  test('an 8D report: discipline roles, no timeline', () => {
    const report = explain(buildReport('# 3: Seal\n\n## D0: Plan\n\n## D1 Team\n\n### Members\n\n## D2\n'));
    assert.deepEqual(report.headings.map((h) => h.role), ['title (number 3)', 'D0', 'D1', undefined, 'D2 (no title)']);
    assert.deepEqual(report.timelines, []);
  });
});

describe('hover on the Timeline heading: how many entries were read', () => {
  const service = createLanguageService();
  const head = '# Incident: search outage\n\n## Summary\n\nx\n\n## Root cause\n\nx\n\n## Timeline\n\n';
  const hoverText = (timeline: string) => {
    const hover = service.getHover(documentOf(head + timeline), { line: 10, character: 4 });
    return (hover?.contents as { value: string } | undefined)?.value ?? '';
  };

  test('entries not read are counted, with their lines', () => {
    const value = hoverText('- 09:00 UTC alert\n- later the index was rebuilt\n- 09:20 UTC fixed\n- and then we went home\n');
    assert.match(value, /- 2 entries read, 2 not read \(lines 14, 16\): see `timeline-unparsed`/);
  });

  test('all read: said so, without a pointer to the rule', () => {
    const value = hoverText('- 09:00 UTC alert\n- 09:20 UTC fixed\n');
    assert.match(value, /- 2 entries read, none left out\n/);
    assert.doesNotMatch(value, /timeline-unparsed/);
  });

  test('a long list of unread lines is cut short', () => {
    const unread = Array.from({ length: 10 }, (_, i) => `- note ${i}\n`).join('');
    const value = hoverText(`- 09:00 UTC alert\n${unread}`);
    assert.match(value, /1 entry read, 10 not read \(lines 14, 15, 16, 17, 18, 19, 20, 21, …\)/);
  });
});
