/**
 * The CLI's check: reads the files named, indexes them (so links between them are followed both ways), runs the
 * folder rules over the folders named and every rule over every file, and gives the findings as data. Printing
 * them is the formats' job; choosing the files is `files.ts`'s.
 *
 * At scale: thousands of files are checked in worker threads, one per core (`worker.ts`), each parsed report
 * released once checked; with a cache file, only what may have changed is checked (`cache.ts`).
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Settings } from '../settings';
import { CheckSession, findingsKey, settingsSourceOf, type FileCheck, type FolderCheckResult, type SessionInit } from './workerSession';
import { checkInWorkers } from './worker';
import { cachedFileOf, cachedFolderOf, canonicalUriOf, newCache, readCache, reusable, toolKey, writeCache, type CacheData, type CurrentFile } from './cache';
import { contentHash } from './cacheKeys';
import { pathToFileURL } from 'node:url';

export interface CheckJob {
  /** Absolute paths of the Markdown files to check. */
  files: string[];
  /** Absolute paths of folders checked as a whole: their `.8d-dir` and lock file are checked too. */
  folders: string[];
  /** Settings given on the command line (`--config`); undefined: the defaults. */
  baseSettings?: Settings;
  /** Texts to check instead of reading the file (`--stdin`), by absolute path. */
  texts?: ReadonlyMap<string, string>;
  /**
   * Absolute paths of files indexed but not checked: the custom templates (`.templates/<name>.md`) a report made from
   * one is checked against, as the editor's index reads them. One that cannot be read is passed over.
   */
  context?: string[];
  /**
   * Worker threads to check in. Undefined: one per core when there are at least `THREADS_FROM` files to check
   * (fewer are checked sooner in this thread than threads start); 0: in this thread. Threads start from the bundle
   * running (`dist/cli.js`), which must call `runCheckWorker` when `isCheckWorker()`.
   */
  threads?: number;
  /** A cache file (`--cache`): the findings of files that did not change are taken from it, and it is rewritten. */
  cacheFile?: string;
  /** Called as files are checked: how many of how many, for a progress line. */
  onProgress?: (done: number, total: number) => void;
}

export interface FileResult {
  /** Absolute path. */
  path: string;
  /** In document order. */
  diagnostics: Diagnostic[];
}

export interface CheckOutcome {
  /** One per file with findings (Markdown files and a folder's `.8d-dir` or lock file), sorted by path. */
  results: FileResult[];
  /** Files that could not be read, with the reason. */
  unreadable: { path: string; reason: string }[];
  /** Problems with no file to show them on (a folder rule's messages), with the folder they are about. */
  messages: { path: string; message: string }[];
  /** How many Markdown files were read, and how many of them were reports. */
  markdownFiles: number;
  reports: number;
  /** With a cache file: how many files were checked in this run, and how many findings came from the cache. */
  cache?: { checked: number; fromCache: number };
}

export interface EngineLogger {
  error(message: string): void;
  warn(message: string): void;
}

/** Below this many files to check, threads cost more to start (each indexes every file) than they save. */
export const THREADS_FROM = 200;

