import { pathToFileURL } from 'node:url';
import { WorkspaceIndexer } from '../../server/src/workspace/indexer';
import { DEFAULT_DISCOVERY } from '../../server/src/workspace/discovery';
import { fileExists, nodeFileSystem } from '../../server/src/workspace/fileSystem';
async function main() {
  const gc = (globalThis as { gc: () => void }).gc;
  gc();
  const base = process.memoryUsage().heapUsed;
  const indexer = new WorkspaceIndexer(nodeFileSystem, DEFAULT_DISCOVERY, fileExists);
  await indexer.scan([pathToFileURL('/tmp/idx-ws-10000').href]);
  gc();
  const mb = (n: number) => (n / 2 ** 20).toFixed(1);
  console.log('index heap', mb(process.memoryUsage().heapUsed - base));
  const all = indexer.index.all();
  let headings = 0, links = 0, headingChars = 0, summary = 0;
  for (const r of all) { headings += r.headingTexts.length; links += r.links.length; summary += r.summary?.length ?? 0; }
  const distinct = new Set(all.flatMap((r) => r.headingTexts));
  console.log({ reports: all.length, headings, links, headingChars, summary, distinct: distinct.size, distinctChars: [...distinct].reduce((s, t) => s + t.length, 0) });
  const keep = [0];
  for (const field of ['headingTexts', 'headingPlaces', 'links', 'summary', 'linksSection']) {
    for (const r of all) (r as unknown as Record<string, unknown>)[field] = undefined;
    gc();
    console.log('without', field, mb(process.memoryUsage().heapUsed - base), keep.length);
  }
}
void main();
