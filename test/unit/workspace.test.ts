// The workspace index (fast scanner, discovery, incremental updates) and the link rules that use it.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodeActionKind, Diagnostic } from 'vscode-languageserver-types';
import { scanReport, scannedHeadings } from '../../server/src/workspace/scanner';
import { InMemoryFileSystem } from '../../server/src/workspace/fileSystem';
import { WorkspaceIndexer } from '../../server/src/workspace/indexer';
import { ReportIndex } from '../../server/src/workspace/reportIndex';
import { linkEditsForRename } from '../../server/src/workspace/rename';
import { buildReport } from '../../server/src/model/report';
import { linksOf } from '../../server/src/model/reportLinks';
import { relativeLink, slugify } from '../../server/src/model/links';
import { createLanguageService } from '../../server/src/languageService';
import { applyEdits, CORPUS, REPORTS, documentOf } from '../support/fixtures';

const ROOT = 'file:///ws';
const DIR = `${ROOT}/reports`;
const corpusFiles = (): Record<string, string> => {
  const files: Record<string, string> = { [`${ROOT}/.8d-dir`]: 'reports' };
  for (const name of readdirSync(REPORTS)) files[`${DIR}/${name}`] = readFileSync(join(REPORTS, name), 'utf8');
  return files;
};
const name = (prefix: string) => readdirSync(REPORTS).find((file) => file.startsWith(prefix))!;

async function indexed(files: Record<string, string>, settings = { reportGlobs: ['**/*.md'], exclude: [] as string[] }) {
  const fs = new InMemoryFileSystem(files);
  const indexer = new WorkspaceIndexer(fs, settings);
  await indexer.scan([ROOT]);
  return { fs, indexer, index: indexer.index };
}

function check(index: ReportIndex, uri: string, text: string) {
  const service = createLanguageService({ workspace: index });
  const document = documentOf(text, uri);
  return { service, document, diagnostics: service.computeDiagnostics(document) };
}

describe('the scanner reads what the full parser reads', () => {
  const all = [...readdirSync(REPORTS).map((n) => join(REPORTS, n)), ...readdirSync(join(CORPUS, 'postmortems')).map((n) => join(CORPUS, 'postmortems', n)), ...readdirSync(join(CORPUS, 'not-reports')).map((n) => join(CORPUS, 'not-reports', n))];
  for (const path of all) {
    test(path.slice(CORPUS.length + 1), () => {
      const text = readFileSync(path, 'utf8');
      const model = buildReport(text);
      const scanned = scanReport(text, path);
      assert.equal(scanned.kind, model.kind);
      if (model.title?.number) assert.equal(scanned.number, Number(model.title.number));
      assert.equal(scanned.title, model.title?.title);
      assert.equal(scanned.status, model.status?.value);
      assert.deepEqual(scanned.headingTexts, model.headings.map((h) => h.text));
      assert.deepEqual(scanned.links.map((l) => [l.relation, l.label, l.target, l.line]), linksOf(model).map((l) => [l.relation, l.label, l.target, l.range.start.line]));
    });
  }

  // The scanner skips most lines after a glance at their first character; these shapes need a closer look.
  const shapes: Record<string, string> = {
    'a fence inside an HTML comment opens nothing': '<!--\n```\n-->\n# 1: Pump failure\n\n## D1: Team\n\nA [link](./0002-x.md).\n',
    'CR and CRLF line ends': '# 1: Pump failure\r\n\r\n- **Status:** Open\r## D1: Team\r\rSee [2](./0002-x.md)\r\n',
    'a comment over several lines hides its links': '# 1: Pump failure\n\n## D1: Team\n\n<!-- see\n[hidden](./0003-x.md) -->\n[shown](./0002-x.md)\n',
    'indented code is not a heading; four spaces before # are too many': '# 1: Pump failure\n\n    # not a heading\n   ## D1: Team\n',
  };
  for (const [name, text] of Object.entries(shapes)) {
    test(name, () => {
      const model = buildReport(text);
      const scanned = scanReport(text);
      assert.equal(scanned.status, model.status?.value);
      assert.deepEqual(scannedHeadings(scanned).map((h) => [h.text, h.line]), model.headings.map((h) => [h.text, h.line]));
      assert.deepEqual(scanned.links.map((l) => [l.label, l.target, l.line]), linksOf(model).map((l) => [l.label, l.target, l.range.start.line]));
    });
  }
});

