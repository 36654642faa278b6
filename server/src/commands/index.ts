/**
 * The report commands, run by the server for `workspace/executeCommand`: each computes one workspace edit
 * (files created included) that the editor applies, so every change can be undone.
 */
import { CommandError, type CommandContext, type CommandResult } from './context';
import { initialize } from './initialize';
import { newReport, type NewReportArgs } from './newReport';
import { linkReports } from './linkReports';
import { regenerateIndex } from './regenerateIndex';
import { reportGraph } from './graph';
import { availableTemplates } from './templates';
import { locateReportFolder } from './reportFolder';
import { reportLabel } from '../model/reportLabel';
import { SERVER_COMMANDS, type ReportChoice, type TemplateChoice } from '../protocol';

export { SERVER_COMMANDS };

export interface CommandAnswer extends CommandResult {
  templates?: TemplateChoice[];
  reports?: ReportChoice[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function text(args: Record<string, unknown>, key: string): string {
  const value = args[key];
  if (typeof value !== 'string') throw new CommandError(`Missing argument "${key}".`);
  return value;
}

/** Runs a command; bad input is a result with a clear message, never an exception. */
export async function runCommand(context: CommandContext, command: string, raw: unknown): Promise<CommandAnswer> {
  const args = isObject(raw) ? raw : {};
  try {
    switch (command) {
      case SERVER_COMMANDS.initialize:
        return await initialize(context, { folder: text(args, 'folder'), directory: typeof args.directory === 'string' ? args.directory : undefined });
      case SERVER_COMMANDS.newReport:
        return await newReport(context, {
          folder: text(args, 'folder'),
          title: text(args, 'title'),
          template: typeof args.template === 'string' ? args.template : 'default',
          supersede: typeof args.supersede === 'string' ? args.supersede : undefined,
          link: isObject(args.link) && typeof args.link.uri === 'string' && typeof args.link.relation === 'string' ? { uri: args.link.uri, relation: args.link.relation } : undefined,
        } satisfies NewReportArgs);
      case SERVER_COMMANDS.linkReports:
        return await linkReports(context, { from: text(args, 'from'), to: text(args, 'to'), relation: text(args, 'relation') });
      case SERVER_COMMANDS.regenerateIndex:
        return await regenerateIndex(context, { folder: text(args, 'folder') });
      case SERVER_COMMANDS.graph:
        return reportGraph(context);
      case SERVER_COMMANDS.templates: {
        const folder = await locateReportFolder(context, text(args, 'folder'));
        const templates = (await availableTemplates(context, folder)).map(({ name, description }) => ({ name, description }));
        return { ok: true, message: `${templates.length} templates.`, templates };
      }
      case SERVER_COMMANDS.reports: {
        const reports = context.index.all().map((r) => ({
          uri: r.uri,
          label: reportLabel(r, { padded: true }),
          detail: [r.status, r.date].filter(Boolean).join(' · '),
        }));
        return { ok: true, message: `${reports.length} reports.`, reports };
      }
      default:
        return { ok: false, message: `Unknown command ${command}.` };
    }
  } catch (error) {
    if (error instanceof CommandError) return { ok: false, message: error.message };
    throw error;
  }
}
