/**
 * The fixes `--fix` may apply without a person: a missing backlink written into the other report, a link label
 * brought up to date, missing sections inserted with their prompts. Others (a broken link's likely target, a heading
 * made of a paragraph, a status changed) need someone to judge them and are only reported.
 */
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { fileURLToPath } from 'node:url';
import { isFixData } from '../rules/fix';
import { insertAll, isSectionInsertion } from '../features/codeActions';
import type { SectionInsertion } from '../model/insertSection';
import type { FileResult } from './engine';

export const SAFE_FIX_RULES: ReadonlySet<string> = new Set(['missing-backlink', 'link-label', 'missing-section']);

export interface FixAvailable {
  title: string;
  /** Whether `--fix` applies it. */
  safe: boolean;
}

/** A finding's data, as the features layer wraps it (`{ version, finding }`). */
function findingData(diagnostic: Diagnostic): unknown {
  const data = diagnostic.data as { finding?: unknown } | undefined;
  return data?.finding;
}

/** The quick-fix a finding carries, if any, and whether `--fix` applies it. */
export function fixOf(diagnostic: Diagnostic): FixAvailable | undefined {
  const data = findingData(diagnostic);
  const safe = SAFE_FIX_RULES.has(String(diagnostic.code));
  if (isSectionInsertion(data)) return { title: `Insert ${data.name}`, safe };
  if (isFixData(data)) return { title: data.fix.title, safe };
  return undefined;
}

/** The edits of every safe fix, by the absolute path of the file they change (a backlink goes into another report). */
export function safeFixEdits(results: readonly FileResult[]): Map<string, TextEdit[]> {
  const edits = new Map<string, TextEdit[]>();
  const add = (path: string, added: TextEdit[]) => edits.set(path, [...(edits.get(path) ?? []), ...added]);
  for (const { path, diagnostics } of results) {
    const insertions: SectionInsertion[] = [];
    for (const diagnostic of diagnostics) {
      if (!SAFE_FIX_RULES.has(String(diagnostic.code))) continue;
      const data = findingData(diagnostic);
      if (isSectionInsertion(data)) insertions.push(data);
      else if (isFixData(data)) {
        for (const edit of data.fix.edits) add(edit.uri ? fileURLToPath(edit.uri) : path, [{ range: edit.range, newText: edit.newText }]);
      }
    }
    // Sections that go to the same place are written there together, in catalogue order, as "Insert all" does.
    if (insertions.length > 0) add(path, insertAll(insertions));
  }
  return edits;
}
