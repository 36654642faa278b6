// The expectations of test/fixtures/corpus/README.md, as data (test/fixtures/corpus/expected.json), never retyped here:
// the whole corpus is checked as one workspace, as the editor checks it, and each file gives exactly its findings.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { buildReport } from '../../server/src/model/report';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { CORPUS } from '../support/fixtures';
import { compareFindings, findingsOfCase, type Expectation } from '../support/ruleFixtures';

interface Judgement {
  kind: '8d' | 'postmortem' | 'none';
  why?: string;
  findings: { rule: string; line: number; severity?: Expectation['severity']; match?: string }[];
}

const judgements = (JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8')) as { files: Record<string, Judgement> }).files;

function filesUnder(folder: string): string[] {
  return readdirSync(folder).sort().flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const all = filesUnder(CORPUS).filter((path) => !path.split(sep).includes('.vscode')); // the workspace's settings are the defaults
const markdown = all.filter((path) => path.endsWith('.md'));
const textOf = (path: string) => readFileSync(path, 'utf8');
const found = findingsOfCase({ rule: 'corpus', name: 'corpus', files: markdown, otherFiles: all.filter((path) => !path.endsWith('.md')), settings: DEFAULT_SETTINGS }, textOf);

describe('corpus: every file meets its expectations', () => {
  test('every Markdown file of the corpus is judged in expected.json, and every judgement names a file', () => {
    const names = markdown.map((path) => relative(CORPUS, path));
    assert.deepEqual(names.filter((name) => !(name in judgements)), [], 'files with no judgement');
    assert.deepEqual(Object.keys(judgements).filter((name) => !names.includes(name)), [], 'judgements of files that are not there');
  });

  for (const [name, judgement] of Object.entries(judgements)) {
    test(`${name} (${judgement.kind})${judgement.why ? `: ${judgement.why}` : ''}`, () => {
      const path = join(CORPUS, name);
      assert.equal(buildReport(textOf(path)).kind ?? 'none', judgement.kind, 'read as the kind of document it is');
      const expected = judgement.findings.map(({ rule, line, severity, match }) => ({ rule, line, severity, fragment: match }));
      assert.deepEqual(compareFindings(name, expected, found.get(path) ?? []), []);
    });
  }
});
