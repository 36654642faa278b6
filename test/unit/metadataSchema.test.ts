// The front matter schema: reading keys, values and times; the problems it finds; completion and hover on its keys.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { checkMetadata, describeScale, metadataKeyOf, nearMissKey, parseMetadataTime, severityOf, statusOf, DEFAULT_SEVERITIES } from '../../server/src/model/metadataSchema';
import { buildReport } from '../../server/src/model/report';
import { createLanguageService } from '../../server/src/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { documentOf } from '../support/fixtures';

const BODY = '\n# Post-mortem: Checkout outage\n\n## Summary\nCheckout failed.\n\n## Root cause\nA bad flag.\n\n## Timeline (UTC)\n- 14:00 — Outage begins\n- 14:37 — Issue detected by the alert\n- 15:10 — Resolved\n';

function frontMatterOf(yaml: string) {
  return buildReport(`---\n${yaml}\n---\n${BODY}`).frontMatter;
}

describe('keys and values', () => {
  test('keys are read under their usual spellings, and slips of them are near misses', () => {
    assert.equal(metadataKeyOf('incident_id')?.name, 'incident-id');
    assert.equal(metadataKeyOf('incidentId')?.name, 'incident-id');
    assert.equal(metadataKeyOf('Detected_At')?.name, 'detected');
    assert.equal(metadataKeyOf('sev')?.name, 'severity');
    assert.equal(metadataKeyOf('team'), undefined);
    assert.equal(nearMissKey('severty')?.name, 'severity');
    assert.equal(nearMissKey('detetced')?.name, 'detected');
    assert.equal(nearMissKey('title'), undefined);
    assert.equal(nearMissKey('date'), undefined);
  });

  test('severities are read any way they are written; scales are shown shortened', () => {
    assert.equal(severityOf('Sev-2', DEFAULT_SEVERITIES), 'SEV2');
    assert.equal(severityOf('p0', DEFAULT_SEVERITIES), 'P0');
    assert.equal(severityOf('SEV9', DEFAULT_SEVERITIES), undefined);
    assert.equal(describeScale(DEFAULT_SEVERITIES), 'SEV1–SEV5, P0–P4');
    assert.equal(describeScale(['critical', 'major']), 'critical, major');
    assert.equal(statusOf('In-Progress'), 'in progress');
    assert.equal(statusOf('wontfix'), undefined);
  });

  test('times: ISO with a zone, an offset, a zone name, or a date; nothing else', () => {
    assert.equal(parseMetadataTime('2025-03-01T14:07Z')?.instant, Date.UTC(2025, 2, 1, 14, 7));
    assert.equal(parseMetadataTime('2025-03-01 15:07+01:00')?.instant, Date.UTC(2025, 2, 1, 14, 7));
    assert.equal(parseMetadataTime('2025-03-01 14:07 UTC')?.instant, Date.UTC(2025, 2, 1, 14, 7));
    assert.equal(parseMetadataTime('2025-07-01T07:07-07')?.instant, Date.UTC(2025, 6, 1, 14, 7));
    assert.deepEqual(parseMetadataTime('2025-03-01'), { date: { year: 2025, month: 3, day: 1 } });
    assert.equal(parseMetadataTime('2025-03-01 14:07')?.zone, undefined);
    assert.equal(parseMetadataTime('2025-02-30'), undefined);
    assert.equal(parseMetadataTime('yesterday'), undefined);
    assert.equal(parseMetadataTime(true), undefined);
  });
});

