import type { Uri } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ask, currentReport, finish } from './shared';
import { INSERT_MISSING_SECTIONS_COMMAND } from '../../../server/src/protocol';

/** Incident Docs: Insert Missing Sections — the fix-all, as one undo-able edit. */
export async function insertMissingSections(client: LanguageClient, resource?: Uri): Promise<void> {
  const report = currentReport(resource);
  if (report) await finish(await ask(client, INSERT_MISSING_SECTIONS_COMMAND, { uri: report.toString() }));
}