describe('the scanner tells the kind as the full parser does, from headings, titles and lines standing alone', () => {
  const shapes: Record<string, [string, string | undefined]> = {
    // The second pass over lines standing alone: two real core sections, two pasted ones.
    'real and pasted section names together': ['# Review of 3 March\n\n## Summary\n\nx\n\n## Impact\n\ny\n\nRoot cause\n\nz\n\nResolution\n\nw\n', 'postmortem'],
    'pasted section names inside a code fence do not count': ['# Notes\n\n## Summary\n\n```\n\nImpact\n\nRoot cause\n\nResolution\n\n```\n', undefined],
    // What level-1 headings say is read only when the others do not decide.
    'disciplines in level-1 headings': ['# D0: Plan\n\n# D1: Team\n\n# D2: Problem\n', '8d'],
    'a discipline in the title completes three': ['# D2 – Problem\n\n## D3: Containment\n\n## D4: Root cause\n', '8d'],
    'two disciplines are not enough': ['# 1: Pump\n\n## D1: Team\n\n## D2: Problem\n', undefined],
    'an incident title with two core sections': ['# Incident: cache stampede\n\n## Summary\n\nx\n\n## Timeline\n\n- 10:00 start\n', 'postmortem'],
    'four core sections without root cause or impact are not enough': ['# Notes\n\n## Summary\n\n## Timeline\n\n## Resolution\n\n## Action items\n', undefined],
  };
  for (const [name, [text, kind]] of Object.entries(shapes)) {
    test(name, () => {
      assert.equal(buildReport(text).kind, kind);
      assert.equal(scanReport(text).kind, kind);
    });
  }
});

test('relative links as 8d-tools writes them: same folder, below, above; names decoded', () => {
  assert.equal(relativeLink('file:///ws/reports/0001-a.md', 'file:///ws/reports/0002-b%20c.md'), './0002-b c.md');
  assert.equal(relativeLink('file:///ws/reports/0001-a.md', 'file:///ws/reports/old/0002-b.md'), './old/0002-b.md');
  assert.equal(relativeLink('file:///ws/archive/0001-a.md', 'file:///ws/reports/0002-b.md'), '../reports/0002-b.md');
  assert.equal(relativeLink('file:///ws/reports/0001-a.md', 'file:///ws/README.md'), '../README.md');
});

describe('GitHub heading slugs', () => {
  test('punctuation dropped, spaces to hyphens, repeats numbered', () => {
    const seen = new Map<string, number>();
    assert.equal(slugify('D4: Root cause & escape points', seen), 'd4-root-cause--escape-points');
    assert.equal(slugify("How'd We Do?", seen), 'howd-we-do');
    assert.equal(slugify('Timeline', seen), 'timeline');
    assert.equal(slugify('Timeline', seen), 'timeline-1');
  });

  test('letters beyond ASCII are kept, as GitHub keeps them', () => {
    assert.equal(slugify('Über die Größe (Teil 2)'), 'über-die-größe-teil-2');
    assert.equal(slugify('Ré-analyse: 5 Whys'), 'ré-analyse-5-whys');
  });
});

