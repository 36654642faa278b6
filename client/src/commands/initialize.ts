import { window, type Uri } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ask, finish, pickFolder } from './shared';
import { SERVER_COMMANDS } from '../../../server/src/protocol';

/** Incident Docs: Initialize Report Folder — `.8d-dir`, the folder, its lock file, README and `.templates/`. */
export async function initializeReportFolder(client: LanguageClient, resource?: Uri): Promise<void> {
  const folder = await pickFolder(resource);
  if (!folder) return;
  const directory = await window.showInputBox({
    title: 'Initialize Report Folder',
    prompt: 'Folder for the reports, relative to the workspace folder (8d-tools uses docs/8d)',
    value: 'docs/8d',
    validateInput: (value) => (!value.trim() ? 'Enter a folder name.' : value.includes('..') || value.startsWith('/') ? 'The folder must be inside the workspace folder.' : undefined),
  });
  if (directory === undefined) return;
  await finish(await ask(client, SERVER_COMMANDS.initialize, { folder: folder.uri.toString(), directory }));
}
