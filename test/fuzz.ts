/**
 * The long fuzz run, for the record: `npm run fuzz -- --runs 100000 [--seed N]`.
 * Prints how many documents ran, how many failed (with the case to replay), and the slowest ones.
 */
import { exercise, floodedTimeline, fuzzCases, pathologicalDocuments, prng } from './support/fuzz';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} takes a whole number`);
    process.exit(2);
  }
  return value;
}

const runs = option('runs', 1000);
const seed = option('seed', Date.now() % 1_000_000);
const slowest: { name: string; ms: number }[] = [];
const failures: string[] = [];
let count = 0;
const started = Date.now();
for (const [name, text] of [...pathologicalDocuments(), ['a 100,000-entry timeline', floodedTimeline(100_000)] as [string, string], ...fuzzCases(runs, seed)]) {
  const t0 = performance.now();
  try {
    exercise(text, prng(text.length));
  } catch (error) {
    failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const ms = performance.now() - t0;
  slowest.push({ name, ms });
  slowest.sort((a, b) => b.ms - a.ms);
  slowest.length = Math.min(slowest.length, 5);
  if (++count % 1000 === 0) console.log(`${count} documents, ${failures.length} failed, ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
console.log(`\nSeed ${seed}: ${count} documents, ${failures.length} failed, in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
console.log('Slowest:');
for (const { name, ms } of slowest) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${name}`);
for (const failure of failures.slice(0, 20)) console.log(`FAILED ${failure}`);
console.log(`fuzz: ${count - failures.length} passed, ${failures.length} failed`);
process.exitCode = failures.length > 0 ? 1 : 0;
