// The timeline model and its rules on crafted post-mortems and on every corpus post-mortem.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReport } from '../../server/src/model/report';
import { timelineOf } from '../../server/src/model/timeline/timeline';
import { createLanguageService } from '../../server/src/languageService';
import { CORPUS, documentOf, findingsOf } from '../support/fixtures';

const postmortem = (name: string) => readFileSync(join(CORPUS, 'postmortems', name), 'utf8');
const HEAD = '# Incident: Checkout outage\n\n## Summary\n\nx\n\n## Impact\n\nx\n\n## Root cause\n\nx\n\n';
const pm = (timeline: string, summary = 'x') => HEAD.replace('## Summary\n\nx', `## Summary\n\n${summary}`) + `## Timeline\n\n${timeline}\n`;
const ofRule = (text: string, rule: string) => findingsOf(text).filter((f) => f.rule === rule);

describe('timeline entries in every corpus post-mortem', () => {
  const cases: [string, number, string | undefined, string | undefined][] = [
    ['sre-style.md', 15, '14:07', '15:19'],
    ['pagerduty-style.md', 14, '23:41', '01:26'],
    ['newest-first-log.md', 14, undefined, undefined],
    ['multi-day.md', 19, undefined, undefined],
    ['pasted-plain.md', 17, '20:40', '23:10'],
    ['missing-sections.md', 20, undefined, undefined],
    ['twelve-hour-clock.md', 10, '09:05', '13:15'],
  ];
  for (const [name, count, start, end] of cases) {
    test(`${name}: ${count} entries, start ${start ?? '-'}, end ${end ?? '-'}`, () => {
      const timeline = timelineOf(buildReport(postmortem(name)))!;
      assert.equal(timeline.entries.length, count);
      assert.deepEqual(timeline.unparsed, []);
      const hhmm = (e?: { time: { hour: number; minute: number } }) => e && `${String(e.time.hour).padStart(2, '0')}:${String(e.time.minute).padStart(2, '0')}`;
      assert.equal(hhmm(timeline.milestones.start), start);
      assert.equal(hhmm(timeline.milestones.end), end);
    });
  }

  test('newest-first-log.md is read newest first', () => {
    const timeline = timelineOf(buildReport(postmortem('newest-first-log.md')))!;
    assert.equal(timeline.newestFirst, true);
    assert.ok(timeline.chronological[0].instant < timeline.chronological.at(-1)!.instant);
  });

  test('pagerduty-style.md crosses midnight by its dates, not by assumption', () => {
    const timeline = timelineOf(buildReport(postmortem('pagerduty-style.md')))!;
    assert.ok(timeline.entries.every((e) => !e.assumedNextDay && e.explicitDate));
    assert.equal((timeline.milestones.end!.instant - timeline.milestones.start!.instant) / 60000, 105);
  });

  test('pasted-plain.md squashed paragraphs: 14 entries on January 23 and 3 on January 24, EST', () => {
    const timeline = timelineOf(buildReport(postmortem('pasted-plain.md')))!;
    assert.deepEqual(timeline.entries.map((e) => e.date?.day), [...Array<number>(14).fill(23), 24, 24, 24]);
    assert.ok(timeline.entries.every((e) => e.zone?.text === 'EST' && e.line === (e.date?.day === 23 ? 24 : 26)));
    assert.equal(new Date(timeline.milestones.start!.instant).toISOString(), '2024-01-24T01:40:00.000Z'); // 20:40 EST
  });
});

describe('timeline-order', () => {
  test('an entry earlier than the one before it is an error pointing at that entry', () => {
    const found = ofRule(pm('All times UTC.\n\n- 10:00 a\n- 10:30 b\n- 10:15 c\n- 10:45 d'), 'timeline-order');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'error');
    assert.match(found[0].message, /10:15 is earlier than 10:30/);
  });

  test('equal times are in order', () => {
    assert.deepEqual(ofRule(pm('All times UTC.\n\n- 10:00 a\n- 10:00 b\n- 10:05 c'), 'timeline-order'), []);
  });

  test('23:50 → 00:10 with no new date: a warning, assumed next day', () => {
    const found = ofRule(pm('All times UTC.\n\n- 23:40 a\n- 23:50 b\n- 00:10 c\n- 00:20 d'), 'timeline-order');
    assert.deepEqual(found.map((f) => [f.severity, f.line]), [['warning', 21]]);
    assert.match(found[0].message, /assumed next day — add the date/);
  });

  test('a day heading makes the day change explicit: nothing', () => {
    assert.deepEqual(ofRule(pm('All times UTC.\n\n### 2025-03-01\n\n- 23:50 a\n\n### 2025-03-02\n\n- 00:10 b'), 'timeline-order'), []);
  });

  test('a newest-first log is checked in reverse', () => {
    const text = pm('Newest entry first. All times UTC.\n\n- 12:00 d\n- 11:00 c\n- 11:30 b\n- 10:00 a');
    const found = ofRule(text, 'timeline-order');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /newest-first/);
  });

  test('a table with a Time column', () => {
    const found = ofRule(pm('| Event | Time (UTC) |\n|---|---|\n| a | 10:00 |\n| b | 09:00 |'), 'timeline-order');
    assert.equal(found.length, 1);
  });

  test('12-hour times across noon are in order', () => {
    assert.deepEqual(ofRule(pm('All times PT.\n\n- 11:58 AM a\n- 12:10 PM b\n- 1:02 pm c'), 'timeline-order'), []);
  });
});

