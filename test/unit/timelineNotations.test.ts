// Timeline notations people write, several timelines in one report, what is not an entry, and entries that
// cannot be read (never skipped silently). Every line here was written for the test, in the style of real logs.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport } from '../../server/src/model/report';
import { timelineOf, timelinesOf, type TimelineEntry } from '../../server/src/model/timeline/timeline';
import { describeTime } from '../../server/src/model/timeline/describe';
import { scanEntryStamp, scanTimestamp, whyUnreadable } from '../../server/src/model/timeline/time';
import { findingsOf } from '../support/fixtures';

const HEAD = '# Incident: Checkout outage\n\n## Summary\n\nx\n\n## Impact\n\nx\n\n## Root cause\n\nx\n\n';
const pm = (timeline: string) => `${HEAD}## Timeline\n\n${timeline}\n`;
const ofRule = (text: string, rule: string) => findingsOf(text).filter((f) => f.rule === rule);
const entriesOf = (text: string) => timelineOf(buildReport(text))!.entries;
const hhmm = (e: TimelineEntry) => `${String(e.time.hour).padStart(2, '0')}:${String(e.time.minute).padStart(2, '0')}`;
const iso = (e: TimelineEntry) => new Date(e.instant).toISOString().slice(0, 16);

describe('notations', () => {
  test('[08:47] in brackets, also in emphasis', () => {
    const entries = entriesOf(pm('All times UTC.\n\n- [08:47] Pager fires for the checkout API\n- **[09:02]** Rollback started\n- [09:30 PDT] Back to normal'));
    assert.deepEqual(entries.map(hhmm), ['08:47', '09:02', '09:30']);
    assert.equal(entries[0].text, 'Pager fires for the checkout API');
    assert.equal(entries[2].zone?.text, 'PDT');
  });

  test('[03-26 23:04]: a month and day in brackets; a wrong day is out of order', () => {
    const text = pm([
      '- [12-05 16:21] The bug is merged',
      '- [03-20 16:46] Config is updated but not rolled out',
      '- [03-26 23:04] Node drained; the new pod crash-loops (**outage starts**)',
      '- [03-26 02:50] Outage reported on the tracker',
    ].join('\n')).replace('# Incident: Checkout outage', '# March 26th, 2019 Queue outage');
    const entries = entriesOf(text);
    // December comes before March: the year before, not a backward step.
    assert.deepEqual(entries.map((e) => e.date), [{ year: 2018, month: 12, day: 5 }, { year: 2019, month: 3, day: 20 }, { year: 2019, month: 3, day: 26 }, { year: 2019, month: 3, day: 26 }]);
    const found = ofRule(text, 'timeline-order');
    assert.deepEqual(found.map((f) => [f.line, f.severity]), [[text.split('\n').length - 1, 'error']]);
    assert.match(found[0].message, /03-26 02:50 is earlier than 03-26 23:04/);
  });

  test('times in backticks', () => {
    const entries = entriesOf(pm('All times UTC.\n\n- `14:05` deploy of `api` 2.3.1 starts\n- `14:19`: error rate above 5%'));
    assert.deepEqual(entries.map(hhmm), ['14:05', '14:19']);
    assert.equal(entries[1].text, 'error rate above 5%');
  });

  test('four digits with a date or a zone: 2022-02-02 1625, 1506 UTC, Feb 8 0117 UTC', () => {
    const entries = entriesOf(pm('- 2022-02-02 1625 Alert on disk usage\n- 1640 UTC Volume extended\n- Feb 8 0117 UTC Second alert\n- 0133 UTC Rolled back'));
    assert.deepEqual(entries.map(hhmm), ['16:25', '16:40', '01:17', '01:33']);
    assert.deepEqual(entries.map((e) => e.explicitDate), [true, false, true, false]);
    // The date of an entry holds for the undated entries after it.
    assert.deepEqual(entries.map((e) => e.date?.day), [2, 2, 8, 8]);
  });

  test('four digits alone are never a time: the entry is reported, saying why', () => {
    assert.equal(scanTimestamp('1506 Hypha confirms the release'), undefined);
    assert.equal(scanTimestamp('Feb 7 2024: all validators signing'), undefined);
    const found = ofRule(pm('All times UTC.\n\n- 14:50 a\n- 1506 b'), 'timeline-unparsed');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /four digits count as a time only with a date or a time zone beside them/);
  });

  test('2023-01-04/11:34: a date and a time joined by a slash', () => {
    const entries = entriesOf(pm('All times CET.\n\n- 2023-01-04/11:34 First failed login reported\n- 2023-01-04/11:52 Certificate renewed'));
    assert.deepEqual(entries.map(iso), ['2023-01-04T10:34', '2023-01-04T10:52']);
  });

  test('*06:00*: entries joined by <br> in one paragraph are one entry each', () => {
    const entries = entriesOf(pm('All times UTC.\n\n*06:00*: Backup job starts<br>*06:12*: Disk full on db-2<br>*06:40*: Backup job killed'));
    assert.deepEqual(entries.map(hhmm), ['06:00', '06:12', '06:40']);
    assert.deepEqual(entries.map((e) => e.text), ['Backup job starts', 'Disk full on db-2', 'Backup job killed']);
  });

  test('<br>-joined entries in a table cell, and one of them out of order', () => {
    const text = pm('| When | What |\n|---|---|\n| *06:00*: job starts<br>*06:12*: disk full<br>*06:05*: job killed | night of the backup |');
    assert.deepEqual(entriesOf(text).map(hhmm), ['06:00', '06:12', '06:05']);
    assert.equal(ofRule(text, 'timeline-order').length, 1);
  });

  test('Jan 16, 5:44 AM in table cells keeps its date: entries on later days are in order', () => {
    const text = pm([
      '| Time (UTC) | Event |',
      '|---|---|',
      '| Jan 15, 5:33 PM | Version 1.3.0 released with an attempted fix |',
      '| Jan 16, 5:44 AM | The customer says the fix did not work |',
      '| Jan 17, 3:31 AM | Another customer reports the site is down |',
      '| Jan 19, 4:04 PM | The pinned version is found still served |',
    ].join('\n'));
    const entries = entriesOf(text);
    assert.deepEqual(entries.map((e) => [e.date?.month, e.date?.day]), [[1, 15], [1, 16], [1, 17], [1, 19]]);
    assert.ok(entries.every((e) => e.explicitDate && !e.explicitYear));
    assert.deepEqual(ofRule(text, 'timeline-order'), []);
    // A day that goes back is out of order, and the message shows the date as written (no invented year).
    const found = ofRule(text.replace('Jan 17, 3:31 AM', 'Jan 14, 3:31 AM'), 'timeline-order');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /01-14 03:31 is earlier than 01-16 05:44/);
  });

  test('dates without a year across New Year are in order', () => {
    assert.deepEqual(ofRule(pm('All times UTC.\n\n- Dec 31, 11:40 PM Freeze starts\n- Jan 1, 12:20 AM Certificate expires'), 'timeline-order'), []);
  });

  test('a date in parentheses after the time: **22:30 UTC (Oct 29)**', () => {
    const text = pm('- **22:30 UTC (Oct 29)** - Errors reported\n- **00:03 UTC (Oct 30)** - Rolled back\n- **05:39 UTC** - Resolved');
    assert.deepEqual(entriesOf(text).map((e) => e.date?.day), [29, 30, 30]);
    assert.deepEqual(ofRule(text, 'timeline-order'), []);
  });
});

