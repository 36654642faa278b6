/** The file-system seam: the server reads real files, tests use an in-memory folder that counts its reads. */
import { promises as fs, closeSync, existsSync, openSync, readFile, readSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Utf8Bytes, type FileContent } from './fileContent';

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
  /** Many files at once, for the first scan, as the scanner takes them; undefined for a file that cannot be read (it may have vanished). */
  readFilesToScan(uris: string[]): Promise<(FileContent | undefined)[]>;
  readDirectory(uri: string): Promise<DirectoryEntry[]>;
}

/** Reused by every read of the first scan: reports are small, and a fresh buffer per file costs more than the read. */
const scanBuffer = Buffer.allocUnsafe(1 << 20);

/**
 * A file's bytes, read synchronously into the shared buffer (valid until the next read). A batch of reports takes
 * about a millisecond this way, against several through the thread pool (open, read and close queued one after
 * another for each file).
 */
function readBytesNow(path: string): Buffer {
  const fd = openSync(path, 'r');
  let bytes = scanBuffer;
  let length = 0;
  try {
    for (;;) {
      if (length === bytes.length) {
        const larger = Buffer.allocUnsafe(bytes.length * 2);
        bytes.copy(larger, 0, 0, length);
        bytes = larger; // not kept: one huge file must not hold its size in memory for good
      }
      const wanted = bytes.length - length;
      const read = readSync(fd, bytes, length, wanted, null);
      length += read;
      // A regular file reads short only at its end: no second call just to be told so (thousands of files).
      if (read < wanted) break;
    }
  } finally {
    closeSync(fd);
  }
  return bytes.subarray(0, length);
}

/** A file's text, decoded as `readFile` decodes it. */
export function readTextFile(path: string): string {
  const bytes = readBytesNow(path);
  // ASCII reads the same either way, and latin1 skips the UTF-8 decoder's work.
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** A file as the scanner takes it: text when it is ASCII, else its UTF-8 bytes (the scanner decodes what it keeps). */
export function readFileToScan(path: string): FileContent {
  const bytes = readBytesNow(path);
  return isAscii(bytes) ? bytes.toString('latin1') : new Utf8Bytes(bytes.toString('latin1'));
}

/** What in a `file:` URI only URL parsing reads right: an escape, a query, a fragment, a backslash, a dot segment. */
const NOT_PLAIN_PATH = /[%?#\\]|\/\./;
const POSIX = process.platform !== 'win32';

/**
 * The path of a `file:` URI, as `fileURLToPath` reads it. A POSIX URI with nothing to decode is its path after
 * `file://`: the first scan converts thousands of URIs it made itself, and URL parsing cost as much as a read.
 */
export function pathOfFileUri(uri: string): string {
  return POSIX && uri.startsWith('file:///') && !NOT_PLAIN_PATH.test(uri) ? uri.slice(7) : fileURLToPath(uri);
}

export const nodeFileSystem: FileSystem = {
  readFile: (uri) => readText(fileURLToPath(uri), 'utf8'),
  // Synchronous reads into one reused buffer (see readFileToScan); the interface is asynchronous for other file systems.
  readFilesToScan(uris) {
    const contents = new Array<FileContent | undefined>(uris.length);
    for (let i = 0; i < uris.length; i++) {
      try {
        contents[i] = readFileToScan(pathOfFileUri(uris[i]));
      } catch {
        contents[i] = undefined; // vanished, unreadable, or not a file URI
      }
    }
    return Promise.resolve(contents);
  },
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

  readFile(uri: string): Promise<string> {
    this.reads++;
    const text = this.files.get(uri);
    // Rejected, not thrown, as the disk's readFile: callers catch a missing file on the promise.
    if (text === undefined) return Promise.reject(Object.assign(new Error(`ENOENT: ${uri}`), { code: 'ENOENT' }));
    return Promise.resolve(text);
  }

  readFilesToScan(uris: string[]): Promise<(FileContent | undefined)[]> {
    return Promise.all(uris.map((uri) => this.readFile(uri).catch(() => undefined)));
  }

  readDirectory(uri: string): Promise<DirectoryEntry[]> {
    const prefix = uri.endsWith('/') ? uri : `${uri}/`;
    const entries = new Map<string, DirectoryEntry>();
    for (const file of this.files.keys()) {
      if (!file.startsWith(prefix)) continue;
      const [name, ...rest] = file.slice(prefix.length).split('/');
      // Keys are URIs (`my%20report.md`); a directory lists names as the disk does (`my report.md`).
      entries.set(name, { name: decodeURIComponent(name), isDirectory: rest.length > 0, isFile: rest.length === 0 });
    }
    if (entries.size === 0) return Promise.reject(Object.assign(new Error(`ENOENT: ${uri}`), { code: 'ENOENT' }));
    return Promise.resolve([...entries.values()]);
  }
}
