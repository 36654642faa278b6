import { relationNamed, relativeLink } from '../model/links';
import { scanReport, type ScannedReport } from '../workspace/scanner';
import { addLinkEdit } from '../workspace/addLink';
import { baseName, EditBuilder, fail, type CommandContext, type CommandResult } from './context';
import { reportLabel } from '../model/reportLabel';

export interface LinkEnd {
  uri: string;
  report: ScannedReport;
  text: string;
}

export async function readReport(context: CommandContext, uri: string): Promise<LinkEnd> {
  const text = await context.readText(uri);
  if (text === undefined) fail(`${baseName(uri)} does not exist.`);
  const report = scanReport(text, decodeURIComponent(new URL(uri).pathname));
  if (report.number === undefined) fail(`${baseName(uri)} has no report number (no "# N: Title" line and no NNNN- file name).`);
  return { uri, report, text };
}

/** `- Relation: [N: Title](./0001-slug.md)` as written into `into`, pointing at `to`. */
export function linkLine(relation: string, into: { uri: string; report: ScannedReport }, to: { uri: string; number: number; title: string }): string {
  return `- ${relation}: [${reportLabel(to, { padded: into.report.padded })}](${relativeLink(into.uri, to.uri)})`;
}

/**
 * The other report's half of a relation: its inverse line (unless already there) and, for a supersede,
 * its status set to Superseded.
 */
export function inverseEdits(edit: EditBuilder, context: CommandContext, relationName: string, other: LinkEnd, self: { uri: string; number: number; title: string }): void {
  const relation = relationNamed(relationName)!;
  const line = linkLine(relation.inverse, other, self);
  if (!other.text.includes(line.slice(2))) {
    const at = addLinkEdit(other.uri, other.report, line);
    edit.replace(other.uri, at.range, at.newText);
  }
  if (relation.name === 'Supersedes' && context.settings.supersedeSetsStatus) setStatus(edit, other, 'Superseded');
}

function setStatus(edit: EditBuilder, end: LinkEnd, status: string): void {
  const { statusLine, statusStart, statusEnd } = end.report;
  if (statusLine === undefined || statusStart === undefined || statusEnd === undefined || end.report.status === status) return;
  edit.replace(end.uri, { start: { line: statusLine, character: statusStart }, end: { line: statusLine, character: statusEnd } }, status);
}

/** Link two existing reports both ways, as `8d link` does. */
export async function linkReports(context: CommandContext, args: { from: string; to: string; relation: string }): Promise<CommandResult> {
  const relation = relationNamed(args.relation);
  if (!relation) fail(`"${args.relation}" is not a relation; use Supersedes, Amends, Clarifies, Extends, Related to or their inverses.`);
  if (args.from === args.to) fail('A report cannot be linked to itself.');
  const from = await readReport(context, args.from);
  const to = await readReport(context, args.to);
  const line = linkLine(relation.name, from, { uri: to.uri, number: to.report.number!, title: to.report.title ?? '' });
  const edit = new EditBuilder();
  if (from.text.includes(line.slice(2))) fail(`${baseName(from.uri)} already says "${line.slice(2)}".`);
  const at = addLinkEdit(from.uri, from.report, line);
  edit.replace(from.uri, at.range, at.newText);
  inverseEdits(edit, context, relation.name, to, { uri: from.uri, number: from.report.number!, title: from.report.title ?? '' });
  return { ok: true, message: `${baseName(from.uri)} ${relation.name.toLowerCase()} ${baseName(to.uri)}; the inverse link was added there.`, edit: edit.build() };
}
