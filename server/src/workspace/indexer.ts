/**
 * Keeps a ReportIndex current: a first scan of the workspace folders (in the background, yielding to the
 * event loop so features answer from what is indexed so far), open documents' live text, and file events.
 */
import type { FileSystem } from './fileSystem';
import { discoverFiles, type DiscoverySettings } from './discovery';
import { ReportIndex } from './reportIndex';
import { canonicalUri } from '../model/links';
import type { FileContent } from './fileContent';
import { isMarkdownFile } from '../model/markdownFile';

export interface ScanProgress {
  files: number;
  reports: number;
}

/** Files read at once by the first scan: the disk (or its cache) answers many reads together. */
export const READ_BATCH = 64;

export class WorkspaceIndexer {
  readonly index: ReportIndex;
  /** Open documents: their live text wins over what is on disk. */
  private readonly open = new Map<string, string>();
  private roots: string[] = [];

  constructor(private readonly fs: FileSystem, private settings: DiscoverySettings, fileExists?: (uri: string) => boolean) {
    this.index = new ReportIndex(fileExists);
  }

  /** Scans every folder from scratch. Calls `progress` now and then; stops early when `cancelled()` says so. */
  async scan(roots: string[], progress?: (p: ScanProgress) => void, cancelled: () => boolean = () => false): Promise<ScanProgress> {
    this.roots = roots.map((root) => root.replace(/\/$/, ''));
    // From scratch: files that no longer match the settings (or no longer exist) must not linger.
    this.index.clear();
    let files = 0;
    // Files are read and scanned a batch at a time, the event loop given back between batches: features answer
    // from what is indexed so far.
    let batch: string[] = [];
    const flush = async () => {
      const contents = await this.contentsOf(batch);
      batch.forEach((uri, i) => {
        const content = contents[i];
        if (content === undefined) this.index.remove(uri); // vanished between listing and reading
        else this.index.update(uri, content);
      });
      batch = [];
      progress?.({ files, reports: this.index.size });
      await new Promise((resolve) => setImmediate(resolve));
    };
    for (const root of this.roots) {
      for await (const folderFiles of discoverFiles(this.fs, root, this.settings)) {
        for (const file of folderFiles) {
          if (cancelled()) return { files, reports: this.index.size };
          files++;
          if (!file.read) this.index.addFile(file.uri);
          else batch.push(file.uri);
          if (batch.length >= READ_BATCH) await flush();
        }
      }
    }
    await flush();
    return { files, reports: this.index.size };
  }

  updateSettings(settings: DiscoverySettings): void {
    this.settings = settings;
  }

  /** Whether a URI lies in one of the scanned folders. */
  contains(uri: string): boolean {
    const canonical = canonicalUri(uri);
    return this.roots.some((root) => canonical.startsWith(`${canonicalUri(root)}/`));
  }

  /** Open documents' live texts, else the files' contents; undefined for a file that cannot be read. */
  private async contentsOf(uris: string[]): Promise<(FileContent | undefined)[]> {
    // Usually nothing is open during a first scan: no URI to look up.
    const live = this.open.size === 0 ? uris.map(() => undefined) : uris.map((uri) => this.open.get(canonicalUri(uri)));
    const unread = uris.filter((_, i) => live[i] === undefined);
    const read = unread.length > 0 ? await this.fs.readFilesToScan(unread) : [];
    let next = 0;
    return live.map((text) => text ?? read[next++]);
  }

  /** An open document's live text, else the file's; undefined when it cannot be read. */
  private async textOf(uri: string): Promise<string | undefined> {
    const live = this.open.get(canonicalUri(uri));
    if (live !== undefined) return live;
    try {
      return await this.fs.readFile(uri);
    } catch {
      return undefined;
    }
  }

  /** The current texts of files (open documents' live ones), by URI; files that cannot be read are left out. */
  async textsOf(uris: Iterable<string>): Promise<Map<string, string>> {
    const texts = new Map<string, string>();
    for (const uri of new Set(uris)) {
      const text = await this.textOf(uri);
      if (text !== undefined) texts.set(uri, text);
    }
    return texts;
  }

  private async read(uri: string): Promise<void> {
    const text = await this.textOf(uri);
    if (text === undefined) this.index.remove(uri); // vanished between listing and reading
    else this.index.update(uri, text);
  }

  openDocument(uri: string, text: string): void {
    this.open.set(canonicalUri(uri), text);
    this.index.update(uri, text);
  }

  /** Back to the file on disk (the editor may have discarded unsaved changes). */
  async closeDocument(uri: string): Promise<void> {
    this.open.delete(canonicalUri(uri));
    await this.read(uri);
  }

  /** A file was created or changed on disk. */
  async fileChanged(uri: string): Promise<void> {
    if (this.open.has(canonicalUri(uri))) return;
    if (isMarkdownFile(uri)) await this.read(uri);
    else this.index.addFile(uri);
  }

  fileDeleted(uri: string): void {
    this.index.remove(uri);
  }

  async fileRenamed(oldUri: string, newUri: string): Promise<void> {
    this.index.remove(oldUri);
    await this.fileChanged(newUri);
  }
}