export async function checkFiles(job: CheckJob, logger: EngineLogger): Promise<CheckOutcome> {
  const files = [...new Set(job.files)].sort();
  const session: SessionInit = { files, texts: job.texts && [...job.texts], baseSettings: job.baseSettings, context: job.context };
  const outcome: CheckOutcome = { results: [], unreadable: [], messages: [], markdownFiles: 0, reports: 0 };
  const byPath = new Map<string, Diagnostic[]>();
  const add = (path: string, diagnostics: readonly Diagnostic[]) => {
    if (diagnostics.length > 0) byPath.set(path, [...(byPath.get(path) ?? []), ...diagnostics]);
  };

  const cache = job.cacheFile ? await planWithCache(job.cacheFile, files, job.folders, session, job.texts, logger) : undefined;
  if (cache) {
    session.contentHashes = [...cache.hashes];
    outcome.unreadable.push(...cache.unreadable);
    for (const [path, entry] of cache.plan.files) {
      outcome.markdownFiles++;
      if (entry.report) outcome.reports++;
      add(path, entry.diagnostics ?? []);
      cache.next.files[path] = entry;
    }
    for (const [folder, entry] of cache.plan.folders) {
      for (const [path, diagnostics] of entry.diagnostics) add(path, diagnostics);
      for (const message of entry.messages) outcome.messages.push({ path: folder, message });
      cache.next.folders[folder] = entry;
    }
  }
  const toCheck = cache ? files.filter((file) => cache.hashes.has(canonicalUriOf(file)) && !cache.plan.files.has(file)) : files;
  const foldersToCheck = cache ? job.folders.filter((folder) => !cache.plan.folders.has(folder)) : job.folders;

  let done = 0;
  const onFile = (check: FileCheck) => {
    job.onProgress?.(++done, toCheck.length);
    if (!check.diagnostics) {
      outcome.unreadable.push({ path: check.path, reason: check.unreadable ?? 'unknown' });
      return;
    }
    outcome.markdownFiles++;
    if (check.report) outcome.reports++;
    add(check.path, check.diagnostics);
    const entry = cache && cachedFileOf(check, cache.hashes.get(canonicalUriOf(check.path)) ?? '');
    if (entry && cache) cache.next.files[check.path] = entry;
  };
  const onFolder = (check: FolderCheckResult) => {
    for (const [path, diagnostics] of check.diagnostics) add(path, diagnostics);
    for (const message of check.messages) outcome.messages.push({ path: check.folder, message });
    const entry = cache && cachedFolderOf(check);
    if (entry && cache) cache.next.folders[check.folder] = entry;
  };

  if (toCheck.length > 0 || foldersToCheck.length > 0) {
    const threads = job.threads ?? (toCheck.length >= THREADS_FROM && availableParallelism() > 1 ? availableParallelism() : 0);
    if (threads > 0 && toCheck.length > 0) {
      await checkInWorkers({ session, files: toCheck, folders: foldersToCheck, threads, script: __filename }, logger, onFile, onFolder);
    } else {
      const here = new CheckSession(session, logger);
      here.indexAll();
      for (const folder of foldersToCheck) onFolder(await here.checkFolder(folder));
      for (const file of toCheck) onFile(await here.checkFile(file));
    }
  }

  if (cache) {
    outcome.cache = { checked: toCheck.length, fromCache: cache.plan.files.size };
    const changed = toCheck.length > 0 || foldersToCheck.length > 0 || cache.stale;
    if (changed && cache.writable) writeCache(job.cacheFile!, cache.next, logger);
  }
  outcome.unreadable.sort((a, b) => compare(a.path, b.path));
  outcome.results = [...byPath]
    .sort(([a], [b]) => compare(a, b))
    .map(([path, diagnostics]) => ({ path, diagnostics: diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character) }));
  return outcome;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface CacheRun {
  /** Content hashes of the files that could be read, by canonical URI. */
  hashes: Map<string, string>;
  unreadable: { path: string; reason: string }[];
  plan: Awaited<ReturnType<typeof reusable>>;
  /** The cache this run writes: the entries that stand, and those of what it checks. */
  next: CacheData;
  writable: boolean;
  /** Whether the cache read holds more, or other, than this run's (so it is written even when nothing was checked). */
  stale: boolean;
}

/** Reads and hashes every file (no parse: a run with nothing changed is mostly this), and decides what the cache answers. */
async function planWithCache(cacheFile: string, files: string[], folders: string[], session: SessionInit, texts: ReadonlyMap<string, string> | undefined, logger: EngineLogger): Promise<CacheRun> {
  const tool = toolKey(__filename);
  const { data, writable } = readCache(cacheFile, tool, logger);
  const settings = settingsSourceOf(session, logger);
  session.contextKey = contextKey(session.context ?? []);
  const hashes = new Map<string, string>();
  const unreadable: { path: string; reason: string }[] = [];
  const current: CurrentFile[] = [];
  for (const path of files) {
    let hash: string;
    try {
      hash = contentHash(texts?.get(path) ?? readFileSync(path));
    } catch (error) {
      unreadable.push({ path, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
      continue;
    }
    const uri = canonicalUriOf(path);
    hashes.set(uri, hash);
    current.push({ path, uri, hash, settingsKey: findingsKey(session, await settings.settingsFor(pathToFileURL(path).href)) });
  }
  const folderKeys = await Promise.all(folders.map(async (folder) => ({ folder, settingsKey: findingsKey(session, await settings.settingsFor(pathToFileURL(folder).href)) })));
  const plan = await reusable(data, current, folderKeys, hashes, texts);
  const stale = !data || plan.files.size !== Object.keys(data.files).length || plan.folders.size !== Object.keys(data.folders).length;
  return { hashes, unreadable, plan, next: newCache(tool), writable, stale };
}

/** The context files' paths and contents as one hash; a file that cannot be read counts as absent. */
function contextKey(context: readonly string[]): string {
  if (context.length === 0) return '';
  const parts: string[] = [];
  for (const path of [...context].sort()) {
    try {
      parts.push(`${path}\0${contentHash(readFileSync(path))}`);
    } catch {
      parts.push(`${path}\0absent`);
    }
  }
  return contentHash(parts.join('\n'));
}
