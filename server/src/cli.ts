/**
 * Headless check over the same language service the editor uses:
 *   incident-docs check [options] <files, folders or globs…>   (see cli/usage.ts, cli/check.ts)
 *   incident-docs explain <file>
 * Prints what was understood of one document: its kind and why, each heading's role, each timeline entry's instant.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_SETTINGS } from './settings';
import { parse as parseJsonc } from 'jsonc-parser';
import { readSettingsFile } from './config/configFile';
import { explain, type Explanation, type TimelineExplanation } from './features/explain';
import { buildReport } from './model/report';
import { overLimits } from './model/limits';
import { ALL_RULES, FOLDER_RULES } from './rules';
import { parseCheckArgs } from './cli/args';
import { EXIT_CLEAN, EXIT_TROUBLE, runCheck, type CliOutput, type LoadedConfig } from './cli/check';
import { PACKAGE } from './cli/packageInfo';
import { USAGE } from './cli/usage';
import { isCheckWorker, runCheckWorker } from './cli/worker';

export async function runCli(args: string[], output: CliOutput, cwd = process.cwd(), readStdin: () => Promise<string> = readStandardInput): Promise<number> {
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h') {
    if (args.length === 0) output.err(USAGE);
    else output.out(USAGE);
    return args.length === 0 ? EXIT_TROUBLE : EXIT_CLEAN;
  }
  if (args[0] === '--version' || args[0] === '-v') {
    output.out(PACKAGE.version);
    return EXIT_CLEAN;
  }
  if (args[0] === 'explain') return runExplain(args.slice(1), output, cwd);
  if (args[0] !== 'check') return usageError(output, `Unknown command "${args[0]}".`);
  const checkArgs = args.slice(1);
  if (checkArgs.includes('--help') || checkArgs.includes('-h')) {
    output.out(USAGE);
    return EXIT_CLEAN;
  }
  if (checkArgs.includes('--version')) {
    output.out(PACKAGE.version);
    return EXIT_CLEAN;
  }
  const parsed = parseCheckArgs(checkArgs);
  if ('usageError' in parsed) return usageError(output, parsed.usageError);
  let config: LoadedConfig | undefined;
  if (parsed.options.configPath) {
    config = loadConfig(resolve(cwd, parsed.options.configPath), output);
    if (!config) return EXIT_TROUBLE;
  }
  return runCheck(parsed.options, config, output, cwd, readStdin);
}

/** All of standard input, as UTF-8 text. */
async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `explain [--format text|json] <file>`: what was understood of one document; 0, or 2 when it cannot be read. */
function runExplain(args: string[], output: CliOutput, cwd: string): number {
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
function fileError(output: CliOutput, message: string): number {
  output.err(message);
  return EXIT_TROUBLE;
}

function usageError(output: CliOutput, message: string): number {
  output.err(`${message}\n\n${USAGE}`);
  return EXIT_TROUBLE;
}

/** The settings of a `--config` file, and its `files.exclude` globs that are on; undefined (said why) when it cannot be read. */
function loadConfig(path: string, output: CliOutput): LoadedConfig | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    output.err(`Cannot read settings from ${path}: ${code === 'ENOENT' ? 'no such file' : code ?? String(error)}`);
    return undefined;
  }
  // The reader project config files go through: nested, dotted and VS Code's flat keys alike, other tools' keys let be.
  const read = readSettingsFile(text, [...ALL_RULES, ...FOLDER_RULES].map((rule) => rule.id));
  if (!read.usable) {
    output.err(`Cannot read settings from ${path}: ${read.problems.map((problem) => problem.message).join(' ')}`);
    return undefined;
  }
  for (const { range, severity, message } of read.problems) output.err(`${path}:${range.start.line + 1}:${range.start.character + 1} ${severity} ${message}`);
  return { settings: read.settings, exclude: enabledExcludes(text) };
}

/** The editor's index leaves out what `files.exclude` hides; so does the CLI given the same settings. */
function enabledExcludes(text: string): string[] {
  const raw: unknown = parseJsonc(text, [], { allowTrailingComma: true });
  const excludes = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['files.exclude'] : undefined;
  if (typeof excludes !== 'object' || excludes === null) return [];
  return Object.entries(excludes as Record<string, unknown>).filter(([, on]) => on === true).map(([glob]) => glob);
}

if (isCheckWorker()) runCheckWorker();
else if (require.main === module) {
  const output: CliOutput = { out: (line) => console.log(line), err: (line) => console.error(line), write: (text) => process.stdout.write(text), progress: process.stderr };
  runCli(process.argv.slice(2), output).then((status) => {
    process.exitCode = status;
  }, (error: unknown) => {
    // A bug, not a finding: say so plainly, with the stack for the bug report.
    console.error(`incident-docs failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    process.exitCode = EXIT_TROUBLE;
  });
}
