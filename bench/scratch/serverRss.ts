import { pathToFileURL } from 'node:url';
import { readdirSync, readFileSync } from 'node:fs';
import { LspClient } from '../../test/support/lspClient';
async function main() {
  const server = await LspClient.start({ diagnosticsDelay: 0 }, pathToFileURL('/tmp/idx-ws-10000').href, ['editRange']);
  const t = performance.now();
  await server.until(() => server.indexing.some((n) => n.state === 'end'), 'scan', 120000);
  const mb = () => ((server.peakRss() ?? 0) / 2 ** 20).toFixed(0);
  console.log(`scan ${(performance.now() - t).toFixed(0)} ms, peak ${mb()} MB`);
  const dir = '/tmp/idx-ws-10000/reports';
  const files = readdirSync(dir).filter((f) => readFileSync(`${dir}/${f}`, 'utf8').includes('\n## Links\n')).slice(0, 20); files.push(...files, ...files, ...files);
  for (const f of files) {
    const lines = readFileSync(`${dir}/${f}`, 'utf8').split('\n');
    const at = lines.indexOf('## Links') + 1;
    lines.splice(at + 1, 0, '- Related to: [');
    const uri = pathToFileURL(`${dir}/${f}`).href;
    await server.open(uri, lines.join('\n'));
    const opened = mb();
    const list = await server.completion(uri, at + 1, 15, '[');
    console.log(`open ${opened} MB, completion ${mb()} MB, items ${Array.isArray(list) ? list.length : list?.items.length}`);
    await server.close(uri);
  }
  await server.stop();
}
void main();