describe('date-only entries (day precision)', () => {
  const table = [
    'All times in UTC.',
    '',
    '| Time | Event |',
    '| --- | --- |',
    '| 2021-12-10 | The vulnerability is published |',
    '| 2021-12-10 15:40 | We become aware of it |',
    '| 2021-12-13 09:15 | Scanning starts |',
    '| 2021-12-17 14:40 | Vulnerable instances terminated |',
    '| 2021-12-17 | Version 2.17 published |',
    '| 2021-12-18 | No action needed for 2.17 |',
    '| 2021-12-20 09:15 | Last service checked |',
  ].join('\n');

  test('are read, by day, and are never out of order against a timed entry of the same day', () => {
    const entries = entriesOf(pm(table));
    assert.deepEqual(entries.map((e) => e.precision), ['day', 'time', 'time', 'time', 'day', 'day', 'time']);
    assert.deepEqual(ofRule(pm(table), 'timeline-order'), []);
    assert.deepEqual(ofRule(pm(table), 'timeline-unparsed'), []);
  });

  test('a day that goes back is out of order', () => {
    const found = ofRule(pm(table.replace('| 2021-12-18 |', '| 2021-12-16 |')), 'timeline-order');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /2021-12-16 is earlier than 2021-12-17/);
  });

  test('a timed entry is still compared with the timed entry before a day entry', () => {
    const found = ofRule(pm(table.replace('| 2021-12-20 09:15 |', '| 2021-12-17 09:15 |').replace('| 2021-12-18 |', '| 2021-12-17 |')), 'timeline-order');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /2021-12-17 09:15 is earlier than 2021-12-17 14:40/);
  });

  test('in a list, "- 2021-12-10: …"; a date alone over nested entries only names their day', () => {
    const entries = entriesOf(pm('All times UTC.\n\n- 2021-12-10: The vulnerability is published\n- **2021-12-13**\n  - 09:15 Scanning starts\n  - 11:45 Teams meet'));
    assert.deepEqual(entries.map((e) => [e.precision, e.date?.day, hhmm(e)]), [['day', 10, '00:00'], ['time', 13, '09:15'], ['time', 13, '11:45']]);
    assert.equal(describeTime(entries[0]), '2021-12-10');
  });
});

