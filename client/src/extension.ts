import * as path from 'node:path';
import { workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
      { language: 'markdown', scheme: 'vscode-remote' },
    ],
    outputChannelName: 'Incident Docs',
    synchronize: { configurationSection: 'incidentDocs' },
  };
  client = new LanguageClient('incidentDocs', 'Incident Docs', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
  // The client's own output channel is created lazily; make "Incident Docs" visible from the start.
  client.outputChannel.appendLine(`Incident Docs started for ${workspace.name ?? 'this window'}.`);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
