import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';

/** Applies a workspace edit to files held in a map, as an editor would: creating a file that exists fails. */
export function applyWorkspaceEdit(files: Map<string, string>, edit: WorkspaceEdit): void {
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind !== 'create') throw new Error(`unexpected ${change.kind}`);
      if (files.has(change.uri) && !change.options?.overwrite) throw new Error(`${change.uri} exists`);
      files.set(change.uri, '');
    } else {
      const text = files.get(change.textDocument.uri);
      if (text === undefined) throw new Error(`${change.textDocument.uri} does not exist`);
      files.set(change.textDocument.uri, TextDocument.applyEdits(TextDocument.create(change.textDocument.uri, 'markdown', 1, text), change.edits.filter((e): e is TextEdit => 'newText' in e)));
    }
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    files.set(uri, TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, files.get(uri) ?? ''), edits));
  }
}
