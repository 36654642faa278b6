// For @vscode/test-cli (`npx vscode-test`, Node 22+): the same suite as test/e2e/electron.mjs.
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  files: 'test/e2e/suite/**/*.test.js',
  workspaceFolder: 'test/e2e/workspace',
  mocha: { ui: 'tdd', timeout: 30000 },
});
