/**
 * Headless check over the same language service the editor uses:
 *   incident-docs check <files or folders…>
 * Prints `path:line:col severity rule-id message` per finding; exits 1 if any error was found, 0 otherwise, 2 on bad usage.
 *   incident-docs explain <file>
 * Prints what was understood of one document: its kind and why, each heading's role, each timeline entry's instant.
 */
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readSettings, DEFAULT_SETTINGS, type Settings } from './settings';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { nodeFileSystem } from './workspace/fileSystem';
import { explain, type Explanation, type TimelineExplanation } from './features/explain';
import { buildReport } from './model/report';
import { overLimits } from './model/limits';
import { ALL_RULES, FOLDER_RULES } from './rules';
import { checkFiles } from './cli/engine';
import { isCheckWorker, runCheckWorker } from './cli/worker';
import { progressLine } from './cli/progress';
import { countFindings, formatText, withoutHints } from './cli/textFormat';
import { isMarkdownFile } from './model/markdownFile';
import { walkFiles, type WalkedEntry } from './workspace/folderWalk';

const USAGE = `Usage: incident-docs check [--config <settings.json>] [--hints] [--cache [file]] [--threads N] <files or folders…>
       incident-docs explain [--format text|json] <file>

Checks the 8D reports and post-mortems among the Markdown files given (folders are searched,
skipping node_modules and hidden folders). Files that are not reports are skipped silently.
A folder's .8d-dir, and the lock file of the report folder it names, are checked too.

  --config <file>  a JSON file with incidentDocs.* settings, e.g. a .vscode/settings.json
                   ("incidentDocs.rules.empty-section": "off")
  --hints          also print hints (suggestions VS Code shows as dots, not in the Problems panel)
  --cache [file]   re-check only files that changed (or whose linked reports did); the findings are
                   kept in file (default .incident-docs-cache in the current folder; not a folder
                   or .md file: those are what is checked)
  --threads N      check in N worker threads (0: in this thread; default: one per core from 200 files)

explain prints what was understood of one Markdown file: its kind (8D report, post-mortem or
not a report) and why, each heading with the role it was given (a post-mortem section, an 8D
discipline, or — for none), and each timeline entry with its instant in UTC and its zone, or why
it was not read. --format json prints the same as JSON.

Exit status: check: 1 if any error was found, 0 otherwise; explain: 0; both: 2 on bad usage
or a file that cannot be read.`;

interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
}

export async function runCli(args: string[], output: Output, cwd = process.cwd()): Promise<number> {
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h') {
    (args.length === 0 ? output.err : output.out)(USAGE);
    return args.length === 0 ? 2 : 0;
  }
  if (args[0] === 'explain') return runExplain(args.slice(1), output, cwd);
  if (args[0] !== 'check') {
    output.err(`Unknown command "${args[0]}".\n\n${USAGE}`);
    return 2;
  }
  const paths: string[] = [];
  let configPath: string | undefined;
  let showHints = false;
  let cacheFile: string | undefined;
  let threads: number | undefined;
  for (let i = 1; i < args.length; i++) {
    if (args[i] === '--hints') {
      showHints = true;
    } else if (args[i] === '--cache' || args[i].startsWith('--cache=')) {
      cacheFile = resolve(cwd, args[i].slice('--cache='.length) || (isCacheFileName(args[i + 1], cwd) ? args[++i] : '.incident-docs-cache'));
    } else if (args[i] === '--threads') {
      threads = Number(args[++i]);
      if (!Number.isInteger(threads) || threads < 0) return usageError(output, '--threads takes a whole number (0: no worker threads).');
    } else if (args[i] === '--config') {
      configPath = args[++i];
      if (!configPath) return usageError(output, '--config needs a file name.');
    } else if (args[i].startsWith('-')) {
      return usageError(output, `Unknown option "${args[i]}".`);
    } else {
      paths.push(args[i]);
    }
  }
  if (paths.length === 0) return usageError(output, 'Name at least one file or folder to check.');

  let settings: Settings | undefined;
  if (configPath) {
    const loaded = loadSettings(resolve(cwd, configPath), output);
    if (!loaded) return 2;
    settings = loaded;
  }

  const files: string[] = [];
  const folders: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      return usageError(output, `No such file or folder: ${path}`);
    }
    if (stats.isDirectory()) {
      folders.push(absolute);
      files.push(...(await markdownFilesUnder(absolute)));
    } else files.push(absolute);
  }

  const progress = progressLine(process.stderr);
  const outcome = await checkFiles({ files, folders, baseSettings: settings, cacheFile, threads, onProgress: progress?.update }, { error: output.err, warn: output.err });
  progress?.clear();
  for (const { path, reason } of outcome.unreadable) output.err(`${relative(cwd, path)}: cannot be read (${reason}); skipped`);
  for (const { path, message } of outcome.messages) output.err(`${relative(cwd, path) || '.'}: ${message}`);
  const shown = withoutHints(outcome.results, showHints);
  for (const line of formatText(shown, cwd)) output.out(line);
  const { errors, findings } = countFindings(shown);
  const { markdownFiles, reports } = outcome;
  output.err(`${markdownFiles} Markdown file${markdownFiles === 1 ? '' : 's'} read, ${reports} report${reports === 1 ? '' : 's'} checked, ${findings} finding${findings === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}).`);
  if (outcome.cache) output.err(`Cache: ${outcome.cache.checked} file${outcome.cache.checked === 1 ? '' : 's'} checked, ${outcome.cache.fromCache} from the cache.`);
  return errors > 0 ? 1 : 0;
}

