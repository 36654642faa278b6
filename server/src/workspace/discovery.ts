/** Which files of a workspace folder are reports to index, and which merely exist. */
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { FileSystem } from './fileSystem';
import { folderUriPrefix, walkFiles, type EnterFolder, type WalkedEntry } from './folderWalk';
import { isMarkdownFile } from '../model/markdownFile';

export interface DiscoverySettings {
  /** Globs (relative to the folder) of Markdown files that may be reports; only recognised reports are indexed. */
  reportGlobs: string[];
  /** `files.exclude`-style globs that are never read. */
  exclude: string[];
}

export const DEFAULT_DISCOVERY: DiscoverySettings = { reportGlobs: ['**/*.md'], exclude: [] };

export interface DiscoveredFile {
  uri: string;
  /** Read and scan it (a Markdown file the globs or `.8d-dir` name); otherwise only remember that it exists. */
  read: boolean;
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** The report folder that `.8d-dir` at the folder root names (8d-tools' convention), if any and if inside the folder. */
export async function reportFolderOf(fs: FileSystem, root: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await fs.readFile(join(root, '.8d-dir'));
  } catch {
    return undefined;
  }
  const dir = text.trim().replace(/^\.\//, '').replace(/\/+$/, '');
  if (!dir || dir.startsWith('/') || dir.split('/').includes('..')) return undefined;
  return join(root, dir);
}

export interface DiscoveryScope {
  /**
   * A folder above `root` (a URI) whose `.gitignore` files, and those between it and `root`, apply too: the CLI
   * checking `docs/` of a repository honours the repository's `.gitignore` as `check .` would. Default: `root`.
   */
  ignoresFrom?: string;
}

/** The files of a workspace folder, a folder at a time (a step of an async generator per file costs more than its check). */
export async function* discoverFiles(fs: FileSystem, root: string, settings: DiscoverySettings, scope: DiscoveryScope = {}): AsyncGenerator<DiscoveredFile[]> {
  const reportFolder = await reportFolderOf(fs, root);
  const isReportPath = picomatch(settings.reportGlobs.length > 0 ? settings.reportGlobs : DEFAULT_DISCOVERY.reportGlobs, { dot: false });
  const reportFolderPrefix = reportFolder === undefined ? undefined : `${reportFolder}/`;
  for await (const files of unignoredFiles(fs, root, settings.exclude, scope)) {
    yield files.map(({ uri, name, path }) => {
      const inReportFolder = reportFolderPrefix !== undefined && uri.startsWith(reportFolderPrefix);
      return { uri, read: isMarkdownFile(name) && (isTemplatePath(path) || inReportFolder || isReportPath(path)) };
    });
  }
}

/** Custom templates (`<folder>/.templates/<name>.md`) are read too, though a dot-folder: the index keeps them apart from the reports. */
export function isTemplatePath(path: string): boolean {
  return path.startsWith('.templates/') || path.includes('/.templates/');
}

/**
 * Every file under `root` that is not ignored: `node_modules` and `.git`, the `exclude` globs, and the rules of every
 * `.gitignore` on the way (nested ones too, each for the paths below its folder, the deepest deciding, as git does).
 */
export async function* unignoredFiles(fs: FileSystem, root: string, exclude: readonly string[], scope: DiscoveryScope = {}): AsyncGenerator<WalkedEntry[]> {
  const isExcluded = exclude.length > 0 ? picomatch([...exclude], { dot: true }) : () => false;
  const above = await gitignoresAbove(fs, root, scope.ignoresFrom);
  /** The `.gitignore` rules of folders under the root, by their path from the root ('' for the root's own). */
  const below = new Map<string, Ignore>();
  const enter: EnterFolder = async ({ uri, path, names }) => {
    if (!names.includes('.gitignore')) return; // most folders have none: no read that would fail
    const rules = await readGitignore(fs, join(uri, '.gitignore'));
    if (rules) below.set(path, rules);
  };
  const ignored = (entry: WalkedEntry): boolean => {
    const tested = entry.isDirectory ? `${entry.path}/` : entry.path;
    // The deepest .gitignore with a rule for the path decides (a nested `!keep.md` re-includes what a parent ignores).
    if (below.size > 0) {
      for (let folder = parentPath(entry.path); folder !== undefined; folder = parentPath(folder)) {
        const verdict = below.get(folder)?.test(folder === '' ? tested : tested.slice(folder.length + 1));
        if (verdict?.ignored) return true;
        if (verdict?.unignored) return false;
      }
    }
    for (const { rules, pathToRoot } of above) {
      const verdict = rules.test(`${pathToRoot}/${tested}`);
      if (verdict.ignored) return true;
      if (verdict.unignored) return false;
    }
    return false;
  };
  const skipped = (entry: WalkedEntry) => (entry.isDirectory && SKIPPED_FOLDERS.has(entry.name)) || isExcluded(entry.path) || ignored(entry);
  yield* walkFiles(fs, root, skipped, enter);
}

/** The folder holding a path ('' for the root), or undefined for the root itself. */
function parentPath(path: string): string | undefined {
  if (path === '') return undefined;
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** The `.gitignore` rules of the folders from `top` down to `root`'s parent, nearest first, each with the path from its folder to `root`. */
async function gitignoresAbove(fs: FileSystem, root: string, top: string | undefined): Promise<{ rules: Ignore; pathToRoot: string }[]> {
  const rootPrefix = folderUriPrefix(root);
  if (top === undefined || !rootPrefix.startsWith(folderUriPrefix(top)) || folderUriPrefix(top) === rootPrefix) return [];
  const found: { rules: Ignore; pathToRoot: string }[] = [];
  let folder = root.replace(/\/$/, '');
  const stop = top.replace(/\/$/, '');
  while (folder.length > stop.length) {
    folder = folder.slice(0, folder.lastIndexOf('/'));
    const rules = await readGitignore(fs, join(folder, '.gitignore'));
    if (rules) found.push({ rules, pathToRoot: decodeURIComponent(rootPrefix.slice(folderUriPrefix(folder).length, -1)) });
  }
  return found;
}

/** A `.gitignore` file's rules; undefined when there is none. */
async function readGitignore(fs: FileSystem, uri: string): Promise<Ignore | undefined> {
  try {
    return ignore().add(await fs.readFile(uri));
  } catch {
    return undefined; // no .gitignore (or unreadable): nothing ignored by it
  }
}

function join(folder: string, name: string): string {
  return folderUriPrefix(folder) + encodeURIComponent(name);
}
