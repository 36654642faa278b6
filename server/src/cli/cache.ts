/**
 * `--cache`: the findings of the last run, file by file, and what each depended on, so that a run re-checks only
 * what may have changed.
 *
 * A file's cached findings are reused when all of these are as they were:
 * - its content (hash), the settings that apply to it (hash of all of them), and the tool (a hash of the bundle
 *   itself, so any change to a rule invalidates everything);
 * - every other file the rules looked at while checking it (the index records each look: a linked report's
 *   headings, title, `## Links` section, whether a linked file exists, the reports linking to it), by content
 *   hash for the files of the run and by existence for files outside it;
 * - no file of the run changed, came or went, when the rules read lists any file may join (reports by number,
 *   reports under a folder, templates by name);
 * - and no changed or new file links to it now (its backlinks would differ): the links of every changed file are read.
 * Anything else that changed would have to be read through the index, which records it. When in doubt (a foreign,
 * damaged or older cache), everything is checked. The cache holds the files of the last run only: a file that was
 * not in it counts as new, so that the links it makes are read.
 */
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isoDate, localToday, type CalendarDate } from '../model/dates';
import type { Diagnostic } from 'vscode-languageserver-types';
import { canonicalUri, resolveLink } from '../model/links';
import { scanReport } from '../workspace/scanner';
import { nodeFileSystem, readFileToScan } from '../workspace/fileSystem';
import { contentHash, dependencyState, type DependencyStates } from './cacheKeys';
import type { FileCheck, FolderCheckResult } from './workerSession';

/** The first characters of every cache file this tool writes: a file without them is someone else's and left alone. */
const MARK = '{"tool":"incident-docs-cache"';
const FORMAT = 1;

export interface CachedFile {
  hash: string;
  settingsKey: string;
  report: boolean;
  /** Only when there are findings. */
  diagnostics?: Diagnostic[];
  dependencies: DependencyStates;
}

export interface CachedFolder {
  settingsKey: string;
  diagnostics: [string, Diagnostic[]][];
  messages: string[];
  dependencies: DependencyStates;
}

export interface CacheData {
  tool: 'incident-docs-cache';
  format: number;
  /** The tool that wrote it (see `toolKey`). */
  toolKey: string;
  /** By absolute path. */
  files: Record<string, CachedFile>;
  folders: Record<string, CachedFolder>;
}

export interface CacheLogger {
  warn(message: string): void;
}

/**
 * The tool as the cache sees it: a hash of its code, so that a rebuilt rule never reuses old findings, and today's
 * date, since deadlines (overdue actions, disciplines) fall due with the day.
 */
export function toolKey(script: string, today: CalendarDate = localToday()): string {
  try {
    return `${contentHash(readFileSync(script))}@${isoDate(today)}`;
  } catch {
    // A tool whose code cannot be read is told apart by nothing else: every run checks everything.
    return String(Math.random());
  }
}

/** The cache at `path`: undefined when absent, foreign, damaged or from another tool; `writable` false when foreign. */
export function readCache(path: string, tool: string, logger: CacheLogger): { data?: CacheData; writable: boolean } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger.warn(`Cache file ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}): every file is checked.`);
    return { writable: true };
  }
  if (!text.startsWith(MARK)) {
    logger.warn(`${path} is not an incident-docs cache file: it is ignored and left as it is (every file is checked; name another file with --cache <file>).`);
    return { writable: false };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    logger.warn(`Cache file ${path} is damaged: it is ignored (every file is checked) and written anew.`);
    return { writable: true };
  }
  if (!isCacheData(data)) {
    logger.warn(`Cache file ${path} is damaged: it is ignored (every file is checked) and written anew.`);
    return { writable: true };
  }
  // Another version of the tool (or of the format): silently out of date, as after any upgrade.
  if (data.format !== FORMAT || data.toolKey !== tool) return { writable: true };
  return { data, writable: true };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDependencies(value: unknown): value is DependencyStates {
  return isObject(value) && isObject(value.files) && typeof value.listing === 'boolean' && (value.reads === undefined || isObject(value.reads));
}

/** Checks the shape of every entry: a cache edited by hand, or cut short, must not crash a run or print wrong findings. */
function isCacheData(value: unknown): value is CacheData {
  if (!isObject(value) || !isObject(value.files) || !isObject(value.folders) || typeof value.toolKey !== 'string') return false;
  for (const entry of Object.values(value.files)) {
    if (!isObject(entry) || typeof entry.hash !== 'string' || typeof entry.settingsKey !== 'string' || typeof entry.report !== 'boolean') return false;
    if ((entry.diagnostics !== undefined && !Array.isArray(entry.diagnostics)) || !isDependencies(entry.dependencies)) return false;
  }
  for (const entry of Object.values(value.folders)) {
    if (!isObject(entry) || typeof entry.settingsKey !== 'string' || !Array.isArray(entry.diagnostics) || !Array.isArray(entry.messages) || !isDependencies(entry.dependencies)) return false;
  }
  return true;
}

