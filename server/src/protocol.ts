/**
 * What the extension's client and the language server must agree on: ids, names and the shapes of the messages
 * between them. Both bundles import this file; it holds constants and types only, so that the client takes in
 * nothing else of the server.
 */

/** The product's name: the client's name, its output channel, the prefix of its messages. */
export const PRODUCT_NAME = 'Incident Docs';

/** The client's id, and the `incidentDocs.*` section of the settings both sides read. */
export const SETTINGS_SECTION = 'incidentDocs';

/** `incidentDocs.updateLinksOnRename`: rewrite links to a renamed report without asking, after asking, or never. */
export const UPDATE_LINKS_ON_RENAME = 'updateLinksOnRename';
export type UpdateLinksOnRename = 'prompt' | 'always' | 'never';

/** The language of the documents the server checks, and the schemes the client hands it. */
export const LANGUAGE_ID = 'markdown';
export const DOCUMENT_SCHEMES: readonly string[] = ['file', 'untitled', 'vscode-remote'];

/** The `source` of every diagnostic the server publishes: code actions act only on these. */
export const DIAGNOSTIC_SOURCE = 'incident-docs';

/** The commands of the command palette and explorer menus (declared in package.json), run by the client. */
export const CLIENT_COMMANDS = {
  initialize: 'incidentDocs.initialize',
  newReport: 'incidentDocs.newReport',
  newPostmortem: 'incidentDocs.newPostmortem',
  supersedeReport: 'incidentDocs.supersedeReport',
  linkReport: 'incidentDocs.linkReport',
  regenerateIndex: 'incidentDocs.regenerateIndex',
  insertMissingSections: 'incidentDocs.insertMissingSections',
  showGraph: 'incidentDocs.showGraph',
} as const;

/** The commands the server runs for `workspace/executeCommand`; each answers a `CommandAnswer`. */
export const SERVER_COMMANDS = {
  initialize: 'incidentDocs.server.initialize',
  newReport: 'incidentDocs.server.newReport',
  linkReports: 'incidentDocs.server.linkReports',
  regenerateIndex: 'incidentDocs.server.regenerateIndex',
  graph: 'incidentDocs.server.graph',
  templates: 'incidentDocs.server.templates',
  reports: 'incidentDocs.server.reports',
} as const;

/** Inserts a report's missing sections: run by the server itself, outside `SERVER_COMMANDS`, as it edits the open document. */
export const INSERT_MISSING_SECTIONS_COMMAND = 'incidentDocs.server.insertMissingSections';

/** A template offered for a new report. */
export interface TemplateChoice {
  name: string;
  description: string;
}

/** A report offered to link to. */
export interface ReportChoice {
  uri: string;
  label: string;
  detail: string;
}

/** What a server command answers, as the client reads it. */
export interface CommandReply {
  ok: boolean;
  /** One clear sentence for the user. */
  message: string;
  /** A file to open afterwards, with the cursor where the user starts writing. */
  open?: { uri: string; line: number; character: number };
  /** Text to show in a new editor (the report graph). */
  content?: string;
  templates?: TemplateChoice[];
  reports?: ReportChoice[];
}

/** The notification of the first scan's progress, for the client's progress notification. */
export const INDEXING_NOTIFICATION = 'incidentDocs/indexing';

export interface IndexingProgress {
  state: 'begin' | 'report' | 'end';
  files?: number;
  reports?: number;
}
