/**
 * LSP wiring only: documents, settings and timers in; the language service's answers out.
 * Runs over IPC (the VS Code client) or `--stdio` (other editors, protocol tests).
 */
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { realpath } from 'node:fs/promises';
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  DidChangeConfigurationNotification,
  FileChangeType,
  type InitializeResult,
  type WorkspaceEdit,
  type Diagnostic,
  type CancellationToken,
  DiagnosticSeverity,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from './languageService';
import { withItemEdits } from './features/completion';
import { readSettings, DEFAULT_SETTINGS, type Settings } from './settings';
import { FIX_ALL_KIND } from './features/codeActions';
import { WorkspaceIndexer } from './workspace/indexer';
import { nodeFileSystem } from './workspace/fileSystem';
import { DEFAULT_DISCOVERY, type DiscoverySettings } from './workspace/discovery';
import { editsForRewrites, linksToRewrite } from './workspace/rename';
import { fileExists } from './workspace/fileSystem';
import { runCommand, SERVER_COMMANDS } from './commands';
import type { CommandContext } from './commands/context';
import { isMarkdownFile } from './model/markdownFile';
import { WorkspaceSettings } from './config/workspaceSettings';
import { isConfigFile, type ConfigProblem } from './config/configFile';
import { DIAGNOSTIC_SOURCE, INDEXING_NOTIFICATION, INSERT_MISSING_SECTIONS_COMMAND, LANGUAGE_ID, SETTINGS_SECTION, type IndexingProgress } from './protocol';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const logger = {
  error: (message: string) => connection.console.error(message),
  warn: (message: string) => connection.console.warn(message),
};
const indexer = new WorkspaceIndexer(nodeFileSystem, DEFAULT_DISCOVERY, fileExists);
const service = createLanguageService({ logger, workspace: indexer.index, docsBaseUri: pathToFileURL(join(__dirname, '..', 'docs', 'rules')).href });

let canPullConfiguration = false;
/** Settings the client sent rather than being asked for (`initializationOptions`, or a push when it cannot be asked). */
let sentSettings: Settings | undefined;
/** Each document's settings: its workspace folder's editor settings under the project config files. */
const settings = new WorkspaceSettings({
  fs: nodeFileSystem,
  knownRules: service.ruleIds,
  editorSettings,
  onProblems: (uri, problems) => void connection.sendDiagnostics({ uri, diagnostics: problems.map(configDiagnostic) }),
});
const pending = new Map<string, NodeJS.Timeout>();
const reportedSettingsProblems = new Set<string>();
let workspaceRoots: string[] = [];
let canWatchFolders = false;
/** Whether the client takes a completion list's default edit range (LSP 3.17), sparing each of thousands of items its own. */
let canTakeEditRange = false;

connection.onInitialize((params): InitializeResult => {
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  const initial = params.initializationOptions as { settings?: unknown } | undefined;
  if (initial?.settings !== undefined) sentSettings = toSettings(initial.settings);
  canWatchFolders = params.capabilities.workspace?.workspaceFolders === true;
  canTakeEditRange = params.capabilities.textDocument?.completion?.completionList?.itemDefaults?.includes('editRange') === true;
  workspaceRoots = (params.workspaceFolders ?? []).map((folder) => folder.uri);
  if (workspaceRoots.length === 0 && params.rootUri) workspaceRoots = [params.rootUri];
  settings.setRoots(workspaceRoots);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      hoverProvider: true,
      executeCommandProvider: { commands: [...Object.values(SERVER_COMMANDS), INSERT_MISSING_SECTIONS_COMMAND] },
      documentSymbolProvider: true,
      // Space is no trigger: after `- Supersedes: ` the list comes with `[` (or on request), not on every word.
      completionProvider: { triggerCharacters: ['[', '(', '#', '/', ':'], resolveProvider: true },
      definitionProvider: true,
      documentLinkProvider: { resolveProvider: false },
      referencesProvider: true,
      workspaceSymbolProvider: true,
      workspace: {
        workspaceFolders: { supported: true, changeNotifications: true },
        // Folders too: moving one moves every report in it, and the links to and from them.
        fileOperations: { willRename: { filters: [{ scheme: 'file', pattern: { glob: '**/*.{md,markdown}' } }, { scheme: 'file', pattern: { glob: '**/*', matches: 'folder' } }] } },
      },
    },
    serverInfo: { name: 'incident-docs' },
  };
});


