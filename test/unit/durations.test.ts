// duration-mismatch on the forms issue 13 lists: outage markers over incident markers, preamble and metadata
// labels, summary ranges, dated windows, totals over several incidents. Every line here is written for the test.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, type IncidentReport } from '../../server/src/model/report';
import { timelineOf } from '../../server/src/model/timeline/timeline';
import { findDurationLabels, findTotalDurations } from '../../server/src/model/timeline/time';
import { durationMismatch } from '../../server/src/rules/durationMismatch';
import { findingsOf } from '../support/fixtures';
import { assertLinear } from '../support/linear';

const HEAD = '# Incident: Checkout outage\n\nPREAMBLE\n\n## Summary\n\nSUMMARY\n\n## Impact\n\nx\n\n## Root cause\n\nx\n\n';
const pm = (timeline: string, summary = 'x', preamble = 'x') => HEAD.replace('PREAMBLE', preamble).replace('SUMMARY', summary) + `## Timeline\n\n${timeline}\n`;
const durations = (text: string) => findingsOf(text).filter((f) => f.rule === 'duration-mismatch');

// Incident start 13:50, outage 14:07–15:19 (72 min), incident end 15:40 (110 min).
const BOTH = 'All times UTC.\n\n- 13:50 incident start: deploy\n- 14:07 **OUTAGE BEGINS** errors\n- 15:19 **OUTAGE ENDS** errors stop\n- 15:40 incident end';

describe('outage markers beat incident markers', () => {
  test('the milestones are the outage markers', () => {
    const timeline = timelineOf(buildReport(pm(BOTH)))!;
    assert.equal(timeline.milestones.start?.line, 21);
    assert.equal(timeline.milestones.end?.line, 22);
  });

  test('a figure measured either way is quiet; one that fits neither is measured between the outage markers', () => {
    assert.deepEqual(durations(pm(BOTH, 'The site was down for 72 minutes.')), []);
    assert.deepEqual(durations(pm(BOTH, 'The site was down for 110 minutes.')), []);
    const found = durations(pm(BOTH, 'The site was down for 3 hours.'));
    assert.equal(found.length, 1);
    assert.match(found[0].message, /OUTAGE BEGINS at 14:07 .* to OUTAGE ENDS at 15:19 .* is 72 min/);
  });

  test('"Beginning Outage" and "start of the impact" mark the start too', () => {
    const timeline = timelineOf(buildReport(pm('All times UTC.\n\n- 09:40 push\n- 09:45 Beginning Outage\n- 10:15 end of the impact')))!;
    assert.equal(timeline.milestones.start?.time.minute, 45);
    assert.equal(timeline.milestones.end?.time.minute, 15);
  });
});

describe('durations stated in the preamble and metadata lines', () => {
  const timeline = 'All times UTC.\n\n- 14:07 **OUTAGE BEGINS** a\n- 15:19 **OUTAGE ENDS** b';
  const cases: [string, boolean][] = [
    ['Duration: 3h', true], ['**Duration**: 3h', true], ['Total downtime: 45 minutes', true], ['- **Outage duration:** 72 minutes', false],
    ['| Duration | 2 hours |', true], ['Duration: 1h 12m', false],
  ];
  for (const [line, wrong] of cases) {
    test(`${JSON.stringify(line)} under the title is ${wrong ? 'a mismatch' : 'right'}`, () => {
      const table = line.startsWith('|') ? `| Field | Value |\n|---|---|\n${line}` : line;
      assert.equal(durations(pm(timeline, 'x', table)).length, wrong ? 1 : 0);
    });
  }

  test('bounds: "over 1 hour" fits 72 minutes, "over 2 hours" does not; "less than two hours" is no claim to check', () => {
    assert.deepEqual(durations(pm(timeline, 'x', '**Duration:** over 1 hour')), []);
    assert.equal(durations(pm(timeline, 'x', '**Duration:** over 2 hours')).length, 1);
    assert.deepEqual(durations(pm(timeline, 'The site was down for less than two hours.')), []);
  });

  test('a stated time to detection is not the outage', () => {
    assert.deepEqual(durations(pm(timeline, 'Time to detect: 4 minutes. Time to resolve: 9 minutes.')), []);
  });
});

describe('time ranges in the summary', () => {
  const timeline = 'All times WAT.\n\n- 9:03 AM: configuration push\n- 9:05 AM: Outage begins\n- 9:19 AM: rollback fails\n- 9:31 AM: rollback succeeds';

  test('a range whose ends match no entry and that runs past the timeline contradicts it', () => {
    const found = durations(pm(timeline, 'From 9:30 AM to 10:37 AM WAT, requests failed.'));
    assert.equal(found.length, 1);
    assert.equal(found[0].line, 7);
    assert.match(found[0].message, /09:30–10:37 \(67 min\) matches no timeline entry at either end/);
  });

  test('"between 14:05 and 15:20 UTC" against a UTC timeline', () => {
    const utc = 'All times UTC.\n\n- 13:00 deploy\n- 13:10 Outage begins\n- 13:40 fixed';
    assert.equal(durations(pm(utc, 'Between 14:05 and 15:20 UTC, checkout failed.')).length, 1);
  });

  test('quiet: one end matches an entry, the range lies within the timeline, or only one side gives its zone', () => {
    assert.deepEqual(durations(pm(timeline, 'From 9:05 AM to 10:37 AM WAT, requests failed.')), []);
    assert.deepEqual(durations(pm(timeline, 'From 9:10 AM to 9:25 AM WAT, errors peaked.')), []);
    const unzoned = '- 9:03 AM: push\n- 9:05 AM: Outage begins\n- 9:31 AM: rollback';
    assert.deepEqual(durations(pm(unzoned, 'From 14:30 to 15:37 UTC, requests failed.')), []);
  });

  test('a summary range of another length than the outage markers still reports its length', () => {
    const marked = 'All times UTC.\n\n- 14:07 **OUTAGE BEGINS** a\n- 15:19 **OUTAGE ENDS** b';
    assert.match(durations(pm(marked, 'Checkout failed from 14:07 to 15:49 UTC.'))[0]?.message ?? '', /time range \(1 h 42 min\)/);
  });
});

