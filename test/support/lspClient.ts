/**
 * Drives the real bundled server (`node dist/server.js --stdio`) over JSON-RPC, like an editor does.
 * Waits for conditions (published diagnostics), never for fixed times.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applyWorkspaceEdit } from './workspaceEdit';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  WillRenameFilesRequest,
  ApplyWorkspaceEditRequest,
  ExecuteCommandRequest,
  type WorkspaceEdit,
  PublishDiagnosticsNotification,
  ConfigurationRequest,
  RegistrationRequest,
  ShowMessageNotification,
  LogMessageNotification,
  CodeActionRequest,
  HoverRequest,
  DocumentSymbolRequest,
  CompletionRequest,
  CompletionResolveRequest,
  DefinitionRequest,
  DocumentLinkRequest,
  ReferencesRequest,
  WorkspaceSymbolRequest,
  type CompletionItem,
  type CompletionList,
  type Definition,
  type DocumentLink,
  type Location,
  type LocationLink,
  type SymbolInformation,
  type WorkspaceSymbol,
  type Hover,
  type DocumentSymbol,
  ShutdownRequest,
  ExitNotification,
  type ProtocolConnection,
  type Diagnostic,
  type CodeAction,
  type CodeActionContext,
  type InitializeResult,
  type TextEdit,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ROOT } from './fixtures';
import { SERVER_NODE_OPTIONS } from '../../server/src/processOptions';

interface Waiter {
  uri: string;
  accept: (params: PublishDiagnosticsParams) => boolean;
  resolve: (params: PublishDiagnosticsParams) => void;
}

export class LspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: { type: number; message: string }[] = [];
  readonly shownMessages: string[] = [];
  /** What the server gets when it asks for the `incidentDocs` section. */
  settings: Record<string, unknown>;
  initializeResult!: InitializeResult;
  private readonly documents = new Map<string, TextDocument>();
  private waiters: Waiter[] = [];

  private constructor(private readonly child: ChildProcess, private readonly connection: ProtocolConnection, settings: Record<string, unknown>) {
    this.settings = settings;
  }

  /** Notifications the server sent about its first scan (`incidentDocs/indexing`). */
  readonly indexing: { state: string; files?: number; reports?: number }[] = [];

  /** `completionItemDefaults`: the completion list defaults the client says it takes (VS Code takes `editRange`). */
  static async start(settings: Record<string, unknown> = { diagnosticsDelay: 0 }, rootUri: string | null = null, completionItemDefaults: string[] = []): Promise<LspClient> {
    // As the extension starts it: the same Node options.
    const child = spawn(process.execPath, [...SERVER_NODE_OPTIONS, join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(child, connection, settings);
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => client.onDiagnostics(params));
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'incidentDocs' ? client.settings : null)));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => client.applyToDisk(params.edit));
    connection.onNotification(LogMessageNotification.type, (params) => { client.logs.push(params); });
    connection.onNotification('incidentDocs/indexing', (params: { state: string; files?: number; reports?: number }) => { client.indexing.push(params); });
    connection.onNotification(ShowMessageNotification.type, (params) => { client.shownMessages.push(params.message); });
    connection.onRequest('window/showMessageRequest', (params: { message: string }) => (client.shownMessages.push(params.message), null));
    connection.listen();
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'workspace' }] : null,
      capabilities: {
        workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] }, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { dataSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
          completion: { completionList: { itemDefaults: completionItemDefaults } },
        },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private onDiagnostics(params: PublishDiagnosticsParams): void {
    this.published.push(params);
    this.waiters = this.waiters.filter((waiter) => {
      if (waiter.uri !== params.uri || !waiter.accept(params)) return true;
      waiter.resolve(params);
      return false;
    });
  }

  /** The next (or an already received, when `includePast`) diagnostics for `uri` that satisfy `accept`. */
  waitForDiagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 15000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No matching diagnostics for ${uri} within ${timeoutMs} ms; got ${JSON.stringify(this.published.filter((p) => p.uri === uri).map((p) => [p.version, p.diagnostics.map((d) => d.message)]))}`)), timeoutMs);
      this.waiters.push({ uri, accept, resolve: (params) => (clearTimeout(timer), resolve(params)) });
    });
  }

  /** Polls until `condition` holds (for effects that are not diagnostics, such as messages shown to the user). */
  async until(condition: () => boolean, what: string, timeoutMs = 15000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async open(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    const document = TextDocument.create(uri, 'markdown', 1, text);
    this.documents.set(uri, document);
    const published = this.waitForDiagnostics(uri, (p) => p.version === 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return published;
  }

  text(uri: string): string {
    return this.document(uri).getText();
  }

  private document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document;
  }

  /** Applies edits as an editor would (incremental sync) and returns the new version. */
  async edit(uri: string, edits: TextEdit[]): Promise<number> {
    const document = this.document(uri);
    const version = document.version + 1;
    // Edits are sent in reverse document order so that each range is still valid when applied.
    const ordered = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    const updated = TextDocument.update(document, ordered.map((edit) => ({ range: edit.range, text: edit.newText })), version);
    this.documents.set(uri, updated);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: ordered.map((edit) => ({ range: edit.range, text: edit.newText })),
    });
    return version;
  }

  async replaceAll(uri: string, text: string): Promise<number> {
    const document = this.document(uri);
    const version = document.version + 1;
    this.documents.set(uri, TextDocument.create(uri, 'markdown', version, text));
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  codeActions(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const context: CodeActionContext = { diagnostics, only };
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context }) as Promise<CodeAction[]>;
  }

  hover(uri: string, line: number, character: number): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
  }

  documentSymbols(uri: string): Promise<DocumentSymbol[]> {
    return this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }) as Promise<DocumentSymbol[]>;
  }

  resolveCompletion(item: CompletionItem): Promise<CompletionItem> {
    return this.connection.sendRequest(CompletionResolveRequest.type, item);
  }

  completion(uri: string, line: number, character: number, triggerCharacter?: string): Promise<CompletionItem[] | CompletionList | null> {
    const context = triggerCharacter ? { triggerKind: 2 as const, triggerCharacter } : { triggerKind: 1 as const };
    return this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character }, context });
  }

  definition(uri: string, line: number, character: number): Promise<Definition | LocationLink[] | null> {
    return this.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line, character } });
  }

  documentLinks(uri: string): Promise<DocumentLink[] | null> {
    return this.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } });
  }

  references(uri: string, line: number, character: number, includeDeclaration = false): Promise<Location[] | null> {
    return this.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: { line, character }, context: { includeDeclaration } });
  }

  workspaceSymbols(query: string): Promise<SymbolInformation[] | WorkspaceSymbol[] | null> {
    return this.connection.sendRequest(WorkspaceSymbolRequest.type, { query });
  }

  /** Applies a workspace edit to the files on disk, as an editor would (creating an existing file fails). */
  private applyToDisk(edit: WorkspaceEdit): { applied: boolean; failureReason?: string } {
    try {
      const files = new Map<string, string>();
      const uris = [...(edit.documentChanges ?? []).map((c) => ('kind' in c ? ('uri' in c ? c.uri : c.newUri) : c.textDocument.uri)), ...Object.keys(edit.changes ?? {})];
      for (const uri of uris) if (existsSync(fileURLToPath(uri))) files.set(uri, readFileSync(fileURLToPath(uri), 'utf8'));
      applyWorkspaceEdit(files, edit);
      for (const [uri, text] of files) {
        mkdirSync(dirname(fileURLToPath(uri)), { recursive: true });
        writeFileSync(fileURLToPath(uri), text);
      }
      this.appliedEdits.push(edit);
      return { applied: true };
    } catch (error) {
      return { applied: false, failureReason: error instanceof Error ? error.message : String(error) };
    }
  }

  readonly appliedEdits: WorkspaceEdit[] = [];

  executeCommand(command: string, args: object): Promise<unknown> {
    return this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: [args] });
  }

  /** Tells the server that files changed on disk, as an editor's file watcher does. */
  async filesChanged(changes: { uri: string; type: 1 | 2 | 3 }[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  willRename(oldUri: string, newUri: string): Promise<WorkspaceEdit | null> {
    return this.connection.sendRequest(WillRenameFilesRequest.type, { files: [{ oldUri, newUri }] });
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  /** The server process's peak resident set (VmHWM) in bytes, where /proc tells it (Linux). */
  peakRss(): number | undefined {
    try {
      const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${this.child.pid}/status`, 'utf8'));
      return match ? Number(match[1]) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  /** One change, timed from sending it to the diagnostics for the new version (the waiter is set up first). */
  async timedEdit(uri: string, edits: TextEdit[]): Promise<{ ms: number; diagnostics: number }> {
    const version = this.document(uri).version + 1;
    const published = this.waitForDiagnostics(uri, (p) => p.version === version, 120_000);
    const start = performance.now();
    await this.edit(uri, edits);
    const params = await published;
    return { ms: performance.now() - start, diagnostics: params.diagnostics.length };
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    await exited;
    this.connection.dispose();
  }
}