connection.onInitialized(() => {
  if (canPullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
  }
  void indexWorkspace();
  if (canWatchFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      workspaceRoots = [...workspaceRoots.filter((root) => !event.removed.some((f) => f.uri === root)), ...event.added.map((f) => f.uri)];
      settings.setRoots(workspaceRoots);
      void indexWorkspace();
    });
  }
});

/**
 * Each workspace folder's report globs (from its root's config file, else the settings), and the `files.exclude`
 * globs that are switched on. The indexer takes one set for every folder: with several folders, their globs
 * together (a file one folder's globs leave out may be read; only recognised reports are indexed anyway).
 */
async function discoverySettings(): Promise<DiscoverySettings> {
  const globs = await Promise.all(workspaceRoots.map(async (root) => (await settings.settingsForFolder(root)).reportGlobs));
  const reportGlobs = globs.length > 0 ? [...new Set(globs.flat())] : DEFAULT_SETTINGS.reportGlobs;
  let exclude: string[] = [];
  if (canPullConfiguration) {
    const raw: unknown = await connection.workspace.getConfiguration('files.exclude').catch(() => undefined);
    if (raw && typeof raw === 'object') exclude = Object.entries(raw as Record<string, unknown>).filter(([, on]) => on === true).map(([glob]) => glob);
  }
  return { reportGlobs, exclude };
}

let scanGeneration = 0;

/**
 * The first scan runs in the background: features answer from what is indexed so far, the client shows progress,
 * and open reports are checked again once it is done (links to reports not yet indexed were not known before).
 */
async function indexWorkspace(): Promise<void> {
  if (workspaceRoots.length === 0) return;
  const generation = ++scanGeneration;
  indexer.updateSettings(await discoverySettings());
  const started = Date.now();
  void connection.sendNotification(INDEXING_NOTIFICATION, { state: 'begin' } satisfies IndexingProgress);
  try {
    const result = await indexer.scan(
      workspaceRoots,
      (progress) => void connection.sendNotification(INDEXING_NOTIFICATION, { state: 'report', ...progress } satisfies IndexingProgress),
      () => generation !== scanGeneration,
    );
    if (generation !== scanGeneration) return;
    connection.console.info(`Indexed ${result.reports} reports among ${result.files} files in ${Date.now() - started} ms.`);
    // Config files deeper than the folders' roots: their problems show without waiting for a report under them.
    await settings.readConfigFiles(workspaceRoots.flatMap((root) => indexer.index.filesUnder(root)));
    void connection.sendNotification(INDEXING_NOTIFICATION, { state: 'end', ...result } satisfies IndexingProgress);
  } catch (error) {
    connection.console.error(`Indexing the workspace failed: ${error instanceof Error ? error.message : String(error)}`);
    void connection.sendNotification(INDEXING_NOTIFICATION, { state: 'end', files: 0, reports: indexer.index.size } satisfies IndexingProgress);
  }
  recheckOpenDocuments();
  await publishFolderHealth();
}

/** Files holding problems with `.8d-dir` or the lock file, so that fixed ones are cleared; messages said once. */
let folderProblemFiles = new Set<string>();
const shownFolderMessages = new Set<string>();

