// Renaming reports and folders: the links to and from them are rewritten, keeping how each link is written
// (title, angle brackets, fragment, `./` or not), and both link readers find the renamed file afterwards.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { InMemoryFileSystem } from '../../server/src/workspace/fileSystem';
import { WorkspaceIndexer } from '../../server/src/workspace/indexer';
import { linkEditsForRename, type FileRename } from '../../server/src/workspace/rename';
import { scanReport } from '../../server/src/workspace/scanner';
import { buildReport } from '../../server/src/model/report';
import { linksOf } from '../../server/src/model/reportLinks';
import { canonicalUri, resolveLink } from '../../server/src/model/links';
import { createLanguageService } from '../../server/src/languageService';
import { applyEdits, documentOf } from '../support/fixtures';
import { assertLinear } from '../support/linear';

const ROOT = 'file:///ws';
const DIR = `${ROOT}/reports`;

/** A small 8D report whose `## Links` section holds `links`, one a line. */
function report(number: number, title: string, ...links: string[]): string {
  return [`# ${number}: ${title}`, '', '- **Status:** Open', '', '## D1: Team', '', 'Ana.', '', '## D2: Problem', '', 'Pumps fail.', '',
    '## D4: Root cause', '', 'Seals.', '', '## Links', '', ...links, ''].join('\n');
}

async function indexOf(files: Record<string, string>) {
  const indexer = new WorkspaceIndexer(new InMemoryFileSystem(files), { reportGlobs: ['**/*.md'], exclude: [] });
  await indexer.scan([ROOT]);
  return indexer.index;
}

/** The workspace after the renames: the link edits applied (to the files where they were), then the files moved. */
async function renamed(files: Record<string, string>, renames: FileRename[]) {
  const index = await indexOf(files);
  const edit = linkEditsForRename(index, renames, (uri) => files[uri]);
  const after: Record<string, string> = {};
  for (const [uri, text] of Object.entries(files)) {
    const edited = edit.changes?.[uri] ? applyEdits(text, edit.changes[uri]) : text;
    const move = renames.find(({ oldUri }) => uri === oldUri || uri.startsWith(`${oldUri}/`));
    after[move ? move.newUri + uri.slice(move.oldUri.length) : uri] = edited;
  }
  return { edit, after, index: await indexOf(after) };
}

const linkLines = (text: string) => text.split('\n').filter((line) => line.startsWith('- Related to:'));