/** After `--cache`: a file name, unless it is an option, a Markdown file or a folder (what is to be checked). */
function isCacheFileName(arg: string | undefined, cwd: string): arg is string {
  if (arg === undefined || arg.startsWith('-') || isMarkdownFile(arg)) return false;
  try {
    return !statSync(resolve(cwd, arg)).isDirectory();
  } catch {
    return true;
  }
}

/** `explain [--format text|json] <file>`: what was understood of one document; 0, or 2 when it cannot be read. */
function runExplain(args: string[], output: Output, cwd: string): number {
  let format = 'text';
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--format') {
      format = args[++i] ?? '';
      if (format !== 'text' && format !== 'json') return usageError(output, '--format takes text or json.');
    } else if (args[i].startsWith('-')) {
      return usageError(output, `Unknown option "${args[i]}".`);
    } else {
      paths.push(args[i]);
    }
  }
  if (paths.length !== 1) return usageError(output, 'explain takes one Markdown file.');
  const path = paths[0];
  let text: string;
  try {
    const absolute = resolve(cwd, path);
    if (statSync(absolute).isDirectory()) return fileError(output, `${path} is a folder: explain takes one Markdown file (check takes folders).`);
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fileError(output, code === 'ENOENT' ? `No such file: ${path}` : `${path} cannot be read (${code ?? String(error)}).`);
  }
  const explanation = explain(buildReport(text));
  if (format === 'json') output.out(JSON.stringify({ file: path, ...explanation }, null, 2));
  else for (const line of explanationLines(path, explanation)) output.out(line);
  // explain reads any size; check leaves documents over its limits unparsed, and explain should not hide that.
  const over = overLimits(text, DEFAULT_SETTINGS);
  if (over) output.err(`Note: ${path} has ${over.count} ${over.measure}, over the default limit: check reports it with document-size only.`);
  return 0;
}

const EMPTY_ROLE = '—';
const COLUMN = 44;

