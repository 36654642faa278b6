import { window, type Uri } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ask, finish, pickFolder, pickReport, RELATION_NAMES } from './shared';
import { SERVER_COMMANDS } from '../../../server/src/protocol';

/** Incident Docs: New 8D Report… / New Post-mortem… — title, template, and optionally a report to supersede or link. */
export async function startNewReport(client: LanguageClient, kind: '8d' | 'postmortem', resource?: Uri): Promise<void> {
  const folder = await pickFolder(resource);
  if (!folder) return;
  const title = await window.showInputBox({
    title: kind === '8d' ? 'New 8D Report' : 'New Post-mortem',
    prompt: 'Title of the report',
    placeHolder: kind === '8d' ? 'Solder voids on the power board' : 'Checkout API outage on 2025-02-11',
    validateInput: (value) => (!value.trim() ? 'Enter a title.' : /[\\/]/.test(value) ? 'A title may not contain / or \\.' : undefined),
  });
  if (!title) return;
  const listed = await ask(client, SERVER_COMMANDS.templates, { folder: folder.uri.toString() });
  if (!listed?.ok) return finish(listed);
  const preferred = kind === '8d' ? ['default', 'simple'] : ['postmortem'];
  const templates = [...(listed.templates ?? [])].sort((a, b) => rank(a.name, preferred) - rank(b.name, preferred));
  const template = await window.showQuickPick(templates.map((t) => ({ label: t.name, description: t.description })), { placeHolder: 'Template' });
  if (!template) return;
  const choice = await window.showQuickPick(['No link', 'Supersede a report…', 'Link to a report…'], { placeHolder: 'Supersede or link another report?' });
  if (!choice) return;
  const args: Record<string, unknown> = { folder: folder.uri.toString(), title: title.trim(), template: template.label };
  if (choice !== 'No link') {
    const other = await pickReport(client, choice.startsWith('Supersede') ? 'Report that the new one supersedes' : 'Report to link to');
    if (!other) return;
    if (choice.startsWith('Supersede')) args.supersede = other;
    else {
      const relation = await window.showQuickPick(RELATION_NAMES, { placeHolder: 'The new report … the other one' });
      if (!relation) return;
      args.link = { uri: other, relation };
    }
  }
  await finish(await ask(client, SERVER_COMMANDS.newReport, args));
}

function rank(name: string, preferred: string[]): number {
  const index = preferred.indexOf(name);
  return index < 0 ? preferred.length : index;
}