/** `.8d-dir` and the lock file of each workspace folder: their problems as diagnostics on them (or messages). */
async function publishFolderHealth(): Promise<void> {
  const byFile = new Map<string, Diagnostic[]>();
  for (const root of workspaceRoots) {
    const health = await service.checkFolder(root, nodeFileSystem, await settings.settingsForFolder(root));
    for (const [uri, diagnostics] of health.diagnostics) byFile.set(uri, [...(byFile.get(uri) ?? []), ...diagnostics]);
    for (const message of health.messages) {
      if (shownFolderMessages.has(message)) continue;
      shownFolderMessages.add(message);
      void connection.window.showWarningMessage(`Incident Docs: ${message}`);
    }
  }
  for (const [uri, diagnostics] of byFile) void connection.sendDiagnostics({ uri, diagnostics });
  for (const uri of folderProblemFiles) if (!byFile.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
  folderProblemFiles = new Set(byFile.keys());
}

const FOLDER_FILES = /\/(?:\.8d-dir|\.8d-sequence\.lock)$/;

/** Another report changed: links to and from it may have, so open reports are checked again (after `delay`). */
function recheckOpenDocuments(except?: string, delay = 0): void {
  for (const document of documents.all()) if (document.uri !== except) schedule(document, delay);
}

function toSettings(raw: unknown): Settings {
  return readSettings(raw, service.ruleIds, (message) => {
    if (reportedSettingsProblems.has(message)) return;
    reportedSettingsProblems.add(message);
    connection.console.warn(message);
    void connection.window.showWarningMessage(`Incident Docs: ${message}`);
  });
}

/** The editor's settings for a workspace folder (`scopeUri`: each folder of a multi-root workspace may differ). */
function editorSettings(root: string | undefined): Promise<Settings> {
  if (sentSettings || !canPullConfiguration) return Promise.resolve(sentSettings ?? DEFAULT_SETTINGS);
  return connection.workspace.getConfiguration({ scopeUri: root, section: SETTINGS_SECTION }).then(toSettings, (error: unknown) => {
    connection.console.warn(`Could not read the incidentDocs settings, using defaults: ${String(error)}`);
    return DEFAULT_SETTINGS;
  });
}

function configDiagnostic(problem: ConfigProblem): Diagnostic {
  const severity = problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
  return { range: problem.range, severity, source: DIAGNOSTIC_SOURCE, message: problem.message };
}

/** Settings changed (the editor's, or a config file): index again if the report globs did, else check again. */
async function settingsChanged(change: () => Promise<void>): Promise<void> {
  const before = (await discoverySettings()).reportGlobs.join('\n');
  await change();
  if ((await discoverySettings()).reportGlobs.join('\n') !== before) void indexWorkspace();
  else void publishFolderHealth(); // a rule's severity may have changed (indexing publishes it too)
  recheckOpenDocuments();
}

connection.onDidChangeConfiguration((change) => settingsChanged(() => {
  const pushed = (change.settings as { incidentDocs?: unknown } | null)?.incidentDocs;
  sentSettings = !canPullConfiguration && pushed !== undefined ? toSettings(pushed) : undefined;
  settings.editorSettingsChanged();
  return Promise.resolve();
}));

/** Markdown only: other editors may send every file they open. */
function isMarkdown(document: TextDocument): boolean {
  return document.languageId === LANGUAGE_ID || isMarkdownFile(document.uri);
}

function schedule(document: TextDocument, delay: number): void {
  clearTimeout(pending.get(document.uri));
  pending.delete(document.uri);
  if (!isMarkdown(document)) return;
  if (delay <= 0) {
    void validate(document.uri, document.version);
    return;
  }
  pending.set(document.uri, setTimeout(() => {
    pending.delete(document.uri);
    void validate(document.uri, document.version);
  }, delay));
}

async function validate(uri: string, version: number): Promise<void> {
  const documentSettings = await settings.settingsFor(uri);
  const document = documents.get(uri);
  // The user typed on (or closed the file) while settings loaded: a newer run will publish.
  if (!document || document.version !== version) return;
  try {
    const diagnostics = service.computeDiagnostics(document, documentSettings);
    await connection.sendDiagnostics({ uri, version, diagnostics });
  } catch (error) {
    connection.console.error(`Checking ${uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }
}

// Opening a document fires a content change too: check it at once, and wait for a pause only while typing.
const seen = new Set<string>();
documents.onDidChangeContent(async ({ document }) => {
  const firstTime = !seen.has(document.uri);
  seen.add(document.uri);
  if (firstTime && isMarkdown(document)) indexer.openDocument(document.uri, document.getText());
  const { diagnosticsDelay } = await settings.settingsFor(document.uri);
  schedule(document, firstTime ? 0 : diagnosticsDelay);
  if (!firstTime) indexWhenTypingPauses(document.uri, diagnosticsDelay);
});

const pendingIndexing = new Map<string, NodeJS.Timeout>();

/**
 * A typed report's title and links feed the index (the other reports' link checks, completion): it is read again
 * once the typing pauses, after its own check (a scan of a long report on every keystroke would delay that check),
 * and the other open reports are checked again then.
 */
function indexWhenTypingPauses(uri: string, delay: number): void {
  clearTimeout(pendingIndexing.get(uri));
  pendingIndexing.set(uri, setTimeout(() => {
    pendingIndexing.delete(uri);
    const document = documents.get(uri);
    if (!document) return;
    if (isMarkdown(document)) indexer.openDocument(uri, document.getText());
    recheckOpenDocuments(uri);
  }, delay));
}

documents.onDidClose(({ document }) => {
  clearTimeout(pendingIndexing.get(document.uri));
  pendingIndexing.delete(document.uri);
  seen.delete(document.uri);
  void indexer.closeDocument(document.uri);
  clearTimeout(pending.get(document.uri));
  pending.delete(document.uri);
  service.forget(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

/** The open Markdown document a request is about, unless the request was cancelled. */
function requestDocument(uri: string, token: CancellationToken): TextDocument | undefined {
  const document = documents.get(uri);
  return document && !token.isCancellationRequested && isMarkdown(document) ? document : undefined;
}

connection.onCodeAction(async (params, token) => {
  const documentSettings = await settings.settingsFor(params.textDocument.uri);
  const document = requestDocument(params.textDocument.uri, token);
  return document ? service.getCodeActions(document, params.context, documentSettings) : [];
});

connection.onHover((params, token) => {
  const document = requestDocument(params.textDocument.uri, token);
  return document ? service.getHover(document, params.position) ?? null : null;
});

connection.onDocumentSymbol((params, token) => {
  const document = requestDocument(params.textDocument.uri, token);
  return document ? service.getDocumentSymbols(document) : [];
});

connection.onDidChangeWatchedFiles(async ({ changes }) => {
  for (const change of changes) {
    if (change.type === FileChangeType.Deleted) indexer.fileDeleted(change.uri);
    else if (indexer.contains(change.uri)) await indexer.fileChanged(change.uri);
  }
  const configChanges = changes.filter((change) => isConfigFile(change.uri));
  if (configChanges.length > 0) {
    // settingsChanged checks the open reports again, and indexes again if the report globs changed.
    await settingsChanged(async () => {
      for (const change of configChanges) await settings.configFileChanged(change.uri, change.type === FileChangeType.Deleted);
    });
    if (configChanges.length === changes.length) return;
  }
  recheckOpenDocuments();
  // A report added or renumbered can make the lock file lag behind, as can an edit to the files themselves.
  if (changes.some((change) => FOLDER_FILES.test(change.uri) || isMarkdownFile(change.uri))) await publishFolderHealth();
});

connection.workspace.onWillRenameFiles(async (params): Promise<WorkspaceEdit | null> => {
  // The index says which links to rewrite; their files' current texts say exactly where each destination is written.
  const rewrites = linksToRewrite(indexer.index, params.files);
  const texts = await indexer.textsOf(rewrites.map((rewrite) => rewrite.uri));
  const edit = editsForRewrites(rewrites, (uri) => texts.get(uri));
  return Object.keys(edit.changes ?? {}).length > 0 ? edit : null;
});

connection.onCompletion(async (params, token) => {
  // The team's own severities are offered in the front matter.
  const documentSettings = await settings.settingsFor(params.textDocument.uri);
  const document = requestDocument(params.textDocument.uri, token);
  if (!document) return [];
  const list = service.getCompletions(document, params.position, documentSettings);
  return canTakeEditRange ? list : { isIncomplete: list.isIncomplete, items: withItemEdits(list) };
});

connection.onCompletionResolve((item) => service.resolveCompletionItem(item));

connection.onDefinition((params, token) => {
  const document = requestDocument(params.textDocument.uri, token);
  return document ? service.getDefinition(document, params.position) ?? null : null;
});

connection.onDocumentLinks((params, token) => {
  const document = requestDocument(params.textDocument.uri, token);
  return document ? service.getDocumentLinks(document) : [];
});

connection.onReferences((params, token) => {
  const document = requestDocument(params.textDocument.uri, token);
  return document ? service.getReferences(document, params.position, params.context.includeDeclaration) : [];
});

connection.onWorkspaceSymbol((params, token) => (token.isCancellationRequested ? [] : service.getWorkspaceSymbols(params.query)));


/** `subject`: the file or folder the command is about, whose settings it takes (templates, statuses). */
async function commandContext(subject: string | undefined): Promise<CommandContext> {
  const folder = subject ?? workspaceRoots[0];
  const { supersedeSetsStatus, indexShowsStatus, templates } = folder === undefined ? await editorSettings(undefined) : await settings.settingsForFolder(folder);
  return {
    index: indexer.index,
    async readText(uri) {
      const open = documents.get(uri);
      if (open) return open.getText();
      try {
        return await nodeFileSystem.readFile(uri);
      } catch {
        return undefined;
      }
    },
    today: () => new Date().toISOString().slice(0, 10),
    // The nearest existing ancestor, links followed, then the rest: a folder not made yet under a link is caught too.
    async realPath(uri) {
      let path = fileURLToPath(uri);
      const rest: string[] = [];
      for (;;) {
        try {
          return join(await realpath(path), ...rest.reverse());
        } catch {
          const parent = dirname(path);
          if (parent === path) return undefined;
          rest.push(basename(path));
          path = parent;
        }
      }
    },
    settings: { supersedeSetsStatus, indexShowsStatus, templates },
  };
}

/** Commands compute one workspace edit; the editor applies it, so it can be undone, and nothing is ever overwritten. */
connection.onExecuteCommand(async (params) => {
  const args: unknown = params.arguments?.[0];
  if (params.command === INSERT_MISSING_SECTIONS_COMMAND) {
    const uri = typeof (args as { uri?: unknown } | undefined)?.uri === 'string' ? (args as { uri: string }).uri : '';
    const document = documents.get(uri);
    if (!document) return { ok: false, message: 'Open the report first.' };
    const edits = service.insertMissingSections(document, await settings.settingsFor(uri));
    if (edits.length === 0) return { ok: true, message: 'No section is missing.' };
    const applied = await connection.workspace.applyEdit({ label: 'Insert missing sections', edit: { changes: { [uri]: edits } } });
    return applied.applied ? { ok: true, message: 'Inserted the missing sections.' } : { ok: false, message: `The editor did not apply the change${applied.failureReason ? `: ${applied.failureReason}` : ''}.` };
  }
  const result = await runCommand(await commandContext(commandSubject(args)), params.command, args);
  if (result.ok && result.edit) {
    const applied = await connection.workspace.applyEdit({ label: `Incident Docs: ${result.message}`, edit: result.edit });
    if (!applied.applied) return { ok: false, message: `The editor did not apply the change${applied.failureReason ? `: ${applied.failureReason}` : ''}. Nothing was written.` };
    // The files just written are part of the workspace now: index them without waiting for the file watcher.
    for (const change of result.edit.documentChanges ?? []) {
      if ('kind' in change && change.kind === 'create') await indexer.fileChanged(change.uri);
    }
  }
  // The edit was applied here; the client gets what to tell the user and what to open.
  return { ok: result.ok, message: result.message, open: result.open, content: result.content, templates: result.templates, reports: result.reports };
});

/** The folder a command is about: the folder it works in, or the folder of the report it starts from. */
function commandSubject(args: unknown): string | undefined {
  const { folder, from } = (typeof args === 'object' && args !== null ? args : {}) as { folder?: unknown; from?: unknown };
  if (typeof folder === 'string') return folder;
  return typeof from === 'string' ? from.slice(0, from.lastIndexOf('/')) : undefined;
}

documents.listen(connection);
connection.listen();
