import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  scanTimestamp,
  findDate,
  findZoneDeclaration,
  parseZone,
  toInstant,
  isDaylightTime,
  parseDuration,
  findStatedDurations,
  findTimeRanges,
  formatDuration,
  type ClockTime,
  type TimestampMatch,
} from '../../server/src/model/timeline/time';

function clock(hour: number, minute: number, second = 0): ClockTime {
  return { hour, minute, second };
}

/** The timestamp at the start of `text`, failing the test when there is none. */
function scan(text: string, from?: number): TimestampMatch {
  const match = scanTimestamp(text, from);
  assert.ok(match, `expected a timestamp in ${JSON.stringify(text)}`);
  return match;
}

/** The entry text after the timestamp. */
function entryText(text: string): string {
  return text.slice(scan(text).textStart);
}

const PST = { text: 'PST', fixedOffset: -480, region: 'America/Los_Angeles', abbreviation: { daylight: false, counterpart: 'PDT', generic: 'PT' } };
const UTC = { text: 'UTC', fixedOffset: 0, region: 'UTC' };

describe('scanTimestamp: the shapes timelines write', () => {
  test('`14:07 **OUTAGE BEGINS** — …`: the bold marker is entry text', () => {
    const match = scan('14:07 **OUTAGE BEGINS** — checkout-svc');
    assert.deepEqual(match, { time: clock(14, 7), start: 0, end: 5, textStart: 6 });
  });

  test('`**14:07** - …`: emphasis around the time belongs to the timestamp', () => {
    assert.deepEqual(scan('**14:07** - Alert fires'), { time: clock(14, 7), start: 0, end: 9, textStart: 12 });
    assert.deepEqual(scan('__14:07__ - x'), { time: clock(14, 7), start: 0, end: 9, textStart: 12 });
    assert.equal(scan('*14:07* x').end, 7);
    assert.equal(scan('_14:07_ x').end, 7);
    assert.deepEqual(scan('**14:07 UTC** — x').zone, UTC);
    assert.deepEqual(scan('**14:07** UTC — x').zone, UTC);
  });

  test('`2025-05-06 17:42 UTC nadia – …`: ISO date, time, zone, then the author', () => {
    const text = '2025-05-06 17:42 UTC nadia – Lag under two minutes';
    const match = scan(text);
    assert.deepEqual(match.date, { year: 2025, month: 5, day: 6 });
    assert.deepEqual(match.time, clock(17, 42));
    assert.deepEqual(match.zone, UTC);
    assert.equal(text.slice(match.start, match.end), '2025-05-06 17:42 UTC');
    assert.equal(text.slice(match.textStart), 'nadia – Lag under two minutes');
  });

  test('`9:05 AM — Impact begins…`', () => {
    const match = scan('9:05 AM — Impact begins: the schedule import');
    assert.deepEqual(match.time, clock(9, 5));
    assert.equal(match.end, 7);
    assert.equal(entryText('9:05 AM — Impact begins'), 'Impact begins');
  });

  test('`1:02 pm PT — …`', () => {
    const match = scan('1:02 pm PT — 80% of trip plans');
    assert.deepEqual(match.time, clock(13, 2));
    assert.deepEqual(match.zone, { text: 'PT', iana: 'America/Los_Angeles', region: 'America/Los_Angeles' });
    assert.equal(entryText('1:02 pm PT — 80% of trip plans'), '80% of trip plans');
  });

  test('`2025-04-08 23:58` alone in a table cell', () => {
    assert.deepEqual(scan('2025-04-08 23:58'), { time: clock(23, 58), date: { year: 2025, month: 4, day: 8 }, start: 0, end: 16, textStart: 16 });
  });

  test('`18:30 EST: Weekly maintenance…`', () => {
    const match = scan('18:30 EST: Weekly maintenance window opened');
    assert.deepEqual(match.zone, { text: 'EST', fixedOffset: -300, region: 'America/New_York', abbreviation: { daylight: false, counterpart: 'EDT', generic: 'ET' } });
    assert.equal(match.end, 9);
    assert.equal(entryText('18:30 EST: Weekly maintenance window opened'), 'Weekly maintenance window opened');
  });

  test('`2025-02-11T14:07:00Z …` and `2025-02-11T14:07+01:00`', () => {
    const zulu = scan('2025-02-11T14:07:00Z deploy');
    assert.deepEqual(zulu.date, { year: 2025, month: 2, day: 11 });
    assert.deepEqual(zulu.time, clock(14, 7, 0));
    assert.deepEqual(zulu.zone, { text: 'Z', fixedOffset: 0, region: 'UTC' });
    assert.equal(zulu.end, 20);
    const offset = scan('2025-02-11T14:07+01:00');
    assert.deepEqual(offset.zone, { text: '+01:00', fixedOffset: 60, region: 'UTC+01:00' });
    assert.equal(offset.end, 22);
    assert.deepEqual(scan('2025-02-11T14:07:33.250Z').time, clock(14, 7, 33));
    assert.deepEqual(scan('2025-02-11T14:07-0800').zone?.fixedOffset, -480);
  });

  test('`2024/03/15 2:05pm …`', () => {
    const match = scan('2024/03/15 2:05pm rollback');
    assert.deepEqual(match.date, { year: 2024, month: 3, day: 15 });
    assert.deepEqual(match.time, clock(14, 5));
    assert.equal(entryText('2024/03/15 2:05pm rollback'), 'rollback');
  });

  test('`March 16, 09:00 …` and other named dates before the time', () => {
    const match = scan('March 16, 09:00 paged');
    assert.deepEqual(match.date, { month: 3, day: 16 });
    assert.deepEqual(match.time, clock(9, 0));
    assert.equal(entryText('March 16, 09:00 paged'), 'paged');
    assert.deepEqual(scan('Mar 16 2024 09:00 x').date, { year: 2024, month: 3, day: 16 });
    assert.deepEqual(scan('March 16, 2024, 09:00 x').date, { year: 2024, month: 3, day: 16 });
    assert.deepEqual(scan('16 March 09:00 x').date, { month: 3, day: 16 });
    assert.deepEqual(scan('16th March 2024 09:00 x').date, { year: 2024, month: 3, day: 16 });
    assert.deepEqual(scan('Tuesday, March 16, 2024, 09:00 x').date, { year: 2024, month: 3, day: 16 });
    assert.deepEqual(scan('Wednesday 2025-09-10 14:00 x').date, { year: 2025, month: 9, day: 10 });
    assert.deepEqual(scan('Thu 14:00 x').time, clock(14, 0));
  });

  test('`22:52 UTC, 21st Oct: …`: a date after the zone', () => {
    const text = '22:52 UTC, 21st Oct: first page';
    const match = scan(text);
    assert.deepEqual(match.date, { month: 10, day: 21 });
    assert.deepEqual(match.zone, UTC);
    assert.equal(text.slice(match.start, match.end), '22:52 UTC, 21st Oct');
    assert.equal(text.slice(match.textStart), 'first page');
  });

  test('trailing dates: ` on 8 April`, `, 2025-02-11`, ` on April 8 2025`', () => {
    assert.deepEqual(scan('23:41 UTC on 8 April x').date, { month: 4, day: 8 });
    assert.deepEqual(scan('14:07, 2025-02-11 x').date, { year: 2025, month: 2, day: 11 });
    assert.deepEqual(scan('14:07 on April 8 2025 x').date, { year: 2025, month: 4, day: 8 });
    // Not a date: the entry goes on.
    const counted = scan('14:07, 5 servers restarted');
    assert.equal(counted.date, undefined);
    assert.equal(counted.end, 5);
  });

  test('`At 6:26 pm Pacific Time, …`', () => {
    const text = 'At 6:26 pm Pacific Time, the planner recovered';
    const match = scan(text);
    assert.deepEqual(match.time, clock(18, 26));
    assert.deepEqual(match.zone, { text: 'Pacific Time', iana: 'America/Los_Angeles', region: 'America/Los_Angeles' });
    assert.equal(match.start, 0);
    assert.equal(text.slice(match.textStart), 'the planner recovered');
    assert.deepEqual(scan('at 6:26 pm x').time, clock(18, 26));
  });

  test('`14:07:33 | …` and `06:50 Rebalance complete`', () => {
    const seconds = scan('14:07:33 | pod restarted');
    assert.deepEqual(seconds.time, clock(14, 7, 33));
    assert.equal(entryText('14:07:33 | pod restarted'), 'pod restarted');
    const plain = scan('06:50 Rebalance complete');
    assert.deepEqual(plain, { time: clock(6, 50), start: 0, end: 5, textStart: 6 });
  });

  test('separators: " - ", " — ", " – ", ": ", " | ", "--", whitespace', () => {
    for (const separator of [' - ', ' — ', ' – ', ': ', ' | ', ' -- ', '   ', '\t']) {
      assert.equal(entryText(`14:07${separator}Alert fires`), 'Alert fires', JSON.stringify(separator));
    }
    // A minus sign that starts the text is the text's.
    assert.equal(entryText('14:07 -5% error budget'), '-5% error budget');
  });

  test('leading whitespace and `from`', () => {
    assert.deepEqual(scan('   14:07 x'), { time: clock(14, 7), start: 3, end: 8, textStart: 9 });
    const squashed = 'January 23, 2024: - 18:30 EST: Window opened - 19:05 EST: Upgrade';
    const first = scan(squashed, squashed.indexOf('- 18:30') + 1);
    assert.deepEqual(first.time, clock(18, 30));
    assert.equal(squashed.slice(first.textStart, first.textStart + 13), 'Window opened');
    assert.equal(scanTimestamp(squashed, 0), undefined);
  });

  test('boundaries the timestamp may end at', () => {
    for (const end of ['', ' x', '-x', '–x', '—x', ':', ': x', '|x', ',', ', x', '.', '. x', ')', ']']) {
      assert.deepEqual(scanTimestamp(`14:07${end}`)?.time, clock(14, 7), JSON.stringify(end));
    }
  });
});

