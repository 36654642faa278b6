// Real documents written by others (test/fixtures/real-corpus, licensed for copying), each held to a careful
// reviewer's judgement as a user would meet it: the headless check is run over them, and every expected finding must
// come, no other finding may (unless the judgement allows it), reports must be checked and the rest stay quiet.
// The judgements are data (expected.json, rules in its README), read here, never retyped.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, FIXTURES } from '../support/fixtures';
import { buildReport } from '../../server/src/model/report';

interface Expected { rule: string; line?: number; slack?: number; match?: string; why?: string }
interface Judgement { kind: 'postmortem' | '8d' | 'template' | 'none' | 'borderline'; findings?: Expected[]; allowed?: Expected[] }
interface Seen { line: number; severity: string; rule: string; message: string }

const CORPUS = join(FIXTURES, 'real-corpus');
const judgements = (JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8')) as { files: Record<string, Judgement> }).files;

/** The check's findings, file by file: one run over the whole folder, as CI would run it. */
function findingsByFile(): Map<string, Seen[]> {
  const result = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', '.'], { cwd: CORPUS, encoding: 'utf8' });
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  const byFile = new Map<string, Seen[]>();
  for (const line of result.stdout.split('\n')) {
    const match = /^(.*):(\d+):(\d+) (error|warning|info|hint) (\S+) (.*)$/.exec(line);
    if (!match) continue;
    const seen = byFile.get(match[1]) ?? [];
    seen.push({ line: Number(match[2]), severity: match[4], rule: match[5], message: match[6] });
    byFile.set(match[1], seen);
  }
  return byFile;
}

function matches(expected: Expected, seen: Seen): boolean {
  if (expected.rule !== seen.rule) return false;
  if (expected.line !== undefined && Math.abs(expected.line - seen.line) > (expected.slack ?? 1)) return false;
  return expected.match === undefined || seen.message.toLowerCase().includes(expected.match.toLowerCase());
}

const describeFinding = (f: Seen) => `${f.line} ${f.severity} ${f.rule} ${f.message}`;

describe('real documents meet their reviewer\'s judgement', () => {
  const found = findingsByFile();
  for (const [path, judgement] of Object.entries(judgements)) {
    test(`${path} (${judgement.kind})`, () => {
      const seen = found.get(path) ?? [];
      const kind = buildReport(readFileSync(join(CORPUS, path), 'utf8')).kind;
      if (judgement.kind === 'postmortem' || judgement.kind === '8d') assert.ok(kind !== undefined, 'a report is checked as one');
      if (judgement.kind === 'none') assert.deepEqual(seen.map(describeFinding), [], 'a document that is not a report gets no finding');
      if (judgement.kind === 'template') {
        assert.deepEqual(seen.filter((f) => f.severity === 'error' || f.severity === 'warning').map(describeFinding), [], 'a blank template gets no error or warning');
      }
      for (const expected of judgement.findings ?? []) {
        assert.ok(seen.some((f) => matches(expected, f)), `expected ${expected.rule}${expected.line ? ` on line ${expected.line}` : ''}${expected.match ? ` (${expected.match})` : ''}: ${expected.why ?? ''}\ngot:\n${seen.map(describeFinding).join('\n')}`);
      }
      const judged = [...(judgement.findings ?? []), ...(judgement.allowed ?? [])];
      const wrong = seen.filter((f) => f.severity !== 'hint' && !judged.some((expected) => matches(expected, f)));
      // A blank template's one note that it is a template is what the judgement asks for, not a finding on it.
      const unexpected = judgement.kind === 'template' ? wrong.filter((f) => f.rule !== 'blank-template') : wrong;
      assert.deepEqual(unexpected.map(describeFinding), [], 'no finding the reviewer would call wrong');
    });
  }
});
