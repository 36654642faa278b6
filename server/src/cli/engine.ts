/**
 * The CLI's check: reads the files named, indexes them (so links between them are followed both ways), runs the
 * folder rules over the folders named and every rule over every file, and gives the findings as data. Printing
 * them is the formats' job; choosing the files is `files.ts`'s.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL, fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService } from '../languageService';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import type { SettingsSource } from '../config/settingsSource';
import { commandLineSettings } from '../config/commandLineSettings';
import { ReportIndex } from '../workspace/reportIndex';
import { fileExists, nodeFileSystem } from '../workspace/fileSystem';

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
}

export interface EngineLogger {
  error(message: string): void;
  warn(message: string): void;
}

export async function checkFiles(job: CheckJob, logger: EngineLogger): Promise<CheckOutcome> {
  const settings: SettingsSource = commandLineSettings(job.baseSettings ?? DEFAULT_SETTINGS, (line, severity) => (severity === 'error' ? logger.error(line) : logger.warn(line)));
  const workspace = new ReportIndex(fileExists);
  const service = createLanguageService({ logger, workspace });
  const outcome: CheckOutcome = { results: [], unreadable: [], messages: [], markdownFiles: 0, reports: 0 };
  const byPath = new Map<string, Diagnostic[]>();
  const add = (path: string, diagnostics: Diagnostic[]) => {
    if (diagnostics.length > 0) byPath.set(path, [...(byPath.get(path) ?? []), ...diagnostics]);
  };

  // Index every file first, so links between the reports checked are followed both ways.
  const texts = new Map<string, string>();
  for (const file of [...job.files].sort()) {
    try {
      const text = job.texts?.get(file) ?? readFileSync(file, 'utf8');
      texts.set(file, text);
      workspace.update(pathToFileURL(file).href, text);
    } catch (error) {
      outcome.unreadable.push({ path: file, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
    }
  }
  outcome.markdownFiles = texts.size;
  for (const file of job.context ?? []) {
    if (texts.has(file)) continue;
    try {
      workspace.update(pathToFileURL(file).href, readFileSync(file, 'utf8'));
    } catch {
      // a template that cannot be read is missed as the editor would miss it; the reports are still checked
    }
  }

  for (const folder of job.folders) {
    const uri = pathToFileURL(folder).href;
    const result = await service.checkFolder(uri, nodeFileSystem, await settings.settingsFor(uri));
    for (const [fileUri, diagnostics] of result.diagnostics) add(fileURLToPath(fileUri), diagnostics);
    for (const message of result.messages) outcome.messages.push({ path: folder, message });
  }
  for (const [file, text] of texts) {
    const document = { uri: pathToFileURL(file).href, version: 1, getText: () => text };
    if (service.getReport(document).kind) outcome.reports++;
    add(file, service.computeDiagnostics(document, await settings.settingsFor(document.uri)));
  }
  outcome.results = [...byPath]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, diagnostics]) => ({ path, diagnostics: diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character) }));
  return outcome;
}