describe('scanTimestamp: twelve-hour clock', () => {
  const cases: [string, ClockTime][] = [
    ['9:05 AM', clock(9, 5)],
    ['9:05 am', clock(9, 5)],
    ['9:05am', clock(9, 5)],
    ['9:05 a.m.', clock(9, 5)],
    ['1:02 pm', clock(13, 2)],
    ['1:02PM', clock(13, 2)],
    ['1:02 p.m.', clock(13, 2)],
    ['11:59 P.M.', clock(23, 59)],
    ['12:10 PM', clock(12, 10)],
    ['12:00 PM', clock(12, 0)],
    ['12:05 AM', clock(0, 5)],
    ['12:00 am', clock(0, 0)],
    ['11:58 AM', clock(11, 58)],
  ];
  for (const [text, expected] of cases) {
    test(`${text} is ${expected.hour}:${String(expected.minute).padStart(2, '0')}`, () => {
      assert.deepEqual(scan(`${text} — x`).time, expected);
    });
  }

  test('hours past 12 with AM/PM are not times', () => {
    assert.equal(scanTimestamp('13:00 PM — x'), undefined);
    assert.equal(scanTimestamp('23:15 am x'), undefined);
    assert.equal(scanTimestamp('0:30 PM x'), undefined);
  });

  test('"am"/"pm" that start a word are entry text', () => {
    const match = scan('9:05 amber alert');
    assert.equal(match.end, 4);
    assert.deepEqual(match.time, clock(9, 5));
  });
});

