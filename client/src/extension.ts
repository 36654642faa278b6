import * as path from 'node:path';
import { commands, ProgressLocation, window, workspace, type ExtensionContext, type Progress, type Uri } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { initializeReportFolder } from './commands/initialize';
import { startNewReport } from './commands/newReport';
import { linkReport } from './commands/linkReport';
import { regenerateReportIndex } from './commands/regenerateIndex';
import { insertMissingSections } from './commands/insertMissingSections';
import { showGraph } from './commands/showGraph';
import { SERVER_NODE_OPTIONS } from '../../server/src/processOptions';
import { CLIENT_COMMANDS, DOCUMENT_SCHEMES, INDEXING_NOTIFICATION, LANGUAGE_ID, PRODUCT_NAME, SETTINGS_SECTION, UPDATE_LINKS_ON_RENAME, type IndexingProgress, type UpdateLinksOnRename } from '../../server/src/protocol';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SCHEMES.map((scheme) => ({ language: LANGUAGE_ID, scheme })),
    outputChannelName: PRODUCT_NAME,
    synchronize: {
      configurationSection: SETTINGS_SECTION,
      // Every file, not only Markdown: a link may point at an image or a log that is later deleted, and a project
      // config file (`**/.incident-docs.{json,jsonc}`) re-checks the reports under it when it changes.
      fileEvents: workspace.createFileSystemWatcher('**/*'),
    },
    middleware: {
      workspace: {
        willRenameFiles: async (event, next) => {
          const setting = workspace.getConfiguration(SETTINGS_SECTION).get<UpdateLinksOnRename>(UPDATE_LINKS_ON_RENAME, 'prompt');
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
  client = new LanguageClient(SETTINGS_SECTION, PRODUCT_NAME, serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
  client.outputChannel.appendLine(`${PRODUCT_NAME} started for ${workspace.name ?? 'this window'}.`);
  context.subscriptions.push(client.onNotification(INDEXING_NOTIFICATION, showIndexingProgress));
  const started = client;
  const palette: Record<string, (resource?: Uri) => Promise<void>> = {
    [CLIENT_COMMANDS.initialize]: (resource) => initializeReportFolder(started, resource),
    [CLIENT_COMMANDS.newReport]: (resource) => startNewReport(started, '8d', resource),
    [CLIENT_COMMANDS.newPostmortem]: (resource) => startNewReport(started, 'postmortem', resource),
    [CLIENT_COMMANDS.supersedeReport]: (resource) => linkReport(started, true, resource),
    [CLIENT_COMMANDS.linkReport]: (resource) => linkReport(started, false, resource),
    [CLIENT_COMMANDS.regenerateIndex]: (resource) => regenerateReportIndex(started, resource),
    [CLIENT_COMMANDS.insertMissingSections]: (resource) => insertMissingSections(started, resource),
    [CLIENT_COMMANDS.showGraph]: () => showGraph(started),
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
  void window.withProgress({ location: ProgressLocation.Notification, title: `${PRODUCT_NAME}: indexing reports` }, (progress: Progress<{ message?: string }>) =>
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
