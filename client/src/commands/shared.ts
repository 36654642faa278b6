/** What every command needs: ask the server, tell the user in one clear message, open what was made. */
import { Position, Selection, Uri, window, workspace, type WorkspaceFolder } from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { isMarkdownFile } from '../../../server/src/model/markdownFile';
import { INSERT_MISSING_SECTIONS_COMMAND, SERVER_COMMANDS, type CommandReply } from '../../../server/src/protocol';
import { RELATIONS } from '../../../server/src/model/links';

export type ServerCommand = (typeof SERVER_COMMANDS)[keyof typeof SERVER_COMMANDS] | typeof INSERT_MISSING_SECTIONS_COMMAND;

export async function ask(client: LanguageClient, command: ServerCommand, args: object): Promise<CommandReply | undefined> {
  try {
    return (await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [args] })) as CommandReply;
  } catch (error) {
    void window.showErrorMessage(`Incident Docs: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** Reports the outcome and opens the file the command made, with the cursor where writing starts. */
export async function finish(answer: CommandReply | undefined): Promise<void> {
  if (!answer) return;
  if (!answer.ok) {
    void window.showErrorMessage(answer.message);
    return;
  }
  if (answer.open) {
    const editor = await window.showTextDocument(Uri.parse(answer.open.uri));
    const position = new Position(answer.open.line, answer.open.character);
    editor.selection = new Selection(position, position);
  }
  void window.showInformationMessage(answer.message);
}

/** The workspace folder to act in: the one of the clicked resource or the active editor, else asked. */
export async function pickFolder(resource?: Uri): Promise<WorkspaceFolder | undefined> {
  const folders = workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void window.showErrorMessage('Incident Docs: open a folder first; reports live in a workspace folder.');
    return undefined;
  }
  const hint = resource ?? window.activeTextEditor?.document.uri;
  const owning = hint ? workspace.getWorkspaceFolder(hint) : undefined;
  if (owning) return owning;
  if (folders.length === 1) return folders[0];
  return window.showWorkspaceFolderPick({ placeHolder: 'Which workspace folder?' });
}

export async function pickReport(client: LanguageClient, placeHolder: string, except?: string): Promise<string | undefined> {
  const answer = await ask(client, SERVER_COMMANDS.reports, {});
  const reports = (answer?.reports ?? []).filter((r) => r.uri !== except);
  if (reports.length === 0) {
    void window.showErrorMessage('Incident Docs: there are no other reports in this workspace yet.');
    return undefined;
  }
  const picked = await window.showQuickPick(reports.map((r) => ({ label: r.label, description: r.detail, uri: r.uri })), { placeHolder, matchOnDescription: true });
  return picked?.uri;
}

export const RELATION_NAMES = RELATIONS.map((relation) => relation.name);

/** The report a command acts on: the clicked file, else the active Markdown editor. */
export function currentReport(resource?: Uri): Uri | undefined {
  const uri = resource ?? window.activeTextEditor?.document.uri;
  if (!uri || !isMarkdownFile(uri.path)) {
    void window.showErrorMessage('Incident Docs: open a report (a Markdown file) first.');
    return undefined;
  }
  return uri;
}
