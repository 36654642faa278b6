// Each --format on the same findings: what a CI system or an editor reads from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FIXTURES, ROOT } from '../support/fixtures';
import { runCli } from './run';

const FLAWED = 'examples/postmortems/2024-07-18-fleet-api-errors-after-database-failover.md';
const CLEAN = 'examples/postmortems/2024-03-05-console-sign-in-outage.md';
const REPORT_0004 = 'examples/reports/0004-intermittent-modbus-timeouts-after-gateway-reboot.md';

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; helpUri: string; defaultConfiguration: { level: string } }[] } };
    results: { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[] }[];
  }[];
}

test('--format sarif validates against the SARIF 2.1.0 schema and locates each finding from the repository root', () => {
  const { status, stdout } = runCli(['check', '--format', 'sarif', FLAWED, REPORT_0004]);
  assert.equal(status, 1);
  const log = JSON.parse(stdout) as SarifLog;
  // The schema is vendored (test/fixtures/sarif-schema-2.1.0-rtm.5.json, see test/fixtures/SARIF-SCHEMA.md): no network here.
  const schema = JSON.parse(readFileSync(join(FIXTURES, 'sarif-schema-2.1.0-rtm.5.json'), 'utf8')) as object;
  // Its language pattern is not valid with the u flag (`]?` alone), as JavaScript reads it.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  // The schema does bite: a level SARIF does not have is refused.
  const wrong = JSON.parse(stdout) as SarifLog;
  wrong.runs[0].results[0].level = 'information';
  assert.equal(validate(wrong), false);

  const run = log.runs[0];
  assert.equal(run.tool.driver.name, 'incident-docs');
  const missingSection = run.tool.driver.rules.find((rule) => rule.id === 'missing-section');
  assert.equal(missingSection?.defaultConfiguration.level, 'error');
  assert.match(missingSection?.helpUri ?? '', /\/docs\/rules\/missing-section\.md$/);
  const order = run.results.find((result) => result.ruleId === 'timeline-order');
  assert.equal(order?.level, 'error');
  assert.deepEqual(order?.locations[0].physicalLocation.artifactLocation, { uri: FLAWED, uriBaseId: '%SRCROOT%' });
  assert.equal(order?.locations[0].physicalLocation.region.startLine, 33);
  assert.equal(order?.locations[0].physicalLocation.region.startColumn, 3);
  // Info findings are notes, and hints (without --hints) are not there.
  assert.equal(run.results.find((result) => result.ruleId === 'empty-section')?.level, 'note');
  assert.ok(run.results.every((result) => ['error', 'warning', 'note'].includes(result.level)));
});

test('--format json: files, findings with 1-based ranges and their fixes, and the summary', () => {
  const { status, stdout } = runCli(['check', '--format', 'json', REPORT_0004, CLEAN]);
  assert.equal(status, 1);
  const output = JSON.parse(stdout) as { formatVersion: number; files: { path: string; findings: { rule: string; severity: string; message: string; range: { start: { line: number; column: number } }; fix?: { title: string; safe: boolean } }[] }[]; summary: { errors: number; markdownFiles: number; reports: number } };
  assert.equal(output.formatVersion, 1);
  assert.deepEqual(output.files.map((file) => file.path), [REPORT_0004], 'a clean file has no entry');
  const missing = output.files[0].findings.find((finding) => finding.message === 'Missing section D3: Interim containment action');
  assert.deepEqual(missing?.range.start, { line: 1, column: 1 });
  assert.equal(missing?.severity, 'error');
  assert.deepEqual(missing?.fix, { title: 'Insert D3: Interim containment action', safe: true });
  assert.equal(output.files[0].findings.find((finding) => finding.rule === 'empty-section')?.severity, 'info');
  assert.deepEqual({ errors: output.summary.errors, markdownFiles: output.summary.markdownFiles, reports: output.summary.reports }, { errors: 2, markdownFiles: 2, reports: 2 });
});

test('--format github: one workflow command per finding, escaped, info as a notice', () => {
  const { status, lines } = runCli(['check', '--format', 'github', FLAWED, REPORT_0004]);
  assert.equal(status, 1);
  assert.ok(lines.includes(`::error file=${FLAWED},line=33,col=3,endLine=33,endColumn=${lines.find((line) => line.includes('timeline-order'))?.match(/endColumn=(\d+)/)?.[1]},title=timeline-order::Out of order: 08:02 PST is earlier than 08:06 PST (line 32), which it comes after`), lines.join('\n'));
  assert.ok(lines.some((line) => line.startsWith(`::notice file=${REPORT_0004},line=48,col=1,`) && line.includes('title=empty-section::')));
  assert.ok(lines.every((line) => /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::[^\n]+$/.test(line)), lines.join('\n'));
});

test('--format junit: valid XML, a suite per file, a failed case per finding and a passing one for a clean file', () => {
  const { status, stdout } = runCli(['check', '--format', 'junit', REPORT_0004, CLEAN]);
  assert.equal(status, 1);
  assert.equal(XMLValidator.validate(stdout), true);
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(stdout) as { testsuites: { testsuite: { '@_name': string; '@_failures': string; testcase: { failure?: unknown }[] }[] } };
  const suites = parsed.testsuites.testsuite;
  assert.deepEqual(suites.map((suite) => suite['@_name']), [CLEAN, REPORT_0004]);
  assert.equal(suites[0]['@_failures'], '0');
  assert.equal(suites[0].testcase.length, 1);
  assert.equal(suites[0].testcase[0].failure, undefined);
  assert.ok(Number(suites[1]['@_failures']) >= 3);
  assert.ok(suites[1].testcase.every((testcase) => testcase.failure !== undefined));
});

test('the text format is what the $incident-docs problem matcher contributed in package.json reads', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { problemMatchers: { name: string; owner: string; pattern: { regexp: string; severity: number; file: number } }[] } };
  const matcher = manifest.contributes.problemMatchers.find((m) => m.name === 'incident-docs');
  assert.ok(matcher);
  const { lines } = runCli(['check', '--hints', 'examples']);
  const regexp = new RegExp(matcher.pattern.regexp);
  const severities = new Set<string>();
  for (const line of lines) {
    const match = regexp.exec(line);
    assert.ok(match, line);
    severities.add(match[matcher.pattern.severity]);
  }
  // VS Code reads error, warning and info (and hint as info); it would read "information" as an error.
  assert.deepEqual([...severities].sort(), ['error', 'hint', 'info', 'warning']);
});
