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
 * Called with each folder's entries once they are listed, before any is passed to `skip`: a folder's own
 * `.gitignore` must be read before its entries are judged.
 */
export type EnterFolder = (folder: { uri: string; path: string; names: string[] }) => Promise<void> | void;

/**
 * The files under the folder `root` (a URI), a folder at a time, each folder's in code-unit order of name: a step of
 * an async generator per file costs more than what callers do with it, and a locale-aware sort of a folder of
 * 10,000 reports more than scanning a hundred of them. Folders that vanish or cannot be read are passed over;
 * entries that are neither files nor folders (symbolic links, sockets) are left out; `root` itself is never skipped.
 */
export async function* walkFiles(fs: FileSystem, root: string, skip: SkipEntry, enter?: EnterFolder): AsyncGenerator<WalkedEntry[]> {
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
    if (enter) await enter({ uri: folder, path: pathBelow(root, folder), names: entries.map((entry) => entry.name) });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const uri = folderPrefix + encodeURIComponent(entry.name);
      const path = pathBelow(root, uri);
      const walked: WalkedEntry = { uri, name: entry.name, path, isDirectory: entry.isDirectory, isFile: entry.isFile };
      if (skip(walked)) continue;
      if (entry.isDirectory) pending.push(uri);
      else if (entry.isFile) files.push(walked);
    }
    if (files.length > 0) yield files;
  }
}

/** `uri`'s path relative to `root` (both URIs), decoded, with `/` between folders; '' for the root itself. */
function pathBelow(root: string, uri: string): string {
  const relative = uri.slice(folderUriPrefix(root).length);
  return relative.includes('%') ? decodeURIComponent(relative) : relative;
}

/** A folder URI with one `/` after it: what the URIs of the files in it start with. */
export function folderUriPrefix(folder: string): string {
  return `${folder.replace(/\/$/, '')}/`;
}
