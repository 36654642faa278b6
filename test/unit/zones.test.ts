// Time zones where people declare them, abbreviations beyond North America and Europe, shared abbreviations,
// and timeline-timezone's new finding. Every line here is written for the test.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, type IncidentReport } from '../../server/src/model/report';
import { timelineOf } from '../../server/src/model/timeline/timeline';
import { findLabelZone, findZoneDeclaration, findZoneMentions, isDaylightTime, parseZone, scanTimestamp, toInstant, zoneSettler } from '../../server/src/model/timeline/time';
import { ZONES } from '../../server/src/model/timeline/zones';
import { timelineTimezone } from '../../server/src/rules/timelineTimezone';
import { findingsOf, documentOf } from '../support/fixtures';
import { createLanguageService } from '../../server/src/languageService';
import type { MarkupContent } from 'vscode-languageserver-types';
import { assertLinear } from '../support/linear';

const HEAD = '# Incident: Checkout outage\n\n## Summary\n\nSUMMARY\n\n## Impact\n\nx\n\n## Root cause\n\nx\n\n';
const pm = (timeline: string, summary = 'x', heading = '## Timeline') => HEAD.replace('SUMMARY', summary) + `${heading}\n\n${timeline}\n`;
const zoneFindings = (text: string) => findingsOf(text).filter((f) => f.rule === 'timeline-timezone' && f.severity !== 'hint');
const utc = (iso: string) => Date.parse(iso);

describe('abbreviations resolved through their IANA zone', () => {
  const cases: [string, string, number][] = [
    ['EAT', 'Africa/Nairobi', 180], ['WAT', 'Africa/Lagos', 60], ['CAT', 'Africa/Maputo', 120], ['SAST', 'Africa/Johannesburg', 120],
    ['SGT', 'Asia/Singapore', 480], ['JST', 'Asia/Tokyo', 540], ['KST', 'Asia/Seoul', 540], ['HKT', 'Asia/Hong_Kong', 480],
    ['AEST', 'Australia/Sydney', 600], ['AEDT', 'Australia/Sydney', 660], ['ACST', 'Australia/Adelaide', 570], ['ACDT', 'Australia/Adelaide', 630],
    ['AWST', 'Australia/Perth', 480], ['NZST', 'Pacific/Auckland', 720], ['NZDT', 'Pacific/Auckland', 780], ['PHT', 'Asia/Manila', 480],
    ['WIB', 'Asia/Jakarta', 420], ['BRT', 'America/Sao_Paulo', -180], ['ART', 'America/Argentina/Buenos_Aires', -180],
    ['IDT', 'Asia/Jerusalem', 180], ['PKT', 'Asia/Karachi', 300], ['MSK', 'Europe/Moscow', 180],
  ];
  for (const [text, region, offset] of cases) {
    test(`${text} is ${region}, UTC${offset >= 0 ? '+' : ''}${offset / 60}`, () => {
      const zone = parseZone(text);
      assert.equal(zone?.region, region);
      assert.equal(zone?.fixedOffset, offset);
    });
  }

  test('after a time: `09:25 AM EAT: …` and `14:00 NZDT -`', () => {
    assert.equal(scanTimestamp('09:25 AM EAT: Nginx configuration push starts')?.zone?.region, 'Africa/Nairobi');
    assert.equal(scanTimestamp('14:00 NZDT - failover begins')?.zone?.fixedOffset, 780);
  });

  test('names in words', () => {
    const names: [string, string][] = [
      ['East Africa Time', 'Africa/Nairobi'], ['West African Time', 'Africa/Lagos'], ['Central European Summer Time', 'Europe/Berlin'],
      ['Pacific Time', 'America/Los_Angeles'], ['Singapore Time', 'Asia/Singapore'], ['India Standard Time', 'Asia/Kolkata'],
      ['China Standard Time', 'Asia/Shanghai'], ['Irish Standard Time', 'Europe/Dublin'], ['Australian Eastern Daylight Time', 'Australia/Sydney'],
      ['New Zealand Standard Time', 'Pacific/Auckland'], ['South Africa Standard Time', 'Africa/Johannesburg'], ['Japan Standard Time', 'Asia/Tokyo'],
    ];
    for (const [text, region] of names) assert.equal(parseZone(text)?.region, region, text);
    // A name in words is never shared: "India Standard Time" has India's offset.
    assert.equal(parseZone('India Standard Time')?.fixedOffset, 330);
  });

  test('standard and daylight pairs outside North America know each other', () => {
    assert.deepEqual(parseZone('AEST')?.abbreviation, { daylight: false, counterpart: 'AEDT', generic: 'AET' });
    assert.deepEqual(parseZone('NZDT')?.abbreviation, { daylight: true, counterpart: 'NZST', generic: 'NZT' });
    assert.deepEqual(parseZone('ACST')?.abbreviation, { daylight: false, counterpart: 'ACDT', generic: 'Australia/Adelaide' });
    for (const text of ['EAT', 'SGT', 'JST']) assert.equal(parseZone(text)?.abbreviation, undefined, text);
  });

  test('conversion: 09:25 EAT is 06:25 UTC, 09:25 WAT is 08:25 UTC', () => {
    const day = { year: 2022, month: 12, day: 5 };
    const time = { hour: 9, minute: 25, second: 0 };
    assert.equal(toInstant(day, time, parseZone('EAT')), utc('2022-12-05T06:25:00Z'));
    assert.equal(toInstant(day, time, parseZone('West Africa Time')), utc('2022-12-05T08:25:00Z'));
  });

  test('every zone in the table is one Intl knows, and every abbreviation reads back', () => {
    for (const spec of ZONES) {
      assert.doesNotThrow(() => new Intl.DateTimeFormat('en-US', { timeZone: spec.iana }), spec.iana);
      for (const text of [spec.standard, spec.daylight, spec.generic]) if (text) assert.ok(parseZone(text), text);
    }
  });

  test('words that are also abbreviations elsewhere are not zones here', () => {
    for (const text of ['GST', 'ICT', 'WIT', 'NPT']) assert.equal(parseZone(text), undefined, text);
  });
});