describe('relative offsets', () => {
  test('count from the entry that marks the start', () => {
    const entries = entriesOf(pm('All times UTC.\n\n- 14:00 Deploy\n- 14:10 Outage starts\n- T+30m Rollback decided\n- [+1 hrs] Service recovered\n- T+1h30m Incident closed'));
    assert.deepEqual(entries.map(iso).map((s) => s.slice(11)), ['14:00', '14:10', '14:40', '15:10', '15:40']);
    assert.deepEqual(entries.map((e) => e.precision), ['time', 'time', 'offset', 'offset', 'offset']);
    assert.equal(describeTime(entries[3]), 'T+1h 00m');
  });

  test('with no absolute entry, ordered among themselves', () => {
    const text = pm('- T+0m Alert fires\n- +45 min Cause found\n- T+1h Fix deployed\n- T+30m Status page updated');
    assert.deepEqual(entriesOf(text).map((e) => e.offsetMinutes), [0, 45, 60, 30]);
    const found = ofRule(text, 'timeline-order');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /T\+30m is earlier than T\+1h 00m/);
  });

  test('a signed percentage is not an offset', () => {
    assert.equal(scanEntryStamp('+5% errors on checkout'), undefined);
  });
});

describe('several timelines in one report', () => {
  const incidents = [
    '# Feature flags: two outages in one week',
    '',
    '## Summary', '', 'x', '', '## Impact', '', 'x', '', '## Root cause', '', 'x', '',
    '## Incident 1 — 2025-10-21', '', '### Timeline', '', 'All times UTC.', '',
    '- 21:45 Deploy', '- 21:47 Errors rise', '- 23:28 Recovered', '',
    '## Incident 2 — 2025-10-24', '', '### Timeline', '', 'All times UTC.', '',
    '- 18:00 Rate limiting deployed', '- 18:10 Customer reports', '- 18:02 All traffic seen as one IP', '- 19:12 Recovered', '',
  ].join('\n');

  test('one timeline per Timeline section, each dated by the heading it sits under', () => {
    const report = buildReport(incidents);
    const timelines = timelinesOf(report);
    assert.equal(timelines.length, 2);
    assert.deepEqual(timelines.map((t) => t.entries.map((e) => e.date?.day)), [[21, 21, 21], [24, 24, 24, 24]]);
    // The main timeline, for hover and durations, is the one with most entries.
    assert.equal(timelineOf(report), timelines[1]);
  });

  test('each is checked on its own: 18:00 after 23:28 is a new incident, 18:02 after 18:10 is out of order', () => {
    const found = ofRule(incidents, 'timeline-order');
    assert.deepEqual(found.map((f) => f.line), [incidents.split('\n').indexOf('- 18:02 All traffic seen as one IP') + 1]);
  });

  test('unreadable entries are reported in every timeline', () => {
    const text = incidents.replace('- 21:47 Errors rise', '- 21:4 Errors rise').replace('- 18:10 Customer reports', '- 1810 Customer reports');
    assert.equal(ofRule(text, 'timeline-unparsed').length, 2);
  });

  test('without per-incident headings, an undated heading still gives one timeline', () => {
    assert.equal(timelinesOf(buildReport(pm('- 10:00 a'))).length, 1);
  });
});

