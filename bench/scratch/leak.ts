import { pathToFileURL } from 'node:url';
import { readdirSync, readFileSync } from 'node:fs';
import { WorkspaceIndexer } from '../../server/src/workspace/indexer';
import { DEFAULT_DISCOVERY } from '../../server/src/workspace/discovery';
import { fileExists, nodeFileSystem } from '../../server/src/workspace/fileSystem';
import { createLanguageService } from '../../server/src/languageService';
async function main() {
  const indexer = new WorkspaceIndexer(nodeFileSystem, DEFAULT_DISCOVERY, fileExists);
  await indexer.scan([pathToFileURL('/tmp/idx-ws-10000').href]);
  const service = createLanguageService({ workspace: indexer.index });
  const gc = (globalThis as { gc: () => void }).gc;
  const dir = '/tmp/idx-ws-10000/reports';
  const files = readdirSync(dir).filter((f) => readFileSync(`${dir}/${f}`, 'utf8').includes('\n## Links\n')).slice(0, 20);
  let version = 0;
  for (let round = 0; round < 5; round++) {
    for (const f of files) {
      const lines = readFileSync(`${dir}/${f}`, 'utf8').split('\n');
      const at = lines.indexOf('## Links') + 1;
      lines.splice(at + 1, 0, '- Related to: [');
      const uri = pathToFileURL(`${dir}/${f}`).href;
      const text = lines.join('\n');
      indexer.openDocument(uri, text);
      const doc = { uri, version: ++version, getText: () => text };
      JSON.stringify(service.computeDiagnostics(doc));
      JSON.stringify(service.getCompletions(doc, { line: at + 1, character: 15 }));
      await indexer.closeDocument(uri);
      service.forget(uri);
    }
    gc();
    console.log(round, JSON.stringify(Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, Math.round(v / 2 ** 20)]))));
  }
}
void main();
