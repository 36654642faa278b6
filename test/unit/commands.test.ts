// The report commands on an in-memory copy of the corpus workspace: files compared byte for byte with 8d-tools' shapes.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand, SERVER_COMMANDS } from '../../server/src/commands';
import { slugOf } from '../../server/src/commands/newReport';
import { INDEX_README } from '../../server/src/commands/initialize';
import type { CommandContext } from '../../server/src/commands/context';
import { ReportIndex } from '../../server/src/workspace/reportIndex';
import { REPORTS } from '../support/fixtures';
import { applyWorkspaceEdit } from '../support/workspaceEdit';
import { createLanguageService } from '../../server/src/languageService';
import { applyEdits, documentOf } from '../support/fixtures';

const ROOT = 'file:///ws';
const DIR = `${ROOT}/reports`;
const TODAY = '2026-11-22';

function corpus(): Map<string, string> {
  const files = new Map<string, string>([[`${ROOT}/.8d-dir`, 'reports']]);
  for (const name of readdirSync(REPORTS)) files.set(`${DIR}/${name}`, readFileSync(join(REPORTS, name), 'utf8'));
  files.set(`${DIR}/.8d-sequence.lock`, '5');
  return files;
}

/** Runs a command against the files and applies its edit to them, as the server and editor do together. */
async function run(files: Map<string, string>, command: string, args: object, settings: Partial<CommandContext['settings']> = {}) {
  const index = new ReportIndex();
  for (const [uri, text] of files) index.update(uri, text);
  const context: CommandContext = {
    index,
    readText: (uri) => Promise.resolve(files.get(uri)),
    today: () => TODAY,
    settings: { supersedeSetsStatus: true, indexShowsStatus: false, templates: {}, ...settings },
  };
  const result = await runCommand(context, command, args);
  if (result.edit) applyWorkspaceEdit(files, result.edit);
  return result;
}

const name = (prefix: string) => readdirSync(REPORTS).find((n) => n.startsWith(prefix))!;

