// Regular expressions that read user text must run in linear time. Each reader gets adversarial input of two
// sizes, four times apart; a linear reader takes about four times as long, a quadratic one sixteen times.
// The ratio, measured in the same run, is what is asserted: never a wall-clock limit.
import { test } from 'node:test';
import { scanReport } from '../../server/src/workspace/scanner';
import { assertLinear } from '../support/linear';
import { readDisciplineLabel, normalizeTitle } from '../../server/src/model/kinds/eightD';
import { normalizeSectionName, postmortemSectionOf } from '../../server/src/model/kinds/postmortem';
import { parseReportDate } from '../../server/src/model/dates';
import { slugify, splitTarget } from '../../server/src/model/links';
import { buildReport, type IncidentReport } from '../../server/src/model/report';
import { timelineOf, timelinesOf } from '../../server/src/model/timeline/timeline';
import { readHtmlHeading, startsSectionLabel } from '../../server/src/model/kinds/headingShapes';
import { scanEntryStamp, whyUnreadable, looksStamped, findTimeRanges, findDate } from '../../server/src/model/timeline/time';

const readers: [string, (input: string) => unknown][] = [
  ['scanReport', (s) => scanReport(s)],
  ['scanReport on a heading', (s) => scanReport(`## ${s}`)],
  ['readDisciplineLabel', (s) => readDisciplineLabel(s)],
  ['normalizeTitle', (s) => normalizeTitle(s)],
  ['normalizeSectionName', (s) => normalizeSectionName(s)],
  ['postmortemSectionOf', (s) => postmortemSectionOf(s)],
  ['parseReportDate', (s) => parseReportDate(s)],
  ['slugify', (s) => slugify(s)],
  ['splitTarget', (s) => splitTarget(s)],
  ['readHtmlHeading', (s) => readHtmlHeading(`<h2 ${s}`)],
  ['startsSectionLabel', (s) => startsSectionLabel(`- ${s}`)],
];

const pieces = ['D 3 ', '## D3: ', '[a](b', '](', '**Date:** ', '- Supersedes: [', '(((', ' - ', '1:1', '`', '<!--', 'a'.repeat(7), '\t ', '2025-01-', '<h1 a>', '<a ', '<!-- x -->', '**Impact', ' and ', "'s "];

for (const [name, reader] of readers) {
  test(`${name} is linear on adversarial input`, () => {
    for (const piece of pieces) assertLinear(`${name} on ${JSON.stringify(piece)}`, reader, piece, (text) => text);
  });
}

test('the timeline reader is linear on a squashed paragraph of separators', () => {
  // The report is parsed untimed: remark's own parse of a long one-line paragraph grows a little faster than the
  // text (up to 8x for 4x on a busy machine), and this is about the timeline's regular expressions.
  const report = (s: string) => buildReport(`# Incident: x\n\n## Summary\n\nx\n\n## Root cause\n\nx\n\n## Timeline\n\n${s}\n`);
  // A copy of the report each time: the timeline is cached per report object.
  const timeline = (parsed: IncidentReport) => timelineOf({ ...parsed });
  for (const piece of [' - 1', ' - 12:', ' — ', '| 1']) assertLinear(`timeline on ${JSON.stringify(piece)}`, timeline, piece, report);
});

test('the timeline stamp readers are linear on adversarial input', () => {
  // Each reads from the start of an entry; findTimeRanges tries the same readers at every token of a text.
  const stampPieces = ['[', '[0', '`1', '**[', '*[`', 'T+1', '+1 h', 'T+1h1', '03-26 ', '1506 ', 'Feb 8 0117 ', '20202-', '--:', '???', '(Oct 2', 'October 29-', '2023-01-04/', '1:00 UTC (Oct '];
  const stampReaders: [string, (input: string) => unknown][] = [
    ['scanEntryStamp', (s) => scanEntryStamp(s)],
    ['whyUnreadable', (s) => whyUnreadable(s)],
    ['looksStamped', (s) => looksStamped(s)],
    ['findTimeRanges', (s) => findTimeRanges(s)],
    ['findDate', (s) => findDate(s)],
  ];
  for (const [name, reader] of stampReaders) {
    for (const piece of stampPieces) assertLinear(`${name} on ${JSON.stringify(piece)}`, reader, piece, (text) => text);
  }
});

test('the timeline reader is linear on many entries in the new notations', () => {
  const report = (s: string) => buildReport(`# Incident: x\n\n## Summary\n\nx\n\n## Root cause\n\nx\n\n## Timeline\n\n${s}\n`);
  const timeline = (parsed: IncidentReport) => timelinesOf({ ...parsed });
  const pieces = ['*06:00*: a<br>', '- [03-26 23:04] a\n', '- T+1m a\n', '- 2021-12-10: a\n', '- 20202-01-16 a\n', '| 1506 UTC | a |\n', '### Timeline\n\n- 10:00 a\n- 10:01 b\n- 10:02 c\n- 10:03 d\n\n'];
  for (const piece of pieces) assertLinear(`timelines on ${JSON.stringify(piece)}`, timeline, piece, report);
  // One long item in a timeline list (notes, attribute lists, <br>-joined pieces are looked for in it).
  const longItem = (s: string) => report(`- 10:00 a\n- ${s}\n\n*06:00*: a<br>${s}`);
  for (const piece of ['Note a ', '**Note', '<br', '<br>*0', '{: ', '+1 h ']) assertLinear(`timelines on an item of ${JSON.stringify(piece)}`, timeline, piece, longItem);
  // A long line before the lines that start with times (is it a label introducing them?).
  const preamble = (s: string) => report(`${s}\n10:00 a\n10:05 b`);
  for (const piece of ['** ', ' :', '*: *', 'a:\n']) assertLinear(`timelines on a paragraph opening with ${JSON.stringify(piece)}`, timeline, piece, preamble);
});