describe('scanTimestamp: what is not a timestamp', () => {
  const rejected = [
    '14:07abc',
    '1:2',
    '2025',
    '10.5',
    '24:00',
    '14:60',
    '14:07:61',
    '14:07:3',
    '14:07.5',
    '14:07,5',
    '14:075',
    '114:07',
    '9am',
    'Rebalance at 14:07',
    '* 14:07',
    '',
    '   ',
    'March 16 deploy',
    '2025-02-30 10:00',
  ];
  for (const text of rejected) {
    test(JSON.stringify(text), () => assert.equal(scanTimestamp(text), undefined));
  }

  test('a word after the time that is not a zone is entry text', () => {
    assert.equal(scan('06:50 Rebalance complete').zone, undefined);
    assert.equal(scan('14:07 ETL job starts').zone, undefined);
    assert.equal(scan('14:07 Central database fails over').zone, undefined);
    assert.equal(scan('14:07 TCP/IP stack reset').zone, undefined);
    assert.equal(scan('14:07 Japan team paged').zone, undefined);
    assert.equal(scan('14:07 - 15:19 window').zone, undefined);
  });
});

describe('scanTimestamp: zones after the time', () => {
  test('`13:52 PST8PDT`, `13:52 US/Pacific`, `10:00 Europe/Berlin`: IANA names as given', () => {
    assert.deepEqual(scan('13:52 PST8PDT deploy').zone, { text: 'PST8PDT', iana: 'PST8PDT', region: 'America/Los_Angeles' });
    assert.deepEqual(scan('13:52 US/Pacific deploy').zone, { text: 'US/Pacific', iana: 'US/Pacific', region: 'America/Los_Angeles' });
    assert.deepEqual(scan('10:00 Europe/Berlin').zone, { text: 'Europe/Berlin', iana: 'Europe/Berlin', region: 'Europe/Berlin' });
    assert.deepEqual(scan('10:00 EST5EDT').zone?.region, 'America/New_York');
    assert.deepEqual(scan('10:00 America/Argentina/Buenos_Aires x').zone?.iana, 'America/Argentina/Buenos_Aires');
    assert.equal(scan('10:00 Europe/Atlantis x').zone, undefined);
  });

  test('`10:00 +02:00`, `10:00 -0800`, `10:00 UTC+2`, `10:00 GMT-5:30`', () => {
    assert.deepEqual(scan('10:00 +02:00').zone, { text: '+02:00', fixedOffset: 120, region: 'UTC+02:00' });
    assert.deepEqual(scan('10:00 -0800 x').zone, { text: '-0800', fixedOffset: -480, region: 'UTC-08:00' });
    assert.deepEqual(scan('10:00 UTC+2').zone, { text: 'UTC+2', fixedOffset: 120, region: 'UTC+02:00' });
    assert.deepEqual(scan('10:00 GMT-5:30').zone, { text: 'GMT-5:30', fixedOffset: -330, region: 'UTC-05:30' });
    assert.deepEqual(scan('10:00 +00:00').zone, { text: '+00:00', fixedOffset: 0, region: 'UTC' });
    assert.deepEqual(scan('10:00 UTC+0').zone, { text: 'UTC+0', fixedOffset: 0, region: 'UTC' });
    assert.equal(scan('10:00 +15:00 x').zone, undefined);
  });

  test('`08:00 CET` and the other abbreviations', () => {
    assert.deepEqual(scan('08:00 CET').zone, {
      text: 'CET',
      fixedOffset: 60,
      region: 'Europe/Berlin',
      abbreviation: { daylight: false, counterpart: 'CEST', generic: 'Europe/Berlin' },
    });
    assert.deepEqual(scan('08:00 GMT x').zone, { text: 'GMT', fixedOffset: 0, region: 'UTC' });
    assert.deepEqual(scan('08:00 utc x').zone, { text: 'utc', fixedOffset: 0, region: 'UTC' });
    assert.deepEqual(scan('08:00 PST x').zone, PST);
    assert.deepEqual(scan('08:00 (PST) x').zone, PST);
    assert.equal(scan('08:00 (PST) x').end, 11);
  });

  test('zones spelled out, and bare region words only before punctuation', () => {
    assert.deepEqual(scan('10:00 Pacific Standard Time x').zone, { ...PST, text: 'Pacific Standard Time' });
    assert.deepEqual(scan('10:00 Eastern Time x').zone, { text: 'Eastern Time', iana: 'America/New_York', region: 'America/New_York' });
    assert.equal(scan('10:00 Central European Summer Time x').zone?.fixedOffset, 120);
    assert.deepEqual(scan('10:00 Pacific, deploy').zone, { text: 'Pacific', iana: 'America/Los_Angeles', region: 'America/Los_Angeles' });
    assert.equal(scan('10:00 Pacific deploy').zone, undefined);
  });
});

