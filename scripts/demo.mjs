// `npm run demo`: the headless check over the bundled examples, as a newcomer's first look: the 8D reports first,
// then the post-mortems (one clean, one with timeline problems to show).
import { spawnSync } from 'node:child_process';

const runs = [
  { folder: 'examples/reports', intended: '0004 and 0006 have problems to show' },
  { folder: 'examples/postmortems', intended: 'the 2024-07-18 post-mortem has timeline problems to show; the 2024-03-05 one is clean' },
];

let worst = 0;
for (const [i, { folder, intended }] of runs.entries()) {
  console.log(`${i > 0 ? '\n' : ''}$ incident-docs check ${folder}\n`);
  const { status } = spawnSync(process.execPath, ['dist/cli.js', 'check', folder], { stdio: 'inherit' });
  console.log(`\nExit status ${status}: ${status === 1 ? `errors were found (as intended: ${intended})` : status === 0 ? 'no errors' : 'the check could not run'}.`);
  if (status === 2 || status === null) worst = 2;
}
console.log('\nSee what was understood of a document (its kind and why, each heading\'s role, each timeline entry in UTC):');
console.log('  node dist/cli.js explain examples/postmortems/2024-07-18-fleet-api-errors-after-database-failover.md');
console.log('Open examples/ in VS Code with the extension installed to see the same findings with one-click fixes.');
process.exitCode = worst;
