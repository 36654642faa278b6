/** Which files of a workspace folder are reports to index, and which merely exist. */
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { FileSystem } from './fileSystem';
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
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    let entries;
    try {
      entries = await fs.readDirectory(folder);
    } catch {
      continue; // vanished or unreadable: nothing to index there
    }
    const files: DiscoveredFile[] = [];
    const folderPrefix = prefixOf(folder);
    // In code-unit order: a locale-aware sort of a folder of 10,000 reports costs more than scanning a hundred of them.
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const uri = folderPrefix + encodeURIComponent(entry.name);
      const relative = uri.slice(root.length + 1);
      const path = relative.includes('%') ? decodeURIComponent(relative) : relative;
      if (isExcluded(path) || (ignored && ignored.ignores(entry.isDirectory ? `${path}/` : path))) continue;
      if (entry.isDirectory) {
        if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(uri);
      } else if (entry.isFile) {
        const markdown = isMarkdownFile(entry.name);
        const inReportFolder = reportFolderPrefix !== undefined && uri.startsWith(reportFolderPrefix);
        // Custom templates are read too: the index keeps them apart from the reports.
        const template = path.startsWith('.templates/') || path.includes('/.templates/');
        files.push({ uri, read: markdown && (template || inReportFolder || isReportPath(path)) });
      }
    }
    if (files.length > 0) yield files;
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

/** A folder URI with one `/` after it: what the URIs of the files in it start with. */
function prefixOf(folder: string): string {
  return `${folder.replace(/\/$/, '')}/`;
}

function join(folder: string, name: string): string {
  return prefixOf(folder) + encodeURIComponent(name);
}
