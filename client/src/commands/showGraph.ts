import { window, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ask } from './shared';
import { LANGUAGE_ID, SERVER_COMMANDS } from '../../../server/src/protocol';

/** Incident Docs: Show Report Graph — a Mermaid graph in a new, unsaved Markdown document. */
export async function showGraph(client: LanguageClient): Promise<void> {
  const answer = await ask(client, SERVER_COMMANDS.graph, {});
  if (!answer?.ok || answer.content === undefined) {
    if (answer) void window.showErrorMessage(answer.message);
    return;
  }
  const document = await workspace.openTextDocument({ language: LANGUAGE_ID, content: answer.content });
  await window.showTextDocument(document);
}
