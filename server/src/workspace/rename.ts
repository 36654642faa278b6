import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { canonicalUri, relativeLink, splitTarget } from '../model/links';
import type { ReportIndex } from './reportIndex';

/** Edits that point every link to a renamed report at its new name (fragments kept). */
export function linkEditsForRename(index: ReportIndex, files: readonly { oldUri: string; newUri: string }[]): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const { oldUri, newUri } of files) {
    for (const { from, link } of index.linksTo(oldUri)) {
      const split = splitTarget(link.target);
      if (!split || split.path === '') continue;
      // A report that links to itself moves with its file: its link is relative to its new place.
      const fromUri = from.uri === canonicalUri(oldUri) ? newUri : from.uri;
      const target = `${relativeLink(fromUri, newUri)}${split.fragment !== undefined ? `#${split.fragment}` : ''}`;
      const start = link.labelEnd + 2; // after `](`
      (changes[from.uri] ??= []).push({
        range: { start: { line: link.line, character: start }, end: { line: link.line, character: link.end - 1 } },
        newText: target,
      });
    }
  }
  return { changes };
}
