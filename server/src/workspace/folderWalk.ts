/** Walking a folder tree through the file-system seam: the index's discovery and the CLI walk the same way. */
import type { FileSystem } from './fileSystem';

export interface WalkedEntry {
  uri: string;
  name: string;
  /** Relative to the walked root, decoded, with `/` between folders: what globs and `.gitignore` rules match. */
  path: string;
  isDirectory: boolean;
  isFile: boolean;
}

/** Whether to leave an entry out: a file, or a folder and everything under it. */
export type SkipEntry = (entry: WalkedEntry) => boolean;

/**
 * The files under the folder `root` (a URI), a folder at a time, each folder's in code-unit order of name: a step of
 * an async generator per file costs more than what callers do with it, and a locale-aware sort of a folder of
 * 10,000 reports more than scanning a hundred of them. Folders that vanish or cannot be read are passed over;
 * entries that are neither files nor folders (symbolic links, sockets) are left out; `root` itself is never skipped.
 */
export async function* walkFiles(fs: FileSystem, root: string, skip: SkipEntry): AsyncGenerator<WalkedEntry[]> {
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    let entries;
    try {
      entries = await fs.readDirectory(folder);
    } catch {
      continue; // vanished or unreadable: nothing to walk there
    }
    const files: WalkedEntry[] = [];
    const folderPrefix = folderUriPrefix(folder);
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const uri = folderPrefix + encodeURIComponent(entry.name);
      const relative = uri.slice(root.length + 1);
      const path = relative.includes('%') ? decodeURIComponent(relative) : relative;
      const walked: WalkedEntry = { uri, name: entry.name, path, isDirectory: entry.isDirectory, isFile: entry.isFile };
      if (skip(walked)) continue;
      if (entry.isDirectory) pending.push(uri);
      else if (entry.isFile) files.push(walked);
    }
    if (files.length > 0) yield files;
  }
}

/** A folder URI with one `/` after it: what the URIs of the files in it start with. */
export function folderUriPrefix(folder: string): string {
  return `${folder.replace(/\/$/, '')}/`;
}