describe('parseZone', () => {
  const regions: [string, string][] = [
    ['PST', 'America/Los_Angeles'],
    ['PDT', 'America/Los_Angeles'],
    ['PT', 'America/Los_Angeles'],
    ['Pacific', 'America/Los_Angeles'],
    ['Pacific Time', 'America/Los_Angeles'],
    ['US/Pacific', 'America/Los_Angeles'],
    ['PST8PDT', 'America/Los_Angeles'],
    ['America/Los_Angeles', 'America/Los_Angeles'],
    ['UTC', 'UTC'],
    ['GMT', 'UTC'],
    ['Z', 'UTC'],
    ['+00:00', 'UTC'],
    ['EST', 'America/New_York'],
    ['EDT', 'America/New_York'],
    ['ET', 'America/New_York'],
    ['Eastern Time', 'America/New_York'],
    ['CDT', 'America/Chicago'],
    ['CT', 'America/Chicago'],
    ['Central Time', 'America/Chicago'],
    ['MST', 'America/Denver'],
    ['MDT', 'America/Denver'],
    ['MT', 'America/Denver'],
    ['Mountain Time', 'America/Denver'],
    ['CET', 'Europe/Berlin'],
    ['CEST', 'Europe/Berlin'],
    ['Europe/Berlin', 'Europe/Berlin'],
    ['JST', 'Asia/Tokyo'],
    ['AEST', 'Australia/Sydney'],
    ['AEDT', 'Australia/Sydney'],
    // CST, BST and IST are shared by several zones: zones.test.ts has them, undecided until the document decides.
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['+02:00', 'UTC+02:00'],
    ['UTC+2', 'UTC+02:00'],
    ['-05:30', 'UTC-05:30'],
  ];
  for (const [text, region] of regions) {
    test(`${text} belongs to ${region}`, () => assert.equal(parseZone(text)?.region, region));
  }

  test('fixed offsets', () => {
    const offsets: [string, number][] = [
      ['UTC', 0], ['GMT', 0], ['Z', 0], ['PST', -480], ['PDT', -420], ['EST', -300], ['EDT', -240], ['CDT', -300],
      ['MST', -420], ['MDT', -360], ['CET', 60], ['CEST', 120], ['JST', 540], ['AEST', 600], ['AEDT', 660],
      ['+02:00', 120], ['+0530', 330], ['-08:00', -480],
    ];
    for (const [text, offset] of offsets) assert.equal(parseZone(text)?.fixedOffset, offset, text);
    for (const text of ['PT', 'Pacific Time', 'US/Pacific', 'PST8PDT', 'Europe/Berlin']) assert.equal(parseZone(text)?.fixedOffset, undefined, text);
  });

  test('IANA names given, generic names resolved', () => {
    const iana: [string, string][] = [
      ['PT', 'America/Los_Angeles'], ['Pacific', 'America/Los_Angeles'], ['Pacific Time', 'America/Los_Angeles'],
      ['ET', 'America/New_York'], ['Eastern Time', 'America/New_York'], ['CT', 'America/Chicago'], ['Central Time', 'America/Chicago'],
      ['MT', 'America/Denver'], ['Mountain Time', 'America/Denver'],
      ['PST8PDT', 'PST8PDT'], ['US/Pacific', 'US/Pacific'], ['Europe/Berlin', 'Europe/Berlin'],
    ];
    for (const [text, name] of iana) assert.equal(parseZone(text)?.iana, name, text);
    for (const text of ['PST', 'UTC', '+02:00']) assert.equal(parseZone(text)?.iana, undefined, text);
  });

  test('standard and daylight abbreviations know their counterpart and generic name', () => {
    const abbreviations: [string, boolean, string, string][] = [
      ['PST', false, 'PDT', 'PT'], ['PDT', true, 'PST', 'PT'], ['EST', false, 'EDT', 'ET'], ['EDT', true, 'EST', 'ET'],
      ['CDT', true, 'CST', 'CT'], ['MST', false, 'MDT', 'MT'], ['MDT', true, 'MST', 'MT'],
      ['CET', false, 'CEST', 'Europe/Berlin'], ['CEST', true, 'CET', 'Europe/Berlin'], ['AEST', false, 'AEDT', 'AET'],
      ['AEDT', true, 'AEST', 'AET'],
    ];
    for (const [text, daylight, counterpart, generic] of abbreviations) {
      const zone = parseZone(text);
      assert.deepEqual(zone?.abbreviation, { daylight, counterpart, generic }, text);
      // What we suggest must read back as a zone of the same region (GMT, BST's counterpart, is UTC by definition).
      assert.equal(parseZone(generic)?.region, zone?.region, generic);
      assert.ok(parseZone(counterpart), counterpart);
    }
    assert.deepEqual(parseZone('Eastern Daylight Time')?.abbreviation, { daylight: true, counterpart: 'EST', generic: 'ET' });
    for (const text of ['UTC', 'PT', 'JST', 'US/Pacific', '+02:00']) assert.equal(parseZone(text)?.abbreviation, undefined, text);
  });

  test('the text as written, surrounding whitespace ignored', () => {
    assert.equal(parseZone(' Pacific Standard Time ')?.text, 'Pacific Standard Time');
    assert.equal(parseZone('us/pacific')?.region, 'America/Los_Angeles');
  });

  test('not zones', () => {
    for (const text of ['', 'PSTX', 'pst', 'Foo/Bar', 'Europe/Atlantis', 'UTC+15', '+25:00', 'Japan', 'PST today', 'Rebalance', 'N/A']) {
      assert.equal(parseZone(text), undefined, text);
    }
  });
});

describe('findDate', () => {
  const cases: [string, object, string][] = [
    ['Wednesday 2025-09-10', { year: 2025, month: 9, day: 10 }, '2025-09-10'],
    ['2015-10-21 _(all times UTC)_', { year: 2015, month: 10, day: 21 }, '2015-10-21'],
    ['March 14, 2024:', { year: 2024, month: 3, day: 14 }, 'March 14, 2024'],
    ['January 23, 2024', { year: 2024, month: 1, day: 23 }, 'January 23, 2024'],
    ['Thursday, June 5, 2025', { year: 2025, month: 6, day: 5 }, 'June 5, 2025'],
    ['All times UTC, 2025-08-19.', { year: 2025, month: 8, day: 19 }, '2025-08-19'],
    ['8 April', { month: 4, day: 8 }, '8 April'],
    ['### Day 2 — 21st Oct', { month: 10, day: 21 }, '21st Oct'],
    ['2024/03/15 deploy', { year: 2024, month: 3, day: 15 }, '2024/03/15'],
  ];
  for (const [text, date, written] of cases) {
    test(JSON.stringify(text), () => {
      const found = findDate(text);
      assert.deepEqual(found?.date, date);
      assert.equal(found && text.slice(found.start, found.end), written);
    });
  }

  test('no date', () => {
    for (const text of ['Timeline', 'Q1 2025', 'March 2024', '2025-13-01', '12025-01-01', 'version 10.5', 'may 5', 'February 30']) {
      assert.equal(findDate(text), undefined, text);
    }
  });
});

