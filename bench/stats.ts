/** Timing helpers: milliseconds from a monotonic clock, nearest-rank percentiles. */
import { performance } from 'node:perf_hooks';

export const now = (): number => performance.now();

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    median: percentile(samples, 50),
    p95: percentile(samples, 95),
    min: Math.min(...samples),
    max: Math.max(...samples),
  };
}

/** A task timed alone, or one whose `untimed` part (preparing what `timed` works on) runs just before it, unmeasured. */
export type Task = (() => unknown) | { untimed: () => void; timed: () => unknown };

/**
 * Runs each task `iterations` times (after `warmup` untimed rounds), interleaved round-robin so that drift
 * (GC pressure, CPU frequency, a neighbour's load) falls on all tasks alike. Returns the samples by task name.
 */
export function interleave(tasks: Record<string, Task>, iterations: number, warmup: number): Record<string, number[]> {
  const names = Object.keys(tasks);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, [] as number[]]));
  let sink = 0;
  for (let round = 0; round < warmup + iterations; round++) {
    for (const name of names) {
      const task = tasks[name];
      if (typeof task !== 'function') task.untimed();
      const start = now();
      const result = typeof task === 'function' ? task() : task.timed();
      const elapsed = now() - start;
      if (result) sink++;
      if (round >= warmup) samples[name].push(elapsed);
    }
  }
  if (sink < 0) console.log(sink); // keeps the results alive
  return samples;
}

export const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
