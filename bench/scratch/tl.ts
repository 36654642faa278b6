import { buildReport } from '../../server/src/model/report';
import { BlockCache } from '../../server/src/model/incrementalParse';
import { timelineOf } from '../../server/src/model/timeline/timeline';
import { generateReport, loadSources, Random, seedOf } from '../corpus';
import { resolve } from 'node:path';
const ROOT = resolve(__dirname, '..', '..', '..');
const sources = loadSources(ROOT);
const rng = new Random(seedOf(`postmortem-1024`, 0x8d2025));
let text = generateReport(rng, sources, 'postmortem', { number: 9999, title: 'Bench', date: '2025-06-02', status: 'In Progress', links: [] }, 1024 * 1024);
const cache = new BlockCache();
let t = 0;
for (let i = 0; i < 40; i++) {
  text = text.slice(0, 500000) + 'x' + text.slice(500000);
  const report = buildReport(text, cache);
  const s = performance.now();
  const tl = timelineOf(report);
  t += performance.now() - s;
  if (i === 0) console.log('entries', tl?.entries.length);
}
console.log('timeline ms', (t / 40).toFixed(2));