describe('findZoneDeclaration', () => {
  const cases: [string, string, string][] = [
    ['All times UTC', 'UTC', 'UTC'],
    ['All times are UTC.', 'UTC', 'UTC'],
    ['all times in PST', 'PST', 'America/Los_Angeles'],
    ['(All times in PST)', 'PST', 'America/Los_Angeles'],
    ['All times Pacific.', 'Pacific', 'America/Los_Angeles'],
    ['All times are Eastern Standard Time (EST).', 'Eastern Standard Time', 'America/New_York'],
    ['2025-02-11 _(all times UTC)_', 'UTC', 'UTC'],
    ['| Time (UTC) | Event | Data Link |', 'UTC', 'UTC'],
    ['Times are in CET', 'CET', 'Europe/Berlin'],
    ['Live log, newest entry first. All times UTC.', 'UTC', 'UTC'],
    ['Time zone: Europe/Berlin', 'Europe/Berlin', 'Europe/Berlin'],
    ['All times UTC+2.', 'UTC+2', 'UTC+02:00'],
  ];
  for (const [text, written, region] of cases) {
    test(JSON.stringify(text), () => {
      const zone = findZoneDeclaration(text);
      assert.equal(zone?.text, written);
      assert.equal(zone?.region, region);
    });
  }

  test('"All times are Eastern Standard Time" is EST', () => {
    assert.equal(findZoneDeclaration('All times are Eastern Standard Time (EST).')?.fixedOffset, -300);
  });

  test('text that declares no zone', () => {
    for (const text of ['Timeline', 'Time', 'At the time PT was paged', 'Three times the usual load', 'Times were hard', 'All times', 'Time to detect: 4 minutes']) {
      assert.equal(findZoneDeclaration(text), undefined, text);
    }
  });
});

describe('toInstant', () => {
  const date = (year: number, month: number, day: number) => ({ year, month, day });
  const utc = (iso: string) => Date.parse(iso);

  test('UTC when no zone is given; fixed offsets apply directly', () => {
    assert.equal(toInstant(date(2025, 2, 11), clock(14, 7)), utc('2025-02-11T14:07:00Z'));
    assert.equal(toInstant(date(2025, 2, 11), clock(14, 7), parseZone('+01:00')), utc('2025-02-11T13:07:00Z'));
    assert.equal(toInstant(date(2024, 1, 23), clock(18, 30), parseZone('EST')), utc('2024-01-23T23:30:00Z'));
    // An abbreviation is its offset, even in the wrong season.
    assert.equal(toInstant(date(2024, 7, 1), clock(10, 0), parseZone('PST')), utc('2024-07-01T18:00:00Z'));
    assert.equal(toInstant(date(2024, 7, 1), clock(10, 0), parseZone('PDT')), utc('2024-07-01T17:00:00Z'));
  });

  test('America/Los_Angeles across the March 2024 change (2024-03-10)', () => {
    const pt = parseZone('PT');
    assert.equal(toInstant(date(2024, 3, 10), clock(1, 59), pt), utc('2024-03-10T09:59:00Z'));
    assert.equal(toInstant(date(2024, 3, 10), clock(3, 0), pt), utc('2024-03-10T10:00:00Z'));
    assert.equal(toInstant(date(2024, 3, 9), clock(12, 0), pt), utc('2024-03-09T20:00:00Z'));
    assert.equal(toInstant(date(2024, 3, 11), clock(12, 0), pt), utc('2024-03-11T19:00:00Z'));
    // 02:30 never happened that night: the earlier of the two readings (02:30 at PDT's offset).
    assert.equal(toInstant(date(2024, 3, 10), clock(2, 30), pt), utc('2024-03-10T09:30:00Z'));
  });

  test('America/Los_Angeles across the November 2024 change (2024-11-03)', () => {
    const pacific = parseZone('US/Pacific');
    assert.equal(toInstant(date(2024, 11, 3), clock(0, 30), pacific), utc('2024-11-03T07:30:00Z'));
    // 01:30 happened twice: the first time, still PDT.
    assert.equal(toInstant(date(2024, 11, 3), clock(1, 30), pacific), utc('2024-11-03T08:30:00Z'));
    assert.equal(toInstant(date(2024, 11, 3), clock(2, 30), pacific), utc('2024-11-03T10:30:00Z'));
    assert.equal(toInstant(date(2024, 11, 3), clock(2, 30), parseZone('PST8PDT')), utc('2024-11-03T10:30:00Z'));
  });

  test('Europe/Berlin in summer, in winter and across both changes of 2024', () => {
    const berlin = parseZone('Europe/Berlin');
    assert.equal(toInstant(date(2024, 1, 15), clock(10, 0), berlin), utc('2024-01-15T09:00:00Z'));
    assert.equal(toInstant(date(2024, 7, 15), clock(10, 0), berlin), utc('2024-07-15T08:00:00Z'));
    assert.equal(toInstant(date(2024, 3, 31), clock(1, 30), berlin), utc('2024-03-31T00:30:00Z'));
    assert.equal(toInstant(date(2024, 3, 31), clock(3, 30), berlin), utc('2024-03-31T01:30:00Z'));
    assert.equal(toInstant(date(2024, 10, 27), clock(2, 30), berlin), utc('2024-10-27T00:30:00Z'));
    assert.equal(toInstant(date(2024, 10, 27), clock(3, 30), berlin), utc('2024-10-27T02:30:00Z'));
  });

  test('a zone known only by its region', () => {
    assert.equal(toInstant(date(2024, 7, 15), clock(10, 0), { text: 'x', region: 'Europe/Berlin' }), utc('2024-07-15T08:00:00Z'));
    assert.equal(toInstant(date(2024, 7, 15), clock(10, 0), { text: 'x', region: 'Nowhere' }), utc('2024-07-15T10:00:00Z'));
  });
});

