// Regular expressions that read user text must run in linear time: adversarial input of two sizes, four times
// apart; a linear reader takes about four times as long, a quadratic one sixteen times. The ratio, measured in
// the same run, is what is asserted: never a wall-clock limit. (The house pattern of test/unit/redos.test.ts.)
import assert from 'node:assert/strict';

/** The fastest of five runs: other work on a shared machine only ever adds time, so the minimum is the least noisy. */
function fastest(run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** `prepare` runs untimed: what is timed is `reader` alone, on what `prepare` made of each input. */
export function assertLinear<T>(name: string, reader: (input: T) => unknown, piece: string, prepare: (input: string) => T, size = 20_000): void {
  const small = prepare(piece.repeat(Math.ceil(size / piece.length)));
  const large = prepare(piece.repeat(Math.ceil((size * 4) / piece.length)));
  reader(small); // warm up the JIT
  const ratio = fastest(() => reader(large)) / Math.max(fastest(() => reader(small)), 2); // below 2 ms, timer noise would decide
  assert.ok(ratio < 10, `${name}: 4× the input took ${ratio.toFixed(1)}× the time`);
}
