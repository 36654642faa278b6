// The blameless-language matcher: what it reports, what it leaves alone (rejections, guards, quotes, code), the
// people it knows from the report, and the settings that extend and trim its phrases.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { blameVocabulary, findBlame, quotedSpans } from '../../server/src/model/blameless';
import { buildReport } from '../../server/src/model/report';
import { peopleOf } from '../../server/src/rules/blamelessLanguage';
import { readSettings } from '../../server/src/settings';
import { createLanguageService } from '../../server/src/languageService';
import { documentOf } from '../support/fixtures';

const vocabulary = blameVocabulary([], [], ['Priya Raman', 'Priya']);

/** The phrases reported in `text`, as written. */
function found(text: string, inRootCause = false, words = vocabulary): string[] {
  return findBlame(text, words, () => inRootCause).map((match) => text.slice(match.start, match.end));
}

describe('blaming phrases are found', () => {
  const cases: [string, string[]][] = [
    ['The root cause was human error.', ['human error']],
    ['Root cause: human error', ['human error']],
    ['This was caused by operator error during the failover.', ['operator error']],
    ['Human error led to the outage.', ['Human error']],
    ['The on-call engineer failed to acknowledge the page.', ['The on-call engineer failed to']],
    ['Priya failed to run the migration.', ['Priya failed to']],
    ['He forgot to update the DNS record.', ['He forgot to']],
    ['@alice ignored the alert.', ['@alice ignored']],
    ['Sam (the on-call engineer) failed to notice.', ['Sam (the on-call engineer) failed to']],
    ['The deploy was made by an engineer who failed to test it.', ['an engineer who failed to']],
    ['The change was careless.', ['careless']],
    ['The engineer should have known the flag was live.', ['should have known']],
    ["It was the operator's fault.", ["the operator's fault"]],
    ['It was the operator’s mistake.', ['the operator’s mistake']],
  ];
  for (const [text, expected] of cases) test(text, () => assert.deepEqual(found(text), expected));

  test('"human error" anywhere in the Root cause section is the cause', () => {
    assert.deepEqual(found('A human error in the rollout script.', true), ['human error']);
    assert.deepEqual(found('A human error in the rollout script.', false), []);
  });
});

describe('what is left alone', () => {
  const cases = [
    'This was not human error: the runbook skipped a step.',
    "It wasn't simply human error.",
    'Rather than human error, we look at the tooling.',
    'We added a confirmation step to reduce the risk of human error.',
    'Manual steps are prone to operator error.',
    'Human error is a symptom, not a cause.',
    'Human-error-prone steps were automated.',
    'The service failed to start after the deploy.',
    'The pods failed to become ready.',
    'We failed to notice the alert.',
    'As one SRE said, "the engineer should have known better".',
    "The draft called it 'operator error' at first.",
    'The summary said “caused by human error” before the review.',
    "We don't blame the engineer; the console misled everyone.",
    'Lazy loading failed to work.',
  ];
  for (const text of cases) test(text, () => assert.deepEqual(found(text), []));
});

test('quoted spans: double, typographic and single quotes, but not apostrophes', () => {
  const text = `He said "stop", she wrote ‘go’, the 'draft' and the engineer's note`;
  assert.deepEqual(quotedSpans(text).map((span) => text.slice(span.start, span.end)), ['"stop"', '‘go’', "'draft'"]);
});

test('settings add phrases, with a person slot, and drop built-in ones', () => {
  const words = blameVocabulary(['cowboy', '{person} messed up'], ['failed to', 'Careless'], []);
  assert.deepEqual(found('A cowboy change. The operator messed up. The engineer failed to look. It was careless.', false, words), ['cowboy', 'The operator messed up']);
});

test('the report names its people in front matter and header', () => {
  const report = buildReport('---\nauthors: [Mira Kovač, "@ops-bot"]\nowner: Lena Vogt\n---\n\n# Post-mortem\n\nCreated By: [Katharine Berry](https://example.com), **Omar Haddad** (SRE)\n');
  assert.deepEqual(peopleOf(report).sort(), ['Katharine', 'Katharine Berry', 'Lena', 'Lena Vogt', 'Mira', 'Mira Kovač', 'Omar', 'Omar Haddad']);
});

test('settings: lists of strings are read, anything else is said and left at the default', () => {
  const warnings: string[] = [];
  const settings = readSettings({ blamelessLanguage: { phrases: ['cowboy', ' ', 'cowboy'], ignore: 'failed to' }, metadata: { severities: ['critical', 3] } }, [], (message) => warnings.push(message));
  assert.deepEqual(settings.blamelessPhrases, ['cowboy']);
  assert.deepEqual(settings.blamelessIgnored, []);
  assert.deepEqual(settings.metadataSeverities, []);
  assert.equal(warnings.length, 2);
  assert.ok(warnings.some((warning) => /incidentDocs\.blamelessLanguage\.ignore must be a list/.test(warning)));
  assert.ok(warnings.some((warning) => /incidentDocs\.metadata\.severities must be a list/.test(warning)));
});

test('the rule reports in post-mortems only, on the phrase, never in code, quotes, comments or link destinations', () => {
  const service = createLanguageService();
  const postmortem = [
    '# Post-mortem: Checkout outage', '', '## Summary', 'Checkout failed.', '', '## Root cause',
    'Human error. See `human error` and [the page](https://example.com/human-error) <!-- operator error -->', '',
    '> The root cause was human error.', '', '```', 'root cause: human error', '```', '',
    '## Timeline', '- 10:00 UTC: Outage begins', '', '## Impact', 'All users.', '', '## Resolution', 'Rolled back.', '',
    '## Lessons learned', 'None.', '', '## Action items', '- [ ] Add a guard',
  ].join('\n');
  const findings = service.check(documentOf(postmortem)).filter(({ rule }) => rule.id === 'blameless-language');
  assert.deepEqual(findings.map(({ finding }) => finding.range), [{ start: { line: 6, character: 0 }, end: { line: 6, character: 11 } }]);
  const eightD = '# 1: Pump failure\n\n## D0: Plan\nx\n## D1: Team\nx\n## D4: Root cause\nThe root cause was human error.\n';
  assert.deepEqual(service.check(documentOf(eightD)).filter(({ rule }) => rule.id === 'blameless-language'), []);
});
