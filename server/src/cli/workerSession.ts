/**
 * The check of one thread: an index of every file of the job (links are followed both ways, so each thread needs
 * them all), then the folders and files it is given, one file at a time. The same code runs in the CLI's own
 * thread for a handful of files and in each worker thread for thousands; it is built from plain data
 * (`SessionInit`) so that a worker can build it from its `workerData`.
 */
import { pathToFileURL, fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService, type LanguageService, type Logger } from '../languageService';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import type { SettingsSource } from '../config/settingsSource';
import { commandLineSettings } from '../config/commandLineSettings';
import { ReportIndex } from '../workspace/reportIndex';
import { fileExists, nodeFileSystem, readFileToScan, readTextFile, type FileSystem } from '../workspace/fileSystem';
import type { WorkspaceHeading, FileEdit } from '../rules/workspace';
import { canonicalUri } from '../model/links';
import { contentHash, dependencyState, settingsKey, type DependencyStates } from './cacheKeys';

/** What a session is built from: plain data, as `workerData` carries it. */
export interface SessionInit {
  /** Every Markdown file of the job (absolute paths): all are indexed, whichever this session checks. */
  files: string[];
  /** Texts given instead of the files' (`--stdin`), by absolute path. */
  texts?: [string, string][];
  /** Settings given on the command line; undefined: the defaults. */
  baseSettings?: Settings;
  /**
   * Content hashes of the job's files by canonical URI, when the findings go into a cache: each check then
   * records what of the other files it read (see `cache.ts`).
   */
  contentHashes?: [string, string][];
  /**
   * Absolute paths of files indexed but not checked: the custom templates (`.templates/<name>.md`) a report made from
   * one is checked against, as the editor's index reads them. One that cannot be read is passed over.
   */
  context?: string[];
  /** With a cache: a hash of the context files' contents, part of every finding's key (a template changed, all change). */
  contextKey?: string;
}

/**
 * The settings of each file: `--config` under the project config files found upward from it, as the editor takes them.
 * A config file that cannot be used is an error; its other problems are warnings.
 */
export function settingsSourceOf(init: SessionInit, logger: Logger): SettingsSource {
  return commandLineSettings(init.baseSettings ?? DEFAULT_SETTINGS, (line, severity) => (severity === 'error' ? logger.error(line) : logger.warn(line)));
}

/** What a cached finding's settings are: the file's settings, and the context files (templates) it was checked with. */
export function findingsKey(init: SessionInit, settings: Settings): string {
  return settingsKey(settings) + (init.contextKey ?? '');
}

export interface FileCheck {
  path: string;
  /** Undefined when the file could not be read; `unreadable` says why. */
  diagnostics?: Diagnostic[];
  unreadable?: string;
  report: boolean;
  /** With a cache: the key of the settings it was checked with, and what of other files its findings depend on. */
  settingsKey?: string;
  dependencies?: DependencyStates;
}

export interface FolderCheckResult {
  folder: string;
  /** By absolute path. */
  diagnostics: [string, Diagnostic[]][];
  messages: string[];
  settingsKey?: string;
  /** With a cache: what the folder rules read (files, folders, the index's listing). */
  dependencies?: DependencyStates;
}

export class CheckSession {
  private readonly texts: Map<string, string>;
  private readonly settings: SettingsSource;
  private readonly index: RecordingIndex;
  private readonly service: LanguageService;

  constructor(private readonly init: SessionInit, logger: Logger) {
    this.texts = new Map(init.texts);
    this.settings = settingsSourceOf(init, logger);
    const hashes = init.contentHashes ? new Map(init.contentHashes) : undefined;
    this.index = new RecordingIndex(hashes);
    this.service = createLanguageService({ logger, workspace: this.index });
  }

  /** Indexes every file of the job; files that cannot be read are left out (their check says why). */
  indexAll(): void {
    for (const file of [...this.init.files, ...(this.init.context ?? [])]) {
      try {
        // The scanner takes bytes: decoding 80 MB of reports to text would cost more than scanning them.
        this.index.update(pathToFileURL(file).href, this.texts.get(file) ?? readFileToScan(file));
      } catch {
        // Said by the file's check.
      }
    }
  }

  async checkFolder(folder: string): Promise<FolderCheckResult> {
    const uri = pathToFileURL(folder).href;
    const settings = await this.settings.settingsFor(uri);
    this.index.startRecording();
    const recording = this.index.recording;
    const fs = recording ? new RecordingFileSystem(nodeFileSystem, recording) : nodeFileSystem;
    const result = await this.service.checkFolder(uri, fs, settings);
    const dependencies = this.index.stopRecording();
    return {
      folder,
      diagnostics: [...result.diagnostics].map(([fileUri, diagnostics]) => [fileURLToPath(fileUri), diagnostics]),
      messages: result.messages,
      ...(dependencies && { settingsKey: findingsKey(this.init, settings), dependencies }),
    };
  }