describe('shared abbreviations: IST, CST, BST', () => {
  test('alone they stay undecided: no offset, no daylight pair, converted as wall-clock time', () => {
    for (const text of ['IST', 'CST', 'BST']) {
      const zone = parseZone(text)!;
      assert.ok(zone.undecided && zone.undecided.length >= 2, text);
      assert.equal(zone.fixedOffset, undefined, text);
      assert.equal(zone.abbreviation, undefined, text);
      assert.equal(toInstant({ year: 2024, month: 7, day: 1 }, { hour: 10, minute: 0, second: 0 }, zone), utc('2024-07-01T10:00:00Z'));
    }
    assert.deepEqual(parseZone('IST')!.undecided, ['Europe/Dublin', 'Asia/Jerusalem', 'Asia/Kolkata']);
  });

  test('the document decides: PDT elsewhere makes CST US Central; GMT or UTC+1 makes IST Irish and BST British', () => {
    const settle = (text: string, abbreviation: string) => zoneSettler(text)(parseZone(abbreviation));
    assert.equal(settle('Deploy at 09:00 PDT; rollback at 11:00 CST.', 'CST')?.region, 'America/Chicago');
    assert.equal(settle('The Beijing office (Asia/Shanghai) saw it first.', 'CST')?.region, 'Asia/Shanghai');
    assert.equal(settle('All times GMT unless marked IST.', 'IST')?.region, 'Europe/Dublin');
    assert.equal(settle('Times are IST (UTC+1).', 'IST')?.region, 'Europe/Dublin');
    assert.equal(settle('Times are IST (UTC+5:30).', 'IST')?.region, 'Asia/Kolkata');
    assert.equal(settle('Paged at 10:00 GMT, fixed at 11:00 BST.', 'BST')?.fixedOffset, 60);
  });

  test('no evidence, or evidence for two readings: still undecided', () => {
    const settle = (text: string, abbreviation: string) => zoneSettler(text)(parseZone(abbreviation));
    assert.ok(settle('Paged at 10:00 IST.', 'IST')?.undecided);
    assert.ok(settle('10:00 UTC and 15:30 IST.', 'IST')?.undecided, 'UTC says nothing about IST');
    assert.ok(settle('Offices: Asia/Shanghai and America/Los_Angeles.', 'CST')?.undecided);
  });

  test('in a timeline: entries in CST with a PDT entry convert as US Central; alone they keep wall-clock order', () => {
    const decided = timelineOf(buildReport(pm('- 2024-01-10 09:00 PST a\n- 2024-01-10 12:00 CST b')))!;
    assert.equal(decided.entries[1].zone?.region, 'America/Chicago');
    assert.equal(decided.entries[1].instant, utc('2024-01-10T18:00:00Z'));
    const alone = timelineOf(buildReport(pm('- 2024-07-10 09:00 IST a\n- 2024-07-10 09:30 IST b')))!;
    assert.ok(alone.entries.every((entry) => entry.zone?.undecided));
    assert.equal(alone.entries[1].instant - alone.entries[0].instant, 30 * 60_000);
  });

  test('no daylight finding on an undecided IST or BST, even in winter', () => {
    assert.deepEqual(zoneFindings(pm('- 2024-01-10 09:00 BST a\n- 2024-01-10 09:30 BST b')), []);
    assert.deepEqual(zoneFindings(pm('- 2024-01-10 09:00 IST a')), []);
    // Decided by GMT in the summary, BST in January is the wrong half of the year.
    const found = zoneFindings(pm('- 2024-01-10 09:00 BST a', 'Paged at 08:55 GMT.'));
    assert.equal(found.length, 1);
    assert.match(found[0].message, /BST is daylight time, but on 2024-01-10 .*: use GMT or Europe\/London/);
  });
});

