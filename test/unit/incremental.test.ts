// The incremental parse must equal a full parse: on every corpus document, after thousands of random edits,
// and on the pathological shapes the fuzzer makes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BlockCache, parseIncremental, splitBlocks } from '../../server/src/model/incrementalParse';
import { parseMarkdown } from '../../server/src/model/parse';
import { CORPUS } from '../support/fixtures';
import { fuzzCases, prng } from '../support/fuzz';
import { heapAfterCollecting } from '../support/heap';
import { createLanguageService } from '../../server/src/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/settings';

const corpus = ['8d-workspace/reports', 'postmortems', 'not-reports'].flatMap((folder) =>
  readdirSync(join(CORPUS, folder)).filter((name) => name.endsWith('.md')).map((name) => readFileSync(join(CORPUS, folder, name), 'utf8')));

function sameAsFull(text: string, cache: BlockCache, what: string): void {
  assert.deepEqual(parseIncremental(text, cache), parseMarkdown(text), what);
}

test('corpus documents are cut into blocks, and the stitched tree equals a full parse', () => {
  const cache = new BlockCache();
  for (const text of corpus) sameAsFull(text, cache, text.slice(0, 60));
  assert.ok(splitBlocks(corpus[0]).length > 5, 'reports are really cut into blocks');
});

test('unchanged blocks are not parsed again after an edit', () => {
  const cache = new BlockCache();
  const text = corpus[0];
  const blocks = splitBlocks(text);
  parseIncremental(text, cache);
  const edited = text.replace('Trigger:', 'Trigger (edited):');
  const changed = splitBlocks(edited).filter((block, i) => block.text !== blocks[i]?.text);
  assert.equal(changed.length, 1);
});

const EDITS = ['', '\n', '\n\n', '#', '## ', '## D3: Inserted\n', '```', '```\n', '~~~\n', '<!--', '-->', '<pre>\n', '</pre>', '---\n', '- ', '> ', '| a | b |\n|---|---|\n', '[x]: /url\n', '[^1]: note\n', '    ', '\t', '<div>\n', '* * *\n', '1. ', 'text', '\n\nA paragraph\n', '\n  indented\n', 'Lazy line\n', '  - nested\n\n', '\n\n- item\n', '\n\n2) item\n', '\n\n> quote\n', '\n\n| x |\n',
  '\n\n---\n', '\n\n  - x\n', '\n\n   1. y\n', '\n\n<!-- c\n', '-->\n', '\n\n    code\n', '\n\n***\n', '\n\n+ z\n', '\n\n```js\n',
  '\n\n<?php\n', '?>', '\n\n<!DOCTYPE x\n', '\n\n<![CDATA[\n', ']]>', '\n\n===\n', '\n\n# \n'];

test('thousands of random edits: incremental and full parse agree after each', () => {
  const random = prng(424242);
  let cases = 0;
  for (const original of corpus) {
    const cache = new BlockCache();
    let text = original;
    for (let i = 0; i < 170; i++) {
      const at = random(text.length + 1);
      const cut = random(4) === 0 ? random(40) : 0;
      text = text.slice(0, at) + EDITS[random(EDITS.length)] + text.slice(at + cut);
      sameAsFull(text, cache, `edit ${i} of ${original.slice(0, 40)}`);
      cases++;
    }
  }
  assert.ok(cases >= 2000);
});

test('fuzzed documents: incremental and full parse agree', () => {
  const cache = new BlockCache();
  for (const [name, text] of fuzzCases(20, 99)) sameAsFull(text, cache, name);
});

test('paranoid mode compares each parse with a full one and finds nothing to report on edited reports', () => {
  const errors: string[] = [];
  const service = createLanguageService({ logger: { error: (m) => errors.push(m), warn: () => {} } });
  const settings = { ...DEFAULT_SETTINGS, paranoid: true };
  let text = corpus[0];
  const random = prng(5);
  for (let version = 1; version <= 50; version++) {
    const at = random(text.length);
    text = `${text.slice(0, at)}${EDITS[random(EDITS.length)]}${text.slice(at)}`;
    service.computeDiagnostics({ uri: 'file:///r.md', version, getText: () => text }, settings);
  }
  assert.deepEqual(errors, []);
});

