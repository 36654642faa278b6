import { relationNamed } from '../model/links';
import { EditBuilder, fail, joinUri, type CommandContext, type CommandResult } from './context';
import { locateReportFolder } from './reportFolder';
import { expandTemplate, findTemplate } from './templates';
import { inverseEdits, linkLine, readReport, type LinkEnd } from './linkReports';
import { entriesOf, folderReports, rebuildReportsSection } from './regenerateIndex';
import { scanReport } from '../workspace/scanner';

export interface NewReportArgs {
  folder: string;
  title: string;
  template: string;
  supersede?: string;
  link?: { uri: string; relation: string };
}

/** 8d-tools' file names: lower case, only a-z 0-9 space and -, spaces to -, no repeated or trailing -. */
export function slugOf(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9\s-]/g, '').replace(/\s+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
}

export function checkTitle(title: string): string {
  const trimmed = title.trim();
  if (!trimmed) fail('The title is empty.');
  if (/[\\/]/.test(trimmed)) fail('The title may not contain / or \\.');
  if (/[\r\n]/.test(trimmed)) fail('The title must be one line.');
  return trimmed;
}

/** A numbered report from a template, as `8d new` makes it: lock file, links both ways, the README index. Never overwrites. */
export async function newReport(context: CommandContext, args: NewReportArgs): Promise<CommandResult> {
  const title = checkTitle(args.title);
  const folder = await locateReportFolder(context, args.folder);
  const template = await findTemplate(context, folder, args.template);
  const slug = slugOf(title);
  if (!slug) fail(`"${title}" has no letters or digits to make a file name from.`);

  const lockUri = joinUri(folder.uri, '.8d-sequence.lock');
  const lock = await context.readText(lockUri);
  let number: number;
  if (lock !== undefined) {
    const current = Number.parseInt(lock, 10);
    if (!Number.isFinite(current) || current < 0) fail(`${folder.directory}/.8d-sequence.lock should hold the last report number, but holds "${lock.trim().slice(0, 20)}": fix it first.`);
    number = current + 1;
  } else {
    number = Math.max(0, ...folderReports(context, folder).map((r) => r.number!)) + 1;
  }
  const fileName = `${String(number).padStart(4, '0')}-${slug}.md`;
  const uri = joinUri(folder.uri, fileName);
  if (context.index.exists(uri) || (await context.readText(uri)) !== undefined) fail(`${folder.directory}/${fileName} already exists: nothing was written.`);

  const self = { uri, number, title };
  const edit = new EditBuilder();
  const links: string[] = [];
  const related: { end: LinkEnd; relation: string }[] = [];
  if (args.supersede) related.push({ end: await readReport(context, args.supersede), relation: 'Supersedes' });
  if (args.link) {
    const relation = relationNamed(args.link.relation);
    if (!relation) fail(`"${args.link.relation}" is not a relation.`);
    related.push({ end: await readReport(context, args.link.uri), relation: relation.name });
  }
  // The new report is written by this tool, in 1.0.2's style: unpadded labels.
  const newEnd = { uri, report: scanReport(''), text: '' };
  for (const { end, relation } of related) {
    links.push(linkLine(relation, newEnd, { uri: end.uri, number: end.report.number!, title: end.report.title ?? '' }));
  }
  const expanded = expandTemplate(template, { title, sequence: number, date: context.today(), links });
  // A custom template's sections are what the report is checked against: front matter records which template.
  const content = template.builtIn ? expanded : recordTemplate(expanded, template.name);
  edit.create(uri, content);
  for (const { end, relation } of related) inverseEdits(edit, context, relation, end, self);
  if (lock !== undefined) edit.rewrite(lockUri, lock, String(number));

  const readmeUri = joinUri(folder.uri, 'README.md');
  const readme = await context.readText(readmeUri);
  if (readme !== undefined) {
    const entries = [...entriesOf(folderReports(context, folder)).filter((e) => e.number !== number), { number, title, fileName, status: 'Draft' }];
    const rebuilt = rebuildReportsSection(readme, entries, context.settings.indexShowsStatus);
    if (rebuilt !== undefined && rebuilt !== readme) edit.rewrite(readmeUri, readme, rebuilt);
  }
  return { ok: true, message: `Created ${folder.directory}/${fileName}.`, edit: edit.build(), open: { uri, ...firstSectionPosition(content) } };
}

/** Adds `template: <name>` to the report's front matter, creating the block when there is none. */
export function recordTemplate(content: string, name: string): string {
  const fence = /^---\r?\n[\s\S]*?\n---(\r?\n|$)/.exec(content);
  if (fence) return `${content.slice(0, fence[0].lastIndexOf('---'))}template: ${name}\n${content.slice(fence[0].lastIndexOf('---'))}`;
  return `---\ntemplate: ${name}\n---\n\n${content}`;
}

/** Where the writing starts: the line after the first section heading and its prompt. */
function firstSectionPosition(content: string): { line: number; character: number } {
  const lines = content.split('\n');
  const heading = lines.findIndex((line) => /^##\s/.test(line) && line.trim() !== '## Links');
  if (heading < 0) return { line: 0, character: 0 };
  let line = heading + 1;
  while (line < lines.length && /^\s*<!--.*-->\s*$/.test(lines[line])) line++;
  return { line, character: 0 };
}