describe('duration-mismatch', () => {
  const timeline = 'All times UTC.\n\n- 14:07 **OUTAGE BEGINS** a\n- 15:19 **OUTAGE ENDS** b';
  test('a stated duration that agrees: nothing; one that does not: both figures', () => {
    assert.deepEqual(ofRule(pm(timeline, 'The site was down for 72 minutes.'), 'duration-mismatch'), []);
    const found = ofRule(pm(timeline, 'Duration: 2 hours 47 minutes'), 'duration-mismatch');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /"2 hours 47 minutes".*is 72 min, 1 h 35 min shorter than stated/);
  });

  test('a summary range that disagrees is reported; lag figures are not durations', () => {
    const found = ofRule(pm(timeline, 'Checkout failed from 14:07 to 15:49 UTC. Peak consumer lag: 71 minutes.'), 'duration-mismatch');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /time range \(1 h 42 min\)/);
  });

  test('no start or end milestone: nothing to compare', () => {
    assert.deepEqual(ofRule(pm('All times UTC.\n\n- 14:07 a\n- 15:19 b', 'Down for 3 hours.'), 'duration-mismatch'), []);
  });
});

describe('timeline-timezone', () => {
  test('no zone anywhere: one hint on the Timeline heading', () => {
    const found = ofRule(pm('- 10:00 a\n- 10:05 b'), 'timeline-timezone');
    assert.deepEqual(found.map((f) => [f.severity, f.line]), [['hint', 15]]);
  });

  test('mixed zones without offsets: a warning', () => {
    const found = ofRule(pm('- 10:00 PST a\n- 13:05 EST b'), 'timeline-timezone');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
    assert.match(found[0].message, /mixes time zones \(PST and EST\)/);
  });

  test('written offsets are not mixed zones', () => {
    assert.deepEqual(ofRule(pm('- 2025-01-10 10:00 -08:00 a\n- 2025-01-10 13:05 -05:00 b'), 'timeline-timezone'), []);
  });

  test('PST on 2024-03-15 is a warning suggesting PDT or PT; on 2024-01-23 it is fine', () => {
    const found = ofRule(pm('### 2024-03-15\n\n- 10:00 PST a\n- 10:05 PST b'), 'timeline-timezone');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /PST is standard time, but on 2024-03-15 .*: use PDT or PT/);
    assert.deepEqual(ofRule(pm('### 2024-01-23\n\n- 10:00 PST a'), 'timeline-timezone'), []);
  });
});

describe('timeline-unparsed', () => {
  test('a list item or table row without a readable time is information', () => {
    const list = ofRule(pm('All times UTC.\n\n- 10:00 a\n- sometime later b\n- 10:30 c'), 'timeline-unparsed');
    assert.deepEqual(list.map((f) => [f.severity, f.line]), [['information', 20]]);
    const table = ofRule(pm('| Time (UTC) | Event |\n|---|---|\n| 10:00 | a |\n| ?? | b |'), 'timeline-unparsed');
    assert.equal(table.length, 1);
    assert.match(table[0].message, /timeline row/);
  });

  test('a prose list in the timeline section is not a timeline list', () => {
    assert.deepEqual(ofRule(pm('All times UTC.\n\n- we learned a lot\n- we should page earlier'), 'timeline-unparsed'), []);
  });
});

describe('hover and outline', () => {
  const service = createLanguageService();
  const text = postmortem('sre-style.md');
  const document = documentOf(text);

  test('hover on an entry: UTC instant and T+ since the start', () => {
    const hover = service.getHover(document, { line: 51, character: 5 }); // 14:18 Incident declared
    const value = (hover?.contents as { value: string }).value;
    assert.match(value, /UTC: 2025-02-11 14:18/);
    assert.match(value, /`T\+11m` since the incident start \(14:07, line 49\)/);
  });

  test('hover on the Timeline heading: milestones and durations', () => {
    const hover = service.getHover(document, { line: 42, character: 4 });
    const value = (hover?.contents as { value: string }).value;
    assert.match(value, /Start: 14:07 \(line 49\)/);
    assert.match(value, /End: 15:19 \(line 60\)/);
    assert.match(value, /Time to detect: \*\*2 min\*\*/);
    assert.match(value, /Total duration: \*\*72 min\*\*/);
  });

  test('hover in a declared zone shows both', () => {
    const hover = service.getHover(documentOf(postmortem('twelve-hour-clock.md')), { line: 22, character: 4 });
    const value = (hover?.contents as { value: string }).value;
    assert.match(value, /UTC: 2025-06-05 16:05/);
    assert.match(value, /09:05 .*America\/Los_Angeles/);
  });

  test('no hover outside timelines', () => {
    assert.equal(service.getHover(document, { line: 15, character: 10 }), undefined);
  });

  test('outline: sections nested by level, timeline entries under Timeline', () => {
    const symbols = service.getDocumentSymbols(document);
    assert.equal(symbols.length, 1);
    const sections = symbols[0].children!.map((s) => s.name);
    assert.deepEqual(sections, ['Summary', 'Impact', 'Trigger', 'Root Causes', 'Detection', 'Resolution', 'Timeline', 'Lessons Learned', 'Action Items', 'Supporting information']);
    const timeline = symbols[0].children!.find((s) => s.name === 'Timeline')!;
    const day = timeline.children!.find((s) => s.name.startsWith('2025-02-11'))!;
    assert.equal(day.children?.length, 15);
    assert.match(day.children[2].name, /^14:07 \*\*OUTAGE BEGINS\*\*/);
  });

  test('ordinary Markdown has no outline from us', () => {
    assert.deepEqual(service.getDocumentSymbols(documentOf(readFileSync(join(CORPUS, 'not-reports', 'notes-with-times.md'), 'utf8'))), []);
  });
});