  /** Checks one file, then forgets its parse: a run over thousands of reports keeps none of them. */
  async checkFile(path: string): Promise<FileCheck> {
    let text: string;
    try {
      text = this.texts.get(path) ?? readTextFile(path);
    } catch (error) {
      return { path, unreadable: (error as NodeJS.ErrnoException).code ?? String(error), report: false };
    }
    const uri = pathToFileURL(path).href;
    const settings = await this.settings.settingsFor(uri);
    const document = { uri, version: 1, getText: () => text };
    this.index.startRecording();
    const report = this.service.getReport(document).kind !== undefined;
    const diagnostics = this.service.computeDiagnostics(document, settings);
    const dependencies = this.index.stopRecording();
    this.service.forget(uri);
    this.texts.delete(path);
    return { path, diagnostics, report, ...(dependencies && { settingsKey: findingsKey(this.init, settings), dependencies }) };
  }
}

/**
 * The index, noting what the rules ask of it while one file is checked: the state (content hash, or whether it
 * exists) of every file they looked at, and whether they looked at lists that any file could join (reports by
 * number, reports under a folder, templates by name). That is what a cached finding depends on.
 */
class RecordingIndex extends ReportIndex {
  /** The states read while recording; undefined when not recording (or no cache is kept). */
  recording: DependencyStates | undefined;

  constructor(private readonly hashes: ReadonlyMap<string, string> | undefined) {
    super(fileExists);
  }

  startRecording(): void {
    if (this.hashes) this.recording = { files: {}, listing: false };
  }

  stopRecording(): DependencyStates | undefined {
    const recorded = this.recording;
    this.recording = undefined;
    return recorded;
  }

  /** Notes the state of the file at `uri` (any spelling). */
  noteFile(uri: string): void {
    if (!this.recording || !this.hashes) return;
    const canonical = canonicalUri(uri);
    this.recording.files[canonical] ??= dependencyState(canonical, this.hashes);
  }

  private noteListing(): void {
    if (this.recording) this.recording.listing = true;
  }

  override get(uri: string): ReturnType<ReportIndex['get']> {
    this.noteFile(uri);
    return super.get(uri);
  }

  override exists(uri: string): boolean {
    this.noteFile(uri);
    return super.exists(uri);
  }

  override headingsOf(uri: string): WorkspaceHeading[] {
    this.noteFile(uri);
    return super.headingsOf(uri);
  }

  override linkLineEdit(uri: string, line: string): FileEdit | undefined {
    this.noteFile(uri);
    return super.linkLineEdit(uri, line);
  }

  override linksTo(uri: string): ReturnType<ReportIndex['linksTo']> {
    this.noteFile(uri);
    const links = super.linksTo(uri);
    // Who links here now; a file that starts linking here is caught by the cache, which reads the links of every changed file.
    for (const { from } of links) this.noteFile(from.uri);
    return links;
  }

  override byNumber(number: number): ReturnType<ReportIndex['byNumber']> {
    this.noteListing();
    return super.byNumber(number);
  }

  override reportsUnder(folderUri: string): ReturnType<ReportIndex['reportsUnder']> {
    this.noteListing();
    return super.reportsUnder(folderUri);
  }

  override template(name: string): string | undefined {
    this.noteListing();
    return super.template(name);
  }
}

/** The file system, noting what the folder rules read: `.8d-dir`, the lock file, the folder it names. */
class RecordingFileSystem implements FileSystem {
  constructor(private readonly fs: FileSystem, private readonly recording: DependencyStates) {}

  async readFile(uri: string): Promise<string> {
    try {
      const text = await this.fs.readFile(uri);
      this.recording.reads = { ...this.recording.reads, [uri]: `t:${contentHash(text)}` };
      return text;
    } catch (error) {
      this.recording.reads = { ...this.recording.reads, [uri]: 'error' };
      throw error;
    }
  }

  readFilesToScan(uris: string[]): ReturnType<FileSystem['readFilesToScan']> {
    return this.fs.readFilesToScan(uris);
  }

  async readDirectory(uri: string): ReturnType<FileSystem['readDirectory']> {
    try {
      const entries = await this.fs.readDirectory(uri);
      this.recording.reads = { ...this.recording.reads, [`${uri}/`]: `l:${contentHash(JSON.stringify(entries))}` };
      return entries;
    } catch (error) {
      this.recording.reads = { ...this.recording.reads, [`${uri}/`]: 'error' };
      throw error;
    }
  }
}
