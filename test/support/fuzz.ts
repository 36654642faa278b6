/**
 * Mutates corpus documents the way pasted and half-edited reports look, and runs every provider on each:
 * no exception may escape. Seeded, so a failing case can be replayed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createLanguageService } from '../../server/src/languageService';
import { ReportIndex } from '../../server/src/workspace/reportIndex';
import { CORPUS } from './fixtures';

export function prng(seed: number): (n: number) => number {
  let state = seed >>> 0 || 1;
  return (n: number) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };
}

function corpusTexts(): string[] {
  const texts: string[] = [];
  for (const folder of ['8d-workspace/reports', 'postmortems', 'not-reports']) {
    for (const name of readdirSync(join(CORPUS, folder))) texts.push(readFileSync(join(CORPUS, folder, name), 'utf8'));
  }
  return texts;
}

const NASTY = ['\u0000', '\u0007', '\u001b[31m', '\ud800', '\udfff', '\ufeff', '\r', '\u2028', '```', '~~~', '<!--', '-->', '---', '|', '[', '](', '#', '**', '\\', '<div>', '&#x0;'];

type Mutation = (text: string, random: (n: number) => number) => string;

const MUTATIONS: [string, Mutation][] = [
  ['delete a line', (t, r) => { const l = t.split('\n'); l.splice(r(l.length), 1); return l.join('\n'); }],
  ['duplicate a line', (t, r) => { const l = t.split('\n'); const i = r(l.length); l.splice(i, 0, l[i]); return l.join('\n'); }],
  ['swap two lines', (t, r) => { const l = t.split('\n'); const a = r(l.length); const b = r(l.length); [l[a], l[b]] = [l[b], l[a]]; return l.join('\n'); }],
  ['cut at a random offset', (t, r) => t.slice(0, r(t.length + 1))],
  ['insert random bytes', (t, r) => { const at = r(t.length + 1); let junk = ''; for (let i = 0; i < 1 + r(20); i++) junk += String.fromCharCode(r(0x10000)); return t.slice(0, at) + junk + t.slice(at); }],
  ['insert Markdown punctuation', (t, r) => { const at = r(t.length + 1); return t.slice(0, at) + NASTY[r(NASTY.length)] + t.slice(at); }],
  ['unbalanced code fence', (t, r) => { const l = t.split('\n'); l.splice(r(l.length), 0, '```'); return l.join('\n'); }],
  ['huge line', (t, r) => { const l = t.split('\n'); l.splice(r(l.length), 0, `- 14:07 ${'x'.repeat(50_000 + r(50_000))}`); return l.join('\n'); }],
  ['deep nesting', (t, r) => `${'> '.repeat(200 + r(300))}## D3: deep\n${'  '.repeat(300)}- nested\n${t}`],
  ['CRLF line ends', (t) => t.replace(/\n/g, '\r\n')],
  ['CR line ends', (t) => t.replace(/\n/g, '\r')],
  ['byte order mark', (t) => `\ufeff${t}`],
  ['lone surrogates', (t, r) => { const at = r(t.length + 1); return `${t.slice(0, at)}\ud83d${t.slice(at)}\udca9`; }],
  ['timeline flood', (t, r) => `${t}\n## Timeline\n\n${Array.from({ length: 200 + r(800) }, (_, i) => `- ${String(i % 24).padStart(2, '0')}:${String(r(60)).padStart(2, '0')} UTC entry ${i}`).join('\n')}\n`],
];

/** Documents no mutation produces by chance: thousands of headings, a huge table, a 1 MB line. */
export function pathologicalDocuments(): [string, string][] {
  return [
    // One line each, so that the document stays under maxDocumentLines and is parsed.
    ['10,000 headings', `# 1: Many\n\n${Array.from({ length: 10_000 }, (_, i) => `## D${i % 9}: heading ${i}\n`).join('')}`],
    ['a table with 10,000 rows', `# Incident: table\n\n## Summary\n\nx\n\n## Impact\n\nx\n\n## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n${Array.from({ length: 10_000 }, (_, i) => `| 2025-01-01 ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} | row ${i} |`).join('\n')}\n`],
    ['one 1 MB line', `# 1: Long\n\n## D0\n\n## D1\n\n## D2\n\n${'word '.repeat(200_000)}\n`],
    ['only control characters', Array.from({ length: 5000 }, (_, i) => String.fromCharCode(i % 32)).join('')],
  ];
}

/** A timeline of `entries` entries, one a minute (the long run adds one of 100,000). */
export function floodedTimeline(entries: number): string {
  const lines = Array.from({ length: entries }, (_, i) => `- ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} e`);
  return `# Incident: flood\n\n## Summary\n\nx\n\n## Root cause\n\nx\n\n## Timeline\n\nAll times UTC.\n\n${lines.join('\n')}\n`;
}

export interface FuzzOutcome {
  name: string;
  milliseconds: number;
  error?: unknown;
}

/** Every provider on one document, at a few positions. Throws whatever escapes. */
export function exercise(text: string, random: (n: number) => number): void {
  const uri = 'file:///ws/reports/0009-fuzz.md';
  const index = new ReportIndex();
  index.update(uri, text);
  const service = createLanguageService({ workspace: index, logger: { error: (m) => { throw new Error(m); }, warn: () => {} } });
  const document = { uri, version: 1, getText: () => text };
  const diagnostics = service.computeDiagnostics(document);
  service.getCodeActions(document, { diagnostics, only: undefined });
  service.insertMissingSections(document);
  service.getDocumentSymbols(document);
  service.getDocumentLinks(document);
  service.getWorkspaceSymbols('1');
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < 5; i++) {
    const line = random(lines.length);
    const position = { line, character: random((lines[line]?.length ?? 0) + 1) };
    service.getHover(document, position);
    for (const item of service.getCompletions(document, position).items.slice(0, 3)) service.resolveCompletionItem(item);
    service.getDefinition(document, position);
    service.getReferences(document, position, true);
  }
}

export function* fuzzCases(runs: number, seed: number): Generator<[string, string]> {
  const random = prng(seed);
  const texts = corpusTexts();
  for (let i = 0; i < runs; i++) {
    let text = texts[random(texts.length)];
    const applied: string[] = [];
    for (let m = 0; m < 1 + random(3); m++) {
      const [name, mutate] = MUTATIONS[random(MUTATIONS.length)];
      text = mutate(text, random);
      applied.push(name);
    }
    yield [`#${i} (seed ${seed}): ${applied.join(', ')}`, text];
  }
}