function clip(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`;
}

function explanationLines(path: string, explanation: Explanation): string[] {
  const lines = [path, `Kind: ${explanation.kindName}`, `Why:  ${explanation.reason}`, ''];
  const lineNumber = (line: number) => String(line).padStart(5);
  if (explanation.headings.length === 0) lines.push('Headings: none');
  else {
    lines.push('Headings (line, heading, role):');
    for (const heading of explanation.headings) {
      const written = heading.pseudo ? `${heading.text} (a line standing for a heading)` : `${'#'.repeat(heading.depth)} ${heading.text}`;
      lines.push(`${lineNumber(heading.line)}  ${clip(written, COLUMN).padEnd(COLUMN)}  ${heading.role ?? EMPTY_ROLE}`);
    }
  }
  for (const timeline of explanation.timelines) lines.push('', ...timelineLines(timeline, lineNumber));
  if (explanation.kind === 'postmortem' && explanation.timelines.length === 0) lines.push('', 'Timeline: none (no Timeline section)');
  return lines;
}

function timelineLines(timeline: TimelineExplanation, lineNumber: (line: number) => string): string[] {
  const about = [timeline.zone ? `all times ${timeline.zone}` : 'no zone declared', timeline.newestFirst ? 'newest first' : 'oldest first'].join(', ');
  const counts = `${timeline.read} ${timeline.read === 1 ? 'entry' : 'entries'} read, ${timeline.notRead} not read${timeline.dropped ? `, ${timeline.dropped} past the limit` : ''}`;
  const lines = [`Timeline "${timeline.heading}" (line ${timeline.line}; ${about}): ${counts}`];
  if (timeline.entries.length > 0) lines.push('Entries (line, as written, UTC, zone, text):');
  for (const entry of timeline.entries) {
    if (!entry.read) {
      lines.push(`${lineNumber(entry.line)}  not read: ${entry.reason}: "${clip(entry.text, 60)}"`);
      continue;
    }
    const zone = entry.zone ? `${entry.zone}${entry.iana && entry.iana !== entry.zone ? ` (${entry.iana})` : ''}${entry.zoneFrom === 'timeline' ? ', declared' : ''}` : 'no zone, read as UTC';
    const utc = `${entry.utc}${entry.dated ? '' : ' (no date)'}${entry.assumedNextDay ? ' (next day assumed)' : ''}`;
    lines.push(`${lineNumber(entry.line)}  ${entry.written.padEnd(16)}  ${utc.padEnd(18)}  ${zone.padEnd(12)}  ${clip(entry.text, 50)}`);
  }
  return lines;
}

/** A file that cannot be explained: the usage was right, so the message alone. */
function fileError(output: Output, message: string): number {
  output.err(message);
  return 2;
}

function usageError(output: Output, message: string): number {
  output.err(`${message}\n\n${USAGE}`);
  return 2;
}

function loadSettings(path: string, output: Output): Settings | undefined {
  let raw: unknown;
  try {
    // VS Code's settings files are JSON with comments and trailing commas.
    const errors: ParseError[] = [];
    raw = parseJsonc(readFileSync(path, 'utf8'), errors, { allowTrailingComma: true });
    if (errors.length > 0) throw new Error(`${printParseErrorCode(errors[0].error)} at offset ${errors[0].offset}`);
  } catch (error) {
    output.err(`Cannot read settings from ${path}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  // Accept both VS Code's flat keys ("incidentDocs.rules.x") and a nested { incidentDocs: { rules: { x } } }.
  const section: Record<string, unknown> = {};
  const rules: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === 'incidentDocs' && typeof value === 'object' && value) Object.assign(section, value);
    else if (key.startsWith('incidentDocs.rules.')) rules[key.slice('incidentDocs.rules.'.length)] = value;
    else if (key.startsWith('incidentDocs.')) section[key.slice('incidentDocs.'.length)] = value;
  }
  section.rules = { ...(section.rules as object | undefined), ...rules };
  return readSettings(section, [...ALL_RULES, ...FOLDER_RULES].map((rule) => rule.id), (message) => output.err(`Warning: ${message}`));
}

/** The Markdown files under a folder; hidden files and folders and `node_modules` are not looked into. */
async function markdownFilesUnder(folder: string): Promise<string[]> {
  const found: string[] = [];
  const skipped = (entry: WalkedEntry) => entry.name.startsWith('.') || entry.name === 'node_modules';
  for await (const files of walkFiles(nodeFileSystem, pathToFileURL(folder).href, skipped)) {
    for (const file of files) if (isMarkdownFile(file.name)) found.push(fileURLToPath(file.uri));
  }
  return found;
}

// The same bundle runs the CLI's worker threads (cli/worker.ts); inside one, `require.main === module` holds too.
if (isCheckWorker()) runCheckWorker();
else if (require.main === module) {
  void runCli(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) }).then((status) => {
    process.exitCode = status;
  });
}
