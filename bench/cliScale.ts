/**
 * The CLI at scale: `node dist/cli.js check` on the 10,000-report workspace, in a process of its own as a user
 * runs it, beside markdownlint linting the same files in one process (sync `lint`, default rules), then the same
 * check with `--cache`, run again with nothing changed.
 *
 * Peak RSS is the CLI process's own `ru_maxrss` (all its threads: one process), written at exit by a module
 * preloaded with `--require` (main thread only), the figure `/usr/bin/time` reports.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint as markdownlint } from 'markdownlint/sync';
import { now, summarize, type Summary } from './stats';

export interface CliRound {
  markdownlintMs: number;
  cliMs: number;
  cliRssBytes: number;
  cacheFirstMs: number;
  /** Medians of the re-runs of this round. */
  cacheRerunMs: number;
}

export interface CliScaleResult {
  rounds: CliRound[];
  markdownlintMs: Summary;
  cliMs: Summary;
  cliRssBytes: Summary;
  cacheFirstMs: Summary;
  cacheRerunMs: Summary;
  /** Medians over rounds of each round's ratio. */
  cliVsMarkdownlint: number;
  rerunShareOfFirst: number;
  findings: number;
}

const RERUNS = 3;

export function benchCliAtScale(root: string, reportsDir: string, fileNames: readonly string[], scratch: string, rounds: number, cliScript: string, log: (message: string) => void): CliScaleResult {
  const preload = join(scratch, 'rss-at-exit.js');
  writeFileSync(preload, `const { isMainThread } = require('node:worker_threads');
if (isMainThread) process.on('exit', () => require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024)));
`);
  const rssFile = join(scratch, 'cli-rss.txt');
  const cacheFile = join(scratch, 'cli.cache');
  const files = fileNames.map((name) => join(reportsDir, name));
  let expected: string | undefined;

  const runCli = (extra: string[]): { ms: number; rss: number; stdout: string } => {
    rmSync(rssFile, { force: true });
    const start = now();
    const result = spawnSync(process.execPath, ['--require', preload, cliScript, 'check', ...extra, '.'], {
      cwd: root,
      env: { ...process.env, BENCH_RSS_FILE: rssFile },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    const ms = now() - start;
    if (result.status !== 0 && result.status !== 1) throw new Error(`The CLI exited with ${result.status}: ${result.stderr}`);
    // Timing the wrong work would be worse than no row: every run prints the same findings.
    expected ??= result.stdout;
    if (result.stdout !== expected) throw new Error(`The CLI printed other findings with ${extra.join(' ') || 'no options'}`);
    return { ms, rss: Number(readFileSync(rssFile, 'utf8')), stdout: result.stdout };
  };

  const samples: CliRound[] = [];
  for (let round = 0; round < rounds; round++) {
    log(`  round ${round + 1} of ${rounds}: markdownlint over ${files.length} files…`);
    const start = now();
    const lintResult = markdownlint({ files });
    const markdownlintMs = now() - start;
    if (Object.keys(lintResult).length !== files.length) throw new Error('markdownlint did not lint every file');
    log('  the CLI…');
    const plain = runCli([]);
    log('  the CLI with --cache, first run…');
    rmSync(cacheFile, { force: true });
    const first = runCli(['--cache-location', cacheFile]);
    const reruns: number[] = [];
    for (let i = 0; i < RERUNS; i++) reruns.push(runCli(['--cache-location', cacheFile]).ms);
    samples.push({ markdownlintMs, cliMs: plain.ms, cliRssBytes: plain.rss, cacheFirstMs: first.ms, cacheRerunMs: summarize(reruns).median });
  }
  rmSync(cacheFile, { force: true });
  const median = (values: number[]) => summarize(values).median;
  return {
    rounds: samples,
    markdownlintMs: summarize(samples.map((s) => s.markdownlintMs)),
    cliMs: summarize(samples.map((s) => s.cliMs)),
    cliRssBytes: summarize(samples.map((s) => s.cliRssBytes)),
    cacheFirstMs: summarize(samples.map((s) => s.cacheFirstMs)),
    cacheRerunMs: summarize(samples.map((s) => s.cacheRerunMs)),
    cliVsMarkdownlint: median(samples.map((s) => s.cliMs / s.markdownlintMs)),
    rerunShareOfFirst: median(samples.map((s) => s.cacheRerunMs / s.cacheFirstMs)),
    findings: (expected ?? '').split('\n').filter(Boolean).length,
  };
}
