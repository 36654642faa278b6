// Bundles the extension client, the language server, the CLI and the tests with esbuild.
import { build } from 'esbuild';
import { readdirSync, readFileSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { commonOptions } from './esbuildOptions.mjs';

function testEntries(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...testEntries(path));
    else if (name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

// The CLI's --version and SARIF's tool.driver come from package.json, written into the bundles at build time.
const { name, version, homepage } = JSON.parse(readFileSync('package.json', 'utf8'));
const define = { INCIDENT_DOCS_PACKAGE: JSON.stringify({ name, version, ...(homepage ? { homepage } : {}) }) };

rmSync('out', { recursive: true, force: true });
await Promise.all([
  build({ ...commonOptions, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  build({ ...commonOptions, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist' }),
  build({ ...commonOptions, entryPoints: { cli: 'server/src/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' }, define }),
  build({ ...commonOptions, entryPoints: { fuzz: 'test/fuzz.ts' }, outdir: 'out' }),
  build({
    ...commonOptions,
    entryPoints: ['test/unit', 'test/lsp', 'test/cli'].flatMap(testEntries),
    outdir: 'out/test',
    outbase: 'test',
    define,
  }),
]);
