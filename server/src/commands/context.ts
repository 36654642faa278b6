/** What the report commands need from the outside world, as a seam: tests pass an in-memory folder. */
import type { CreateFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { ReportIndex } from '../workspace/reportIndex';

export interface CommandContext {
  index: ReportIndex;
  /** The live text of a file (an open editor's, else the disk's); undefined when it does not exist. */
  readText(uri: string): Promise<string | undefined>;
  /** Today as YYYY-MM-DD (8d-tools writes the UTC date). */
  today(): string;
  /** Where a path really is, symbolic links followed; undefined when it does not exist. */
  realPath?(uri: string): Promise<string | undefined>;
  settings: { supersedeSetsStatus: boolean; indexShowsStatus: boolean; templates: Record<string, string> };
}

export interface CommandResult {
  ok: boolean;
  /** One clear sentence for the user. */
  message: string;
  edit?: WorkspaceEdit;
  /** A file to open afterwards, with the cursor where the user starts writing. */
  open?: { uri: string; line: number; character: number };
  /** Text to show in a new editor (the report graph). */
  content?: string;
}

export class CommandError extends Error {}

export function fail(message: string): never {
  throw new CommandError(message);
}

/** Builds one undo-able workspace edit: files created with their content, and whole-file or ranged edits. */
export class EditBuilder {
  private readonly changes: (CreateFile | TextDocumentEdit)[] = [];

  create(uri: string, content: string): this {
    this.changes.push({ kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false } });
    if (content) this.insert(uri, 0, 0, content);
    return this;
  }

  insert(uri: string, line: number, character: number, text: string): this {
    return this.replace(uri, { start: { line, character }, end: { line, character } }, text);
  }

  replace(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): this {
    this.changes.push({ textDocument: { uri, version: null }, edits: [{ range, newText: text }] });
    return this;
  }

  /** Replaces a file's whole text (known to be `current`). */
  rewrite(uri: string, current: string, text: string): this {
    const lines = current.split('\n');
    return this.replace(uri, { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } }, text);
  }

  build(): WorkspaceEdit {
    return { documentChanges: this.changes };
  }
}

export function joinUri(folder: string, ...parts: string[]): string {
  return [folder.replace(/\/+$/, ''), ...parts.flatMap((p) => p.split('/')).filter(Boolean).map(encodeURIComponent)].join('/');
}

export function baseName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
