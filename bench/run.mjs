// `npm run bench` (after `npm run build`): bundles bench/bench.ts as scripts/build.mjs bundles the server,
// then runs it in a process of its own. Missed targets are printed, never an exit status; a crash is.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commonOptions } from '../scripts/esbuildOptions.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

await build({
  absWorkingDir: root,
  entryPoints: ['bench/bench.ts'],
  outfile: 'bench/out/bench.js',
  ...commonOptions,
  nodePaths: process.env.NODE_PATH ? process.env.NODE_PATH.split(delimiter) : [],
});

const result = spawnSync(process.execPath, ['--enable-source-maps', join(root, 'bench', 'out', 'bench.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
