// Rule fixtures (test/fixtures/rules/<rule-id>/…): Markdown reports whose expected findings are written in them as
// `<!-- expect: rule-id -->` markers. The syntax is described in test/fixtures/rules/README.md.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { nodeFileSystem } from '../../server/src/workspace/fileSystem';
import { createLanguageService } from '../../server/src/languageService';
import { readSettings, DEFAULT_SETTINGS, type Settings } from '../../server/src/settings';
import { severityName } from '../../server/src/features/diagnostics';
import { ReportIndex } from '../../server/src/workspace/reportIndex';
import type { Severity } from '../../server/src/rules/rule';
import { FIXTURES, FIXTURE_TODAY, documentOf } from './fixtures';

export const RULE_FIXTURES = join(FIXTURES, 'rules');

const SEVERITIES: readonly string[] = ['error', 'warning', 'information', 'hint'] satisfies readonly Severity[];

/** One finding a marker asks for. */
export interface Expectation {
  rule: string;
  /** 1-based line the finding must start on. */
  line: number;
  severity?: Severity;
  /** Text the finding's message must contain. */
  fragment?: string;
}

/** A finding as the user sees it, 1-based line. */
export interface Observed {
  rule: string;
  line: number;
  severity: string;
  message: string;
}

// `expect` and `expect-next-line` only: anything else starting `<!-- expect` is a typo and is reported, not ignored.
const MARKER = /<!--\s*(expect(?:-next-line)?)\s*:((?:(?!-->)[\s\S])*)-->/g;
const MARKER_LIKE = /<!--\s*expect\b/g;
/** `rule-id [severity] ["message fragment"]`, then a comma or the end. */
const ITEM = /\s*([a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?:\s+([a-z]+))?(?:\s+"((?:[^"\\]|\\.)*)")?\s*(,|$)/y;

/** The expectations written in a fixture's markers; throws, naming the line, on a marker it cannot read. */
export function readMarkers(text: string, knownRules: readonly string[]): Expectation[] {
  const expectations: Expectation[] = [];
  text.split(/\r?\n/).forEach((lineText, index) => {
    const markers = [...lineText.matchAll(MARKER)];
    if ([...lineText.matchAll(MARKER_LIKE)].length !== markers.length) throw new Error(`line ${index + 1}: a comment starting "<!-- expect" is not "<!-- expect: …" or "<!-- expect-next-line: …" on one line`);
    for (const [, form, body] of markers) {
      const line = form === 'expect' ? index + 1 : index + 2;
      for (const item of readItems(body, index + 1)) {
        if (!knownRules.includes(item.rule)) throw new Error(`line ${index + 1}: no rule is called "${item.rule}"`);
        expectations.push({ ...item, line });
      }
    }
  });
  return expectations;
}

function readItems(body: string, line: number): Omit<Expectation, 'line'>[] {
  const items: Omit<Expectation, 'line'>[] = [];
  ITEM.lastIndex = 0;
  const trimmed = body.trim();
  while (ITEM.lastIndex < trimmed.length) {
    const match = ITEM.exec(trimmed);
    if (!match) throw new Error(`line ${line}: cannot read "${trimmed.slice(ITEM.lastIndex)}": write rule-id [severity] ["message fragment"], separated by commas`);
    const [, rule, severity, fragment, separator] = match;
    if (severity !== undefined && !SEVERITIES.includes(severity)) throw new Error(`line ${line}: "${severity}" is not a severity (${SEVERITIES.join(', ')})`);
    items.push({ rule, ...(severity ? { severity: severity as Severity } : {}), ...(fragment !== undefined ? { fragment: fragment.replace(/\\(.)/g, '$1') } : {}) });
    if (separator === '') break;
  }
  if (items.length === 0) throw new Error(`line ${line}: a marker names no rule`);
  return items;
}

/** The text without its markers, every line where it was: a marker alone on its line leaves an empty line. */
export function stripMarkers(text: string): string {
  return text.replace(/[ \t]*<!--\s*expect(?:-next-line)?\s*:(?:(?!-->)[\s\S])*-->/g, '');
}

/** Each missing finding and each unexpected one, as `file:line: …`; empty when they are the same. */
export function compareFindings(file: string, expected: readonly Expectation[], observed: readonly Observed[]): string[] {
  const unmatched = [...observed];
  const problems: string[] = [];
  // The most specific expectations take their finding first, so that a bare one cannot steal it.
  const specificity = (e: Expectation) => (e.fragment !== undefined ? 2 : 0) + (e.severity ? 1 : 0);
  for (const expectation of [...expected].sort((a, b) => specificity(b) - specificity(a))) {
    const at = unmatched.findIndex((seen) => seen.rule === expectation.rule && seen.line === expectation.line
      && (!expectation.severity || seen.severity === expectation.severity)
      && (expectation.fragment === undefined || seen.message.includes(expectation.fragment)));
    if (at >= 0) unmatched.splice(at, 1);
    else {
      const there = observed.filter((seen) => seen.line === expectation.line).map((seen) => `${seen.rule} ${seen.severity} "${seen.message}"`);
      problems.push(`${file}:${expectation.line}: expected ${expectation.rule}${expectation.severity ? ` ${expectation.severity}` : ''}${expectation.fragment !== undefined ? ` "${expectation.fragment}"` : ''}, not found (found on that line: ${there.join('; ') || 'nothing'})`);
    }
  }
  for (const seen of unmatched) problems.push(`${file}:${seen.line}: unexpected ${seen.rule} ${seen.severity} "${seen.message}"`);
  return problems.sort(byLine);
}

function byLine(a: string, b: string): number {
  const lineOf = (problem: string) => Number(/:(\d+): /.exec(problem)?.[1] ?? 0);
  return lineOf(a) - lineOf(b) || a.localeCompare(b);
}