describe('isDaylightTime', () => {
  const date = (year: number, month: number, day: number) => ({ year, month, day });

  test('America/Los_Angeles (the PST region)', () => {
    const region = parseZone('PST')?.region ?? '';
    assert.equal(isDaylightTime(region, date(2024, 3, 15)), true);
    assert.equal(isDaylightTime(region, date(2024, 1, 23)), false);
    assert.equal(isDaylightTime(region, date(2024, 3, 9)), false);
    assert.equal(isDaylightTime(region, date(2024, 3, 10)), true);
    assert.equal(isDaylightTime(region, date(2024, 11, 3)), false);
    assert.equal(isDaylightTime(region, date(2024, 11, 2)), true);
  });

  test('southern hemisphere: Australia/Sydney', () => {
    assert.equal(isDaylightTime('Australia/Sydney', date(2024, 7, 15)), false);
    assert.equal(isDaylightTime('Australia/Sydney', date(2024, 1, 15)), true);
  });

  test('Europe/Berlin, and zones without DST', () => {
    assert.equal(isDaylightTime('Europe/Berlin', date(2024, 7, 1)), true);
    assert.equal(isDaylightTime('Europe/Berlin', date(2024, 12, 1)), false);
    assert.equal(isDaylightTime('UTC', date(2024, 7, 1)), false);
    assert.equal(isDaylightTime('UTC+02:00', date(2024, 7, 1)), false);
    assert.equal(isDaylightTime('Asia/Tokyo', date(2024, 7, 1)), false);
    assert.equal(isDaylightTime('Nowhere', date(2024, 7, 1)), false);
  });
});

describe('parseDuration', () => {
  const cases: [string, number, number][] = [
    ['72 minutes', 72, 1],
    ['3 hours', 180, 15],
    ['2 hours 47 minutes', 167, 1],
    ['2 hours and 47 minutes', 167, 1],
    ['2 hours, 47 minutes', 167, 1],
    ['two hours and 32 minutes', 152, 1],
    ['4 hours 10 minutes', 250, 1],
    ['1 h 45 min', 105, 1],
    ['1h45m', 105, 1],
    ['1h45', 105, 1],
    ['90 min', 90, 1],
    ['66 mins', 66, 1],
    ['an hour', 60, 15],
    ['a day', 1440, 180],
    ['half an hour', 30, 15],
    ['an hour and a half', 90, 15],
    ['1.5 hours', 90, 15],
    ['2 days', 2880, 180],
    ['1 day 3 hours', 1620, 15],
    ['2 days 1 hour 34 minutes', 2974, 1],
    ['1 hr', 60, 15],
    ['3 hrs', 180, 15],
    ['1 minute', 1, 1],
    ['twenty-five minutes', 25, 1],
    ['twenty five minutes', 25, 1],
    ['Two hours', 120, 15],
    ['fifty-nine minutes', 59, 1],
    ['eleven minutes', 11, 1],
    ['45-minute', 45, 1],
    ['two-hour', 120, 15],
  ];
  for (const [text, minutes, precision] of cases) {
    test(`${JSON.stringify(text)} is ${minutes} min ± ${precision}`, () => {
      const duration = parseDuration(text);
      assert.deepEqual(duration, { minutes, precision, start: 0, end: text.length, text });
    });
  }

  test('an approximation word doubles the precision and belongs to the duration', () => {
    const words = ['about', 'approximately', 'roughly', 'around', 'nearly', 'almost', 'over', 'About'];
    for (const word of words) assert.deepEqual(parseDuration(`${word} 3 hours`), { minutes: 180, precision: 30, start: 0, end: word.length + 8, text: `${word} 3 hours` });
    assert.equal(parseDuration('~2 hours')?.precision, 30);
    assert.equal(parseDuration('~ 90 minutes')?.precision, 2);
    assert.equal(parseDuration('roughly 2 days')?.precision, 360);
  });

  test('an approximation word right before `from` counts too', () => {
    const text = 'It lasted about 3 hours.';
    assert.deepEqual(parseDuration(text, text.indexOf('3')), { minutes: 180, precision: 30, start: 16, end: 23, text: '3 hours' });
    assert.equal(parseDuration('moreover 3 hours', 9)?.precision, 15);
  });

  test('from an index, stopping where the duration stops', () => {
    const text = 'The outage lasted about 2 hours and 5 servers were lost.';
    const duration = parseDuration(text, text.indexOf('about'));
    assert.equal(duration?.text, 'about 2 hours');
    assert.equal(duration?.minutes, 120);
    assert.equal(parseDuration('x  72 minutes', 1)?.start, 3);
    assert.equal(parseDuration('3 hours 2 days')?.text, '3 hours');
    assert.equal(parseDuration('2 hours 3 hours')?.text, '2 hours');
  });

  test('not durations', () => {
    for (const text of ['', 'minutes', '5 seconds', '5M requests', 'sixty minutes', 'an outage', '72', 'a 45-minute outage', 'every 5 minutes', 'half a minute', '3 hoursly']) {
      assert.equal(parseDuration(text), undefined, text);
    }
  });
});

