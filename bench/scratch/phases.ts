import { buildReport } from '../../server/src/model/report';
import { BlockCache, parseIncremental, splitBlocks } from '../../server/src/model/incrementalParse';
import { ALL_RULES } from '../../server/src/rules';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { ReportIndex } from '../../server/src/workspace/reportIndex';
import { generateReport, loadSources, Random, seedOf } from '../corpus';
import { resolve } from 'node:path';
const ROOT = resolve(__dirname, '..', '..', '..');
const kb = Number(process.argv[2] ?? 1024);
const shape = (process.argv[3] ?? 'default') as 'default' | 'postmortem';
const sources = loadSources(ROOT);
const rng = new Random(seedOf(`${shape}-${kb}`, 0x8d2025));
let text = generateReport(rng, sources, shape, { number: 9999, title: 'Bench', date: '2025-06-02', status: 'In Progress', links: [] }, kb * 1024);
const lines = text.split('\n');
let mid = Math.floor(lines.length / 2);
while (!(/^[A-Za-z]/.test(lines[mid]) && lines[mid].length >= 40)) mid++;
let offset = lines.slice(0, mid).join('\n').length + 1 + Math.floor(lines[mid].length / 2);
const cache = new BlockCache();
buildReport(text, cache);
const acc = new Map<string, number>();
const add = (k: string, v: number) => acc.set(k, (acc.get(k) ?? 0) + v);
const N = 20;
const workspace = new ReportIndex();
for (let i = 0; i < N; i++) {
  text = text.slice(0, offset) + 'x' + text.slice(offset);
  offset++;
  let t = performance.now();
  splitBlocks(text);
  add('splitBlocks', performance.now() - t);
  t = performance.now();
  parseIncremental(text, cache);
  add('parseIncremental', performance.now() - t);
  t = performance.now();
  const report = buildReport(text, cache);
  add('buildReport', performance.now() - t);
  for (const rule of ALL_RULES) {
    if (!report.kind || !rule.kinds.includes(report.kind)) continue;
    t = performance.now();
    rule.check(report, { uri: 'file:///tmp/9999-bench.md', settings: DEFAULT_SETTINGS, workspace });
    add(`rule ${rule.id}`, performance.now() - t);
  }
}
for (const [k, v] of [...acc].sort((a, b) => b[1] - a[1])) console.log(`${(v / N).toFixed(2)} ms ${k}`);
