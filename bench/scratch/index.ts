import { mkdirSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkspaceIndexer } from '../../server/src/workspace/indexer';
import { DEFAULT_DISCOVERY } from '../../server/src/workspace/discovery';
import { fileExists, nodeFileSystem, InMemoryFileSystem } from '../../server/src/workspace/fileSystem';
import { scanReport } from '../../server/src/workspace/scanner';
import { loadSources, planWorkspace, Random, renderWorkspace, seedOf } from '../corpus';
import { readFileSync } from 'node:fs';
const ROOT = resolve(__dirname, '..', '..', '..');
async function main() {
  const count = Number(process.argv[2] ?? 10000);
  const root = `/tmp/idx-ws-${count}`;
  const reportsDir = join(root, 'reports');
  if (!existsSync(reportsDir)) {
    const sources = loadSources(ROOT);
    const rng = new Random(seedOf(`workspace-${count}`, 0x8d2025));
    mkdirSync(reportsDir, { recursive: true });
    writeFileSync(join(root, '.8d-dir'), 'reports');
    for (const file of renderWorkspace(rng, sources, planWorkspace(rng, sources, count))) writeFileSync(join(reportsDir, file.fileName), file.text);
  }
  const texts = readdirSync(reportsDir).map((f) => readFileSync(join(reportsDir, f), 'utf8'));
  const names = readdirSync(reportsDir);
  const mem = new InMemoryFileSystem();
  mem.files.set(pathToFileURL(join(root, '.8d-dir')).href, 'reports');
  names.forEach((f, i) => mem.files.set(pathToFileURL(join(reportsDir, f)).href, texts[i]));
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    const ix = new WorkspaceIndexer(mem, DEFAULT_DISCOVERY, fileExists);
    await ix.scan([pathToFileURL(root).href]);
    console.log(`in memory ${(performance.now() - t0).toFixed(0)} ms`);
  }
  for (let r = 0; r < 3; r++) {
    let t = performance.now();
    for (const text of texts) scanReport(text, 'x/0001-a.md');
    const scan = performance.now() - t;
    t = performance.now();
    const indexer = new WorkspaceIndexer(nodeFileSystem, DEFAULT_DISCOVERY, fileExists);
    await indexer.scan([pathToFileURL(root).href]);
    console.log(`scan only ${scan.toFixed(0)} ms; index ${(performance.now() - t).toFixed(0)} ms; rss ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  }
}
void main();
