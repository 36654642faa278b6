/**
 * LSP wiring only: documents, settings and timers in; the language service's answers out.
 * Runs over IPC (the VS Code client) or `--stdio` (other editors, protocol tests).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  DidChangeConfigurationNotification,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from './languageService';
import { readSettings, DEFAULT_SETTINGS, type Settings } from './settings';
import { FIX_ALL_KIND } from './features/codeActions';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const logger = {
  error: (message: string) => connection.console.error(message),
  warn: (message: string) => connection.console.warn(message),
};
const service = createLanguageService({ logger, docsBaseUri: pathToFileURL(join(__dirname, '..', 'docs', 'rules')).href });
const ruleIds = service.rules.map((rule) => rule.id);

let canPullConfiguration = false;
let settingsPromise: Promise<Settings> | undefined;
const pending = new Map<string, NodeJS.Timeout>();
const reportedSettingsProblems = new Set<string>();

connection.onInitialize((params): InitializeResult => {
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  const initial = params.initializationOptions as { settings?: unknown } | undefined;
  if (initial?.settings !== undefined) settingsPromise = Promise.resolve(toSettings(initial.settings));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      hoverProvider: true,
      documentSymbolProvider: true,
    },
    serverInfo: { name: 'incident-docs' },
  };
});


connection.onInitialized(() => {
  if (canPullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'incidentDocs' }).catch(() => undefined);
  }
});

function toSettings(raw: unknown): Settings {
  return readSettings(raw, ruleIds, (message) => {
    if (reportedSettingsProblems.has(message)) return;
    reportedSettingsProblems.add(message);
    connection.console.warn(message);
    void connection.window.showWarningMessage(`Incident Docs: ${message}`);
  });
}

function getSettings(): Promise<Settings> {
  if (!settingsPromise) {
    settingsPromise = canPullConfiguration
      ? connection.workspace.getConfiguration('incidentDocs').then(toSettings, (error: unknown) => {
        connection.console.warn(`Could not read the incidentDocs settings, using defaults: ${String(error)}`);
        return DEFAULT_SETTINGS;
      })
      : Promise.resolve(DEFAULT_SETTINGS);
  }
  return settingsPromise;
}

connection.onDidChangeConfiguration((change) => {
  const pushed = (change.settings as { incidentDocs?: unknown } | null)?.incidentDocs;
  settingsPromise = !canPullConfiguration && pushed !== undefined ? Promise.resolve(toSettings(pushed)) : undefined;
  for (const document of documents.all()) schedule(document, 0);
});

/** Markdown only: other editors may send every file they open. */
function isMarkdown(document: TextDocument): boolean {
  return document.languageId === 'markdown' || /\.(md|markdown)$/i.test(document.uri);
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
  const settings = await getSettings();
  const document = documents.get(uri);
  // The user typed on (or closed the file) while settings loaded: a newer run will publish.
  if (!document || document.version !== version) return;
  try {
    const diagnostics = service.computeDiagnostics(document, settings);
    await connection.sendDiagnostics({ uri, version, diagnostics });
  } catch (error) {
    connection.console.error(`Checking ${uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }
}

// Opening a document fires a content change too: check it at once, and wait for a pause only while typing.
const seen = new Set<string>();
documents.onDidChangeContent(async ({ document }) => {
  const settings = await getSettings();
  const firstTime = !seen.has(document.uri);
  seen.add(document.uri);
  schedule(document, firstTime ? 0 : settings.diagnosticsDelay);
});
documents.onDidClose(({ document }) => {
  seen.delete(document.uri);
  clearTimeout(pending.get(document.uri));
  pending.delete(document.uri);
  service.forget(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

connection.onCodeAction(async (params, token) => {
  const settings = await getSettings();
  const document = documents.get(params.textDocument.uri);
  if (!document || token.isCancellationRequested || !isMarkdown(document)) return [];
  return service.getCodeActions(document, params.context, settings);
});

connection.onHover((params, token) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || token.isCancellationRequested || !isMarkdown(document)) return null;
  return service.getHover(document, params.position) ?? null;
});

connection.onDocumentSymbol((params, token) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || token.isCancellationRequested || !isMarkdown(document)) return [];
  return service.getDocumentSymbols(document);
});

documents.listen(connection);
connection.listen();