describe('findStatedDurations', () => {
  const stated = (text: string) => findStatedDurations(text).map((duration) => [duration.text, duration.minutes]);

  test('label lines', () => {
    assert.deepEqual(stated('Duration: 2 hours 47 minutes'), [['2 hours 47 minutes', 167]]);
    assert.deepEqual(stated('Total Downtime: 66 minutes'), [['66 minutes', 66]]);
    assert.deepEqual(stated('Outage duration: about 3 hours'), [['about 3 hours', 180]]);
    assert.deepEqual(stated('Downtime - 45 minutes'), [['45 minutes', 45]]);
    assert.deepEqual(stated('**Duration:** 3h'), [['3h', 180]]);
    assert.deepEqual(stated('- **Duration**: 1h45m'), [['1h45m', 105]]);
    assert.deepEqual(stated('| Duration | 72 minutes |'), [['72 minutes', 72]]);
    assert.deepEqual(stated('Severity: SEV-2\nDuration: 72 minutes\nStatus: resolved'), [['72 minutes', 72]]);
  });

  test('an outage verb … for <duration>, within one sentence', () => {
    assert.deepEqual(
      stated('On 2025-02-11 the Larkspur Pay checkout API rejected most payment requests for 72 minutes, from 14:07 to 15:19 UTC.'),
      [['72 minutes', 72]],
    );
    assert.deepEqual(
      stated('Card payments failed for all customers for 3 hours before the release that caused the failures was rolled back.'),
      [['3 hours', 180]],
    );
    assert.deepEqual(stated('the site was down for 66 minutes'), [['66 minutes', 66]]);
    assert.deepEqual(stated('Search was degraded for about two hours.'), [['about two hours', 120]]);
    for (const verb of ['unavailable', 'offline', 'failing', 'disrupted', 'impacted', 'broken', 'lost']) {
      assert.equal(stated(`Uploads were ${verb} for 20 minutes`).length, 1, verb);
    }
  });

  test('the verb must be in the same sentence, close enough', () => {
    assert.deepEqual(stated('The API was down. We waited for 20 minutes.'), []);
    assert.deepEqual(stated('The API was down; we waited for 20 minutes.'), []);
    assert.deepEqual(stated(`The API was down ${'and the team kept working on it '.repeat(4)}for 20 minutes.`), []);
    assert.deepEqual(stated('The shutdown drained traffic for 20 minutes.'), []);
  });

  test('lasting, lasted, outage of, a <duration> outage', () => {
    assert.deepEqual(stated('an incident lasting for two hours and 32 minutes'), [['two hours and 32 minutes', 152]]);
    assert.deepEqual(stated('an incident lasting 90 minutes'), [['90 minutes', 90]]);
    assert.deepEqual(stated('The outage lasted about 3 hours.'), [['about 3 hours', 180]]);
    assert.deepEqual(stated('after an outage of 45 minutes'), [['45 minutes', 45]]);
    assert.deepEqual(stated('after a 45-minute outage'), [['45-minute', 45]]);
    assert.deepEqual(stated('a 3 hour outage'), [['3 hour', 180]]);
    assert.deepEqual(stated('a two-hour-long outage'), [['two-hour', 120]]);
    assert.deepEqual(stated('We had 20 minutes of downtime.'), [['20 minutes', 20]]);
    assert.deepEqual(stated('two 5-minute outages'), []);
  });

  test('a parenthesis holding only a duration', () => {
    assert.deepEqual(
      stated('From 9:05 AM to 1:15 PM PT (4 hours 10 minutes), the trip planner in the Sundial Transit rider app planned journeys with the previous week\'s schedule feed.'),
      [['4 hours 10 minutes', 250]],
    );
    assert.deepEqual(stated('(~3 hours)'), [['~3 hours', 180]]);
    assert.deepEqual(stated('(within 5 minutes)'), []);
    assert.deepEqual(stated('(5 minutes later)'), []);
  });

  test('lag figures and other minute counts are not stated durations', () => {
    const negatives = [
      'Peak consumer lag: 71 minutes',
      '- 2025-05-06 16:19 UTC tomaszw – Geocoder rollback complete; p99 back to 140 ms. Lag stopped growing at 71 minutes.',
      '- `cfgsync` rolled the change to all regions within four minutes; there is no canary step for configuration, only for code.',
      'The `CheckoutErrorRateHigh` alert fired two minutes after the error rate crossed 5%. Merchant reports to support arrived at about the same time.',
      '- The incident commander was in place within nine minutes of the first page.',
      "- It took 11 minutes from the first page to acknowledgement; the on-call's phone was on do-not-disturb, and the escalation to the secondary was set to 30 minutes.",
      'Dashboards that filter by free text showed stale data for most of the European morning, while charts built on the raw event store stayed current.',
      '- Firmware before 2.2 flushed telemetry to flash every 5 seconds, which accelerated wear.',
      '- 07:05 `SearchIndexLagHigh` warning (lag above 10 minutes); ticket created automatically, no page.',
      '- 07:58 Lag reaches 30 minutes; alert escalates to a page.',
      'Discussion ran over by ten minutes; item 3 started at 10:35.',
      'Time to detect: 4 minutes',
      'Queue times: the 95th percentile is above 6 minutes between 13:00 and 15:00.',
    ];
    for (const text of negatives) assert.deepEqual(findStatedDurations(text), [], text);
  });

  test('positions in the whole text', () => {
    const text = 'Summary\n\nThe site was down for 66 minutes. Lag peaked at 71 minutes.';
    const [duration] = findStatedDurations(text);
    assert.equal(text.slice(duration.start, duration.end), '66 minutes');
    assert.equal(findStatedDurations(text).length, 1);
  });
});

