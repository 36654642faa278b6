import * as path from 'node:path';
import { commands, ProgressLocation, window, workspace, type ExtensionContext, type Progress, type Uri } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { initializeReportFolder } from './commands/initialize';
import { newReport } from './commands/newReport';
import { linkReport } from './commands/linkReport';
import { regenerateIndex } from './commands/regenerateIndex';
import { insertMissingSections } from './commands/insertMissingSections';
import { showGraph } from './commands/showGraph';
import { SERVER_NODE_OPTIONS } from '../../server/src/processOptions';

let client: LanguageClient | undefined;

interface IndexingProgress {
  state: 'begin' | 'report' | 'end';
  files?: number;
  reports?: number;
}

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
      { language: 'markdown', scheme: 'vscode-remote' },
    ],
    outputChannelName: 'Incident Docs',
    synchronize: {
      configurationSection: 'incidentDocs',
      // Every file, not only Markdown: a link may point at an image or a log that is later deleted.
      fileEvents: workspace.createFileSystemWatcher('**/*'),
    },
    middleware: {
      workspace: {
        willRenameFiles: async (event, next) => {
          const setting = workspace.getConfiguration('incidentDocs').get<string>('updateLinksOnRename', 'prompt');
          if (setting === 'never') return undefined;
          const edit = await next(event);
          if (!edit || edit.size === 0 || setting === 'always') return edit;
          const links = edit.entries().reduce((count, [, edits]) => count + edits.length, 0);
          const name = path.basename(event.files[0]?.newUri.fsPath ?? '');
          const answer = await window.showInformationMessage(
            `Update ${links} link${links === 1 ? '' : 's'} for the renamed ${name}?`,
            'Update links',
            'Not now',
          );
          return answer === 'Update links' ? edit : undefined;
        },
      },
    },
  };
  client = new LanguageClient('incidentDocs', 'Incident Docs', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
  client.outputChannel.appendLine(`Incident Docs started for ${workspace.name ?? 'this window'}.`);
  context.subscriptions.push(client.onNotification('incidentDocs/indexing', showIndexingProgress));
  const started = client;
  const palette: Record<string, (resource?: Uri) => Promise<void>> = {
    'incidentDocs.initialize': (resource) => initializeReportFolder(started, resource),
    'incidentDocs.newReport': (resource) => newReport(started, '8d', resource),
    'incidentDocs.newPostmortem': (resource) => newReport(started, 'postmortem', resource),
    'incidentDocs.supersedeReport': (resource) => linkReport(started, true, resource),
    'incidentDocs.linkReport': (resource) => linkReport(started, false, resource),
    'incidentDocs.regenerateIndex': (resource) => regenerateIndex(started, resource),
    'incidentDocs.insertMissingSections': (resource) => insertMissingSections(started, resource),
    'incidentDocs.showGraph': () => showGraph(started),
  };
  for (const [id, run] of Object.entries(palette)) {
    // Explorer menus pass the clicked resource; the palette passes nothing.
    context.subscriptions.push(commands.registerCommand(id, (resource?: unknown) => run(isUri(resource) ? resource : undefined)));
  }
}

function isUri(value: unknown): value is Uri {
  return typeof value === 'object' && value !== null && 'scheme' in value && 'path' in value;
}

let reportProgress: ((update: IndexingProgress) => void) | undefined;
let pendingNotification: NodeJS.Timeout | undefined;
let latest: IndexingProgress | undefined;
const NOTIFY_AFTER_MS = 1000;

/** A large workspace takes a moment to index: past a second, show it in a notification until the server is done. */
function showIndexingProgress(update: IndexingProgress): void {
  latest = update;
  if (update.state === 'begin') {
    clearTimeout(pendingNotification);
    pendingNotification = setTimeout(openNotification, NOTIFY_AFTER_MS);
  } else if (update.state === 'end') {
    clearTimeout(pendingNotification);
    pendingNotification = undefined;
  }
  reportProgress?.(update);
}

function openNotification(): void {
  if (reportProgress || latest?.state === 'end') return;
  void window.withProgress({ location: ProgressLocation.Notification, title: 'Incident Docs: indexing reports' }, (progress: Progress<{ message?: string }>) =>
    new Promise<void>((resolve) => {
      reportProgress = (next) => {
        if (next.state === 'end') {
          reportProgress = undefined;
          resolve();
        } else if (next.files !== undefined) {
          progress.report({ message: `${next.files} files read, ${next.reports ?? 0} reports` });
        }
      };
    }));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
