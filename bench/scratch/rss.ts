import { pathToFileURL } from 'node:url';
import { WorkspaceIndexer } from '../../server/src/workspace/indexer';
import { DEFAULT_DISCOVERY } from '../../server/src/workspace/discovery';
import { fileExists, nodeFileSystem } from '../../server/src/workspace/fileSystem';
async function main() {
  const start = process.memoryUsage().rss;
  const indexer = new WorkspaceIndexer(nodeFileSystem, DEFAULT_DISCOVERY, fileExists);
  const t = performance.now();
  await indexer.scan([pathToFileURL('/tmp/idx-ws-10000').href]);
  const ms = performance.now() - t;
  (globalThis as { gc?: () => void }).gc?.();
  console.log(`index ${ms.toFixed(0)} ms start ${(start / 2 ** 20).toFixed(0)} MB maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB heapUsed ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`);
}
void main();
