#!/usr/bin/env node
// Grammar tests for the Markdown injection (syntaxes/incident-docs.injection.tmLanguage.json).
//
// 1. Every `test/grammar/*.test.md` is a vscode-tmgrammar-test syntax test: its first line is
//    `<!-- SYNTAX TEST "text.html.markdown" "…"`, and lines starting `<!-- ^^^ scope` or `<!-- <~~--- scope`
//    assert the scopes of the line above (`- scope` after the scopes: must not have it). Each assertion counts.
// 2. On the corpus, the templates and those samples, the injection only adds its own scopes: every character
//    keeps the Markdown scopes it has without the injection (bold, links, code, lists, headings, tables).
// 3. Long hostile lines tokenize quickly (no look-behind that re-reads the line).
//
// The grammars are those VS Code uses: the injection as package.json contributes it (scopeName, path,
// injectTo), and VS Code's Markdown and HTML grammars from the tm-grammars package. Usage: node test/grammar/run.mjs
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const HERE = join(ROOT, 'test', 'grammar');
const require = createRequire(import.meta.url);

let tool, tm, oniguruma, wasm, grammarFile;
try {
  tool = require('vscode-tmgrammar-test/dist/unit/index.js');
  // The tool's own vscode-textmate and vscode-oniguruma, so that assertions run on the engine it was built for.
  const toolRequire = createRequire(require.resolve('vscode-tmgrammar-test/package.json'));
  tm = toolRequire('vscode-textmate');
  oniguruma = toolRequire('vscode-oniguruma');
  wasm = readFileSync(join(dirname(toolRequire.resolve('vscode-oniguruma')), 'onig.wasm'));
  grammarFile = (name) => require.resolve(`tm-grammars/grammars/${name}.json`);
} catch (error) {
  console.error(`Grammar tests need the dev dependencies vscode-tmgrammar-test and tm-grammars (npm install): ${error.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const injections = manifest.contributes.grammars.filter((g) => g.injectTo?.includes('text.html.markdown'));
const BASE = {
  'text.html.markdown': grammarFile('markdown'),
  'text.html.derivative': grammarFile('html-derivative'),
  'text.html.basic': grammarFile('html'),
};

const onigLib = oniguruma
  .loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength))
  .then(() => ({
    createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
    createOnigString: (text) => new oniguruma.OnigString(text),
  }));

/** A registry with VS Code's Markdown grammar, with or without the injection. Embedded languages stay unloaded. */
function registry(withInjection) {
  const paths = { ...BASE };
  if (withInjection) for (const g of injections) paths[g.scopeName] = join(ROOT, g.path);
  return new tm.Registry({
    onigLib,
    loadGrammar: async (scopeName) => (paths[scopeName] ? tm.parseRawGrammar(readFileSync(paths[scopeName], 'utf8'), paths[scopeName]) : null),
    getInjections: (scopeName) => (withInjection ? injections.filter((g) => g.injectTo.includes(scopeName)).map((g) => g.scopeName) : []),
  });
}

let passed = 0;
let failed = 0;
const fail = (message) => {
  failed++;
  console.log(`not ok ${message}`);
};

const withInjection = registry(true);
const markdown = await withInjection.loadGrammar('text.html.markdown');
const plain = await registry(false).loadGrammar('text.html.markdown');
if (injections.length === 0) fail('package.json contributes no grammar injected into text.html.markdown');

// ─── 1. Annotated samples ──────────────────────────────────────────────────────────────────────────────────
const samples = readdirSync(HERE).filter((name) => name.endsWith('.test.md')).sort();
if (samples.length === 0) fail(`no *.test.md in ${relative(ROOT, HERE)}`);
const sources = [];
for (const name of samples) {
  const file = join(HERE, name);
  let testCase;
  try {
    testCase = tool.parseGrammarTestCase(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`${name}: ${error.message}`);
    continue;
  }
  sources.push({ name: relative(ROOT, file), text: testCase.source.join('\n') });
  const failures = await tool.runGrammarTestCase(withInjection, testCase);
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  let count = 0;
  let bad = 0;
  for (const lineAssertion of testCase.assertions) {
    for (const assertion of lineAssertion.scopeAssertions) {
      count++;
      const mine = failures.filter((f) => f.line === lineAssertion.testCaseLineNumber && f.start < assertion.to && f.end > assertion.from);
      if (mine.length === 0) {
        passed++;
        continue;
      }
      bad++;
      const source = lines[lineAssertion.testCaseLineNumber];
      fail(`${name}:${lineAssertion.testCaseLineNumber + 1} ${JSON.stringify(source.slice(assertion.from, assertion.to))}`);
      console.log(`    ${source}`);
      for (const f of mine) {
        console.log(`    ${' '.repeat(f.start)}${'^'.repeat(Math.max(1, f.end - f.start))}`);
        if (f.missing.length) console.log(`      missing:    ${f.missing.join(' ')}`);
        if (f.unexpected.length) console.log(`      unexpected: ${f.unexpected.join(' ')}`);
        console.log(`      actual:     ${f.actual.join(' ')}`);
      }
    }
  }
  if (bad === 0) console.log(`ok ${name}: ${count} assertions`);
}

// ─── 2. The injection leaves Markdown's own scopes alone ───────────────────────────────────────────────────
function markdownFiles(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

const OURS = (scope) => scope.endsWith('.incident-docs');

/** For each line, each character's scopes. */
function scopesByCharacter(grammar, text) {
  let stack = tm.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    const chars = [];
    for (const token of result.tokens) {
      for (let i = token.startIndex; i < Math.min(token.endIndex, line.length); i++) chars.push(token.scopes);
    }
    return chars;
  });
}

/**
 * Outside our tokens a character keeps exactly its Markdown scopes; inside one it keeps the Markdown around it
 * (list, paragraph, heading, table, bold …): only what Markdown's HTML grammar would make of `<START OF OUTAGE>`
 * may give way to the milestone.
 */
function keepsMarkdown(base, injected) {
  const ours = injected.findIndex(OURS);
  const theirs = injected.filter((scope) => !OURS(scope));
  if (ours < 0) return theirs.length === base.length && theirs.every((scope, i) => scope === base[i]);
  const outer = injected.slice(0, ours);
  const inner = theirs.slice(outer.length);
  const htmlOnly = base.slice(outer.length).filter((scope) => !inner.includes(scope)).every((scope) => scope.endsWith('.html') || scope.endsWith('.html.derivative'));
  return outer.every((scope, i) => scope === base[i]) && inner.every((scope, i) => scope === base[outer.length + i]) && htmlOnly;
}

const documents = [
  ...markdownFiles(join(ROOT, 'test', 'fixtures', 'corpus')),
  ...markdownFiles(join(ROOT, 'templates')),
].map((path) => ({ name: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
for (const { name, text } of [...documents, ...sources]) {
  const injected = scopesByCharacter(markdown, text);
  const base = scopesByCharacter(plain, text);
  let where;
  for (let line = 0; line < base.length && !where; line++) {
    const column = base[line].findIndex((scopes, j) => !keepsMarkdown(scopes, injected[line][j]));
    if (column >= 0) where = { line, column };
  }
  if (!where) {
    passed++;
    console.log(`ok ${name}: Markdown scopes kept`);
  } else {
    fail(`${name}:${where.line + 1}:${where.column + 1}: the injection changes Markdown's scopes`);
    console.log(`    without: ${base[where.line][where.column].join(' ')}\n    with:    ${injected[where.line][where.column].join(' ')}`);
  }
}