describe('what is not an entry', () => {
  test('a summary line under the list', () => {
    const text = pm('All times in UTC.\n\n- **10:45** - SDK deployed\n- **16:11** - Reverts deployed\n- **22:28** - Incident closed\n\n**Total impact duration:** 5 hours 26 minutes (10:45 - 16:11 UTC)\n**Detection delay:** 4 hours 14 minutes');
    assert.equal(entriesOf(text).length, 3);
    assert.deepEqual(ofRule(text, 'timeline-order'), []);
  });

  test('a **Note:** item in a timeline list', () => {
    const text = pm('- **21:45 UTC** - Deploy\n- **Note:** times before 22:00 come from the deploy log\n- **21:50 UTC** - Rollback');
    assert.deepEqual(ofRule(text, 'timeline-unparsed'), []);
    assert.equal(entriesOf(text).length, 2);
  });

  test('a kramdown attribute line after a table', () => {
    const text = pm('| time | Description |\n| --- | --- |\n| 14:51 | News reports a new sonnet |\n| 14:53 | Traffic up 88x |\n{: .timeline }');
    assert.deepEqual(ofRule(text, 'timeline-unparsed'), []);
    assert.equal(entriesOf(text).length, 2);
  });

  test('timestamps in code blocks and a chat log in a quote', () => {
    const text = pm('- 10:00 a\n- 10:05 b\n\n```\n09:00 INFO started\n08:00 WARN restarting\n```\n\n> alice [6:27 AM]\n> is this related?\n> bob [05:10 AM]\n> no');
    assert.equal(entriesOf(text).length, 2);
    assert.deepEqual(ofRule(text, 'timeline-order'), []);
    assert.deepEqual(ofRule(text, 'timeline-unparsed'), []);
  });

  test('a prose list in the Timeline section', () => {
    assert.deepEqual(ofRule(pm('Sources:\n\n- the deploy log\n- the pager history'), 'timeline-unparsed'), []);
  });

  test('a table of figures in the Timeline section', () => {
    assert.deepEqual(ofRule(pm('- 10:00 a\n\n| Metric | Value |\n|---|---|\n| Errors | 4,210 |'), 'timeline-unparsed'), []);
  });
});

describe('never skip silently', () => {
  test('a broken year in a table row, with the reason', () => {
    const text = pm('All times in CET.\n\n| Time | Event |\n| --- | --- |\n| 20202-01-16 12:00 | Pipeline rebuilt |\n| 20202-01-17 12:00 | Variables fixed |');
    const found = ofRule(text, 'timeline-unparsed');
    const lines = text.split('\n');
    assert.deepEqual(found.map((f) => f.line), [lines.indexOf('| 20202-01-16 12:00 | Pipeline rebuilt |') + 1, lines.indexOf('| 20202-01-17 12:00 | Variables fixed |') + 1]);
    assert.match(found[0].message, /No readable time in this timeline row \(the year 20202 is not a year\)/);
    assert.equal(timelineOf(buildReport(text))!.unparsed[0].reason, 'the year 20202 is not a year');
  });

  test('a list whose every item is broken is still a timeline list', () => {
    const found = ofRule(pm('- 20202-01-16 10:00 Pipeline rebuilt\n- 20202-01-17 10:00 Variables fixed'), 'timeline-unparsed');
    assert.equal(found.length, 2);
  });

  test('a broken date column leaves the row unread, not undated', () => {
    const text = pm('| Date | Time | Event |\n|---|---|---|\n| 2020-01-16 | 10:00 | a |\n| 20202-01-17 | 11:00 | b |');
    assert.deepEqual(entriesOf(text).map((e) => e.date?.day), [16]);
    assert.match(ofRule(text, 'timeline-unparsed')[0].message, /the year 20202 is not a year/);
  });

  test('times marked unknown are reported as such', () => {
    const found = ofRule(pm('- 10:00 a\n- [???] IOPS limit reached\n- --:-- Cause unknown\n- TBD Customer email'), 'timeline-unparsed');
    assert.equal(found.length, 3);
    assert.ok(found.every((f) => /its time is marked unknown/.test(f.message)));
  });

  test('reasons in a few words', () => {
    assert.equal(whyUnreadable('2021-13-01 10:00 x'), '2021-13-01 is not a date');
    assert.equal(whyUnreadable('25:10 x'), '25:10 is not a time of day');
    assert.equal(whyUnreadable('Some words first'), 'no time or date at its start');
    assert.equal(whyUnreadable('**10: am** x'), 'the time at its start cannot be read');
  });

  test('entries of a nested list under a day label are read', () => {
    const entries = entriesOf(pm('All times UTC.\n\n- **Day 1 (March 5, 2025)**\n  - 10:00 a\n  - 11:00 b\n- **Day 2 (March 6, 2025)**\n  - 09:00 c'));
    assert.deepEqual(entries.map((e) => `${e.date?.day} ${hhmm(e)}`), ['5 10:00', '5 11:00', '6 09:00']);
  });
});

