import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InMemoryFileSystem } from '../../server/src/workspace/fileSystem';
import { walkFiles, type SkipEntry, type WalkedEntry } from '../../server/src/workspace/folderWalk';
import { discoverFiles, DEFAULT_DISCOVERY } from '../../server/src/workspace/discovery';

const ROOT = 'file:///ws';
const tree = new InMemoryFileSystem({
  [`${ROOT}/b.md`]: '',
  [`${ROOT}/a.md`]: '',
  [`${ROOT}/Z.txt`]: '',
  [`${ROOT}/.hidden/h.md`]: '',
  [`${ROOT}/node_modules/pkg/readme.md`]: '',
  [`${ROOT}/docs/8d/0001-x.md`]: '',
  [`${ROOT}/docs/image.png`]: '',
});

async function walked(skip: SkipEntry): Promise<WalkedEntry[][]> {
  const batches: WalkedEntry[][] = [];
  for await (const files of walkFiles(tree, ROOT, skip)) batches.push(files);
  return batches;
}

test('files come a folder at a time, in code-unit order, with paths relative to the root', async () => {
  const batches = await walked(() => false);
  assert.deepEqual(batches.map((files) => files.map((f) => f.path)), [
    ['Z.txt', 'a.md', 'b.md'],
    ['node_modules/pkg/readme.md'],
    ['docs/image.png'],
    ['docs/8d/0001-x.md'],
    ['.hidden/h.md'],
  ]);
  assert.equal(batches[3][0].uri, `${ROOT}/docs/8d/0001-x.md`);
});

test('a skipped folder is not looked into, and a skipped file is left out', async () => {
  const hiddenOrModules: SkipEntry = (entry) => entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === 'Z.txt';
  const paths = (await walked(hiddenOrModules)).flat().map((f) => f.path);
  assert.deepEqual(paths, ['a.md', 'b.md', 'docs/image.png', 'docs/8d/0001-x.md']);
});

test('a folder that cannot be read yields nothing', async () => {
  const batches: WalkedEntry[][] = [];
  for await (const files of walkFiles(tree, `${ROOT}/missing`, () => false)) batches.push(files);
  assert.deepEqual(batches, []);
});

test('discovery skips node_modules but not hidden folders (their Markdown is not read unless a template)', async () => {
  const found: string[] = [];
  for await (const files of discoverFiles(tree, ROOT, DEFAULT_DISCOVERY)) for (const file of files) found.push(`${file.uri.slice(ROOT.length + 1)}${file.read ? ' (read)' : ''}`);
  assert.deepEqual(found, ['Z.txt', 'a.md (read)', 'b.md (read)', 'docs/image.png', 'docs/8d/0001-x.md (read)', '.hidden/h.md']);
});

test('discovery honours nested .gitignore files, the deepest deciding, and reads .templates/ though it is a dot-folder', async () => {
  const nested = new InMemoryFileSystem({
    [`${ROOT}/.gitignore`]: 'drafts/\n*.tmp.md\n',
    [`${ROOT}/a.md`]: '',
    [`${ROOT}/x.tmp.md`]: '',
    [`${ROOT}/drafts/d.md`]: '',
    [`${ROOT}/docs/.gitignore`]: 'fixtures/\n!keep.tmp.md\n',
    [`${ROOT}/docs/keep.tmp.md`]: '',
    [`${ROOT}/docs/fixtures/f.md`]: '',
    [`${ROOT}/docs/8d/0001-x.md`]: '',
    [`${ROOT}/docs/8d/.templates/hardware.md`]: '',
    [`${ROOT}/other/fixtures/kept.md`]: '',
  });
  const found: string[] = [];
  for await (const files of discoverFiles(nested, ROOT, DEFAULT_DISCOVERY)) for (const file of files) found.push(`${file.uri.slice(ROOT.length + 1)}${file.read ? ' (read)' : ''}`);
  assert.deepEqual(found.sort(), [
    '.gitignore',
    'a.md (read)',
    'docs/.gitignore',
    'docs/8d/.templates/hardware.md (read)',
    'docs/8d/0001-x.md (read)',
    'docs/keep.tmp.md (read)',
    'other/fixtures/kept.md (read)',
  ]);
});

test('a folder below the root honours the .gitignore files above it, from the folder named as the top', async () => {
  const tree = new InMemoryFileSystem({
    [`${ROOT}/.gitignore`]: 'docs/drafts/\n',
    [`${ROOT}/docs/a.md`]: '',
    [`${ROOT}/docs/drafts/d.md`]: '',
  });
  const paths = async (scope: { ignoresFrom?: string }) => {
    const found: string[] = [];
    for await (const files of discoverFiles(tree, `${ROOT}/docs`, DEFAULT_DISCOVERY, scope)) for (const file of files) found.push(file.uri.slice(ROOT.length + 1));
    return found.sort();
  };
  assert.deepEqual(await paths({ ignoresFrom: ROOT }), ['docs/a.md']);
  assert.deepEqual(await paths({}), ['docs/a.md', 'docs/drafts/d.md'], 'the editor\'s workspace folder is its own top');
});