describe('zone declarations where people write them', () => {
  const timelineZone = (timeline: string, heading?: string, summary?: string) => timelineOf(buildReport(pm(timeline, summary, heading)))?.zone;

  test('in the Timeline heading: `## Timeline (UTC)`, `## Timeline (all times PDT)`, `### Timeline (times in CET)`', () => {
    assert.equal(timelineZone('- 10:00 a', '## Timeline (UTC)')?.region, 'UTC');
    assert.equal(timelineZone('- 10:00 a', '## Timeline (all times PDT)')?.text, 'PDT');
    assert.equal(timelineZone('- 10:00 a', '### Timeline (times in CET)')?.region, 'Europe/Berlin');
    assert.equal(timelineZone('- 10:00 a', '### Timeline (all times East Africa Time)')?.region, 'Africa/Nairobi');
  });

  test('in a column header: `Date (UTC)`, `Date and Time in CET`, `Time (EAT)`', () => {
    assert.equal(timelineZone('| Date (UTC) | Event |\n|---|---|\n| 2024-03-01 10:00 | a |')?.region, 'UTC');
    assert.equal(timelineZone('| Date and Time in CET | Event |\n|---|---|\n| 2024-03-01 10:00 | a |')?.region, 'Europe/Berlin');
    assert.equal(timelineZone('| Time (EAT) | Event |\n|---|---|\n| 10:00 | a |')?.region, 'Africa/Nairobi');
  });

  test('in a sentence in the timeline: "all times are in UTC", "All times West African Time", "Times below are Pacific"', () => {
    assert.equal(timelineZone('all times are in UTC\n\n- 10:00 a')?.region, 'UTC');
    assert.equal(timelineZone('All times West African Time.\n\n- 10:00 a')?.region, 'Africa/Lagos');
    assert.equal(timelineZone('Times below are Pacific.\n\n- 10:00 a')?.region, 'America/Los_Angeles');
  });

  test('in a sentence before the timeline: under the title, or right before the Timeline heading', () => {
    const underTitle = '# Incident: Boskos outage\n\nAll times in PDT (UTC-7).\n\n## Summary\n\nx\n\n## Root cause\n\nx\n\n## Timeline\n\n- 10:00 a\n';
    assert.equal(timelineOf(buildReport(underTitle))?.zone?.text, 'PDT');
    const before = '# Incident: x\n\n## Summary\n\nx\n\n## Root cause\n\nx\n\nTimes mentioned in this report are Singapore Time.\n\n## Timeline\n\n- 10:00 a\n';
    assert.equal(timelineOf(buildReport(before))?.zone?.region, 'Asia/Singapore');
    // A zone named in the middle of another section is not a declaration for the timeline.
    const far = '# Incident: x\n\n## Summary\n\nAll times in JST.\n\n## Root cause\n\nx\n\n## Timeline\n\n- 10:00 a\n';
    assert.equal(timelineOf(buildReport(far))?.zone, undefined);
  });

  test('findLabelZone and findZoneDeclaration on their own', () => {
    const labels: [string, string][] = [
      ['Timeline (UTC)', 'UTC'], ['Timeline (in UTC)', 'UTC'], ['Date (UTC)', 'UTC'], ['Time (EAT)', 'EAT'], ['Date and Time in CET', 'CET'],
      ['Timeline (all times PDT)', 'PDT'], ['Timestamp (UTC+2)', 'UTC+2'], ['In AEST', 'AEST'],
    ];
    for (const [text, zone] of labels) assert.equal(findLabelZone(text)?.text, zone, text);
    for (const text of ['Timeline', 'Event (PST migration)', 'Issues in CI', 'Impact (EU)', 'What happened in PST migration']) {
      assert.equal(findLabelZone(text), undefined, text);
    }
    assert.equal(findZoneDeclaration('All times given below are in SGT.')?.text, 'SGT');
    assert.equal(findZoneDeclaration('Times below are the usual ones.'), undefined);
  });

  test('findZoneMentions: abbreviations, names, offsets; not bare region words', () => {
    const mentions = findZoneMentions('Paged 10:00 PDT (UTC-7), Europe/Berlin saw it in Central European Time; the Pacific team, +05:30.');
    assert.deepEqual(mentions.map((zone) => zone.text), ['PDT', 'UTC-7', 'Europe/Berlin', 'Central European Time', '+05:30']);
  });
});