// ─── 3. Hostile lines ──────────────────────────────────────────────────────────────────────────────────────
// Each would take seconds with a look-behind of unbounded length; with bounded ones they take milliseconds.
const hostile = {
  'list entry of digits and colons': `- ${'1:2'.repeat(1500)}`,
  'list entry of spaces': `-${' '.repeat(5000)}x`,
  'table row of times': `| ${'| 12:00 '.repeat(500)}|`,
  'heading of D-labels': `## ${'D3 '.repeat(1500)}`,
  'status labels': `- **Status:** ${'**Status:** '.repeat(300)}`,
  'status words': `- **Status:** ${'draft '.repeat(800)}`,
  'date words': `**Date:** ${'1 '.repeat(2500)}`,
  'relations': `- ${'Supersedes: '.repeat(400)}[`,
  'milestone words': `- 14:07 ${'outage outage begins '.repeat(250)}`,
};
for (const [what, line] of Object.entries(hostile)) {
  const started = performance.now();
  markdown.tokenizeLine(line, tm.INITIAL);
  const ms = performance.now() - started;
  if (ms < 3000) {
    passed++;
    console.log(`ok hostile ${what} (${line.length} characters): ${ms.toFixed(0)} ms`);
  } else fail(`hostile ${what} (${line.length} characters) took ${ms.toFixed(0)} ms`);
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
