import { createLanguageService } from '../../server/src/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { ReportIndex } from '../../server/src/workspace/reportIndex';
import { buildReport } from '../../server/src/model/report';
import { parseMarkdown } from '../../server/src/model/parse';
import { BlockCache, parseIncremental } from '../../server/src/model/incrementalParse';
import { ALL_RULES } from '../../server/src/rules';
import { generateReport, loadSources, Random, seedOf } from '../corpus';
import { resolve } from 'node:path';
const ROOT = resolve(__dirname, '..', '..', '..');
const sources = loadSources(ROOT);
const rng = new Random(seedOf(`default-10`, 0x8d2025));
const text = generateReport(rng, sources, 'default', { number: 9999, title: 'Bench', date: '2025-06-02', status: 'In Progress', links: [] }, 10 * 1024);
const acc = new Map<string, number>();
const add = (k: string, v: number) => acc.set(k, (acc.get(k) ?? 0) + v);
const N = 200;
const workspace = new ReportIndex();
for (let i = 0; i < N; i++) {
  let t = performance.now();
  parseMarkdown(text);
  add('parseMarkdown', performance.now() - t);
  t = performance.now();
  parseIncremental(text, new BlockCache());
  add('parseIncremental fresh', performance.now() - t);
  t = performance.now();
  const report = buildReport(text);
  add('buildReport (full parse)', performance.now() - t);
  for (const rule of ALL_RULES) {
    if (!report.kind || !rule.kinds.includes(report.kind)) continue;
    t = performance.now();
    rule.check(report, { uri: 'file:///tmp/9999-bench.md', settings: DEFAULT_SETTINGS, workspace });
    add(`rule ${rule.id}`, performance.now() - t);
  }
  t = performance.now();
  createLanguageService({ workspace }).computeDiagnostics({ uri: 'file:///tmp/9999-b.md', version: 1, getText: () => text }, DEFAULT_SETTINGS);
  add('computeDiagnostics fresh', performance.now() - t);
}
for (const [k, v] of [...acc].sort((a, b) => b[1] - a[1])) console.log(`${(v / N).toFixed(2)} ms ${k}`);