describe('daylight checks for the new zones', () => {
  test('southern summer: AEST in January and NZST in December are wrong; AEDT in January is right', () => {
    assert.equal(isDaylightTime('Australia/Sydney', { year: 2024, month: 1, day: 15 }), true);
    const aest = zoneFindings(pm('### 2024-01-15\n\n- 10:00 AEST a'));
    assert.equal(aest.length, 1);
    assert.match(aest[0].message, /AEST is standard time, but on 2024-01-15 .*: use AEDT or AET/);
    assert.match(zoneFindings(pm('### 2023-12-05\n\n- 10:00 NZST a'))[0]?.message ?? '', /use NZDT or NZT/);
    assert.deepEqual(zoneFindings(pm('### 2024-01-15\n\n- 10:00 AEDT a')), []);
    assert.deepEqual(zoneFindings(pm('### 2024-07-15\n\n- 10:00 AEST a')), []);
  });

  test('zones without daylight time are never the wrong half of the year', () => {
    assert.deepEqual(zoneFindings(pm('### 2024-07-15\n\n- 10:00 EAT a\n- 10:05 EAT b')), []);
    assert.deepEqual(zoneFindings(pm('### 2024-01-15\n\n- 10:00 AWST a')), []);
  });
});

describe('timeline-timezone: prose in another zone than the timeline', () => {
  const timeline = 'All times East Africa Time.\n\n- 09:25 AM EAT: configuration push starts\n- 09:45 AM EAT: outage begins\n- 10:15 AM EAT: all requests served';

  test('the summary gives a timeline time in another zone: one warning on the first prose line that does', () => {
    const text = pm(timeline, 'From 09:25 AM to 10:15 AM WAT, requests failed.\n\nAt 09:45 AM WAT the outage began.');
    const found = zoneFindings(text);
    assert.equal(found.length, 1);
    assert.equal(found[0].line, 5);
    assert.match(found[0].message, /given in WAT, but the timeline gives its times in East Africa Time \(09:25 EAT on line 21\)/);
  });

  test('UTC beside the local zone, the same zone, and the same offset under another name are normal', () => {
    assert.deepEqual(zoneFindings(pm(timeline, 'From 06:25 to 07:15 UTC, requests failed.')), []);
    assert.deepEqual(zoneFindings(pm(timeline, 'At 09:25 AM EAT the push started.')), []);
    assert.deepEqual(zoneFindings(pm(timeline, 'At 09:25 AM East Africa Time the push started.')), []);
    assert.deepEqual(zoneFindings(pm(timeline, 'At 09:25 AM UTC+3 the push started.')), []);
  });

  test('a time no entry shows, a timeline in UTC, a timeline in two zones: nothing', () => {
    assert.deepEqual(zoneFindings(pm(timeline, 'Our Lagos office noticed at 11:40 AM WAT.')), []);
    assert.deepEqual(zoneFindings(pm('All times UTC.\n\n- 09:25 a\n- 09:45 b', 'At 09:25 PDT the push started.')), []);
    // A timeline that mixes zones gets the mixed-zones warning, not this one.
    const mixed = zoneFindings(pm('- 09:25 EAT a\n- 09:45 CET b', 'At 09:25 WAT the push started.'));
    assert.deepEqual(mixed.map((f) => f.message.slice(0, 30)), ['The timeline mixes time zones ']);
  });

  test('an undecided abbreviation in prose says nothing', () => {
    assert.deepEqual(zoneFindings(pm(timeline, 'At 09:25 AM IST the push started.')), []);
  });
});

