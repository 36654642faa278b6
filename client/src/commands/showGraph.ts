import { window, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ask } from './shared';

/** Incident Docs: Show Report Graph — a Mermaid graph in a new, unsaved Markdown document. */
export async function showGraph(client: LanguageClient): Promise<void> {
  const answer = await ask(client, 'incidentDocs.server.graph', {});
  if (!answer?.ok || answer.content === undefined) {
    if (answer) void window.showErrorMessage(answer.message);
    return;
  }
  const document = await workspace.openTextDocument({ language: 'markdown', content: answer.content });
  await window.showTextDocument(document);
}
