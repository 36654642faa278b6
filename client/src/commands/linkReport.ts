import { window, type Uri } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ask, currentReport, finish, pickReport, RELATION_NAMES } from './shared';
import { SERVER_COMMANDS } from '../../../server/src/protocol';

/** Incident Docs: Supersede Report… / Link Report… — the link in this report, the inverse in the other. */
export async function linkReport(client: LanguageClient, supersede: boolean, resource?: Uri): Promise<void> {
  const report = currentReport(resource);
  if (!report) return;
  const from = report.toString();
  const relation = supersede ? 'Supersedes' : await window.showQuickPick(RELATION_NAMES, { placeHolder: 'This report … the other one' });
  if (!relation) return;
  const to = await pickReport(client, supersede ? 'Report that this one supersedes' : `Report that this one ${relation.toLowerCase()}`, from);
  if (!to) return;
  await finish(await ask(client, SERVER_COMMANDS.linkReports, { from, to, relation }));
}
