import { baseName, EditBuilder, joinUri, type CommandContext, type CommandResult } from './context';
import { locateReportFolder, type ReportFolder } from './reportFolder';
import type { IndexedReport } from '../workspace/reportIndex';
import { reportLabel } from '../model/reportLabel';

export interface IndexEntry {
  number: number;
  title: string;
  fileName: string;
  status?: string;
}

/** The reports of the report folder (top level, `NNNN-slug.md`), by number. */
export function folderReports(context: CommandContext, folder: ReportFolder): IndexedReport[] {
  return context.index.all().filter((report) => report.number !== undefined && report.uri.startsWith(`${folder.uri}/`) && !report.uri.slice(folder.uri.length + 1).includes('/'));
}

export function entriesOf(reports: IndexedReport[]): IndexEntry[] {
  return reports.map((r) => ({ number: r.number!, title: r.title ?? '', fileName: baseName(r.uri), status: r.status }));
}

/**
 * The README with its `## Reports` list rebuilt as 8d-tools does: `- [N: Title](./NNNN-slug.md)` sorted by number,
 * one blank line before and after; with `showStatus`, each entry's status after it. Undefined when there is no such section.
 */
export function rebuildReportsSection(readme: string, entries: IndexEntry[], showStatus: boolean): string | undefined {
  const lines = readme.split('\n');
  const start = lines.findIndex((line) => line.trim() === '## Reports');
  if (start < 0) return undefined;
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    if (lines[i].startsWith('## ')) {
      end = i;
      break;
    }
  }
  const list = [...entries].sort((a, b) => a.number - b.number).map((e) => `- [${reportLabel(e, { padded: false })}](./${e.fileName})${showStatus && e.status ? ` — ${e.status}` : ''}`);
  return [...lines.slice(0, start + 1), '', ...list, '', ...lines.slice(end)].join('\n');
}

export async function regenerateIndex(context: CommandContext, args: { folder: string }): Promise<CommandResult> {
  const folder = await locateReportFolder(context, args.folder);
  const uri = joinUri(folder.uri, 'README.md');
  const readme = await context.readText(uri);
  if (readme === undefined) return { ok: false, message: `${folder.directory}/README.md does not exist: there is no index to regenerate.` };
  const entries = entriesOf(folderReports(context, folder));
  const rebuilt = rebuildReportsSection(readme, entries, context.settings.indexShowsStatus);
  if (rebuilt === undefined) return { ok: false, message: `${folder.directory}/README.md has no "## Reports" section: add one to hold the index.` };
  if (rebuilt === readme) return { ok: true, message: `The index in ${folder.directory}/README.md is up to date.` };
  return { ok: true, message: `Index of ${entries.length} reports written to ${folder.directory}/README.md.`, edit: new EditBuilder().rewrite(uri, readme, rebuilt).build() };
}

