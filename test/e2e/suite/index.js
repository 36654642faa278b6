// @ts-check
'use strict';
// Entry point of the extension-host tests, in the shape @vscode/test-electron
// expects for `extensionTestsPath`: a module exporting `run()` that resolves when
// all tests passed and rejects otherwise. VS Code's extension host turns that into
// the exit code that test/e2e/run.mjs receives through `codeAutomationExit`.
//
// Test files are every `*.test.js` in this folder, in name order. They use Mocha's
// TDD interface (suite/test/suiteSetup/...), so a conventional @vscode/test-cli
// configuration can run them with real Mocha too:
//   { files: 'test/e2e/suite/*.test.js', workspaceFolder: 'test/e2e/workspace', mocha: { ui: 'tdd', timeout: 30000 } }

const fs = require('fs');
const path = require('path');
const { runFiles } = require('./runner');

async function run() {
  const files = fs.readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(__dirname, f));
  console.log(`[incident-docs e2e] running ${files.length} test file(s) in the extension host`);
  const result = await runFiles(files);
  if (result.passed + result.failed === 0) throw new Error('No tests were run.');
  if (result.failed > 0) throw new Error(`${result.failed} test(s) failed.`);
}

module.exports = { run };