describe('zone readers are linear', () => {
  const report = (s: string) => buildReport(pm(`All times UTC.\n\n- 10:00 a\n\n${s}`, s));
  const check = (parsed: IncidentReport) => timelineTimezone.check({ ...parsed }, {} as never);
  const pieces = ['(', '(in ', 'in ', 'Times below above ', 'IST ', 'CST PDT ', 'East Africa ', '+05:', 'UTC+', '09:25 AM WAT ', 'Time (', 'A'.repeat(7) + ' '];
  for (const [name, reader] of [
    ['findLabelZone', findLabelZone], ['findZoneDeclaration', findZoneDeclaration], ['findZoneMentions', findZoneMentions],
    ['zoneSettler', (s: string) => zoneSettler(s)(parseZone('IST'))],
  ] as [string, (s: string) => unknown][]) {
    test(`${name} is linear on adversarial input`, () => {
      for (const piece of pieces) assertLinear(`${name} on ${JSON.stringify(piece)}`, reader, piece, (text) => text);
    });
  }
  test('timeline-timezone is linear on prose full of zoned times', () => {
    for (const piece of ['09:25 AM WAT ', ' - 1', 'At 10:00 CET. ']) assertLinear(`timeline-timezone on ${JSON.stringify(piece)}`, check, piece, report);
  });
});

describe('the hover on an entry in an ambiguous zone', () => {
  test('claims no UTC instant and says why', () => {
    const text = ['# Incident: payments delayed', '', '## Summary', '', 'x', '', '## Root cause', '', 'y', '', '## Timeline', '', '- 10:05 IST deploy starts', '- 10:40 IST rollback', ''].join('\n');
    const hover = createLanguageService().getHover(documentOf(text), { line: 12, character: 4 });
    const value = (hover?.contents as MarkupContent).value;
    assert.match(value, /UTC: unknown — IST is ambiguous/);
    assert.doesNotMatch(value, /UTC: \d/);
  });
});
