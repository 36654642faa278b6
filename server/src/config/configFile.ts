/**
 * Reads one settings file — a project config file (`.incident-docs.jsonc`) or a settings file given to the CLI's
 * `--config` — into the settings it sets, with each problem at the span of the file it is about.
 */
import { posix } from 'node:path';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { readSettingsLayer, mergeSettings, DEFAULT_SETTINGS, type SettingLocation, type Settings } from '../settings';
import { LineIndex, type Range } from '../model/position';
import { normaliseSettingKeys, type UnknownKeys, type WrittenSetting } from './settingKeys';

/** The project config file's names, the first preferred when a folder has both. */
export const CONFIG_FILE_NAMES = ['.incident-docs.jsonc', '.incident-docs.json'] as const;

const CONFIG_FILE = /\/\.incident-docs\.jsonc?$/;

/** Whether `uri` (or a path) names a project config file. */
export function isConfigFile(uri: string): boolean {
  return CONFIG_FILE.test(uri);
}

export interface ConfigProblem {
  message: string;
  range: Range;
  /** `error`: the file cannot be used at all; `warning`: one entry of it is not used. */
  severity: 'error' | 'warning';
}

export interface ConfigFileOptions {
  knownRules: readonly string[];
  unknownKeys: UnknownKeys;
  /**
   * The file's folder relative to the workspace root (`''` at the root), for its relative paths: `templates` are
   * made relative to the root, and only the root's file may set `reportGlobs`. Undefined: paths stay as written.
   */
  folder?: string;
}

export interface ReadConfig {
  /** The settings the file sets (nothing of a file that is not valid JSON). */
  layer: Partial<Settings>;
  problems: ConfigProblem[];
  /** False when the file is not a JSON object: nothing of it is used. */
  usable: boolean;
}

/** The settings `text` sets, and what is wrong in it; invalid entries are left out, so what is below them holds. */
export function readConfigText(text: string, options: ConfigFileOptions): ReadConfig {
  const lines = new LineIndex(text);
  const rangeOf = (offset: number, length: number): Range => ({ start: lines.positionAt(offset), end: lines.positionAt(offset + length) });
  const errors: ParseError[] = [];
  // JSON with comments and trailing commas, as VS Code's own settings files.
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    // The first error only: those after it are mostly the parser losing its way.
    const [first] = errors;
    return { layer: {}, usable: false, problems: [{ message: `Not valid JSON: ${syntaxMessage(first)}; the file is not used until it is fixed.`, range: rangeOf(first.offset, first.length), severity: 'error' }] };
  }
  if (!root || root.type !== 'object') {
    const at = root ? rangeOf(root.offset, root.length) : rangeOf(0, 0);
    return { layer: {}, usable: false, problems: [{ message: 'A settings file holds one JSON object, e.g. { "rules": { "empty-section": "off" } }; the file is not used.', range: at, severity: 'error' }] };
  }
  const normalised = normaliseSettingKeys(root, options.unknownKeys);
  const problems: ConfigProblem[] = normalised.problems.map((p) => ({ message: p.message, range: rangeOf(p.offset, p.length), severity: 'warning' }));
  const warnAt = (message: string, node: Node | undefined) => {
    problems.push({ message, range: node ? rangeOf(node.offset, node.length) : rangeOf(root.offset, 1), severity: 'warning' });
  };
  const layer = readSettingsLayer(normalised.section, options.knownRules, (message, at) => warnAt(message, at && nodeOf(normalised.written, at)));
  if (options.folder !== undefined) resolvePaths(layer, options.folder, normalised.written, warnAt);
  problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { layer, problems, usable: true };
}

/**
 * A settings file read on its own, over the defaults (the CLI's `--config`): keys of other tools are left alone
 * once the file names `incidentDocs` settings, as in a `.vscode/settings.json`.
 */
export function readSettingsFile(text: string, knownRules: readonly string[]): { settings: Settings } & ReadConfig {
  const read = readConfigText(text, { knownRules, unknownKeys: 'foreign' });
  return { ...read, settings: mergeSettings(DEFAULT_SETTINGS, read.layer) };
}

/** The node a settings problem is about: the setting written, then down its list indices or map keys. */
function nodeOf(written: ReadonlyMap<string, WrittenSetting>, at: SettingLocation): Node | undefined {
  for (let length = at.path.length; length > 0; length--) {
    const setting = written.get(at.path.slice(0, length).join('.'));
    if (!setting) continue;
    const rest = at.path.slice(length);
    if (rest.length === 0) return at.key ? setting.key : setting.value;
    return findNodeAtLocation(setting.value, [...rest]) ?? setting.value;
  }
  return undefined;
}

/** Templates relative to the file's folder become relative to the root; `reportGlobs` is the root file's alone. */
function resolvePaths(layer: Partial<Settings>, folder: string, written: ReadonlyMap<string, WrittenSetting>, warnAt: (message: string, node: Node | undefined) => void): void {
  if (layer.templates) {
    const templates: Record<string, string> = {};
    for (const [name, path] of Object.entries(layer.templates)) {
      const slashed = path.replace(/\\/g, '/');
      const fromRoot = posix.normalize(posix.join(folder, slashed));
      const node = findNodeAtLocation(written.get('templates')!.value, [name]);
      if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed) || fromRoot === '..' || fromRoot.startsWith('../')) {
        warnAt(`Template "${name}": "${path}" is outside the workspace folder; templates are read from inside it only, as paths relative to this file's folder.`, node);
      } else templates[name] = fromRoot;
    }
    layer.templates = templates;
  }
  if (layer.reportGlobs && folder !== '') {
    warnAt('reportGlobs chooses the files of the whole workspace folder: it is read from the config file at the folder\'s root (or the settings), not from one in a subfolder.', written.get('reportGlobs')?.key);
    delete layer.reportGlobs;
  }
}

function syntaxMessage(error: ParseError): string {
  const messages: Partial<Record<string, string>> = {
    InvalidSymbol: 'an unexpected character',
    InvalidNumberFormat: 'a number written wrong',
    PropertyNameExpected: 'a property name (in double quotes) was expected',
    ValueExpected: 'a value was expected',
    ColonExpected: 'a colon was expected',
    CommaExpected: 'a comma was expected',
    CloseBraceExpected: 'a closing brace was expected',
    CloseBracketExpected: 'a closing bracket was expected',
    EndOfFileExpected: 'the file goes on after its object',
    UnexpectedEndOfString: 'a string is not closed',
    UnexpectedEndOfComment: 'a comment is not closed',
  };
  const code = printParseErrorCode(error.error);
  return messages[code] ?? code;
}
