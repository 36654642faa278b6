import { createLanguageService } from '../../server/src/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { ReportIndex } from '../../server/src/workspace/reportIndex';
import { parseMarkdown } from '../../server/src/model/parse';
import { generateReport, loadSources, Random, seedOf } from '../corpus';
import { resolve } from 'node:path';
const ROOT = resolve(__dirname, '..', '..', '..');
const kb = Number(process.argv[2] ?? 10);
const shape = (process.argv[3] ?? 'default') as 'default' | 'postmortem';
const sources = loadSources(ROOT);
const rng = new Random(seedOf(`${shape}-${kb}`, 0x8d2025));
const text = generateReport(rng, sources, shape, { number: 9999, title: 'Bench', date: '2025-06-02', status: 'In Progress', links: [] }, kb * 1024);
const index = new ReportIndex();
const a: number[] = [], b: number[] = [];
for (let i = 0; i < 60; i++) {
  let t = performance.now();
  createLanguageService({ workspace: index }).computeDiagnostics({ uri: 'file:///tmp/9999-b.md', version: 1, getText: () => text }, DEFAULT_SETTINGS);
  const check = performance.now() - t;
  t = performance.now();
  parseMarkdown(text);
  const parse = performance.now() - t;
  if (i >= 10) { a.push(check); b.push(parse); }
}
const med = (x: number[]) => x.sort((p, q) => p - q)[x.length >> 1];
console.log(`${kb} KB ${shape}: check ${med(a).toFixed(2)} parse ${med(b).toFixed(2)} ratio ${(med(a) / med(b)).toFixed(2)}`);
