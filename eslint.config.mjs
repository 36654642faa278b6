// `npm run lint`: the recommended rules of ESLint and of typescript-eslint (with type information) over the project's
// own code. The type-aware run takes about 20 s on 2 cores.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Generated bundles, installed packages, and documents the tests read (fixtures are input, not code).
    ignores: ['out/', 'dist/', 'bench/out/', 'coverage/', '**/node_modules/', 'test/fixtures/', 'test/e2e/workspace/', 'test/e2e/artifacts/', '.vscode-test/'],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      globals: globals.node,
      // Each file is typed by its nearest tsconfig.json (bench/ has its own).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // node:test's test() and describe() return promises that the runner itself awaits.
      '@typescript-eslint/no-floating-promises': ['error', {
        allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] }],
      }],
    },
  },
  {
    // Build, benchmark and test drivers: ES modules run by node.
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: globals.node },
  },
  {
    // The end-to-end suite runs in VS Code's extension host: CommonJS, with Mocha's TDD and BDD globals
    // (test/e2e/suite/runner.js installs them).
    files: ['test/e2e/suite/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node, ...globals.mocha } },
  },
);
