// Texts remembered with their results must not keep alive the documents they were cut from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forgetRememberedTexts, rememberedByText } from '../../server/src/model/memo';
import { heapAfterCollecting } from '../support/heap';

test('a remembered text cut from a large document does not keep the document in memory', () => {
  const lengthOf = rememberedByText((text: string) => text.length);
  const kept: number[] = [];
  const before = heapAfterCollecting();
  // Forty versions of a 1 MB document, as typing in a timeline entry makes: each entry's text is new.
  for (let version = 0; version < 40; version++) {
    const document = `${'Prose that goes on. '.repeat(50_000)}\n- 09:${String(version).padStart(2, '0')} Entry typed in version ${version}\n`;
    const entry = document.slice(document.lastIndexOf('- 09:'), -1);
    kept.push(lengthOf(entry));
  }
  const grownMB = (heapAfterCollecting() - before) / 1e6;
  assert.equal(kept.length, 40);
  assert.ok(grownMB < 10, `the heap grew by ${grownMB.toFixed(1)} MB for 40 remembered lines`);
  assert.equal(lengthOf(`- 09:05 Entry typed in version 5`), 32, 'still remembered by its text');
});

test('a remembered result is computed once per text, and again after everything remembered is forgotten', () => {
  let computed = 0;
  const upperOf = rememberedByText((text: string) => {
    computed++;
    return text.toUpperCase();
  });
  assert.equal(upperOf('09:15 Paged'), '09:15 PAGED');
  assert.equal(upperOf('09:15 Paged'), '09:15 PAGED');
  assert.equal(computed, 1);
  forgetRememberedTexts();
  assert.equal(upperOf('09:15 Paged'), '09:15 PAGED');
  assert.equal(computed, 2);
});
