/** The report folder of a workspace folder, as 8d-tools records it in `.8d-dir`. */
import { fail, joinUri, type CommandContext } from './context';

export interface ReportFolder {
  root: string;
  /** As written in `.8d-dir`, e.g. `docs/8d`. */
  directory: string;
  uri: string;
}

/** A relative folder inside the workspace: no absolute paths, no `..`, no drive letters. */
export function checkDirectory(directory: string): string {
  const cleaned = directory.trim().replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  if (!cleaned) fail('The report folder name is empty.');
  if (cleaned.startsWith('/') || /^[a-z]:/i.test(cleaned) || cleaned.split('/').includes('..')) {
    fail(`The report folder must be inside the workspace folder: "${directory}" is not.`);
  }
  return cleaned;
}

export async function locateReportFolder(context: CommandContext, root: string): Promise<ReportFolder> {
  const text = await context.readText(joinUri(root, '.8d-dir'));
  if (text === undefined) fail('This workspace has no report folder yet: run "Incident Docs: Initialize Report Folder" first.');
  let directory: string;
  try {
    directory = checkDirectory(text);
  } catch {
    fail(`.8d-dir names "${text.trim()}", which is not a folder inside the workspace: fix or delete .8d-dir.`);
  }
  const folder = { root, directory, uri: joinUri(root, directory) };
  await checkInside(context, folder.root, folder.uri, `The report folder ${directory}`);
  return folder;
}

/** A path that is inside the workspace by name but, through a symbolic link, really elsewhere, is refused. */
export async function checkInside(context: CommandContext, root: string, uri: string, what: string): Promise<void> {
  if (!context.realPath) return;
  const [realRoot, real] = await Promise.all([context.realPath(root), context.realPath(uri)]);
  if (realRoot && real && real !== realRoot && !real.startsWith(`${realRoot}/`)) {
    fail(`${what} leads outside the workspace folder (through a symbolic link, to ${real}): nothing is written there.`);
  }
}
