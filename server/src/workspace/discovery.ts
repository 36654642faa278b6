/** Which files of a workspace folder are reports to index, and which merely exist. */
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { FileSystem } from './fileSystem';
import { folderUriPrefix, walkFiles, type WalkedEntry } from './folderWalk';
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

/** The files of a workspace folder, a folder at a time (a step of an async generator per file costs more than its check). */
export async function* discoverFiles(fs: FileSystem, root: string, settings: DiscoverySettings): AsyncGenerator<DiscoveredFile[]> {
  const reportFolder = await reportFolderOf(fs, root);
  const ignored = await gitignore(fs, root);
  const isReportPath = picomatch(settings.reportGlobs.length > 0 ? settings.reportGlobs : DEFAULT_DISCOVERY.reportGlobs, { dot: false });
  const isExcluded = settings.exclude.length > 0 ? picomatch(settings.exclude, { dot: true }) : () => false;
  const reportFolderPrefix = reportFolder === undefined ? undefined : `${reportFolder}/`;
  const skipped = (entry: WalkedEntry) =>
    isExcluded(entry.path) || (ignored !== undefined && ignored.ignores(entry.isDirectory ? `${entry.path}/` : entry.path)) || (entry.isDirectory && SKIPPED_FOLDERS.has(entry.name));
  for await (const files of walkFiles(fs, root, skipped)) {
    yield files.map(({ uri, name, path }) => {
      const inReportFolder = reportFolderPrefix !== undefined && uri.startsWith(reportFolderPrefix);
      // Custom templates are read too: the index keeps them apart from the reports.
      const template = path.startsWith('.templates/') || path.includes('/.templates/');
      return { uri, read: isMarkdownFile(name) && (template || inReportFolder || isReportPath(path)) };
    });
  }
}

/** The folder's `.gitignore` rules; undefined when it has none. */
async function gitignore(fs: FileSystem, root: string): Promise<Ignore | undefined> {
  try {
    return ignore().add(await fs.readFile(join(root, '.gitignore')));
  } catch {
    return undefined; // no .gitignore: nothing ignored
  }
}

function join(folder: string, name: string): string {
  return folderUriPrefix(folder) + encodeURIComponent(name);
}
