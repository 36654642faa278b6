// Sections by meaning and recognition as people really write post-mortems and 8D forms: a heading's roles come from
// its words; sections written as Setext or HTML headings, TOML front matter, the SRE book's summary list and bold
// labels are read; guides and worked examples are not reports. The index scanner decides every case as the model.
// Lines written for the test.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { postmortemRolesOf } from '../../server/src/model/kinds/postmortem';
import { buildReport } from '../../server/src/model/report';
import { scanReport, scannedHeadings } from '../../server/src/workspace/scanner';
import { findingsOf } from '../support/fixtures';

const roles = (heading: string) => postmortemRolesOf(heading).map((kind) => kind.id);
const lines = (...text: string[]) => `${text.join('\n')}\n`;
const missing = (text: string) => findingsOf(text).filter((f) => f.rule === 'missing-section').map((f) => /Missing section ([^(]+?)(?: \(|$)/.exec(f.message)?.[1]);

describe("a heading's role comes from its words", () => {
  const cases: [string, string[]][] = [
    ['TL;DR', ['summary']],
    ['What happened?', ['summary']],
    ['Issue Summary', ['summary']],
    ['1. Executive summary', ['summary']],
    ['Incident Impact', ['impact']],
    ['Impact Analysis', ['impact']],
    ['Who was affected?', ['impact']],
    ['Causes', ['root-cause']],
    ['Diagnosis', ['root-cause']],
    ['Root Cause of the Outage', ['root-cause']],
    ['Why did it happen?', ['root-cause']],
    ['How did it happen?', ['root-cause']],
    ['3.2 Contributing factors', ['root-cause']],
    ['Remediation', ['resolution', 'actions']],
    ['Resolution and recovery', ['resolution']],
    ['Mitigation & Resolution', ['resolution']],
    ['Detection and response', ['detection', 'resolution']],
    ['Timeline (UTC)', ['timeline']],
    ['Timeline of the incident', ['timeline']],
    ['Chronology of events', ['timeline']],
    ['Lessons Learnt', ['lessons']],
    ['Takeaways', ['lessons']],
    ['Key Insights', ['lessons']],
    ['What went poorly', ['lessons']],
    ['Corrective actions', ['actions']],
    ['Corrective and preventative measures', ['actions']],
    ['How are we preventing this?', ['actions']],
    ['How are we preventing it from happening again?', ['actions']],
    ['Prevention/follow-ups', ['actions']],
    ['II. Action Items', ['actions']],
  ];
  for (const [heading, expected] of cases) test(`"${heading}" → ${expected.join(' + ')}`, () => assert.deepEqual(roles(heading), expected));

  test('headings that name no section keep none', () => {
    for (const heading of ['Background', 'Context', 'Decision', 'Consequences', 'Attendees', 'Stats', 'Current Status', 'What should you do?', 'Critical decisions',
      'Installation', 'Root cause analysis of a long sentence that goes on and on about many different things at once']) {
      assert.deepEqual(roles(heading), [], heading);
    }
  });
});

/** The model's and the index scanner's reading of a document: they must agree on the kind and the headings. */
function bothReadings(text: string) {
  const report = buildReport(text);
  const scanned = scanReport(text);
  assert.equal(scanned.kind, report.kind, 'the scanner tells the kind as the model does');
  assert.deepEqual(scannedHeadings(scanned).map((h) => [h.text, h.depth, h.line]), report.headings.map((h) => [h.text, h.depth, h.line]), 'and reads the same headings');
  assert.equal(scanned.title, report.title?.title, 'and the same title');
  return report;
}

describe('sections in every shape people write them', () => {
  test('Setext headings', () => {
    const report = bothReadings(lines('Data processing delays (November 2025)', '=======================================', '', 'Ingestion fell behind for two days.', '',
      'Incident Summary', '----------------', '', 'Events were late.', '', 'Incident Impact', '---------------', '', 'US customers.', '', 'Root Cause Analysis', '-------------------', '', 'Postgres OID exhaustion.', '', 'Remediation', '-----------', '', 'A partitioned table.'));
    assert.equal(report.kind, 'postmortem');
    assert.equal(report.title?.title, 'Data processing delays (November 2025)');
    assert.deepEqual(report.postmortemSections.map((s) => s.kind.id), ['summary', 'impact', 'root-cause', 'resolution', 'actions']);
  });

  test('HTML headings, the title among them', () => {
    const report = bothReadings(lines('<h1 align="center">Web server outage incident report</h1>', '', '## Issue Summary', '', 'The site was down.', '', '<h2>Root cause</h2>', '', 'A typo.', '', '## Timeline', '', '- 09:45 outage begins'));
    assert.equal(report.kind, 'postmortem');
    assert.equal(report.title?.title, 'Web server outage incident report');
    assert.deepEqual(report.postmortemSections.map((s) => s.kind.id), ['summary', 'root-cause', 'timeline']);
  });

  test('inline HTML in a heading is no part of its words: anchors, comments, line breaks; code spans keep theirs', () => {
    const report = bothReadings(lines('# <a name="top"></a>Incident: checkout errors <!-- draft -->', '', '## Summary <!-- one paragraph -->', '', 'x', '',
      '## <a name="root-cause"></a>Root cause', '', 'The `<head>` tag was cached.', '', '## Timeline<br/>(UTC)', '', '- 10:00 errors begin', '',
      '## Why `<head>` <!-- unclosed', '', 'y'));
    assert.equal(report.kind, 'postmortem');
    assert.equal(report.title?.title, 'Incident: checkout errors');
    assert.deepEqual(report.headings.map((h) => h.text), ['Incident: checkout errors', 'Summary', 'Root cause', 'Timeline(UTC)', 'Why <head> <!-- unclosed']);
    assert.deepEqual(report.postmortemSections.map((s) => s.kind.id), ['summary', 'root-cause', 'timeline']);
  });

  test('TOML front matter: its title counts as the title, its values are read', () => {
    const text = lines('+++', 'title = "Outage of the build cache"', 'date = 2024-03-02', '+++', '', '## Summary', '', 'x', '', '## Timeline', '', '- 10:00 first failed build');
    const report = bothReadings(text);
    assert.equal(report.kind, 'postmortem');
    assert.equal(report.title?.title, 'Outage of the build cache');
    assert.equal(report.date?.value, '2024-03-02');
    assert.deepEqual(findingsOf(text).filter((f) => f.rule === 'front-matter'), []);
  });

  test('broken TOML front matter is a front-matter finding, not an exception', () => {
    const found = findingsOf(lines('+++', 'title = "unclosed', '+++', '', '# Incident: x', '', '## Timeline', '', '- 10:00 y'));
    assert.equal(found.filter((f) => f.rule === 'front-matter').length, 1);
  });

  test("the SRE book's summary list holds the sections it names", () => {
    const text = lines('# v22.0.1 patch upgrade', '', '- Date: 2025-02-07', '- Authors: the release team', '- Summary: A consensus-breaking patch was released as non-breaking.',
      '- Impact: 23 validators had to restore from snapshots.', '- Root Causes: Haste, poor communication', '- Trigger: Validators upgrading',
      '- Resolution: A coordinated upgrade', '- Detection: Validators reported app hashes', '', '## Action Items', '', '- Run upgrade tests', '', '## Lessons Learned', '', 'Slow down.', '',
      '## Timeline', '', '- 2025-02-07 14:00 release published');
    const report = bothReadings(text);
    assert.equal(report.kind, 'postmortem');
    assert.deepEqual(missing(text), []);
  });

  test('one labelled item alone is no summary list', () => {
    const report = buildReport(lines('# Release notes', '', '- Impact: none', '- Faster search', '', '## Changes', '', 'x'));
    assert.deepEqual(report.postmortemSections, []);
  });

  test('bold labels: with their text they hold a section, alone on a line they head one', () => {
    const text = lines('# Incident: payment webhooks delayed', '', '**Summary:** Webhooks were late for an hour.', '', '**Impact:** Merchants waited.', '',
      '**Root cause:** A full queue.', '', '**Resolution:** Workers were added.', '', '**Timeline:**', '- 14:05 UTC queue alert fires', '- 15:05 UTC queue drained', '',
      '**Lessons learned:** Watch the queue.', '', '**Action items:**', '- Alert earlier');
    const report = bothReadings(text);
    assert.equal(report.kind, 'postmortem');
    assert.deepEqual(missing(text), []);
  });

  test('bold labels at the start of each line of a metadata paragraph', () => {
    const text = lines('# Post-mortem: 2024-02-01 checkout outage', '', '**Duration:** 42 minutes  ', '**Impact:** every checkout failed.', '', '## Timeline (UTC)', '', '- 07:55 deploy', '- 08:37 resolved', '', '## Root Cause', '', 'x');
    assert.deepEqual(missing(bothReadings(text).text), ['Summary', 'Resolution', 'Lessons learned', 'Action items']);
  });

  test('a labelled list in a first Summary section holds the sections it names', () => {
    const text = lines('# Post-Mortem: API outage', '', '## Summary', '- **Date**: 2025-06-28', '- **Scope**: API unavailable', '- **Resolution**: container restarted', '', '## Incident Timeline', '', '- 10:00 container killed', '', '## Later', '', '- **Root cause**: not a summary list');
    assert.deepEqual(missing(bothReadings(text).text), ['Root cause', 'Lessons learned', 'Action items']);
  });

  test('a section name alone on a line inside a paragraph counts as present', () => {
    const text = lines('# Web outage', '', '## Summary', '', 'x', '', '## Root cause', '', 'y', '', '## Resolution', '', 'Restarted the server.', 'Corrective and preventive measures',
      'After two days of audits, rollbacks were added.', '', '## Timeline', '', '- 10:00 outage begins');
    assert.deepEqual(missing(text), ['Impact', 'Lessons learned']);
  });

  test('per-incident headings keep their bold-label sections inside them', () => {
    const report = buildReport(lines('# Recurring outages', '', '## Incident timeline', '', '### October 21 - Redis overload', '', '**Timeline:**', '', '- 14:00 UTC alerts',
      '', '### October 24 - Rate limits', '', '**Timeline:**', '', '- 09:00 UTC alerts'));
    const timelines = report.postmortemSections.filter((s) => s.kind.id === 'timeline');
    assert.deepEqual(timelines.map((s) => [s.heading.text, s.heading.depth]), [['Incident timeline', 2], ['Timeline:', 4], ['Timeline:', 4]]);
    assert.ok(timelines[1].end <= report.headings.find((h) => h.text.startsWith('October 24'))!.start, 'the first block ends at the next incident');
  });
});

describe('recognition', () => {
  const shapes: [string, string, '8d' | 'postmortem' | undefined][] = [
    ['a title naming an incident with a timeline', lines('# Post-mortem of the npm worm attack', '', '## How did it happen?', '', 'x', '', '## How are we preventing it from happening again?', '', 'y'), 'postmortem'],
    ['a title naming an incident with only a timeline', lines('# Outage of the relay', '', '## Timeline', '', '- 10:00 queue grows'), 'postmortem'],
    ['front matter naming an incident', lines('---', 'incident: 001', 'title: Sonnet++ launch', '---', '', '### TL;DR', '', 'x', '', '### Root Causes', '', 'y'), 'postmortem'],
    ['four core sections with a timeline and lessons', lines('# Log4Shell investigations', '', '## Summary', '', 'x', '', '## Timeline', '', '- 2021-12-10 first advisory', '', '## Action Items', '', '- a', '', '## Lessons Learned', '', 'z'), 'postmortem'],
    ['a security advisory with its impact, timeline and remediation', lines('# Security advisory: token leak in the CLI', '', '## Summary', '', 'x', '', '## Impact', '', 'y', '', '## Timeline', '', '- 2024-03-01 reported', '', '## Remediation', '', 'Upgrade to 2.4.1.'), undefined],
    ['meeting notes with a summary and action items', lines('# Weekly sync', '', '## Summary', '', 'x', '', '## Action items', '', '- a'), undefined],
    ['a guide on writing post-mortems', lines('# How to write a post-mortem', '', '## Summary', '', 'Say what happened.', '', '## Impact', '', 'Who was hit.', '', '## Root cause', '', 'Why.', '', '## Timeline', '', 'When.'), undefined],
    ['worked 8D examples', lines('# 8D examples', '', '## Example 1: Cracked housing', '', ...[0, 1, 2, 3, 4].map((n) => `### D${n}: Step\n\nx\n`), '## Example 2: Failed deploy', '', ...[0, 1, 2, 3, 4].map((n) => `### D${n}: Step\n\nx\n`)), undefined],
    ['an 8D method guide with explanatory headings', lines('# 8D problem solving', '', ...[1, 2, 3, 4, 5].flatMap((n) => [`## D${n}: Step ${n}`, '', `### D${n} Outputs`, '', 'x', '', '### Tools and techniques', '', 'y', ''])), undefined],
    ['an 8D report with a subsection naming its discipline again', lines('# 12: Cracked housings', '', '## D1: Team', '', 'x', '', '## D2: Problem', '', 'y', '', '## D4: Root cause', '', '### D4 Evidence', '', 'z'), '8d'],
  ];
  for (const [name, text, kind] of shapes) {
    test(name, () => assert.equal(bothReadings(text).kind, kind));
  }

  test('a form titled as a template is a blank template: one note, nothing else', () => {
    const text = lines('# Post-Mortem Template', '', '## Summary', '', 'Say what happened.', '', '## Impact', '', '## Root Cause', '', '## Timeline', '', '- 00:00 Incident detected', '- 00:05 On-call paged');
    assert.equal(bothReadings(text).blankTemplate, true);
    assert.deepEqual(findingsOf(text).map((f) => f.rule), ['blank-template']);
    assert.equal(buildReport(lines('# Outage caused by a broken email template', '', '## Summary', '', 'x', '', '## Timeline', '', '- 10:00 deploy')).blankTemplate, false);
  });

  test('the scanner reads labels only when the headings leave the kind open, and then as the model does', () => {
    const text = lines('Mail relay outage', '', '**Summary:** Mail was queued.', '', '**Root cause:** A full disk.', '', '**Impact:** Two hours of delay.', '', '**Timeline:**', '- 10:02 queue grows');
    assert.equal(bothReadings(text).kind, 'postmortem');
  });
});