describe('Initialize Report Folder', () => {
  test('writes .8d-dir without a newline, the lock file, the README and .templates/', async () => {
    const files = new Map<string, string>();
    const result = await run(files, SERVER_COMMANDS.initialize, { folder: ROOT });
    assert.equal(result.ok, true);
    assert.deepEqual([...files.keys()].sort(), [`${ROOT}/.8d-dir`, `${ROOT}/docs/8d/.8d-sequence.lock`, `${ROOT}/docs/8d/.templates/.gitkeep`, `${ROOT}/docs/8d/README.md`]);
    assert.equal(files.get(`${ROOT}/.8d-dir`), 'docs/8d');
    assert.equal(files.get(`${ROOT}/docs/8d/.8d-sequence.lock`), '0');
    assert.equal(files.get(`${ROOT}/docs/8d/README.md`), INDEX_README);
    assert.match(INDEX_README, /\n## Reports\n/);
  });

  test('when .8d-dir exists, says where the folder is and changes nothing', async () => {
    const files = corpus();
    const before = new Map(files);
    const result = await run(files, SERVER_COMMANDS.initialize, { folder: ROOT, directory: 'docs/8d' });
    assert.equal(result.ok, false);
    assert.match(result.message, /already has a report folder: reports/);
    assert.deepEqual(files, before);
  });

  test('a folder outside the workspace is refused', async () => {
    for (const directory of ['../elsewhere', '/etc/8d', 'docs/../../x']) {
      const files = new Map<string, string>();
      const result = await run(files, SERVER_COMMANDS.initialize, { folder: ROOT, directory });
      assert.equal(result.ok, false, directory);
      assert.match(result.message, /inside the workspace folder/);
      assert.equal(files.size, 0);
    }
  });
});

describe('New 8D Report', () => {
  test('number from the lock file, 8d-tools file name, the 1.0.2 header, lock and README updated', async () => {
    const files = corpus();
    const result = await run(files, SERVER_COMMANDS.newReport, { folder: ROOT, title: 'Paint blisters on lid (batch 7)!', template: 'simple' });
    assert.equal(result.ok, true, result.message);
    const uri = `${DIR}/0006-paint-blisters-on-lid-batch-7.md`;
    const text = files.get(uri)!;
    assert.ok(text.startsWith(`# 6: Paint blisters on lid (batch 7)!\n\n- **Date:** ${TODAY}\n- **Status:** Draft\n\n## D0: Planning\n<!-- Gather data, feedback, and prerequisites required to solve the problem. -->\n`));
    assert.equal(files.get(`${DIR}/.8d-sequence.lock`), '6');
    assert.ok(files.get(`${DIR}/README.md`)!.includes('- [5: Enclosure gasket cracking on outdoor KG-400 units](./0005-enclosure-gasket-cracking-on-outdoor-kg-400-units.md)\n- [6: Paint blisters on lid (batch 7)!](./0006-paint-blisters-on-lid-batch-7.md)\n\n## How we use this folder'));
    assert.deepEqual(result.open, { uri, line: 7, character: 0 }, 'the cursor after the D0 prompt');
  });

  test('the simple template reproduces 8d-tools: every section as in a report it wrote (0001)', async () => {
    const files = corpus();
    await run(files, SERVER_COMMANDS.newReport, { folder: ROOT, title: 'X', template: 'simple' });
    const made = files.get(`${DIR}/0006-x.md`)!.split('\n').filter((l) => l.startsWith('## D') || l.startsWith('<!--'));
    const written = readFileSync(join(REPORTS, name('0001')), 'utf8').split('\n').filter((l) => l.startsWith('## D') || l.startsWith('<!--'));
    assert.deepEqual(made, written);
  });

  test('with a link, the header is byte for byte what 8d-tools 1.0.2 wrote for 0004', async () => {
    const files = corpus();
    files.delete(`${DIR}/${name('0004')}`);
    files.set(`${DIR}/.8d-sequence.lock`, '3');
    const two = `${DIR}/${name('0002')}`;
    await run(files, SERVER_COMMANDS.newReport, { folder: ROOT, title: 'Intermittent Modbus timeouts after gateway reboot', template: 'simple', link: { uri: two, relation: 'Related to' } });
    const made = files.get(`${DIR}/${name('0004')}`)!;
    const written = readFileSync(join(REPORTS, name('0004')), 'utf8');
    const header = (text: string) => text.slice(0, text.indexOf('<!--', text.indexOf('## D0')));
    assert.equal(header(made), header(written).replace('2025-08-27', TODAY).replace('In Progress', 'Draft'));
  });

  test('superseding: Supersedes in the new report, Superseded by first in the old one, its status set', async () => {
    const files = corpus();
    const three = `${DIR}/${name('0003')}`;
    await run(files, SERVER_COMMANDS.newReport, { folder: ROOT, title: 'Rollback watchdog', template: 'default', supersede: three });
    const made = files.get(`${DIR}/0006-rollback-watchdog.md`)!;
    assert.ok(made.includes(`\n## Links\n\n- Supersedes: [3: Firmware 2.4 - OTA rollback failure on KG-400](./${name('0003')})\n## D0: Plan and prepare\n`), made.slice(0, 400));
    const old = files.get(three)!;
    assert.ok(old.includes('**Status:** Superseded\n'));
    // 0003 is a pre-release report: its labels are zero-padded.
    assert.ok(old.includes('## Links\n\n- Superseded by: [0006: Rollback watchdog](./0006-rollback-watchdog.md)\n- Supersedes: [0001:'), old.slice(0, 500));
  });

  test('never overwrites: an existing file is an error and nothing is written', async () => {
    const files = corpus();
    files.set(`${DIR}/0006-duplicate.md`, 'mine');
    const before = new Map(files);
    const result = await run(files, SERVER_COMMANDS.newReport, { folder: ROOT, title: 'Duplicate', template: 'simple' });
    assert.equal(result.ok, false);
    assert.match(result.message, /0006-duplicate.md already exists: nothing was written/);
    assert.deepEqual(files, before);
  });

  test('bad input gets one clear message', async () => {
    const cases: [object, RegExp][] = [
      [{ folder: ROOT, title: '   ', template: 'simple' }, /title is empty/],
      [{ folder: ROOT, title: 'a/b', template: 'simple' }, /may not contain \//],
      [{ folder: ROOT, title: '!!!', template: 'simple' }, /no letters or digits/],
      [{ folder: ROOT, title: 'x', template: 'nope' }, /no template "nope"/],
      [{ folder: ROOT, title: 'x', template: '../../etc/passwd' }, /not a template name/],
      [{ folder: 'file:///empty', title: 'x', template: 'simple' }, /Initialize Report Folder/],
    ];
    for (const [args, message] of cases) {
      const result = await run(corpus(), SERVER_COMMANDS.newReport, args);
      assert.equal(result.ok, false, JSON.stringify(args));
      assert.match(result.message, message);
    }
  });

  test('a lock file that is not a number is reported, not trusted', async () => {
    const files = corpus();
    files.set(`${DIR}/.8d-sequence.lock`, '"5"');
    const result = await run(files, SERVER_COMMANDS.newReport, { folder: ROOT, title: 'x', template: 'simple' });
    assert.match(result.message, /should hold the last report number, but holds ""5""/);
  });

  test('without a lock file the number is the highest + 1, and none is written', async () => {
    const files = corpus();
    files.delete(`${DIR}/.8d-sequence.lock`);
    await run(files, SERVER_COMMANDS.newReport, { folder: ROOT, title: 'Next one', template: 'postmortem' });
    assert.ok(files.get(`${DIR}/0006-next-one.md`)!.startsWith('---\ntype: postmortem\n---\n\n# 6: Next one\n'));
    assert.equal(files.has(`${DIR}/.8d-sequence.lock`), false);
  });

  test('a custom template from .templates/ expands its placeholders as 8d-tools does', async () => {
    const files = corpus();
    files.set(`${DIR}/.templates/brief.md`, '# {{sequence}}: {{title}}\n\nDate: {{date}}\n{{links}}\n## What happened\n');
    await run(files, SERVER_COMMANDS.newReport, { folder: ROOT, title: 'Brief one', template: 'brief', link: { uri: `${DIR}/${name('0002')}`, relation: 'Related to' } });
    assert.equal(files.get(`${DIR}/0006-brief-one.md`), `---\ntemplate: brief\n---\n\n# 6: Brief one\n\nDate: ${TODAY}\n\n## Links\n\n- Related to: [2: Solder voids on KG-400 power board (Line 3)](./${name('0002')})\n\n## What happened\n`);
  });

  test('a report made from a custom template is checked against the template\'s sections', async () => {
    const files = corpus();
    files.set(`${DIR}/.templates/brief.md`, '# {{sequence}}: {{title}}\n\n## What happened\n<!-- In two sentences. -->\n\n## Why\n<!-- The cause. -->\n\n## Next steps\n<!-- Who does what by when. -->\n');
    await run(files, SERVER_COMMANDS.newReport, { folder: ROOT, title: 'Brief one', template: 'brief' });
    const uri = `${DIR}/0006-brief-one.md`;
    const index = new ReportIndex();
    for (const [u, t] of files) index.update(u, t);
    const service = createLanguageService({ workspace: index });
    const check = (text: string) => service.computeDiagnostics(documentOf(text, uri)).filter((d) => d.code === 'missing-section').map((d) => d.message);
    assert.deepEqual(check(files.get(uri)!), [], 'fresh from the template: complete');
    const withoutWhy = files.get(uri)!.replace('## Why\n<!-- The cause. -->\n\n', '');
    assert.deepEqual(check(withoutWhy), ['Missing section Why']);
    const fixed = applyEdits(withoutWhy, service.insertMissingSections(documentOf(withoutWhy, uri)));
    assert.equal(fixed, files.get(uri));
  });
});

describe('Supersede and Link Report', () => {
  test('Link: the line in this report, the inverse in the other', async () => {
    const files = corpus();
    const five = `${DIR}/${name('0005')}`;
    const two = `${DIR}/${name('0002')}`;
    const result = await run(files, SERVER_COMMANDS.linkReports, { from: five, to: two, relation: 'Extends' });
    assert.equal(result.ok, true, result.message);
    assert.ok(files.get(five)!.includes(`- **Status:** Completed\n\n## Links\n\n- Extends: [2: Solder voids on KG-400 power board (Line 3)](./${name('0002')})\n\n## d0`));
    assert.ok(files.get(two)!.includes(`## Links\n\n- Extended by: [5: Enclosure gasket cracking on outdoor KG-400 units](./${name('0005')})\n- Related to:`));
  });

  test('Supersede sets the old report\'s status unless the setting is off', async () => {
    for (const setStatus of [true, false]) {
      const files = corpus();
      const five = `${DIR}/${name('0005')}`;
      const two = `${DIR}/${name('0002')}`;
      await run(files, SERVER_COMMANDS.linkReports, { from: five, to: two, relation: 'Supersedes' }, { supersedeSetsStatus: setStatus });
      assert.equal(files.get(two)!.includes('- **Status:** Superseded'), setStatus);
    }
  });

  test('an unknown relation or a report linked to itself is refused', async () => {
    const five = `${DIR}/${name('0005')}`;
    assert.match((await run(corpus(), SERVER_COMMANDS.linkReports, { from: five, to: `${DIR}/${name('0001')}`, relation: 'Likes' })).message, /not a relation/);
    assert.match((await run(corpus(), SERVER_COMMANDS.linkReports, { from: five, to: five, relation: 'Amends' })).message, /itself/);
  });
});

describe('Regenerate Report Index and Show Report Graph', () => {
  test('the README list is rebuilt sorted, with statuses when asked', async () => {
    const files = corpus();
    const readme = `${DIR}/README.md`;
    const original = files.get(readme)!;
    files.set(readme, original.replace(/- \[1:[^\n]*\n/, '').replace('- [3:', '- [3: Old title](./x.md)\n- [99:'));
    await run(files, SERVER_COMMANDS.regenerateIndex, { folder: ROOT });
    assert.equal(files.get(readme), original, 'back to what 8d-tools keeps');
    await run(files, SERVER_COMMANDS.regenerateIndex, { folder: ROOT }, { indexShowsStatus: true });
    assert.ok(files.get(readme)!.includes('- [1: OTA update leaves KG-400 gateways in boot loop](./0001-ota-update-leaves-kg-400-gateways-in-boot-loop.md) — Superseded\n'));
  });

  test('the graph is Mermaid with one edge per relation pair', async () => {
    const result = await run(corpus(), SERVER_COMMANDS.graph, {});
    assert.ok(result.content?.includes('```mermaid\ngraph LR\n'));
    assert.deepEqual(result.content!.split('\n').filter((l) => l.includes('-->')), ['  r3 -- "supersedes" --> r1', '  r2 -- "related to" --> r4']);
  });
});

describe('slug rules (8d-tools)', () => {
  test('lower case, a-z 0-9 space and - only, spaces to -, collapsed and trimmed', () => {
    assert.equal(slugOf('Firmware 2.4 - OTA rollback failure on KG-400'), 'firmware-24-ota-rollback-failure-on-kg-400');
    assert.equal(slugOf('  Ünïcode & “quotes”  -- x  '), 'ncode-quotes-x');
  });
});
