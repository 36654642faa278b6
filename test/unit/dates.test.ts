// Month names and dates, wherever a report's text is read for them: the date field and timeline entries.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { monthNumber, parseReportDate } from '../../server/src/model/dates';
import { buildReport } from '../../server/src/model/report';
import { timelineOf } from '../../server/src/model/timeline/timeline';
import { findingsOf } from '../support/fixtures';

const NOT_MONTHS = ['J', 'Ma', 'Ju', 'Janu', 'Marc', 'Sep.t', 'Mayo', 'Septem', ''];

describe('month names', () => {
  test('full names, three-letter abbreviations and Sept, in any case, with or without a dot', () => {
    const read = ['January', 'jan', 'JAN.', 'Feb', 'mar.', 'May', 'may.', 'Sept', 'sept.', 'Sep', 'SEPTEMBER', 'Dec.'].map(monthNumber);
    assert.deepEqual(read, [1, 1, 1, 2, 3, 5, 5, 9, 9, 9, 9, 12]);
  });

  test('prefixes that are not abbreviations name no month', () => {
    for (const word of NOT_MONTHS) assert.equal(monthNumber(word), undefined, word);
  });
});

const eightD = (date: string) => `# 4: T\n\n- **Date:** ${date}\n- **Status:** Draft\n\n## D0: a\n\nx\n\n## D1: b\n\nx\n\n## D2: c\n\nx\n`;
const dateFindings = (date: string) => findingsOf(eightD(date)).filter((f) => f.rule === 'metadata').map((f) => f.message);

describe('the report date field', () => {
  test('"J 5, 2025" and "Ma 23, 2025" are not dates', () => {
    assert.equal(parseReportDate('J 5, 2025'), undefined);
    assert.equal(parseReportDate('Ma 23, 2025'), undefined);
    assert.deepEqual(dateFindings('J 5, 2025'), ['The date "J 5, 2025" is not a date: write it as YYYY-MM-DD']);
    assert.deepEqual(dateFindings('Ma 23, 2025'), ['The date "Ma 23, 2025" is not a date: write it as YYYY-MM-DD']);
  });

  test('a month of a year needs a real month name', () => {
    assert.deepEqual(dateFindings('Sept. 2025'), []);
    assert.deepEqual(dateFindings('Ma 2025'), ['The date "Ma 2025" is not a date: write it as YYYY-MM-DD']);
    assert.deepEqual(dateFindings('Blah 2025'), ['The date "Blah 2025" is not a date: write it as YYYY-MM-DD']);
  });

  test('the usual forms are dates', () => {
    const forms = ['March 23, 2025', 'Mar 23, 2025', 'mar. 23 2025', '23 March 2025', '5 Sept 2025', 'Sept. 5, 2025', 'SEP 5, 2025', '5th January 2025'];
    for (const form of forms) {
      assert.ok(parseReportDate(form), form);
      assert.deepEqual(dateFindings(form), [], form);
    }
    assert.deepEqual(parseReportDate('Sept. 5, 2025'), { year: 2025, month: 9, day: 5 });
  });
});

const HEAD = '# Incident: Checkout outage\n\n## Summary\n\nx\n\n## Impact\n\nx\n\n## Root cause\n\nx\n\n';
const firstEntry = (stamp: string) => timelineOf(buildReport(`${HEAD}## Timeline\n\n- ${stamp} 10:00 UTC: Alert fired\n- 10:30 UTC: Fixed\n`))!;

describe('timeline entry dates', () => {
  test('an entry starting "Ma 23, 2025" or "J 5, 2025" has no readable date', () => {
    for (const stamp of ['Ma 23, 2025', 'J 5, 2025', 'Janu 5, 2025']) {
      const timeline = firstEntry(stamp);
      assert.deepEqual(timeline.unparsed.map((u) => u.text), [`${stamp} 10:00 UTC: Alert fired`], stamp);
      assert.ok(timeline.entries.every((e) => e.date === undefined), stamp);
    }
  });

  test('the usual forms date the entry', () => {
    const cases: [string, number, number][] = [['Mar 23, 2025', 3, 23], ['March 23, 2025', 3, 23], ['Sept 5, 2025', 9, 5], ['Sept. 5, 2025', 9, 5], ['Sep. 5, 2025', 9, 5], ['JAN 5, 2025', 1, 5], ['5 Sept 2025', 9, 5]];
    for (const [stamp, month, day] of cases) {
      const timeline = firstEntry(stamp);
      assert.deepEqual(timeline.unparsed, [], stamp);
      assert.deepEqual(timeline.entries[0].date, { year: 2025, month, day }, stamp);
    }
  });
});