describe('workspace index', () => {
  test('the corpus workspace: five reports, README not a report, every file known', async () => {
    const { index } = await indexed(corpusFiles());
    assert.deepEqual(index.all().map((r) => [r.number, r.title]), [
      [1, 'OTA update leaves KG-400 gateways in boot loop'],
      [2, 'Solder voids on KG-400 power board (Line 3)'],
      [3, 'Firmware 2.4 - OTA rollback failure on KG-400'],
      [4, 'Intermittent Modbus timeouts after gateway reboot'],
      [5, 'Enclosure gasket cracking on outdoor KG-400 units'],
    ]);
    assert.equal(index.get(`${DIR}/README.md`), undefined);
    assert.ok(index.exists(`${DIR}/README.md`));
    assert.deepEqual(index.linksTo(`${DIR}/${name('0001')}`).map((b) => [b.from.number, b.link.relation]), [[3, 'Supersedes']]);
  });

  test('the README index lists every report with its number, title and file name', async () => {
    const { index } = await indexed(corpusFiles());
    const readme = scanReport(readFileSync(join(REPORTS, 'README.md'), 'utf8'));
    assert.deepEqual(readme.links.map((l) => [l.label, l.target]), index.all().map((r) => [`${r.number}: ${r.title}`, `./${r.uri.slice(DIR.length + 1)}`]));
  });

  test('the number comes from the file name when the title has none', () => {
    const index = new ReportIndex();
    index.update(`${DIR}/0042-x.md`, '# Cache stampede\n\n## D0\n\n## D1\n\n## D2\n');
    assert.equal(index.get(`${DIR}/0042-x.md`)?.number, 42);
  });

  test('node_modules, .gitignore, files.exclude and reportGlobs decide what is read', async () => {
    const report = '# 1: T\n\n## D0\n\n## D1\n\n## D2\n';
    const { index } = await indexed({
      [`${ROOT}/.gitignore`]: 'build/\n',
      [`${ROOT}/docs/0001-a.md`]: report,
      [`${ROOT}/build/0002-b.md`]: report,
      [`${ROOT}/node_modules/pkg/0003-c.md`]: report,
      [`${ROOT}/tmp/0004-d.md`]: report,
      [`${ROOT}/notes/0005-e.md`]: report,
    }, { reportGlobs: ['docs/**/*.md', 'tmp/**/*.md'], exclude: ['tmp/**'] });
    assert.deepEqual(index.all().map((r) => r.number), [1]);
    assert.ok(index.exists(`${ROOT}/notes/0005-e.md`), 'outside the globs: known to exist, not indexed');
  });

  test('files are read once; open documents are taken from the editor, not the disk', async () => {
    const { fs, indexer, index } = await indexed(corpusFiles());
    const reads = fs.reads;
    index.all();
    index.linksTo(`${DIR}/${name('0001')}`);
    assert.equal(fs.reads, reads, 'answering from the index reads nothing');
    indexer.openDocument(`${DIR}/${name('0002')}`, '# 2: Renamed in the editor\n\n## D0\n\n## D1\n\n## D2\n');
    assert.equal(fs.reads, reads);
    assert.equal(index.get(`${DIR}/${name('0002')}`)?.title, 'Renamed in the editor');
    await indexer.closeDocument(`${DIR}/${name('0002')}`);
    assert.equal(fs.reads, reads + 1);
    assert.equal(index.get(`${DIR}/${name('0002')}`)?.title, 'Solder voids on KG-400 power board (Line 3)');
  });

  test('a file that vanishes between listing and reading is skipped', async () => {
    const fs = new InMemoryFileSystem(corpusFiles());
    const original = fs.readFile.bind(fs);
    fs.readFile = async (uri: string) => (uri.includes('0002') ? Promise.reject(Object.assign(new Error('gone'), { code: 'ENOENT' })) : original(uri));
    const indexer = new WorkspaceIndexer(fs, { reportGlobs: ['**/*.md'], exclude: [] });
    await indexer.scan([ROOT]);
    assert.deepEqual(indexer.index.all().map((r) => r.number), [1, 3, 4, 5]);
  });

  test('paranoid mode: after random edits, renames and deletes the incremental index equals a rebuild', async () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 20; round++) {
      const { fs, indexer } = await indexed(corpusFiles());
      for (let step = 0; step < 25; step++) {
        const uris = [...fs.files.keys()].filter((u) => u.endsWith('.md'));
        const uri = uris[random(uris.length)];
        const op = random(5);
        if (op === 0 && uris.length > 1) {
          fs.files.delete(uri);
          indexer.fileDeleted(uri);
        } else if (op === 1) {
          const to = `${DIR}/${String(100 + random(50)).padStart(4, '0')}-moved.md`;
          fs.files.set(to, fs.files.get(uri)!);
          fs.files.delete(uri);
          await indexer.fileRenamed(uri, to);
        } else if (op === 2) {
          const text = fs.files.get(uri)!;
          const lines = text.split('\n');
          lines.splice(random(lines.length), 1);
          fs.files.set(uri, lines.join('\n'));
          await indexer.fileChanged(uri);
        } else if (op === 3) {
          const text = fs.files.get(uri)!;
          const at = random(text.length);
          fs.files.set(uri, `${text.slice(0, at)}\n- Supersedes: [1: x](./${name('0001')})\n${text.slice(at)}`);
          await indexer.fileChanged(uri);
        } else {
          const created = `${DIR}/${String(200 + random(50)).padStart(4, '0')}-new.md`;
          fs.files.set(created, `# ${random(9)}: New\n\n## D0\n\n## D1\n\n## D2\n\n## Links\n\n- Related to: [2: x](./${name('0002')})\n`);
          await indexer.fileChanged(created);
        }
      }
      const rebuilt = new WorkspaceIndexer(fs, { reportGlobs: ['**/*.md'], exclude: [] });
      await rebuilt.scan([ROOT]);
      assert.deepEqual(indexer.index.snapshot(), rebuilt.index.snapshot(), `round ${round}`);
    }
  });
});

