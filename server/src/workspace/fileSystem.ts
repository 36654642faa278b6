/** The file-system seam: the server reads real files, tests use an in-memory folder that counts its reads. */
import { promises as fs, existsSync, readFile } from 'node:fs';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

// The callback API reads a small file in one go; fs.promises.readFile opens, stats, reads and closes in
// separate steps, which made reading a 10,000-report workspace take over twice as long.
const readText = promisify(readFile);

/** For links that leave the scanned folders: a direct look at the disk. */
export function fileExists(uri: string): boolean {
  try {
    return uri.startsWith('file:') && existsSync(fileURLToPath(uri));
  } catch {
    return false;
  }
}

export interface DirectoryEntry {
  name: string;
  isDirectory: boolean;
  isFile: boolean;
}

export interface FileSystem {
  readFile(uri: string): Promise<string>;
  readDirectory(uri: string): Promise<DirectoryEntry[]>;
}

export const nodeFileSystem: FileSystem = {
  readFile: (uri) => readText(fileURLToPath(uri), 'utf8'),
  async readDirectory(uri) {
    const entries = await fs.readdir(fileURLToPath(uri), { withFileTypes: true });
    return entries.map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory(), isFile: entry.isFile() }));
  },
};

/** Files by URI; folders are implied by the paths. */
export class InMemoryFileSystem implements FileSystem {
  readonly files = new Map<string, string>();
  reads = 0;

  constructor(files: Record<string, string> = {}) {
    for (const [uri, text] of Object.entries(files)) this.files.set(uri, text);
  }

  async readFile(uri: string): Promise<string> {
    this.reads++;
    const text = this.files.get(uri);
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${uri}`), { code: 'ENOENT' });
    return text;
  }

  async readDirectory(uri: string): Promise<DirectoryEntry[]> {
    const prefix = uri.endsWith('/') ? uri : `${uri}/`;
    const entries = new Map<string, DirectoryEntry>();
    for (const file of this.files.keys()) {
      if (!file.startsWith(prefix)) continue;
      const [name, ...rest] = file.slice(prefix.length).split('/');
      entries.set(name, { name, isDirectory: rest.length > 0, isFile: rest.length === 0 });
    }
    if (entries.size === 0) throw Object.assign(new Error(`ENOENT: ${uri}`), { code: 'ENOENT' });
    return [...entries.values()];
  }
}