describe('problems', () => {
  const kinds = (yaml: string, scale: string[] = []) => checkMetadata(frontMatterOf(yaml), scale).map((problem) => `${problem.kind} ${problem.entry.key}`);

  test('a valid front matter, with keys of the team\'s own, has none', () => {
    assert.deepEqual(kinds('severity: P1\nstatus: Published\nincident-id: 42\nstarted: 2025-03-01T14:00Z\ndetected: 2025-03-01T14:37Z\nresolved: 2025-03-02\nowner: [Ana, Ben]\nservices: checkout\nteam: payments'), []);
  });

  test('each kind of problem, at its key', () => {
    assert.deepEqual(kinds('severity: [SEV1]\nstatus: 3\nowner: {name: Ana}\nservices: [{a: 1}]\nstarted:\nseverty: x'), [
      'wrong-shape severity', 'wrong-shape status', 'wrong-shape owner', 'wrong-shape services', 'empty started', 'near-miss severty',
    ]);
  });

  test('the times in order, a day alone not before a time on that day', () => {
    assert.deepEqual(kinds('started: 2025-03-01T14:00Z\ndetected: 2025-03-01T13:00Z\nmitigated: 2025-03-01\nresolved: 2025-02-28'), ['out-of-order detected', 'out-of-order resolved']);
  });

  test('a team scale replaces the usual one', () => {
    assert.deepEqual(kinds('severity: P1', ['critical', 'major']), ['unknown-severity severity']);
    assert.deepEqual(kinds('severity: Critical', ['critical', 'major']), []);
  });

  test('ranges: the value, or the key when there is none', () => {
    const [problem] = checkMetadata(frontMatterOf('severity: SEV9'), []);
    assert.deepEqual(problem.entry.valueRange, { start: { line: 1, character: 10 }, end: { line: 1, character: 14 } });
    const [empty] = checkMetadata(frontMatterOf('owner:'), []);
    assert.deepEqual(empty.entry.valueRange, { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } });
  });

  test('TOML front matter: keys found on their lines', () => {
    const report = buildReport(`+++\nseverity = "SEV9"\nstatus = "draft"\n+++\n${BODY}`);
    const [problem] = checkMetadata(report.frontMatter, []);
    assert.equal(problem.kind, 'unknown-severity');
    assert.deepEqual(problem.entry.valueRange, { start: { line: 1, character: 11 }, end: { line: 1, character: 17 } });
  });
});

describe('completion and hover in the front matter', () => {
  const service = createLanguageService();
  const CURSOR = '‸';

  function complete(yaml: string, settings = DEFAULT_SETTINGS): CompletionItem[] {
    const text = `---\n${yaml}\n---\n${BODY}`;
    const offset = text.indexOf(CURSOR);
    const before = text.slice(0, offset);
    const position = { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
    return service.getCompletions(documentOf(text.replace(CURSOR, '')), position, settings).items;
  }

  test('keys not yet given, at the start of a line', () => {
    const items = complete('severity: SEV2\nde‸');
    assert.ok(!items.some((item) => item.label === 'severity'));
    const detected = items.find((item) => item.label === 'detected');
    assert.equal((detected?.textEdit as TextEdit).newText, 'detected: ');
    assert.deepEqual((detected?.textEdit as TextEdit).range, { start: { line: 2, character: 0 }, end: { line: 2, character: 2 } });
  });

  test('severities (the team\'s own when set) and statuses as values', () => {
    assert.deepEqual(complete('severity: S‸').map((item) => item.label), DEFAULT_SEVERITIES);
    assert.deepEqual(complete('severity: ‸', { ...DEFAULT_SETTINGS, metadataSeverities: ['critical', 'major'] }).map((item) => item.label), ['critical', 'major']);
    assert.ok(complete('status: in‸').some((item) => item.label === 'in review'));
    assert.deepEqual(complete('owner: ‸'), []);
  });

  test('hover on a time: the key explained, the time in UTC and the time to detect', () => {
    const text = `---\nstarted: 2025-03-01T15:00+01:00\ndetected: 2025-03-01T14:37Z\n---\n${BODY}`;
    const hover = service.getHover(documentOf(text), { line: 2, character: 3 });
    const value = (hover?.contents as MarkupContent).value;
    assert.match(value, /^\*\*detected\*\* · When the incident was noticed/);
    assert.match(value, /UTC: 2025-03-01 14:37/);
    assert.match(value, /Time to detect: \*\*37 min\*\*/);
    assert.equal(service.getHover(documentOf(text), { line: 0, character: 1 }), undefined);
  });
});
