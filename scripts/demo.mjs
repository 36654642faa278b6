// `npm run demo`: the headless check over the bundled example reports, as a newcomer's first look.
import { spawnSync } from 'node:child_process';

console.log('$ incident-docs check examples\n');
const { status } = spawnSync(process.execPath, ['dist/cli.js', 'check', 'examples'], { stdio: 'inherit' });
console.log(`\nExit status ${status}: ${status === 1 ? 'errors were found (as intended: 0004 and 0006 have problems to show)' : status === 0 ? 'no errors' : 'the check could not run'}.`);
console.log('Open examples/ in VS Code with the extension installed to see the same findings with one-click fixes.');
process.exitCode = status === 2 ? 2 : 0;