describe('impact windows with dates', () => {
  const timeline = 'All times PDT.\n\n- 2019-03-25 23:04 node drained (**outage starts**)\n- 2019-03-26 08:10 fixed deploy (**outage ends**)';

  test('dated in another month and ending at another minute: one finding saying both', () => {
    const found = durations(pm(timeline, 'x').replace('## Impact\n\nx', '## Impact\n\nAll jobs failed between 2019-02-25 23:04 and 2019-02-26 08:12.'));
    assert.equal(found.length, 1);
    assert.match(found[0].message, /dated February, the timeline March; it ends at 08:12, the timeline's outage at 08:10/);
  });

  test('the same window as the timeline: nothing', () => {
    assert.deepEqual(durations(pm(timeline, 'x').replace('## Impact\n\nx', '## Impact\n\nAll jobs failed between 2019-03-25 23:04 and 2019-03-26 08:10.')), []);
  });

  test('a timeline whose own dates run backwards still has its window checked', () => {
    const backwards = 'All times PDT.\n\n- 2019-03-26 23:04 node drained (**outage starts**)\n- 2019-03-26 08:10 fixed deploy (**outage ends**)';
    const found = durations(pm(backwards, 'x').replace('## Impact\n\nx', '## Impact\n\nAll jobs failed between 2019-02-25 23:04 and 2019-02-26 08:12.'));
    assert.equal(found.length, 1);
  });
});

describe('totals over several incidents', () => {
  const incidents = (total: string) =>
    `# Incident: Flags outages\n\n## Summary\n\n${total}\n\n## Timeline\n\n### March 3 - Cache\n\n**Duration:** 10:00 to 11:30 UTC (90 minutes)\n\n- **10:00 UTC** - deploy\n\n### March 5 - Limits\n\n**Duration:** 18:00 to 18:45 UTC (45 minutes)\n\n- **18:00 UTC** - deploy\n\n## Root cause\n\nx\n`;

  test('a total that is not the sum of the stated windows: a warning naming each', () => {
    const found = durations(incidents('Two incidents totaling over 4 hours of impact.'));
    assert.equal(found.length, 1);
    assert.match(found[0].message, /"over 4 hours" disagrees with the 2 windows the report states: 1 h 30 min \+ 45 min = 2 h 15 min/);
    assert.equal(durations(incidents('- **Total impact:** 5 hours across two outages')).length, 1);
  });

  test('the right sum, a total that does not say how many incidents, or another count: nothing', () => {
    assert.deepEqual(durations(incidents('Two incidents totaling 2 hours 15 minutes of impact.')), []);
    assert.deepEqual(durations(incidents('Incidents totaling 4 hours of impact.')), []);
    assert.deepEqual(durations(incidents('Three incidents totaling 4 hours of impact.')), []);
  });

  test('a window whose figure and range disagree', () => {
    const found = durations(incidents('x').replace('(45 minutes)', '(55 minutes)'));
    assert.equal(found.length, 1);
    assert.match(found[0].message, /"55 minutes" disagrees with the range beside it \(45 min\)/);
  });

  test('findTotalDurations and findDurationLabels', () => {
    assert.deepEqual(findTotalDurations('four incidents totaling over 14 hours of impact; 3 hours in total;\n**Total downtime:** 2h').map((d) => d.text), ['over 14 hours', '3 hours', '2h']);
    assert.deepEqual(findTotalDurations('down for 3 hours; total of 5 users'), []);
    assert.deepEqual(findDurationLabels('**Duration:** 1h\n**Total downtime:** 2h\nNote: x').map((l) => l.total), [false, true]);
  });
});

describe('duration readers are linear', () => {
  const pieces = ['total ', 'totaling 1 h ', '**Total x:** ', 'Duration: ', 'four incidents ', 'less than 1 h ', '2019-02-25 23:04 and ', '(1 h)', 'a b c '];
  for (const [name, reader] of [['findTotalDurations', findTotalDurations], ['findDurationLabels', findDurationLabels]] as [string, (s: string) => unknown][]) {
    test(`${name} is linear on adversarial input`, () => {
      for (const piece of pieces) assertLinear(`${name} on ${JSON.stringify(piece)}`, reader, piece, (text) => text);
    });
  }
  test('duration-mismatch is linear on a summary of totals, counts and ranges', () => {
    const report = (s: string) => buildReport(pm('All times UTC.\n\n- 14:07 **OUTAGE BEGINS** a\n- 15:19 **OUTAGE ENDS** b', s));
    const check = (parsed: IncidentReport) => durationMismatch.check({ ...parsed }, {} as never);
    for (const piece of ['four incidents totaling 1 h ', 'from 9:30 to 10:37 UTC ', 'Duration: 1h\n', 'four four four ']) assertLinear(`duration-mismatch on ${JSON.stringify(piece)}`, check, piece, report);
  });
});
