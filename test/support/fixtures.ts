import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { createLanguageService, type LanguageService } from '../../server/src/languageService';
import type { CalendarDate } from '../../server/src/model/dates';
import type { Settings } from '../../server/src/settings';
import { severityName } from '../../server/src/features/diagnostics';
import { ReportIndex } from '../../server/src/workspace/reportIndex';

/** Tests run bundled from out/test/<folder>/; fixtures stay in the source tree, found from the project root. */
export const ROOT = projectRoot(__dirname);

function projectRoot(start: string): string {
  let folder = start;
  while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const CORPUS = join(FIXTURES, 'corpus');
export const REPORTS = join(CORPUS, '8d-workspace', 'reports');

export function fixture(...parts: string[]): string {
  return readFileSync(join(FIXTURES, ...parts), 'utf8');
}

export function corpusReport(prefix: string): { path: string; text: string } {
  const name = readdirSync(REPORTS).find((file) => file.startsWith(prefix));
  if (!name) throw new Error(`No corpus report ${prefix}`);
  const path = join(REPORTS, name);
  return { path, text: readFileSync(path, 'utf8') };
}

/** The corpus reports under in-memory URIs (file:///ws/reports/…), and an index of them. */
export const WS = 'file:///ws/reports/';
export const NAMES = readdirSync(REPORTS).filter((name) => name.endsWith('.md')).sort();
export const nameOf = (prefix: string) => NAMES.find((name) => name.startsWith(prefix))!;
export const textOf = (prefix: string) => readFileSync(join(REPORTS, nameOf(prefix)), 'utf8');
export const uriOf = (prefix: string) => WS + nameOf(prefix);

export function corpusIndex(): ReportIndex {
  const index = new ReportIndex();
  for (const name of NAMES) index.update(WS + name, readFileSync(join(REPORTS, name), 'utf8'));
  return index;
}

let version = 0;
export function documentOf(text: string, uri = 'file:///test/report.md'): TextDocument {
  return TextDocument.create(uri, 'markdown', ++version, text);
}

export function documentAt(path: string): TextDocument {
  return documentOf(readFileSync(path, 'utf8'), pathToFileURL(path).href);
}

/** A finding as a user reads it in the Problems panel: rule, 1-based line, severity, message. */
export interface Seen {
  rule: string;
  line: number;
  severity: string;
  message: string;
}

/**
 * The day rule fixtures and doc examples are read on, so that deadlines (overdue actions, disciplines) give the same
 * findings whenever the tests run.
 */
export const FIXTURE_TODAY: CalendarDate = { year: 2025, month: 7, day: 1 };

export function findingsOf(text: string, settings?: Settings, service: LanguageService = createLanguageService()): Seen[] {
  return service.computeDiagnostics(documentOf(text), settings).map((diagnostic) => ({
    rule: String(diagnostic.code),
    line: diagnostic.range.start.line + 1,
    severity: severityName(diagnostic.severity),
    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
  }));
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(documentOf(text), edits);
}
