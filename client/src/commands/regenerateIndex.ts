import type { Uri } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ask, finish, pickFolder } from './shared';
import { SERVER_COMMANDS } from '../../../server/src/protocol';

/** Incident Docs: Regenerate Report Index — the `## Reports` list of the report folder's README. */
export async function regenerateReportIndex(client: LanguageClient, resource?: Uri): Promise<void> {
  const folder = await pickFolder(resource);
  if (folder) await finish(await ask(client, SERVER_COMMANDS.regenerateIndex, { folder: folder.uri.toString() }));
}