describe('which lists are timeline lists', () => {
  test('a list of counts is not a broken log', () => {
    assert.deepEqual(ofRule(pm('- 2 alerts fired\n- 3 pages sent\n- 40 customers wrote in'), 'timeline-unparsed'), []);
  });

  test('a list of times that all fail to read is', () => {
    assert.equal(ofRule(pm('- 10: am paged\n- 1506 rollback\n- 10:61 recovered'), 'timeline-unparsed').length, 3);
  });
});

describe('lines of a paragraph', () => {
  test('lines that start with a time after a line that introduces them are entries', () => {
    assert.deepEqual(entriesOf(pm('Times in UTC:\n10:00 Alert fires\n10:20 Rollback')).map(hhmm), ['10:00', '10:20']);
  });

  test('prose wrapped before a time is not an entry', () => {
    assert.deepEqual(entriesOf(pm('- 09:00 a\n\nThe deploy started at\n10:00 and the alert came later.')).map(hhmm), ['09:00']);
  });
});

describe('lines from licensed real reports', () => {
  test('dfds/postmortems PM2021-011 (MIT, Copyright (c) 2019 DFDS): date-only rows and a backward step', () => {
    const text = pm([
      'All times in UTC.',
      '',
      '| Time               | Event |',
      '| :----------------- | ----- |',
      '| 2021-12-10         | The Log4Shell vulnerability was published |',
      '| 2021-12-10   15:40 | We became aware of it during a call with Peter Taylor |',
      '| 2021-12-13   15:50 | Started scanning Docker images used on Hellman. One affected pod found (xroute) |',
      '| 2021-12-13   14:30 | Initial management-level contact with S&amp;O |',
      '| 2021-12-17   14:40 | Vulnerable EC2 instances terminated, because they were development servers |',
      '| 2021-12-17         | log4j 2.17 published |',
      '| 2022-01-04 11:03   | Follow-up on missing feedback from Logistics x-route team. |',
    ].join('\n'));
    const found = ofRule(text, 'timeline-order');
    assert.deepEqual(found.map((f) => f.line), [text.split('\n').findIndex((l) => l.includes('14:30')) + 1]);
    assert.deepEqual(ofRule(text, 'timeline-unparsed'), []);
  });

  test('kubernetes/test-infra post-mortem 2019-03-26 (Apache-2.0): [MM-DD HH:MM] entries', () => {
    const text = pm([
      '- [12-05 16:21] Crashloop bug preventing Boskos from updating is introduced',
      '- [03-20 16:46] Boskos StatefulSet spec is updated but the pod is not updated',
      '- [03-26 17:40] Kubernetes node upgrade is initiated on the build cluster',
      '- [03-26 23:04] The node hosting boskos is drained. The replacement pod is stuck in a crash loop. (**outage starts**)',
      '- [03-26 02:50] The outage is reported on GitHub by @mborsz',
    ].join('\n')).replace('# Incident: Checkout outage', '# March 26th, 2019 Boskos Outage');
    const found = ofRule(text, 'timeline-order');
    assert.deepEqual(found.map((f) => f.line), [text.split('\n').findIndex((l) => l.includes('[03-26 02:50]')) + 1]);
  });
});