describe('findTimeRanges', () => {
  const ranges = (text: string) => findTimeRanges(text).map((range) => [text.slice(range.start, range.end), range.minutes]);

  test('`from 14:07 to 15:19 UTC`: the zone after the second time is the first\'s too', () => {
    const text = 'rejected most payment requests for 72 minutes, from 14:07 to 15:19 UTC.';
    const [range] = findTimeRanges(text);
    assert.equal(range.minutes, 72);
    assert.equal(text.slice(range.start, range.end), '14:07 to 15:19 UTC');
    assert.deepEqual(range.from.time, clock(14, 7));
    assert.deepEqual(range.from.zone, UTC);
    assert.deepEqual(range.to.time, clock(15, 19));
    assert.deepEqual(range.to.zone, UTC);
  });

  test('`From 9:05 AM to 1:15 PM PT`', () => {
    assert.deepEqual(ranges('From 9:05 AM to 1:15 PM PT (4 hours 10 minutes), the trip planner'), [['9:05 AM to 1:15 PM PT', 250]]);
  });

  test('across midnight with dates: 23:41 on 8 April to 01:26 on 9 April is 105 minutes', () => {
    assert.deepEqual(
      ranges('From 23:41 UTC on 8 April until 01:26 UTC on 9 April, Quillmate desktop clients on older Windows builds could not connect.'),
      [['23:41 UTC on 8 April until 01:26 UTC on 9 April', 105]],
    );
    assert.deepEqual(
      ranges('Between 23:41 UTC on 8 April and 01:26 UTC on 9 April, some users could not edit.'),
      [['23:41 UTC on 8 April and 01:26 UTC on 9 April', 105]],
    );
  });

  test('across midnight without dates: the end is on the next day', () => {
    assert.deepEqual(ranges('from 23:41 to 01:26 UTC'), [['23:41 to 01:26 UTC', 105]]);
  });

  test('over several days: 08:41 on 9 September to 10:15 on 11 September is 2 d 1 h 34 min', () => {
    const text = 'Reads were degraded from 08:41 UTC on 9 September until 10:15 UTC on 11 September.';
    const [range] = findTimeRanges(text);
    assert.equal(range.minutes, 2974);
    assert.equal(formatDuration(range.minutes), '2 d 1 h 34 min');
    assert.deepEqual(range.from.date, { month: 9, day: 9 });
    assert.deepEqual(range.to.date, { month: 9, day: 11 });
  });

  test('`14:07–15:19 UTC` and other dashes', () => {
    assert.deepEqual(ranges('14:07–15:19 UTC'), [['14:07–15:19 UTC', 72]]);
    assert.deepEqual(ranges('snapshot, 13:45-16:00 UTC.'), [['13:45-16:00 UTC', 135]]);
    assert.deepEqual(ranges('window 14:07 — 15:19'), [['14:07 — 15:19', 72]]);
  });

  test('New Year: a December start and a January end are a year apart', () => {
    assert.deepEqual(ranges('from 23:00 UTC on 31 December until 01:00 UTC on 1 January'), [['23:00 UTC on 31 December until 01:00 UTC on 1 January', 120]]);
    assert.deepEqual(ranges('from 2024-12-31 23:00 to 2025-01-01 01:00'), [['2024-12-31 23:00 to 2025-01-01 01:00', 120]]);
  });

  test('different zones at each end, and a DST change in between', () => {
    assert.deepEqual(ranges('from 14:00 UTC to 16:30 CET'), [['14:00 UTC to 16:30 CET', 90]]);
    assert.deepEqual(ranges('from 2024-11-03 01:30 PT until 2024-11-03 03:00 PT'), [['2024-11-03 01:30 PT until 2024-11-03 03:00 PT', 150]]);
  });

  test('several ranges, and times that are not ranges', () => {
    const text = 'Reduced capacity (07:00–09:00 CET, then 06:00–08:00 CET). The API was down at 14:07 and again at 15:00.';
    assert.deepEqual(ranges(text), [['07:00–09:00 CET', 120], ['06:00–08:00 CET', 120]]);
    assert.deepEqual(ranges('At 14:07 the alert fired; 15:19 it cleared.'), []);
    assert.deepEqual(ranges('versions 1.2-1.4 and 10:00'), []);
  });
});

describe('formatDuration', () => {
  const cases: [number, string][] = [
    [150, '2 h 30 min'],
    [72, '72 min'],
    [60, '1 h'],
    [2974, '2 d 1 h 34 min'],
    [0, '0 min'],
    [1, '1 min'],
    [89, '89 min'],
    [105, '1 h 45 min'],
    [250, '4 h 10 min'],
    [180, '3 h'],
    [1440, '1 d'],
    [1500, '1 d 1 h'],
    [2881, '2 d 1 min'],
    [-30, '-30 min'],
    [72.4, '72 min'],
  ];
  for (const [minutes, text] of cases) {
    test(`${minutes} → ${text}`, () => assert.equal(formatDuration(minutes), text));
  }
});

describe('linear time on adversarial input', () => {
  const inputs = [
    '1:'.repeat(50_000),
    ' - 1'.repeat(30_000),
    'a'.repeat(100_000),
    '**'.repeat(50_000),
    ' '.repeat(100_000) + '14:07',
    '1'.repeat(100_000),
    '1:00 '.repeat(20_000),
    '1:00-'.repeat(20_000),
    '1:00 to '.repeat(12_000),
    '12:00 UTC on 8 April and '.repeat(4_000),
    'for 1 hour '.repeat(9_000),
    '1 hour and '.repeat(9_000),
    'down for 1h '.repeat(8_000),
    'Duration: 1h\n'.repeat(8_000),
    '(1 h)'.repeat(20_000),
    'All times '.repeat(10_000),
    'Time ('.repeat(16_000),
    'Pacific Pacific '.repeat(6_000),
    'March 1, '.repeat(11_000),
    '2025-01-01 '.repeat(9_000),
    '10:00 Ab/Cd'.repeat(9_000),
    '10:00 UTC+'.repeat(10_000),
    '9:05 a.m'.repeat(12_000),
    '~'.repeat(100_000),
    '_'.repeat(100_000),
    '\n'.repeat(100_000),
    'twenty twenty '.repeat(7_000),
    'half an half a '.repeat(6_000),
  ];
  const calls: [string, (text: string) => unknown][] = [
    ['scanTimestamp', (text) => scanTimestamp(text)],
    ['findDate', findDate],
    ['findZoneDeclaration', findZoneDeclaration],
    ['parseZone', parseZone],
    ['parseDuration', (text) => parseDuration(text)],
    ['findStatedDurations', findStatedDurations],
    ['findTimeRanges', findTimeRanges],
  ];
  for (const [name, call] of calls) {
    test(`${name} returns within a second on every ~100 KB input`, () => {
      for (const input of inputs) {
        const started = performance.now();
        call(input);
        const elapsed = performance.now() - started;
        assert.ok(elapsed < 1000, `${name} took ${Math.round(elapsed)} ms on ${JSON.stringify(input.slice(0, 20))}…`);
      }
    });
  }
});