describe('link rules on the corpus workspace', () => {
  test('the corpus has no link findings', async () => {
    const { index } = await indexed(corpusFiles());
    for (const file of readdirSync(REPORTS)) {
      const { diagnostics } = check(index, `${DIR}/${file}`, readFileSync(join(REPORTS, file), 'utf8'));
      assert.deepEqual(diagnostics.filter((d) => ['broken-link', 'missing-backlink', 'link-label', 'superseded-status'].includes(String(d.code))), [], file);
    }
  });

  test('missing-backlink: 0001 without its "Superseded by" line; the fix adds it back exactly', async () => {
    const files = corpusFiles();
    const one = `${DIR}/${name('0001')}`;
    const original = files[one];
    files[one] = original.replace(/## Links\n\n- Superseded by: [^\n]*\n\n/, '');
    assert.notEqual(files[one], original);
    const { index } = await indexed(files);
    const three = `${DIR}/${name('0003')}`;
    const { service, document, diagnostics } = check(index, three, files[three]);
    const finding = diagnostics.find((d) => d.code === 'missing-backlink')!;
    assert.equal(finding.message, `${name('0001')} has no "Superseded by" link back to this report`);
    assert.equal(finding.range.start.line, 7);
    const [action] = service.getCodeActions(document, { diagnostics: [finding], only: [CodeActionKind.QuickFix] });
    assert.equal(action.title, `Add "Superseded by" link to ${name('0001')}`);
    const fixed = applyEdits(files[one], action.edit!.changes![one]);
    // The pre-release report 3 has no padding in 1.0.2's target: the line is as 8d-tools 1.0.2 writes it, after Status.
    assert.equal(fixed, original);
  });

  test('missing-backlink: prepended to an existing Links list', async () => {
    const files = corpusFiles();
    const two = `${DIR}/${name('0002')}`;
    const four = `${DIR}/${name('0004')}`;
    files[four] = files[four].replace('- Related to: [2:', '- Related to: [5: Enclosure](./0005-enclosure-gasket-cracking-on-outdoor-kg-400-units.md)\n- Related to: [2:');
    files[two] = files[two].replace('- Related to: [4: Intermittent Modbus timeouts after gateway reboot](./0004-intermittent-modbus-timeouts-after-gateway-reboot.md)\n', '- Extends: [1: OTA update leaves KG-400 gateways in boot loop](./0001-ota-update-leaves-kg-400-gateways-in-boot-loop.md)\n');
    const { index } = await indexed(files);
    const { service, document, diagnostics } = check(index, four, files[four]);
    const finding = diagnostics.find((d) => d.code === 'missing-backlink' && Diagnostic.getMessageString(d).startsWith(name('0002')))!;
    const [action] = service.getCodeActions(document, { diagnostics: [finding], only: [CodeActionKind.QuickFix] });
    const fixed = applyEdits(files[two], action.edit!.changes![two]);
    assert.ok(fixed.includes('## Links\n\n- Related to: [4: Intermittent Modbus timeouts after gateway reboot](./0004-intermittent-modbus-timeouts-after-gateway-reboot.md)\n- Extends: [1:'), fixed.slice(0, 500));
  });

  test('broken-link: a missing file, with "Point link at" when one report has that number; a missing heading', async () => {
    const files = corpusFiles();
    const three = `${DIR}/${name('0003')}`;
    files[three] = files[three].replace('(./0001-ota-update-leaves-kg-400-gateways-in-boot-loop.md)', '(./0001-ota-update-old-name.md)') + '\nSee [D9](./0002-solder-voids-on-kg-400-power-board-line-3.md#d9-extra) and [top](#no-such-heading).\n';
    const { index } = await indexed(files);
    const { service, document, diagnostics } = check(index, three, files[three]);
    const broken = diagnostics.filter((d) => d.code === 'broken-link');
    assert.deepEqual(broken.map((d) => d.message), [
      'Broken link: ./0001-ota-update-old-name.md does not exist',
      `${name('0002')} has no heading #d9-extra`,
      'No heading #no-such-heading in this report',
    ]);
    const [action] = service.getCodeActions(document, { diagnostics: [broken[0]], only: [CodeActionKind.QuickFix] });
    assert.equal(action.title, `Point link at ${name('0001')}`);
    const fixed = applyEdits(files[three], action.edit!.changes![three]);
    assert.ok(fixed.includes(`[0001: OTA update leaves KG-400 gateways in boot loop](./${name('0001')})`));
  });

  test('link-label: a title that changed; the fix keeps the padded style', async () => {
    const files = corpusFiles();
    const one = `${DIR}/${name('0001')}`;
    files[one] = files[one].replace('# 1: OTA update leaves KG-400 gateways in boot loop', '# 1: OTA update bricks gateways');
    const { index } = await indexed(files);
    const three = `${DIR}/${name('0003')}`;
    const { service, document, diagnostics } = check(index, three, files[three]);
    const finding = diagnostics.find((d) => d.code === 'link-label')!;
    assert.equal(finding.message, 'The label "0001: OTA update leaves KG-400 gateways in boot loop" does not match the report\'s title "0001: OTA update bricks gateways"');
    const [action] = service.getCodeActions(document, { diagnostics: [finding], only: [CodeActionKind.QuickFix] });
    assert.ok(applyEdits(files[three], action.edit!.changes![three]).includes('- Supersedes: [0001: OTA update bricks gateways](./'));
  });

  test('superseded-status: superseded by another report while still Completed; the fix sets Superseded', async () => {
    const files = corpusFiles();
    const one = `${DIR}/${name('0001')}`;
    files[one] = files[one].replace('- **Status:** Superseded', '- **Status:** Completed');
    const { index } = await indexed(files);
    const { service, document, diagnostics } = check(index, one, files[one]);
    const finding = diagnostics.find((d) => d.code === 'superseded-status')!;
    assert.equal(finding.message, 'This report is superseded, but its status is "Completed"');
    const [action] = service.getCodeActions(document, { diagnostics: [finding], only: [CodeActionKind.QuickFix] });
    assert.ok(applyEdits(files[one], action.edit!.changes![one]).includes('- **Status:** Superseded\n'));
  });

  test('renaming a report rewrites the links to it, keeping fragments', async () => {
    const files = corpusFiles();
    const { index } = await indexed(files);
    const one = `${DIR}/${name('0001')}`;
    const edit = linkEditsForRename(index, [{ oldUri: one, newUri: `${DIR}/0001-boot-loop.md` }], (uri) => files[uri]);
    const three = `${DIR}/${name('0003')}`;
    assert.ok(applyEdits(files[three], edit.changes![three]).includes('- Supersedes: [0001: OTA update leaves KG-400 gateways in boot loop](./0001-boot-loop.md)'));
  });
});