describe('renaming a report rewrites the links to it', () => {
  test('titles in double quotes, single quotes and parentheses survive, as do fragments and the `./` style', async () => {
    const one = `${DIR}/0001-pumps.md`;
    const files = {
      [one]: report(1, 'Pumps',
        '- Related to: [2](0002-old.md "Old title")',
        "- Related to: [2](./0002-old.md 'Old title')",
        '- Related to: [2](0002-old.md (Old title))',
        '- Related to: [2](./0002-old.md#d4-root-cause "Why")'),
      [`${DIR}/0002-old.md`]: report(2, 'Seals'),
    };
    const { after } = await renamed(files, [{ oldUri: `${DIR}/0002-old.md`, newUri: `${DIR}/0003-new.md` }]);
    assert.deepEqual(linkLines(after[one]), [
      '- Related to: [2](0003-new.md "Old title")',
      "- Related to: [2](./0003-new.md 'Old title')",
      '- Related to: [2](0003-new.md (Old title))',
      '- Related to: [2](./0003-new.md#d4-root-cause "Why")',
    ]);
  });

  test('angle brackets survive, with spaces inside them and a title after them', async () => {
    const one = `${DIR}/0001-pumps.md`;
    const files = {
      [one]: report(1, 'Pumps', '- Related to: [2](<0002 old name.md>)', '- Related to: [2](<./0002 old name.md> "Old title")'),
      [`${DIR}/0002%20old%20name.md`]: report(2, 'Seals'),
    };
    const { after } = await renamed(files, [{ oldUri: `${DIR}/0002%20old%20name.md`, newUri: `${DIR}/new%20name.md` }]);
    assert.deepEqual(linkLines(after[one]), ['- Related to: [2](<new name.md>)', '- Related to: [2](<./new name.md> "Old title")']);
  });

  test('a new name with spaces is written in angle brackets, which both link readers resolve to the renamed file', async () => {
    const one = `${DIR}/0001-pumps.md`;
    const files = {
      [one]: report(1, 'Pumps', '- Related to: [2: Seals](0002-old.md)', '- Related to: [2: Seals](./0002-old.md#d4-root-cause "Why")'),
      [`${DIR}/0002-old.md`]: report(2, 'Seals'),
    };
    const newUri = `${DIR}/my%20report.md`;
    const { after, index } = await renamed(files, [{ oldUri: `${DIR}/0002-old.md`, newUri }]);
    assert.deepEqual(linkLines(after[one]), ['- Related to: [2: Seals](<my report.md>)', '- Related to: [2: Seals](<./my report.md#d4-root-cause> "Why")']);
    // The index (the scanner's reading) sees both links arrive at the new file …
    assert.deepEqual(index.linksTo(newUri).map(({ from, link }) => [from.uri, link.target]), [[one, 'my report.md'], [one, './my report.md#d4-root-cause']]);
    // … and the open document (the full parser's reading) resolves them there too: no broken link, no missing heading.
    assert.deepEqual(linksOf(buildReport(after[one])).map((link) => canonicalUri(resolveLink(one, link.target)!)), [newUri, newUri]);
    const diagnostics = createLanguageService({ workspace: index }).computeDiagnostics(documentOf(after[one], one));
    assert.deepEqual(diagnostics.filter((d) => d.code === 'broken-link'), []);
  });

  test('a link written with percent escapes keeps them', async () => {
    const one = `${DIR}/0001-pumps.md`;
    const files = { [one]: report(1, 'Pumps', '- Related to: [2](./0002%20old.md)'), [`${DIR}/0002%20old.md`]: report(2, 'Seals') };
    const { after } = await renamed(files, [{ oldUri: `${DIR}/0002%20old.md`, newUri: `${DIR}/0002%20new%20(draft).md` }]);
    assert.deepEqual(linkLines(after[one]), ['- Related to: [2](./0002%20new%20%28draft%29.md)']);
  });

  test('a report moved to another folder: links to it, its links out and its link to itself follow', async () => {
    const one = `${DIR}/0001-pumps.md`;
    const files = {
      [one]: report(1, 'Pumps', '- Related to: [2](./0002-seals.md)'),
      [`${DIR}/0002-seals.md`]: report(2, 'Seals', '- Related to: [1](./0001-pumps.md)', '- Related to: [see D4](./0002-seals.md#d4-root-cause)', '- Related to: [D1](#d1-team)'),
    };
    const moved = `${ROOT}/archive/0002-seals.md`;
    const { after, index } = await renamed(files, [{ oldUri: `${DIR}/0002-seals.md`, newUri: moved }]);
    assert.deepEqual(linkLines(after[one]), ['- Related to: [2](../archive/0002-seals.md)']);
    assert.deepEqual(linkLines(after[moved]), ['- Related to: [1](../reports/0001-pumps.md)', '- Related to: [see D4](./0002-seals.md#d4-root-cause)', '- Related to: [D1](#d1-team)']);
    assert.equal(index.linksTo(one).length, 1);
  });

  test('a link the file no longer holds where the index saw it (edited since) is left alone', async () => {
    const one = `${DIR}/0001-pumps.md`;
    const files = { [one]: report(1, 'Pumps', '- Related to: [2](./0002-old.md)'), [`${DIR}/0002-old.md`]: report(2, 'Seals') };
    const index = await indexOf(files);
    const edit = linkEditsForRename(index, [{ oldUri: `${DIR}/0002-old.md`, newUri: `${DIR}/0003-new.md` }], () => files[one].replace('./0002-old.md', './0009-other.md'));
    assert.deepEqual(edit.changes, {});
  });
});

