// After `c8 node --test out/test/` (see .c8rc.json): fails unless the model and the rules, each as a whole, have
// at least 90 % of their lines covered. c8 checks totals or single files only, so the folders are summed here from
// its json-summary report.
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIN_LINES_PERCENT = 90;
const FOLDERS = ['server/src/model', 'server/src/rules'];

const root = join(fileURLToPath(import.meta.url), '..', '..');
const summary = JSON.parse(readFileSync(join(root, 'coverage', 'coverage-summary.json'), 'utf8'));

let failed = false;
for (const folder of FOLDERS) {
  const files = Object.entries(summary)
    .filter(([path]) => path !== 'total')
    .map(([path, totals]) => ({ path: relative(root, path).split(sep).join('/'), lines: totals.lines }))
    .filter(({ path }) => path.startsWith(`${folder}/`));
  const total = files.reduce((sum, file) => sum + file.lines.total, 0);
  const covered = files.reduce((sum, file) => sum + file.lines.covered, 0);
  // No file at all means the report did not come from this build: that is a failure, not 100 %.
  const percent = total === 0 ? 0 : (100 * covered) / total;
  const pass = percent >= MIN_LINES_PERCENT;
  failed ||= !pass;
  console.log(`${pass ? 'PASS' : 'FAIL'}  ${folder}/**: ${percent.toFixed(2)} % of lines (${covered} of ${total}, ${files.length} files; at least ${MIN_LINES_PERCENT} %)`);
  if (!pass) {
    const least = files.filter((file) => file.lines.pct < 100).sort((a, b) => a.lines.pct - b.lines.pct).slice(0, 5);
    for (const file of least) console.log(`        ${file.path}: ${file.lines.pct} % (${file.lines.total - file.lines.covered} lines not run)`);
  }
}
process.exit(failed ? 1 : 0);
