/**
 * A file's settings in a project: the defaults, under the base settings (the editor's for the workspace folder, or
 * the CLI's `--config`), under the project config files from the root down to the file's folder, the nearest last.
 * Each file sets only what it names; rule severities and templates merge by rule id and name.
 */
import { canonicalUri } from '../model/links';
import { mergeSettings, type Settings } from '../settings';
import type { FileSystem } from '../workspace/fileSystem';
import { CONFIG_FILE_NAMES, readConfigText, type ConfigProblem, type ReadConfig } from './configFile';
import type { SettingsSource } from './settingsSource';

export interface ProjectSettingsOptions {
  fs: FileSystem;
  /** The workspace folder (a folder URI): config files are looked for up to it, not above. */
  root: string;
  base: Settings;
  knownRules: readonly string[];
  /** A config file was read (again): its problems, or none once it is fixed or gone. */
  onProblems?: (uri: string, problems: readonly ConfigProblem[]) => void;
}

export interface ProjectSettings extends SettingsSource {
  readonly root: string;
  /** The settings of the files directly in `folderUri`. */
  settingsForFolder(folderUri: string): Promise<Settings>;
  /** A config file changed, appeared or went: it is read again when next needed. */
  forget(uri: string): void;
  /** Reads the config files of a folder now (when one changed, so its problems are shown at once). */
  refresh(folderUri: string): Promise<void>;
  /** The problems of every config file read so far, by file URI (files without problems left out). */
  problems(): ReadonlyMap<string, readonly ConfigProblem[]>;
  /** Whether `uri` lies in the root. */
  contains(uri: string): boolean;
}

/** What one folder's config file sets; undefined layer: the folder has none. */
interface FolderConfig {
  layer?: Partial<Settings>;
}

export function projectSettings(options: ProjectSettingsOptions): ProjectSettings {
  const root = canonicalUri(options.root).replace(/\/+$/, '');
  const folders = new Map<string, Promise<FolderConfig>>();
  const resolved = new Map<string, Promise<Settings>>();
  const problems = new Map<string, readonly ConfigProblem[]>();

  const contains = (uri: string) => {
    const canonical = canonicalUri(uri).replace(/\/+$/, '');
    return canonical === root || canonical.startsWith(`${root}/`);
  };

  function report(uri: string, found: readonly ConfigProblem[], exists: boolean): void {
    const before = problems.get(uri);
    if (found.length > 0) problems.set(uri, found);
    else problems.delete(uri);
    // Every config file read is told (none, once fixed: another instance may have shown its problems); an absent
    // one only when it had problems: every folder of every report is looked at.
    if (exists || before !== undefined) options.onProblems?.(uri, found);
  }

  async function readFile(uri: string, folder: string): Promise<ReadConfig | undefined> {
    let text: string;
    try {
      text = await options.fs.readFile(uri);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      const at = { line: 0, character: 0 };
      return { layer: {}, usable: false, problems: [{ message: `The file cannot be read (${code ?? String(error)}); it is not used.`, range: { start: at, end: at }, severity: 'error' }] };
    }
    return readConfigText(text, { knownRules: options.knownRules, unknownKeys: 'report', folder: relativeFolder(root, folder) });
  }

  async function readFolder(folder: string): Promise<FolderConfig> {
    const uris = CONFIG_FILE_NAMES.map((name) => `${folder}/${name}`);
    const reads = await Promise.all(uris.map((uri) => readFile(uri, folder)));
    const used = reads.findIndex((read) => read !== undefined);
    reads.forEach((read, i) => {
      const shadowed = read !== undefined && used !== i;
      const at = { line: 0, character: 0 };
      const found = !read ? [] : shadowed
        ? [{ message: `Not used: ${CONFIG_FILE_NAMES[used]} in the same folder is read instead. Keep one of them.`, range: { start: at, end: at }, severity: 'warning' as const }]
        : read.problems;
      report(uris[i], found, read !== undefined);
    });
    return { layer: used >= 0 ? reads[used]!.layer : undefined };
  }

  function folderConfig(folder: string): Promise<FolderConfig> {
    let config = folders.get(folder);
    if (!config) {
      config = readFolder(folder);
      folders.set(folder, config);
    }
    return config;
  }

  async function resolve(folder: string): Promise<Settings> {
    let settings = options.base;
    for (const each of foldersFromRoot(root, folder)) {
      const { layer } = await folderConfig(each);
      if (layer) settings = mergeSettings(settings, layer);
    }
    return settings;
  }

  function settingsForFolder(folderUri: string): Promise<Settings> {
    const folder = canonicalUri(folderUri).replace(/\/+$/, '');
    if (!contains(folder)) return Promise.resolve(options.base);
    let settings = resolved.get(folder);
    if (!settings) {
      settings = resolve(folder);
      resolved.set(folder, settings);
    }
    return settings;
  }

  function forget(uri: string): void {
    const canonical = canonicalUri(uri);
    folders.delete(canonical.slice(0, canonical.lastIndexOf('/')));
    // Every folder below it may take settings from it: cheap to resolve again from the cached files.
    resolved.clear();
  }

  return {
    root,
    settingsFor: (uri) => settingsForFolder(canonicalUri(uri).slice(0, canonicalUri(uri).lastIndexOf('/'))),
    settingsForFolder,
    forget,
    async refresh(folderUri) {
      const folder = canonicalUri(folderUri).replace(/\/+$/, '');
      if (contains(folder)) await folderConfig(folder);
    },
    problems: () => problems,
    contains,
  };
}

/** The root, then each folder down to `folder` (which lies in the root). */
function foldersFromRoot(root: string, folder: string): string[] {
  const chain = [root];
  if (folder === root) return chain;
  let at = root;
  for (const part of folder.slice(root.length + 1).split('/')) {
    at = `${at}/${part}`;
    chain.push(at);
  }
  return chain;
}

/** `folder` relative to `root`, decoded, as a posix path (`''` for the root itself). */
function relativeFolder(root: string, folder: string): string {
  return folder === root ? '' : folder.slice(root.length + 1).split('/').map(decodeURIComponent).join('/');
}
