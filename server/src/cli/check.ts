/** `incident-docs check`: choose the files, check them, optionally fix what needs no person, print, and say how it went. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { commandLineSettings } from '../config/commandLineSettings';
import { pathToFileURL } from 'node:url';
import type { DiscoverySettings } from '../workspace/discovery';
import { ALL_RULES, FOLDER_RULES } from '../rules';
import { checkFiles, type CheckJob, type CheckOutcome, type EngineLogger } from './engine';
import type { CheckOptions } from './args';
import { selectFiles } from './files';
import { projectRoot } from './projectRoot';
import { FORMATTERS } from './formats';
import { relativePath } from './formats/paths';
import { countFindings, withoutHints } from './findings';
import { fixOf, safeFixEdits } from './fixes';
import { applyTextEdits, writeFixes } from './applyFixes';
import { TOOL } from './packageInfo';
import { progressLine } from './progress';

export interface CliOutput {
  /** A line on standard output. */
  out(line: string): void;
  /** A line on standard error. */
  err(line: string): void;
  /** Text on standard output as it is (a fixed document, a format's whole output). */
  write(text: string): void;
  /** Where a progress line may go: standard error, used only when it is a terminal. */
  progress?: { isTTY?: boolean; write(text: string): unknown };
}

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_TROUBLE = 2;

/** What `--config` gave: settings, and the editor's `files.exclude` globs that are on. */
export interface LoadedConfig {
  settings: Settings;
  exclude: string[];
}

const STDIN_DEFAULT_NAME = 'stdin.md';

export async function runCheck(options: CheckOptions, config: LoadedConfig | undefined, output: CliOutput, cwd: string, readStdin: () => Promise<string>): Promise<number> {
  // Problems the check meets on its way (a config file that is not JSON, a rule that failed) are said and make the
  // exit status 2: a run that did not check what it was asked to check must not pass as clean.
  // Each thread reads the config files and runs the rules: what they say is said once.
  let troubled = false;
  const said = new Set<string>();
  const sayOnce = (message: string) => {
    if (said.has(message)) return;
    said.add(message);
    output.err(message);
  };
  const logger: EngineLogger = {
    error: (message) => {
      troubled = true;
      sayOnce(message);
    },
    warn: sayOnce,
  };
  const discovery: DiscoverySettings = { reportGlobs: await projectReportGlobs(config?.settings ?? DEFAULT_SETTINGS, cwd), exclude: config?.exclude ?? [] };
  let job: CheckJob;
  let named: string[] = [];
  let stdinPath: string | undefined;
  if (options.stdin) {
    stdinPath = resolve(cwd, options.stdinFilename ?? STDIN_DEFAULT_NAME);
    let text: string;
    try {
      text = await readStdin();
    } catch (error) {
      output.err(`Standard input cannot be read (${error instanceof Error ? error.message : String(error)}).`);
      return EXIT_TROUBLE;
    }
    job = { files: [stdinPath], folders: [], baseSettings: config?.settings, texts: new Map([[stdinPath, text]]), threads: 0 };
  } else {
    const selected = await selectFiles(options.paths, cwd, discovery);
    if ('error' in selected) {
      output.err(selected.error);
      return EXIT_TROUBLE;
    }
    const { files, folders, templates } = selected.selection;
    named = selected.selection.named;
    job = { files, folders, baseSettings: config?.settings, context: templates, threads: options.threads, cacheFile: options.cacheLocation && resolve(cwd, options.cacheLocation) };
  }
  const progress = output.progress && progressLine(output.progress);
  job.onProgress = progress?.update;
  let outcome: CheckOutcome;
  if (options.fix) {
    outcome = await checkAndFix(job, stdinPath, cwd, output, logger);
  } else {
    outcome = await checkFiles(job, logger);
  }
  progress?.clear();
  if (outcome.cache) output.err(`Cache: ${outcome.cache.checked} file${plural(outcome.cache.checked)} checked, ${outcome.cache.fromCache} from the cache.`);

  let status = EXIT_CLEAN;
  for (const { path, reason } of outcome.unreadable) {
    const wasNamed = named.includes(path);
    output.err(`${relativePath(cwd, path)}: cannot be read (${reason})${wasNamed ? '' : '; skipped'}`);
    if (wasNamed) status = EXIT_TROUBLE;
  }
  for (const { path, message } of outcome.messages) output.err(`${relativePath(cwd, path) || '.'}: ${message}`);

  const shown: CheckOutcome = { ...outcome, results: withoutHints(outcome.results, options.showHints) };
  // With --stdin --fix, standard output holds the fixed document and nothing else.
  if (!(options.fix && stdinPath !== undefined)) {
    const unreadable = new Set(outcome.unreadable.map(({ path }) => path));
    const text = FORMATTERS[options.format]({
      outcome: shown,
      checked: job.files.filter((file) => !unreadable.has(file)),
      cwd,
      root: projectRoot(cwd, cwd),
      tool: TOOL,
      rules: [...ALL_RULES, ...FOLDER_RULES],
    });
    if (text) output.write(text);
  }

  const { errors, warnings, findings } = countFindings(shown.results);
  const { markdownFiles, reports } = outcome;
  output.err(`${markdownFiles} Markdown file${plural(markdownFiles)} read, ${reports} report${plural(reports)} checked, ${findings} finding${plural(findings)} (${errors} error${plural(errors)}).`);
  if (status === EXIT_TROUBLE || troubled) return EXIT_TROUBLE;
  if (errors > 0) return EXIT_FINDINGS;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    output.err(`${warnings} warning${plural(warnings)}, more than --max-warnings ${options.maxWarnings} allows.`);
    return EXIT_FINDINGS;
  }
  return EXIT_CLEAN;
}

