/** Writes `--fix`'s edits into the files, atomically, and never into a file that changed since it was read. */
import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';

export interface EditedText {
  text: string;
  /** How many edits were applied (overlapping ones are left for the next run or a person). */
  applied: number;
}

function before(a: TextEdit['range']['start'], b: TextEdit['range']['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** The text with the edits applied; an edit that overlaps one already taken, or repeats it, is dropped. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): EditedText {
  const taken: TextEdit[] = [];
  for (const edit of edits) {
    const same = taken.some((other) => JSON.stringify(other) === JSON.stringify(edit));
    // Insertions at one point do not overlap each other; any edit strictly inside another's range does.
    const overlaps = taken.some((other) => before(edit.range.start, other.range.end) && before(other.range.start, edit.range.end));
    if (!same && !overlaps) taken.push(edit);
  }
  if (taken.length === 0) return { text, applied: 0 };
  return { text: TextDocument.applyEdits(TextDocument.create('file:///fixed.md', 'markdown', 1, text), taken), applied: taken.length };
}

export interface FixesWritten {
  /** Per file written: its path and how many fixes went into it. */
  written: { path: string; fixes: number }[];
  /** Files left alone, and why. */
  skipped: { path: string; reason: string }[];
}

/**
 * Applies the edits to each file whose content on disk is still what was checked (`snapshots`): written to a temporary
 * file beside it, then renamed over it, so that a crash or a full disk never leaves half a report.
 */
export function writeFixes(edits: ReadonlyMap<string, TextEdit[]>, snapshots: ReadonlyMap<string, string>): FixesWritten {
  const result: FixesWritten = { written: [], skipped: [] };
  for (const [path, fileEdits] of edits) {
    const checked = snapshots.get(path);
    if (checked === undefined) {
      result.skipped.push({ path, reason: 'it was not among the files checked' });
      continue;
    }
    let current: string;
    try {
      current = readFileSync(path, 'utf8');
    } catch (error) {
      result.skipped.push({ path, reason: `it cannot be read now (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
      continue;
    }
    if (current !== checked) {
      result.skipped.push({ path, reason: 'it changed while it was being checked' });
      continue;
    }
    const { text, applied } = applyTextEdits(checked, fileEdits);
    if (applied === 0 || text === checked) continue;
    try {
      writeAtomically(path, text);
      result.written.push({ path, fixes: applied });
    } catch (error) {
      result.skipped.push({ path, reason: `it could not be written (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
    }
  }
  return result;
}

function writeAtomically(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.incident-docs-${process.pid}.tmp`);
  try {
    // The report keeps its permissions.
    writeFileSync(temporary, text, { encoding: 'utf8', mode: statSync(path).mode, flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing was left behind
    }
    throw error;
  }
}