/** Written to a temporary file first and renamed over the old one: a run stopped half-way leaves the old cache whole. */
export function writeCache(path: string, data: CacheData, logger: CacheLogger): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify(data));
    renameSync(temporary, path);
  } catch (error) {
    logger.warn(`Cache file ${path} cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)}): the next run checks every file again.`);
    try {
      unlinkSync(temporary);
    } catch {
      // Never written.
    }
  }
}

export interface CurrentFile {
  path: string;
  uri: string;
  hash: string;
  settingsKey: string;
}

export interface CachePlan {
  /** Files whose cached findings stand, by path. */
  files: Map<string, CachedFile>;
  folders: Map<string, CachedFolder>;
}

/** Which cached findings still stand for the files and folders of this run (see the top of this file). */
export async function reusable(
  cache: CacheData | undefined,
  current: readonly CurrentFile[],
  folders: readonly { folder: string; settingsKey: string }[],
  hashes: ReadonlyMap<string, string>,
  texts?: ReadonlyMap<string, string>,
): Promise<CachePlan> {
  const plan: CachePlan = { files: new Map(), folders: new Map() };
  if (!cache) return plan;
  const states = new Map<string, string>();
  const stateOf = (uri: string) => {
    let state = states.get(uri);
    if (state === undefined) states.set(uri, (state = dependencyState(uri, hashes)));
    return state;
  };
  const unchanged = (dependencies: DependencyStates) => Object.entries(dependencies.files).every(([uri, state]) => stateOf(uri) === state);

  // Files that changed, came or went since the last run.
  const changed: CurrentFile[] = current.filter((file) => cache.files[file.path]?.hash !== file.hash);
  const inRun = new Set(current.map((file) => file.path));
  const anyChanged = changed.length > 0 || Object.keys(cache.files).some((path) => !inRun.has(path));

  for (const file of current) {
    const entry = cache.files[file.path];
    if (!entry || entry.hash !== file.hash || entry.settingsKey !== file.settingsKey) continue;
    if ((entry.dependencies.listing && anyChanged) || !unchanged(entry.dependencies)) continue;
    plan.files.set(file.path, entry);
  }
  // A file that links to another now changes that one's backlinks: read the links of the changed files.
  if (plan.files.size > 0) {
    const pathOf = new Map(current.map((file) => [file.uri, file.path]));
    for (const file of changed) for (const target of linkTargetsOf(file, texts?.get(file.path))) {
      const path = pathOf.get(target);
      if (path) plan.files.delete(path);
    }
  }
  for (const { folder, settingsKey } of folders) {
    const entry = cache.folders[folder];
    if (!entry || entry.settingsKey !== settingsKey || (entry.dependencies.listing && anyChanged) || !unchanged(entry.dependencies)) continue;
    if (!(await readsUnchanged(entry.dependencies.reads ?? {}))) continue;
    plan.folders.set(folder, entry);
  }
  return plan;
}

/** The canonical URIs a file's links point at (read again: only changed files are, and only when some cache stands). */
function linkTargetsOf(file: CurrentFile, text: string | undefined): string[] {
  let scanned;
  try {
    scanned = scanReport(text ?? readFileToScan(file.path), basename(file.path));
  } catch {
    return [];
  }
  const targets: string[] = [];
  for (const link of scanned.links) {
    const resolved = resolveLink(file.uri, link.target);
    if (resolved) targets.push(canonicalUri(resolved));
  }
  return targets;
}

/** Whether the files and folders the folder rules read read the same now. */
async function readsUnchanged(reads: Record<string, string>): Promise<boolean> {
  for (const [uri, state] of Object.entries(reads)) {
    let now: string;
    try {
      now = uri.endsWith('/') ? `l:${contentHash(JSON.stringify(await nodeFileSystem.readDirectory(uri.slice(0, -1))))}` : `t:${contentHash(await nodeFileSystem.readFile(uri))}`;
    } catch {
      now = 'error';
    }
    if (now !== state) return false;
  }
  return true;
}

/** The cache entry of a file just checked. */
export function cachedFileOf(check: FileCheck, hash: string): CachedFile | undefined {
  if (!check.diagnostics || check.settingsKey === undefined || !check.dependencies) return undefined;
  return { hash, settingsKey: check.settingsKey, report: check.report, ...(check.diagnostics.length > 0 && { diagnostics: check.diagnostics }), dependencies: check.dependencies };
}

export function cachedFolderOf(check: FolderCheckResult): CachedFolder | undefined {
  if (check.settingsKey === undefined || !check.dependencies) return undefined;
  return { settingsKey: check.settingsKey, diagnostics: check.diagnostics, messages: check.messages, dependencies: check.dependencies };
}

export function newCache(tool: string): CacheData {
  // `tool` first: the mark a later run recognises (MARK).
  return { tool: 'incident-docs-cache', format: FORMAT, toolKey: tool, files: {}, folders: {} };
}

/** The canonical URI of a file, as the index and the recorded dependencies spell it. */
export function canonicalUriOf(path: string): string {
  return canonicalUri(pathToFileURL(path).href);
}
