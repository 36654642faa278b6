import type { CodeAction, CodeActionContext, Diagnostic, DocumentSymbol, Hover, Position } from 'vscode-languageserver-types';
import { getHover } from './features/hover';
import { frontMatterHover } from './features/frontMatterKeys';
import { getDocumentSymbols } from './features/symbols';
import { buildReport, unparsedReport, type IncidentReport } from './model/report';
import { BlockCache } from './model/incrementalParse';
import { overLimits, type DocumentLimits } from './model/limits';
import { ignoreInFileEdit, ignoreOnLineEdit, readSuppressions } from './model/suppressions';
import { isDeepStrictEqual } from 'node:util';
import { scanReport } from './workspace/scanner';
import type { SectionInsertion } from './model/insertSection';
import { ALL_RULES, FOLDER_RULES, type Finding, type FolderRule, type Rule, type RuleInfo } from './rules';
import type { FileSystem } from './workspace/fileSystem';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { toDiagnostic } from './features/diagnostics';
import { getCodeActions as buildCodeActions, insertAll, isSectionInsertion } from './features/codeActions';
import { isFixData } from './rules/fix';
import type { TextEdit } from 'vscode-languageserver-types';
import type { ReportIndex } from './workspace/reportIndex';
import type { CompletionItem, CompletionList, DocumentLink, Location, SymbolInformation } from 'vscode-languageserver-types';
import { getCompletions, resolveCompletionItem } from './features/completion';
import { getDefinition, getDocumentLinks, getLinkHover, getReferences, getWorkspaceSymbols } from './features/navigation';
import { localToday, type CalendarDate } from './model/dates';

/** The little the service needs of a document: the same shape as LSP's and VS Code's. */
export interface TextDocumentLike {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
}

export interface LanguageServiceOptions {
  rules?: readonly Rule[];
  /** The rules over a workspace folder's own files (`.8d-dir` …). */
  folderRules?: readonly FolderRule[];
  /** The workspace's reports, for links between them. */
  workspace?: ReportIndex;
  logger?: Logger;
  /** Today's date for rules with deadlines; the local calendar's by default (tests fix it). */
  today?: () => CalendarDate;
  /** Where the rule pages live (`<base>/<rule-id>.md`), linked from each diagnostic. */
  docsBaseUri?: string;
}

export interface RuleFinding {
  rule: Rule;
  finding: Finding;
}

/** What the folder rules found in one workspace folder. */
export interface FolderDiagnostics {
  /** Diagnostics by the URI of the file they are on. */
  diagnostics: Map<string, Diagnostic[]>;
  /** Problems with no file to show them on, to be said as messages. */
  messages: string[];
}

export interface LanguageService {
  readonly rules: readonly Rule[];
  /** The ids of every rule, report and folder rules alike: the keys `incidentDocs.rules.<id>` may name. */
  readonly ruleIds: readonly string[];
  /** The folder rules over the files of the workspace folder `root` (`.8d-dir` and the lock file). */
  checkFolder(root: string, fs: FileSystem, settings?: Settings): Promise<FolderDiagnostics>;
  /** The parsed report, cached per document version. */
  getReport(document: TextDocumentLike): IncidentReport;
  /** Every finding of every enabled rule; none for a document that is not a report. */
  check(document: TextDocumentLike, settings?: Settings): RuleFinding[];
  computeDiagnostics(document: TextDocumentLike, settings?: Settings): Diagnostic[];
  getCodeActions(document: TextDocumentLike, context: CodeActionContext, settings?: Settings): CodeAction[];
  /** The fix-all edit: every missing section inserted in its place. Empty when nothing is missing. */
  insertMissingSections(document: TextDocumentLike, settings?: Settings): TextEdit[];
  getHover(document: TextDocumentLike, position: Position): Hover | undefined;
  getDocumentSymbols(document: TextDocumentLike): DocumentSymbol[];
  /**
   * Relation names, reports, paths and heading anchors for links; nothing outside reports. Long lists give
   * the replaced range once, as `itemDefaults.editRange` (see `withItemEdits` for clients without it).
   */
  getCompletions(document: TextDocumentLike, position: Position, settings?: Settings): CompletionList;
  /** Adds what is left out of long lists until an item is shown: the linked report's summary. */
  resolveCompletionItem(item: CompletionItem): CompletionItem;
  /** The file (and heading) a relative link points at. */
  getDefinition(document: TextDocumentLike, position: Position): Location | undefined;
  getDocumentLinks(document: TextDocumentLike): DocumentLink[];
  /** The linked report's card; `getHover` answers with it first. */
  getLinkHover(document: TextDocumentLike, position: Position): Hover | undefined;
  /** On a report's title line: the links to it from the whole workspace. */
  getReferences(document: TextDocumentLike, position: Position, includeDeclaration: boolean): Location[];
  getWorkspaceSymbols(query: string): SymbolInformation[];
  /** Drops cached state for a closed document. */
  forget(uri: string): void;
}