/**
 * The report globs that choose a folder's files: those of `--config` under the project config file at the project's
 * root, as the editor takes them from the config file at its workspace folder's root. Its problems are said when the
 * files are checked, not here.
 */
async function projectReportGlobs(base: Settings, cwd: string): Promise<string[]> {
  const settings = await commandLineSettings(base, () => undefined, cwd).settingsFor(pathToFileURL(projectRoot(cwd, cwd)).href);
  return settings.reportGlobs;
}

function plural(count: number): string {
  return count === 1 ? '' : 's';
}

/** Findings whose fix `--fix` would apply. */
function safeFixable(outcome: CheckOutcome): number {
  return outcome.results.reduce((sum, { diagnostics }) => sum + diagnostics.filter((diagnostic) => fixOf(diagnostic)?.safe).length, 0);
}

/**
 * Checks, applies the safe fixes, and checks again: the outcome returned is what remains. The texts checked are kept,
 * so that a file changed meanwhile (by an editor, another run) is left alone rather than overwritten.
 * With --stdin, the fixed text is printed instead of written; fixes into other files are then not made.
 */
async function checkAndFix(job: CheckJob, stdinPath: string | undefined, cwd: string, output: CliOutput, logger: EngineLogger): Promise<CheckOutcome> {
  const snapshots = new Map(job.texts ?? []);
  for (const file of job.files) {
    if (snapshots.has(file)) continue;
    try {
      snapshots.set(file, readFileSync(file, 'utf8'));
    } catch {
      // the check says it cannot be read
    }
  }
  const before = await checkFiles({ ...job, texts: snapshots }, logger);
  const edits = safeFixEdits(before.results);
  if (stdinPath !== undefined) {
    const text = snapshots.get(stdinPath) ?? '';
    const fixedText = applyTextEdits(text, edits.get(stdinPath) ?? []).text;
    output.write(fixedText);
    const after = await checkFiles({ ...job, texts: new Map([[stdinPath, fixedText]]) }, logger);
    const fixedCount = Math.max(0, safeFixable(before) - safeFixable(after));
    output.err(`Fixed ${fixedCount} finding${plural(fixedCount)} in the text printed.`);
    return after;
  }
  const { written, skipped } = writeFixes(edits, snapshots);
  for (const { path, reason } of skipped) output.err(`${relativePath(cwd, path)}: not fixed: ${reason}.`);
  const after = await checkFiles(job, logger);
  const fixedCount = Math.max(0, safeFixable(before) - safeFixable(after));
  output.err(`Fixed ${fixedCount} finding${plural(fixedCount)} in ${written.length} file${plural(written.length)}.`);
  return after;
}