describe('renaming or moving a folder', () => {
  const outside = `${DIR}/0001-pumps.md`;
  const files = {
    [outside]: report(1, 'Pumps', '- Related to: [2](./archive/0002-seals.md "Seals")', '- Related to: [3](archive/0003-valves.md#d4-root-cause)', '- Related to: [readme](../README.md)'),
    [`${DIR}/archive/0002-seals.md`]: report(2, 'Seals', '- Related to: [1](../0001-pumps.md)', '- Related to: [3](./0003-valves.md)', '- Related to: [3](0003-valves.md#d1-team)'),
    [`${DIR}/archive/0003-valves.md`]: report(3, 'Valves', '- Related to: [2](<./0002-seals.md>)', '- Related to: [readme](../../README.md)'),
    [`${ROOT}/README.md`]: '# Reports\n',
  };

  test('renamed in place: links from outside point into the new name; links inside and out of it still lead right', async () => {
    const { after, edit } = await renamed(files, [{ oldUri: `${DIR}/archive`, newUri: `${DIR}/2024%20archive` }]);
    assert.deepEqual(linkLines(after[outside]), [
      '- Related to: [2](<./2024 archive/0002-seals.md> "Seals")',
      '- Related to: [3](<2024 archive/0003-valves.md#d4-root-cause>)',
      '- Related to: [readme](../README.md)',
    ]);
    assert.deepEqual(Object.keys(edit.changes ?? {}), [outside]);
  });

  test('moved elsewhere: links from outside follow it, links out of it to reports outside are rewritten, links between its reports stay', async () => {
    const { after, index } = await renamed(files, [{ oldUri: `${DIR}/archive`, newUri: `${ROOT}/old/2024` }]);
    assert.deepEqual(linkLines(after[outside]), [
      '- Related to: [2](../old/2024/0002-seals.md "Seals")',
      '- Related to: [3](../old/2024/0003-valves.md#d4-root-cause)',
      '- Related to: [readme](../README.md)',
    ]);
    assert.deepEqual(linkLines(after[`${ROOT}/old/2024/0002-seals.md`]), ['- Related to: [1](../../reports/0001-pumps.md)', '- Related to: [3](./0003-valves.md)', '- Related to: [3](0003-valves.md#d1-team)']);
    assert.deepEqual(linkLines(after[`${ROOT}/old/2024/0003-valves.md`]), ['- Related to: [2](<./0002-seals.md>)', '- Related to: [readme](../../README.md)']);
    // Every link of the moved workspace resolves to a file that exists.
    const service = createLanguageService({ workspace: index });
    for (const [uri, text] of Object.entries(after).filter(([uri]) => !uri.endsWith('README.md'))) {
      assert.deepEqual(service.computeDiagnostics(documentOf(text, uri)).filter((d) => d.code === 'broken-link').map((d) => d.message), [], uri);
    }
  });
});

describe('both link readers read the link shapes renames keep or write', () => {
  const text = report(1, 'Pumps', '- Related to: [a](<my report.md>)', "- Related to: [b](./0002-x.md 'T')", '- Related to: [c](0002-x.md (T))', '- Related to: [d](<./a (1).md> "T")');
  test('the scanner and the full parser agree on destinations and lines', () => {
    const expected = [['my report.md', 18], ['./0002-x.md', 19], ['0002-x.md', 20], ['./a (1).md', 21]];
    assert.deepEqual(scanReport(text, '0001-pumps.md').links.map((link) => [link.target, link.line]), expected);
    assert.deepEqual(linksOf(buildReport(text)).map((link) => [link.target, link.range.start.line]), expected);
  });

  test('the scanner reads a long run of spaces inside `](…` in linear time', () => {
    assertLinear('scanReport on spaces after ](', (line: string) => scanReport(`# 1: Pumps\n\n${line}\n`), ' ', (spaces) => `[a](${spaces}`);
    assertLinear('scanReport on spaces after a destination', (line: string) => scanReport(`# 1: Pumps\n\n${line}\n`), ' ', (spaces) => `[a](b${spaces}x`);
  });
});