const silentLogger: Logger = { error() {}, warn() {} };
/** Documents whose blocks stay cached: open editors are few; a CLI run checks thousands in turn. */
const MAX_BLOCK_CACHES = 32;

interface ReportEntry {
  version: number;
  report: IncidentReport;
  oversized: boolean;
}

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const rules = options.rules ?? ALL_RULES;
  const folderRules = options.folderRules ?? FOLDER_RULES;
  const ruleIds = [...rules, ...folderRules].map((rule) => rule.id);
  const logger = options.logger ?? silentLogger;
  /** Each document's report for its latest version, and whether it was over the limits (so not parsed). */
  const reports = new Map<string, ReportEntry>();
  const crashedRules = new Set<string>();
  // The size limits and paranoid mode of the settings last used: features that take no settings honour them too.
  let limits: DocumentLimits = { maxDocumentSize: DEFAULT_SETTINGS.maxDocumentSize, maxDocumentLines: DEFAULT_SETTINGS.maxDocumentLines };
  let paranoid = DEFAULT_SETTINGS.paranoid;
  let paranoidMismatchLogged = false;
  // One block cache per document (its trees are moved in place to where the document's blocks now stand).
  const blockCaches = new Map<string, BlockCache>();

  function blockCacheOf(uri: string): BlockCache {
    let cache = blockCaches.get(uri);
    if (cache) blockCaches.delete(uri); // most recently used last
    else {
      // Checking many documents in turn (a CLI run) keeps only the latest ones.
      cache = new BlockCache();
      for (const [oldest] of blockCaches) {
        if (blockCaches.size < MAX_BLOCK_CACHES) break;
        blockCaches.delete(oldest);
      }
    }
    blockCaches.set(uri, cache);
    return cache;
  }

  function parse(text: string, uri: string): IncidentReport {
    const report = buildReport(text, blockCacheOf(uri));
    if (paranoid) {
      const full = buildReport(text);
      if (!isDeepStrictEqual(report.tree, full.tree)) {
        if (!paranoidMismatchLogged) logger.error(`Paranoid mode: the incremental parse of ${uri} differs from a full parse; using the full parse. Please report this with the document.`);
        paranoidMismatchLogged = true;
        blockCaches.delete(uri); // its trees cannot be trusted: the next version starts afresh
        return full;
      }
    }
    return report;
  }

  function getEntry(document: TextDocumentLike): ReportEntry {
    const cached = reports.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const text = document.getText();
    const oversized = overLimits(text, limits) !== undefined;
    const entry = { version: document.version, report: oversized ? unparsedReport(text, scanReport(text).kind) : parse(text, document.uri), oversized };
    reports.set(document.uri, entry);
    return entry;
  }

  function getReport(document: TextDocumentLike): IncidentReport {
    return getEntry(document).report;
  }

  function check(document: TextDocumentLike, settings: Settings = DEFAULT_SETTINGS): RuleFinding[] {
    paranoid = settings.paranoid;
    if (settings.maxDocumentSize !== limits.maxDocumentSize || settings.maxDocumentLines !== limits.maxDocumentLines) {
      limits = { maxDocumentSize: settings.maxDocumentSize, maxDocumentLines: settings.maxDocumentLines };
      reports.clear(); // parsed (or not) under the old limits
    }
    const { report, oversized } = getEntry(document);
    if (!report.kind) return [];
    const findings: RuleFinding[] = [];
    const today = (options.today ?? localToday)();
    for (const rule of rules) {
      // A report over the size limits is not parsed: only the rules meant for that run on it.
      if (oversized !== (rule.checksUnparsed === true)) continue;
      if (settings.rules[rule.id] === 'off' || !rule.kinds.includes(report.kind)) continue;
      // A blank template is no report yet: only the rules meant for templates say anything about it.
      if (report.blankTemplate && !rule.checksBlankTemplates) continue;
      try {
        for (const finding of rule.check(report, { uri: document.uri, settings, workspace: options.workspace, ruleIds, today })) findings.push({ rule, finding });
      } catch (error) {
        ruleFailed(rule, document.uri, error);
      }
    }
    // In the order of the document, as a reader meets them (a stable sort: one place keeps the rules' order).
    return unsuppressed(report, findings).sort((a, b) => a.finding.range.start.line - b.finding.range.start.line || a.finding.range.start.character - b.finding.range.start.character);
  }

  /** One broken rule must not silence the others; it is said once, not on every check. */
  function ruleFailed(rule: RuleInfo, uri: string, error: unknown): void {
    if (crashedRules.has(rule.id)) return;
    crashedRules.add(rule.id);
    logger.error(`Rule ${rule.id} failed on ${uri} and was skipped: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }


  async function checkFolder(root: string, fs: FileSystem, settings: Settings = DEFAULT_SETTINGS): Promise<FolderDiagnostics> {
    const result: FolderDiagnostics = { diagnostics: new Map(), messages: [] };
    for (const rule of folderRules) {
      if (settings.rules[rule.id] === 'off') continue;
      let found: Awaited<ReturnType<FolderRule['checkFolder']>>;
      try {
        found = await rule.checkFolder(root, { fs, workspace: options.workspace });
      } catch (error) {
        ruleFailed(rule, root, error);
        continue;
      }
      const { findings, messages } = found;
      for (const finding of findings) {
        const diagnostic = toDiagnostic(rule, finding, severityOf(rule, finding, settings), finding.uri, 0, options.docsBaseUri);
        result.diagnostics.set(finding.uri, [...(result.diagnostics.get(finding.uri) ?? []), diagnostic]);
      }
      result.messages.push(...messages);
    }
    return result;
  }

  return {
    rules,
    ruleIds,
    checkFolder,
    getReport,
    check,
    computeDiagnostics(document, settings = DEFAULT_SETTINGS) {
      return check(document, settings).map(({ rule, finding }) =>
        toDiagnostic(rule, finding, severityOf(rule, finding, settings), document.uri, document.version, options.docsBaseUri));
    },
    getCodeActions(document, context, settings) {
      const findings = check(document, settings);
      const fixes = findings.flatMap(({ rule, finding }) => (isFixData(finding.data) ? [{ rule: rule.id, message: finding.message, fix: finding.data.fix }] : []));
      const report = getReport(document);
      // Only for a finding still there: a diagnostic of an older version may stand on a line that has moved since.
      const ignore = (rule: string, message: string, line: number) =>
        findings.some(({ rule: { id }, finding }) => id === rule && finding.message === message && finding.range.start.line === line)
          ? { onLine: ignoreOnLineEdit(report, line, rule), inFile: ignoreInFileEdit(report, rule) }
          : undefined;
      return buildCodeActions({ uri: document.uri, version: document.version, missing: sectionInsertionsOf(findings), fixes, ignore }, context);
    },
    insertMissingSections(document, settings) {
      return insertAll(sectionInsertionsOf(check(document, settings)));
    },
    getHover(document, position) {
      const report = getReport(document);
      return getLinkHover(report, document.uri, position, options.workspace) ?? frontMatterHover(report, position) ?? getHover(report, position);
    },
    getCompletions(document, position, settings = DEFAULT_SETTINGS) {
      return getCompletions(getReport(document), document.uri, position, options.workspace, settings.metadataSeverities);
    },
    resolveCompletionItem(item) {
      return resolveCompletionItem(item, options.workspace);
    },
    getDefinition(document, position) {
      return getDefinition(getReport(document), document.uri, position, options.workspace);
    },
    getDocumentLinks(document) {
      return getDocumentLinks(getReport(document), document.uri, options.workspace);
    },
    getLinkHover(document, position) {
      return getLinkHover(getReport(document), document.uri, position, options.workspace);
    },
    getReferences(document, position, includeDeclaration) {
      return getReferences(getReport(document), document.uri, position, includeDeclaration, options.workspace);
    },
    getWorkspaceSymbols(query) {
      return getWorkspaceSymbols(query, options.workspace);
    },
    getDocumentSymbols(document) {
      return getDocumentSymbols(getReport(document));
    },
    forget(uri) {
      reports.delete(uri);
      blockCaches.delete(uri);
    },
  };
}

/**
 * The findings the report's suppression comments leave (`model/suppressions.ts`): a finding is silenced by the line it
 * starts on. Folder rules' findings are on `.8d-dir` and the lock file, which hold no comments: they are never silenced.
 */
function unsuppressed(report: IncidentReport, findings: RuleFinding[]): RuleFinding[] {
  const suppressions = readSuppressions(report);
  if (suppressions.comments.length === 0) return findings;
  return findings.filter(({ rule, finding }) => !suppressions.covers(rule.id, finding.range.start.line));
}

/** The sections the findings ask to insert (their data says so), for the quick-fixes and Insert Missing Sections. */
function sectionInsertionsOf(findings: readonly RuleFinding[]): SectionInsertion[] {
  return findings.map(({ finding }) => finding.data).filter(isSectionInsertion);
}

function severityOf(rule: RuleInfo, finding: Finding, settings: Settings) {
  const configured = settings.rules[rule.id];
  // VS Code sends every setting's manifest default as if the user had set it: a value equal to the rule's default
  // keeps the rule's own weighting of its findings (a post-mortem's missing section is a warning, an 8D's an error).
  if (!configured || configured === 'off' || configured === rule.defaultSeverity) return finding.severity ?? rule.defaultSeverity;
  return configured;
}
