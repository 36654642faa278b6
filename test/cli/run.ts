/** Runs the built CLI (`dist/cli.js`) as a user would, and gives what it printed and its exit status. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../support/fixtures';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  lines: string[];
}

export function runCli(args: string[], cwd = ROOT, input?: string): CliRun {
  const result = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8', input });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, lines: result.stdout.split('\n').filter(Boolean) };
}
