// Bounded fuzzing, part of npm test: mutated corpus documents and pathological ones go through every provider.
// (`npm run fuzz -- --runs 100000` runs the same cases longer and reports the slowest documents.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exercise, fuzzCases, pathologicalDocuments, prng } from '../support/fuzz';

test('no exception escapes on 300 mutated corpus documents', () => {
  const failures: string[] = [];
  for (const [name, text] of fuzzCases(300, 20261122)) {
    try {
      exercise(text, prng(text.length));
    } catch (error) {
      failures.push(`${name}: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }
  assert.deepEqual(failures, []);
});

for (const [name, text] of pathologicalDocuments()) {
  test(`no exception escapes on ${name}`, () => {
    exercise(text, prng(7));
  });
}
