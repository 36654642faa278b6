// The same extension-host suite under the conventional runner, for machines that can download VS Code:
//   npm run build && node test/e2e/electron.mjs
// (@vscode/test-electron downloads a VS Code build into .vscode-test/ on first use.)
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const workspace = join(mkdtempSync(join(tmpdir(), 'incident-docs-electron-')), 'workspace');
cpSync(join(here, 'workspace'), workspace, { recursive: true });
try {
  await runTests({
    extensionDevelopmentPath: resolve(here, '..', '..'),
    extensionTestsPath: join(here, 'suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (error) {
  console.error(`Extension tests failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
