import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progressLine } from '../../server/src/cli/progress';

test('no progress line where stderr is no terminal', () => {
  assert.equal(progressLine({ isTTY: false, write: () => true }), undefined);
});

test('the progress line is written over itself, at most every 100 ms but always at the end, and cleared', () => {
  const written: string[] = [];
  let time = 0;
  const progress = progressLine({ isTTY: true, write: (text) => written.push(text) }, () => time)!;
  progress.update(1, 10);
  time = 50;
  progress.update(2, 10); // too soon
  time = 150;
  progress.update(3, 10);
  time = 160;
  progress.update(10, 10); // the last, shown however soon
  progress.clear();
  assert.deepEqual(written, [
    '\r\x1b[2KChecking 1 of 10 files (10 %)',
    '\r\x1b[2KChecking 3 of 10 files (30 %)',
    '\r\x1b[2KChecking 10 of 10 files (100 %)',
    '\r\x1b[2K',
  ]);
});
