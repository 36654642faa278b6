/**
 * Which files a check reads, from what was named on the command line: a folder's files as the editor's index
 * finds them (`.gitignore` files, nested ones too, `reportGlobs`, `files.exclude`, `node_modules`, custom templates
 * in `.templates/`), a file as named (even one a glob or `.gitignore` would leave out: naming it is asking for it),
 * and a glob — quoted or not, so it works where no shell expands it — over the folders under its fixed part.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import { discoverFiles, isTemplatePath, unignoredFiles, type DiscoverySettings } from '../workspace/discovery';
import { nodeFileSystem } from '../workspace/fileSystem';
import { isMarkdownFile } from '../model/markdownFile';
import { relativePath } from './formats/paths';
import { projectRoot, repositoryRoot } from './projectRoot';

export interface FileSelection {
  /** Absolute paths of the files to check, without repeats, sorted. */
  files: string[];
  /** Folders named: their `.8d-dir` and lock file are checked too. */
  folders: string[];
  /** Files named one by one (not found in a folder or by a glob): one that cannot be read is an error, not a note. */
  named: string[];
  /** Custom templates the files may have been made from: read, not checked. */
  templates: string[];
}

export type Selected = { selection: FileSelection } | { error: string };

export async function selectFiles(args: readonly string[], cwd: string, discovery: DiscoverySettings): Promise<Selected> {
  const files = new Set<string>();
  const templates = new Set<string>();
  const folders: string[] = [];
  const named: string[] = [];
  for (const arg of args) {
    const absolute = resolve(cwd, arg);
    let isFolder: boolean | undefined;
    try {
      isFolder = statSync(absolute).isDirectory();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'ENOTDIR') {
        return { error: `${arg} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).` };
      }
    }
    if (isFolder === true) {
      folders.push(absolute);
      const scope = { ignoresFrom: ignoresFrom(absolute) };
      for await (const batch of discoverFiles(nodeFileSystem, pathToFileURL(absolute).href, discovery, scope)) {
        for (const file of batch) {
          if (!file.read) continue;
          const path = fileURLToPath(file.uri);
          (isTemplatePath(relativePath(absolute, path)) ? templates : files).add(path);
        }
      }
    } else if (isFolder === false) {
      files.add(absolute);
      named.push(absolute);
    } else {
      const expanded = await expandGlob(arg, cwd, discovery);
      if ('error' in expanded) return expanded;
      for (const path of expanded.files) files.add(path);
    }
  }
  for (const template of templatesAround([...files], cwd)) templates.add(template);
  for (const file of files) templates.delete(file); // a template named on the command line is checked
  return { selection: { files: [...files].sort(), folders, named, templates: [...templates].sort() } };
}

/** Where the `.gitignore` files that apply to a folder start: its repository's root, if it is in one. */
function ignoresFrom(folder: string): string | undefined {
  const root = repositoryRoot(folder);
  return root === undefined ? undefined : pathToFileURL(root).href;
}

/** The Markdown files a glob matches, walking from its fixed part and honouring what discovery ignores. */
async function expandGlob(glob: string, cwd: string, discovery: DiscoverySettings): Promise<{ files: string[] } | { error: string }> {
  const scanned = picomatch.scan(glob);
  if (!scanned.isGlob) return { error: `No such file or folder: ${glob}` };
  if (scanned.negated) return { error: `A glob cannot be negated ("${glob}"): name what to check, and leave out files with .gitignore or reportGlobs.` };
  const base = resolve(cwd, scanned.base || '.');
  let baseIsFolder = false;
  try {
    baseIsFolder = statSync(base).isDirectory();
  } catch {
    // reported below as no match
  }
  const matches = picomatch(scanned.glob);
  const found: string[] = [];
  if (baseIsFolder) {
    const scope = { ignoresFrom: ignoresFrom(base) };
    for await (const batch of unignoredFiles(nodeFileSystem, pathToFileURL(base).href, discovery.exclude, scope)) {
      for (const entry of batch) if (isMarkdownFile(entry.name) && matches(entry.path)) found.push(fileURLToPath(entry.uri));
    }
  }
  if (found.length === 0) return { error: `No Markdown file matches ${glob}${baseIsFolder ? '' : ` (no folder ${scanned.base})`}.` };
  return { files: found };
}

/**
 * The custom templates (`.templates/*.md`) in the folders of the files checked and the folders above them, up to the
 * repository's root (or where the command was run): a report made from one is checked against it, as in the editor.
 */
function templatesAround(files: readonly string[], cwd: string): string[] {
  const folders = new Set<string>();
  // Thousands of files share a few folders: each folder's project root is looked for once.
  for (const fileFolder of new Set(files.map((file) => dirname(file)))) {
    const top = projectRoot(fileFolder, cwd);
    for (let folder = fileFolder; !folders.has(folder); folder = dirname(folder)) {
      folders.add(folder);
      if (folder === top || dirname(folder) === folder) break;
    }
  }
  const templates: string[] = [];
  for (const folder of folders) {
    const templateFolder = join(folder, '.templates');
    let names: string[];
    try {
      names = readdirSync(templateFolder);
    } catch {
      continue; // most folders have none
    }
    for (const name of names) if (isMarkdownFile(name)) templates.push(join(templateFolder, name));
  }
  return templates;
}