/** A fixture case: one Markdown file, or a folder of them checked as one workspace. */
export interface FixtureCase {
  rule: string;
  /** The case's name within its rule's folder: `wrong.md`, `superseded/`. */
  name: string;
  /** Every Markdown file of the case, by absolute path. */
  files: string[];
  /** Other files of the case (they exist for links, and are not checked). */
  otherFiles: string[];
  settings: Settings;
  /**
   * Expectations for the files of a folder case that cannot hold a comment (`.8d-dir`, `.8d-sequence.lock`), from
   * `<case>.expected.json`: `{ "<path in the case>": ["rule-id [severity] [\"fragment\"] on line N", …] }`.
   */
  expectedIn?: Map<string, Expectation[]>;
}

const SETTINGS_SUFFIX = '.settings.json';
const EXPECTED_SUFFIX = '.expected.json';

/** The rule folders under test/fixtures/rules, by name. */
export function ruleFolders(): string[] {
  return readdirSync(RULE_FIXTURES).filter((name) => statSync(join(RULE_FIXTURES, name)).isDirectory()).sort();
}

export function casesOf(rule: string, knownRules: readonly string[]): FixtureCase[] {
  const folder = join(RULE_FIXTURES, rule);
  return readdirSync(folder).filter((name) => !name.endsWith(SETTINGS_SUFFIX) && !name.endsWith(EXPECTED_SUFFIX)).sort().map((name) => {
    const path = join(folder, name);
    const isFolder = statSync(path).isDirectory();
    const all = isFolder ? filesUnder(path) : [path];
    const caseName = name.replace(/\.md$/, '');
    return {
      rule,
      name: isFolder ? `${name}/` : name,
      files: all.filter((file) => file.endsWith('.md')),
      otherFiles: all.filter((file) => !file.endsWith('.md')),
      settings: settingsOf(join(folder, caseName + SETTINGS_SUFFIX), knownRules),
      expectedIn: expectedInOf(join(folder, caseName + EXPECTED_SUFFIX), path, knownRules),
    };
  });
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).sort().flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** A sidecar `<case>.settings.json` in VS Code's flat form (`"incidentDocs.maxDocumentLines": 40`), as a user writes it. */
function settingsOf(path: string, knownRules: readonly string[]): Settings {
  if (!existsSync(path)) return DEFAULT_SETTINGS;
  const section: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>)) {
    if (!key.startsWith('incidentDocs.')) throw new Error(`${path}: ${key} is not an incidentDocs setting`);
    const parts = key.slice('incidentDocs.'.length).split('.');
    let place = section;
    for (const part of parts.slice(0, -1)) place = (place[part] ??= {}) as Record<string, unknown>;
    place[parts[parts.length - 1]] = value;
  }
  return readSettings(section, knownRules, (message) => { throw new Error(`${path}: ${message}`); });
}

/** `<case>.expected.json`: each listed file's expectations, written as a marker's items followed by `on line N`. */
function expectedInOf(path: string, caseFolder: string, knownRules: readonly string[]): Map<string, Expectation[]> {
  const expected = new Map<string, Expectation[]>();
  if (!existsSync(path)) return expected;
  for (const [file, items] of Object.entries(JSON.parse(readFileSync(path, 'utf8')) as Record<string, string[]>)) {
    expected.set(join(caseFolder, file), items.flatMap((item) => {
      const [, marker, line] = /^(.*) on line (\d+)$/.exec(item) ?? [];
      if (!marker) throw new Error(`${path}: "${item}" does not end with "on line N"`);
      return readMarkers(`${'\n'.repeat(Number(line) - 1)}<!-- expect: ${marker} -->`, knownRules);
    }));
  }
  return expected;
}

/** The findings of the folder rules (`.8d-dir`, the lock file) in a folder case, the case's folder being the workspace folder. */
export async function folderFindingsOfCase(fixtureCase: FixtureCase, caseFolder: string): Promise<Map<string, Observed[]>> {
  const index = new ReportIndex();
  for (const file of fixtureCase.files) index.update(pathToFileURL(file).href, readFileSync(file, 'utf8'));
  const service = createLanguageService({ workspace: index, today: () => FIXTURE_TODAY });
  const { diagnostics } = await service.checkFolder(pathToFileURL(caseFolder).href, nodeFileSystem, fixtureCase.settings);
  const found = new Map<string, Observed[]>();
  for (const [uri, list] of diagnostics) found.set(fileURLToPath(uri), list.map(observedOf));
  return found;
}

function observedOf(diagnostic: Diagnostic): Observed {
  return {
    rule: String(diagnostic.code),
    line: diagnostic.range.start.line + 1,
    severity: severityName(diagnostic.severity),
    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
  };
}

/** The findings of every Markdown file of a case, each file read through `textOf` (the workspace too). */
export function findingsOfCase(fixtureCase: FixtureCase, textOf: (path: string) => string): Map<string, Observed[]> {
  const index = new ReportIndex();
  const uriOf = (path: string) => pathToFileURL(path).href;
  for (const file of fixtureCase.otherFiles) index.addFile(uriOf(file));
  for (const file of fixtureCase.files) index.update(uriOf(file), textOf(file));
  const service = createLanguageService({ workspace: index, today: () => FIXTURE_TODAY });
  const found = new Map<string, Observed[]>();
  for (const file of fixtureCase.files) {
    const diagnostics = service.computeDiagnostics(documentOf(textOf(file), uriOf(file)), fixtureCase.settings);
    found.set(file, diagnostics.map(observedOf));
  }
  return found;
}

/** A path as failure messages show it: relative to the rule fixtures folder. */
export function shown(path: string): string {
  return relative(RULE_FIXTURES, path) || basename(path);
}