test('a block that stands twice in a document, and moves as text is typed above it', () => {
  const cache = new BlockCache();
  const repeated = '## Notes\n\nTo be written.\n\n- a\n- b\n\n';
  let text = `# 1: Twice\n\nIntro.\n\n${repeated}${repeated}Closing words.\n`;
  sameAsFull(text, cache, 'first parse');
  for (let i = 0; i < 30; i++) {
    text = text.slice(0, 10 + i) + (i % 7 === 0 ? '\n' : 'x') + text.slice(10 + i);
    sameAsFull(text, cache, `keystroke ${i}`);
  }
});

test('a block typed between copies of itself, then removed: each copy keeps nodes of its own', () => {
  const cache = new BlockCache();
  const repeated = 'Same words.\n\n';
  const before = `# 1: Copies\n\n${repeated}Middle.\n\n${repeated}`;
  // The new copy is found between the unchanged blocks before and after the edit, which are the last parse's.
  for (const text of [before, before.replace('Middle.\n\n', `Middle.\n\n${repeated}`), before, `${repeated}${before}${repeated}`, before]) {
    const tree = parseIncremental(text, cache);
    assert.deepEqual(tree, parseMarkdown(text));
    assert.equal(new Set(tree.children).size, tree.children.length, 'no node stands twice');
  }
});

test('typing in a large report keeps no earlier version of it in memory', () => {
  const service = createLanguageService();
  const timeline = Array.from({ length: 300 }, (_, i) => `- ${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} Step ${i} of the response.`).join('\n');
  const prose = Array.from({ length: 5000 }, (_, i) => `Paragraph ${i}: what happened, and what the team saw while it happened.`).join('\n\n');
  let text = `# Incident: Payments down\n\n## Summary\n\nPayments failed.\n\n## Impact\n\n${prose}\n\n## Root cause\n\nA certificate expired.\n\n## Timeline\n\nAll times UTC.\n\n${timeline}\n\n## Action items\n\n- Renew it.\n`;
  let version = 1;
  const check = () => service.computeDiagnostics({ uri: 'file:///ws/big.md', version: version++, getText: () => text }, DEFAULT_SETTINGS);
  check();
  const before = heapAfterCollecting();
  // In a paragraph, then in a timeline entry: each keystroke makes a new version of the whole text (about 370 KB).
  for (const [anchor, keystrokes] of [['Paragraph 2500:', 60], ['- 10:30 Step', 15]] as const) {
    let at = text.indexOf(anchor) + anchor.length;
    for (let keystroke = 0; keystroke < keystrokes; keystroke++) {
      text = `${text.slice(0, at)}x${text.slice(at)}`;
      at++;
      check();
    }
  }
  const grownMB = (heapAfterCollecting() - before) / 1e6;
  assert.ok(text.length > 350_000);
  // Each version kept would be 370 KB: 75 of them, 28 MB.
  assert.ok(grownMB < 10, `the heap grew by ${grownMB.toFixed(1)} MB over 75 keystrokes`);
});

test('lines at column 0 after a blank line are cut points; list items after a list and indented lines are not', () => {
  const text = '# 1: Cuts\n\nFirst paragraph.\n\n- item\nlazy line\n\n- loose item\n\n  continued\n\nAfter the list.\n\n1. New list\n\n| a |\n|---|\n';
  assert.deepEqual(splitBlocks(text).map((block) => block.text.split('\n')[0]), ['# 1: Cuts', 'First paragraph.', '- item', 'After the list.', '1. New list', '| a |']);
});


test('a long version, then a short one: blocks the short one does not use are dropped, the rest reused', () => {
  const cache = new BlockCache();
  const kept = '# 1: Kept\n\nFirst paragraph.\n\n## D1: Team\n\nSecond paragraph.\n\n';
  const junk = Array.from({ length: 6000 }, (_, i) => `Paragraph ${i} of text that goes away.\n\n`).join('');
  sameAsFull(kept + junk, cache, 'long version');
  sameAsFull(`${kept}A new paragraph.\n`, cache, 'short version');
});

test('a large document is parsed in chunks that equal one parse of it', () => {
  const paragraphs = Array.from({ length: 3000 }, (_, i) => (i % 50 === 0 ? `## Section ${i}\n\n` : `Paragraph ${i}: some *text* and a [link](./x.md).\n\n`)).join('');
  sameAsFull(`# 1: Large\n\n${paragraphs}`, new BlockCache(), 'large');
});
