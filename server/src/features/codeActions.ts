import { CodeActionKind, TextEdit, type CodeAction, type CodeActionContext, type Diagnostic } from 'vscode-languageserver-types';
import type { SectionInsertion } from '../model/insertSection';
import type { SuppressionEdit } from '../model/suppressions';
import { isFixData, type TextFix } from '../rules/fix';
import type { DiagnosticData } from './diagnostics';
import { DIAGNOSTIC_SOURCE } from '../protocol';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.incidentDocs`;
export const INSERT_ALL_TITLE = 'Insert all missing sections';
/** The quick-fixes that write a suppression comment; each title is followed by the rule's id, ` (missing-section)`. */
export const IGNORE_ON_LINE_TITLE = 'Ignore on this line';
export const IGNORE_IN_FILE_TITLE = 'Ignore in this file';

/** Where the "Ignore …" quick-fixes write their comment; either may be missing (no line above front matter). */
export interface IgnoreEdits {
  onLine?: SuppressionEdit;
  inFile?: SuppressionEdit;
}

/** The current document and its current findings, for diagnostics computed on an older version and for fix-all. */
export interface CodeActionInput {
  uri: string;
  version: number;
  missing: SectionInsertion[];
  /** Current text fixes by rule id and message. */
  fixes: { rule: string; message: string; fix: TextFix }[];
  /** The comments that would silence a current finding of `rule` with this message on this line; undefined for none current. */
  ignore?: (rule: string, message: string, line: number) => IgnoreEdits | undefined;
}

export function isSectionInsertion(value: unknown): value is SectionInsertion {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<SectionInsertion>;
  return typeof candidate.order === 'number' && typeof candidate.name === 'string' && typeof candidate.block === 'string'
    && typeof candidate.leading === 'string' && typeof candidate.position?.line === 'number' && typeof candidate.position?.character === 'number';
}

function dataOf(diagnostic: Diagnostic): Partial<DiagnosticData> {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  return data ?? {};
}

/** The insertion a missing-section diagnostic asks for: from its data, or re-found when the data is for an older version. */
function insertionFor(diagnostic: Diagnostic, input: CodeActionInput): SectionInsertion | undefined {
  const data = dataOf(diagnostic);
  if (data.version === input.version && isSectionInsertion(data.finding)) return data.finding;
  const name = isSectionInsertion(data.finding) ? data.finding.name : undefined;
  return input.missing.find((insertion) => insertion.name === name);
}

function textFixFor(diagnostic: Diagnostic, input: CodeActionInput): TextFix | undefined {
  const data = dataOf(diagnostic);
  if (data.version === input.version && isFixData(data.finding)) return data.finding.fix;
  return input.fixes.find((candidate) => candidate.rule === diagnostic.code && candidate.message === diagnostic.message)?.fix;
}

export function getCodeActions(input: CodeActionInput, context: CodeActionContext): CodeAction[] {
  const wants = (kind: string) => !context.only || context.only.some((only) => kind === only || kind.startsWith(`${only}.`));
  const actions: CodeAction[] = [];
  const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
  if (wants(CodeActionKind.QuickFix)) {
    // A finding whose data is a section insertion is fixed by inserting it (alone or with the others).
    const missing = ours.filter((d) => isSectionInsertion(dataOf(d).finding));
    for (const diagnostic of missing) {
      const insertion = insertionFor(diagnostic, input);
      if (!insertion) continue;
      actions.push({
        title: `Insert ${insertion.name}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [input.uri]: insertAll([insertion]) } },
      });
    }
    if (missing.length > 0 && input.missing.length > 1) {
      actions.push({ title: INSERT_ALL_TITLE, kind: CodeActionKind.QuickFix, diagnostics: missing, edit: { changes: { [input.uri]: insertAll(input.missing) } } });
    }
    for (const diagnostic of ours.filter((d) => !missing.includes(d))) {
      const fix = textFixFor(diagnostic, input);
      if (fix) actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: { changes: changesOf(fix, input.uri) } });
    }
    actions.push(...ignoreActions(ours, input));
  }
  if (input.missing.length > 0 && context.only?.some((only) => FIX_ALL_KIND === only || FIX_ALL_KIND.startsWith(`${only}.`))) {
    actions.push({ title: INSERT_ALL_TITLE, kind: FIX_ALL_KIND, edit: { changes: { [input.uri]: insertAll(input.missing) } } });
  }
  return actions;
}

/**
 * "Ignore on this line" once per rule and line, then "Ignore in this file" once per rule: after the real fixes and never
 * preferred, so that a fix-it shortcut never silences instead of fixing.
 */
function ignoreActions(diagnostics: readonly Diagnostic[], input: CodeActionInput): CodeAction[] {
  if (!input.ignore) return [];
  const onLine = new Map<string, { edit: SuppressionEdit; rule: string; diagnostics: Diagnostic[] }>();
  const inFile = new Map<string, { edit: SuppressionEdit; diagnostics: Diagnostic[] }>();
  for (const diagnostic of diagnostics) {
    if (typeof diagnostic.code !== 'string' || typeof diagnostic.message !== 'string') continue;
    const rule = diagnostic.code;
    const edits = input.ignore(rule, diagnostic.message, diagnostic.range.start.line);
    if (edits?.onLine) {
      const key = `${rule}:${diagnostic.range.start.line}`;
      const group = onLine.get(key) ?? { edit: edits.onLine, rule, diagnostics: [] };
      group.diagnostics.push(diagnostic);
      onLine.set(key, group);
    }
    if (edits?.inFile) {
      const group = inFile.get(rule) ?? { edit: edits.inFile, diagnostics: [] };
      group.diagnostics.push(diagnostic);
      inFile.set(rule, group);
    }
  }
  const action = (title: string, edit: SuppressionEdit, covered: Diagnostic[]): CodeAction =>
    ({ title, kind: CodeActionKind.QuickFix, diagnostics: covered, edit: { changes: { [input.uri]: [{ range: edit.range, newText: edit.newText }] } } });
  // The titles as users know them; the rule is named only when the findings asked about are of several rules, so that
  // the menu never shows two items alike.
  const severalRules = inFile.size > 1 || new Set([...onLine.values()].map((group) => group.rule)).size > 1;
  const titled = (title: string, rule: string) => (severalRules ? `${title} (${rule})` : title);
  return [
    ...[...onLine.values()].map((group) => action(titled(IGNORE_ON_LINE_TITLE, group.rule), group.edit, group.diagnostics)),
    ...[...inFile].map(([rule, group]) => action(titled(IGNORE_IN_FILE_TITLE, rule), group.edit, group.diagnostics)),
  ];
}

/** A fix's edits grouped by document (the checked one unless an edit names another). */
function changesOf(fix: TextFix, uri: string): Record<string, TextEdit[]> {
  const changes: Record<string, TextEdit[]> = {};
  for (const edit of fix.edits) (changes[edit.uri ?? uri] ??= []).push({ range: edit.range, newText: edit.newText });
  return changes;
}

/** One edit per insertion point; sections that go to the same point are written there in catalogue order. */
export function insertAll(insertions: SectionInsertion[]): TextEdit[] {
  const byPoint = new Map<string, SectionInsertion[]>();
  for (const insertion of [...insertions].sort((a, b) => a.order - b.order)) {
    const key = `${insertion.position.line}:${insertion.position.character}`;
    byPoint.set(key, [...(byPoint.get(key) ?? []), insertion]);
  }
  return [...byPoint.values()].map((group) => TextEdit.insert(group[0].position, group[0].leading + group.map((i) => i.block).join('')));
}
