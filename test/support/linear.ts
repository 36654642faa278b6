// The house pattern for ReDoS growth tests (as in test/unit/redos.test.ts): the same reader on adversarial input
// of two sizes four times apart; a linear reader takes about four times as long, a quadratic one sixteen times.
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
export function assertLinear<T>(name: string, reader: (input: T) => unknown, piece: string, prepare: (input: string) => T): void {
  const small = prepare(piece.repeat(Math.ceil(20_000 / piece.length)));
  const large = prepare(piece.repeat(Math.ceil(80_000 / piece.length)));
  reader(small); // warm up the JIT
  const ratio = fastest(() => reader(large)) / Math.max(fastest(() => reader(small)), 2); // below 2 ms, timer noise would decide
  assert.ok(ratio < 10, `${name}: 4× the input took ${ratio.toFixed(1)}× the time`);
}
