// Bundles the extension client, the language server, the CLI and the tests with esbuild.
// Templates (*.md) are bundled as text so that what "new report" writes is what the rules check.
import { build } from 'esbuild';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  loader: { '.md': 'text' },
  // Prefer packages' ES module builds: some UMD builds (jsonc-parser) load their parts with a require esbuild cannot follow.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
};

function testEntries(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...testEntries(path));
    else if (name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

rmSync('out', { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  build({ ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist' }),
  build({ ...common, entryPoints: { cli: 'server/src/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: { fuzz: 'test/fuzz.ts' }, outdir: 'out' }),
  build({
    ...common,
    entryPoints: ['test/unit', 'test/lsp', 'test/cli'].flatMap(testEntries),
    outdir: 'out/test',
    outbase: 'test',
  }),
]);
