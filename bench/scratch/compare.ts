import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { scanReport } from '../../server/src/workspace/scanner';
import { scanReport as oldScan } from './oldScanner';
function* walk(d: string): Generator<string> { for (const f of readdirSync(d)) { const p = join(d, f); if (statSync(p).isDirectory()) yield* walk(p); else if (p.endsWith('.md')) yield p; } }
let n = 0, diff = 0;
const extra = ['a\r\nb\r\n# T\r\n## Links\r\n- Supersedes: [1: x](./0001-x.md)\r', '<!--\n```\n-->\n# 1: x\n## D1\n', '```\n<!--\n```\n# T\n'];
const texts: [string, string][] = extra.map((t, i) => [`extra${i}`, t]);
for (const dir of process.argv.slice(2)) for (const f of walk(dir)) texts.push([f, readFileSync(f, 'utf8')]);
for (const [f, t] of texts) {
  n++;
  const a = oldScan(t, f), b = scanReport(t, f);
  if (!isDeepStrictEqual(a, b)) { diff++; if (diff < 5) console.log('DIFF', f, JSON.stringify(a).slice(0, 400), '\n', JSON.stringify(b).slice(0, 400)); }
}
console.log(n, 'files', diff, 'differ');
