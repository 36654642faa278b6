/** The options of `incident-docs check`, read from the command line (pure: no file is touched here). */
import { FORMATS, isFormatName, type FormatName } from './formats';

export interface CheckOptions {
  paths: string[];
  configPath?: string;
  showHints: boolean;
  format: FormatName;
  fix: boolean;
  stdin: boolean;
  stdinFilename?: string;
  maxWarnings?: number;
  /** `--cache`: where the findings of the last run are kept, relative to where the command runs; undefined: no cache. */
  cacheLocation?: string;
  /** `--threads`: worker threads to check in (0: this thread); undefined: one per core from enough files. */
  threads?: number;
}

/** Where `--cache` keeps its findings unless `--cache-location` says otherwise (as ESLint's `.eslintcache`). */
export const DEFAULT_CACHE_LOCATION = '.incident-docs-cache';

export type ParsedCheck = { options: CheckOptions } | { usageError: string };

const WITH_VALUE = new Set(['--config', '--format', '--stdin-filename', '--max-warnings', '--cache-location', '--threads']);

/** Reads `check`'s arguments (after the word `check`); `--name=value` works as `--name value`. */
export function parseCheckArgs(args: readonly string[]): ParsedCheck {
  const options: CheckOptions = { paths: [], showHints: false, format: 'text', fix: false, stdin: false };
  for (let i = 0; i < args.length; i++) {
    let arg = args[i];
    let value: string | undefined;
    const equals = arg.indexOf('=');
    if (arg.startsWith('--') && equals > 0) {
      value = arg.slice(equals + 1);
      arg = arg.slice(0, equals);
    }
    if (WITH_VALUE.has(arg) && value === undefined) {
      value = args[++i];
      if (value === undefined || value === '') return { usageError: `${arg} needs a value.` };
    } else if (!WITH_VALUE.has(arg) && value !== undefined) {
      return { usageError: `${arg} takes no value.` };
    }
    switch (arg) {
      case '--hints': options.showHints = true; break;
      case '--fix': options.fix = true; break;
      case '--stdin': options.stdin = true; break;
      case '--cache': options.cacheLocation ??= DEFAULT_CACHE_LOCATION; break;
      case '--cache-location': options.cacheLocation = value; break;
      case '--threads':
        if (!/^\d+$/.test(value ?? '')) return { usageError: `--threads takes a whole number (0: no worker threads); not "${value}".` };
        options.threads = Number(value);
        break;
      case '--config': options.configPath = value; break;
      case '--stdin-filename': options.stdinFilename = value; break;
      case '--format':
        if (!isFormatName(value ?? '')) return { usageError: `--format takes ${FORMATS.join(', ')}; not "${value}".` };
        options.format = value as FormatName;
        break;
      case '--max-warnings': {
        if (!/^\d+$/.test(value ?? '')) return { usageError: `--max-warnings takes a whole number of 0 or more; not "${value}".` };
        options.maxWarnings = Number(value);
        break;
      }
      default:
        if (arg.startsWith('-')) return { usageError: `Unknown option "${args[i]}".` };
        options.paths.push(arg);
    }
  }
  if (options.stdin && options.paths.length > 0) return { usageError: '--stdin checks the text read from standard input: name no files with it.' };
  if (!options.stdin && options.stdinFilename !== undefined) return { usageError: '--stdin-filename goes with --stdin.' };
  if (!options.stdin && options.paths.length === 0) return { usageError: 'Name at least one file, folder or glob to check (or use --stdin).' };
  return { options };
}
