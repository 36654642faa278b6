import type { IncidentReport, ReportKind } from '../model/report';
import type { Range } from '../model/position';
import type { CalendarDate } from '../model/dates';
import type { Settings } from '../settings';
import type { FileSystem } from '../workspace/fileSystem';
import type { ReportWorkspace } from './workspace';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RelatedLocation {
  range: Range;
  message: string;
}

/** What a rule reports: pure data, turned into an editor diagnostic by the features layer. */
export interface Finding {
  message: string;
  range: Range;
  related?: RelatedLocation[];
  /** Everything the finding's quick-fix needs, so that the fix recomputes nothing. */
  data?: unknown;
  /** For rules whose findings differ in weight: overrides the rule's default severity (a user's setting still wins). */
  severity?: Severity;
}

export interface RuleContext {
  /** The document's URI, when it has one (for messages only; rules never read files). */
  uri?: string;
  settings: Settings;
  /** The other reports of the workspace, when there is one (link rules need it; without it they stay silent). */
  workspace?: ReportWorkspace;
  /** The ids of every rule, report and folder rules alike (to check the names a suppression comment gives). */
  ruleIds?: readonly string[];
  /** Today on the user's calendar (for deadlines); the language service's clock, fixed in tests. */
  today?: CalendarDate;
}

/** A setting a rule reads besides its severity, as the manifest declares it (a JSON schema with VS Code's extras). */
export interface RuleOption {
  type: 'string' | 'number' | 'boolean' | 'array' | 'object';
  default: unknown;
  markdownDescription: string;
  items?: { type: string };
  minimum?: number;
  enum?: readonly string[];
}

/**
 * What a rule declares about itself. It is the single source of the rule's setting in the manifest, its row in
 * the README and the header of its doc page (`npm run generate` writes them), so nothing is kept in sync by hand.
 */
export interface RuleInfo {
  /** Stable id: the diagnostic code, the setting `incidentDocs.rules.<id>` and the doc page `docs/rules/<id>.md`. */
  id: string;
  /** One line, shown in the docs and the settings UI. */
  description: string;
  defaultSeverity: Severity;
  /** How some findings' severity differs from the default, in a few words ("warning for a post-mortem's core section"). */
  severityNote?: string;
  /** The quick-fix, in a few words ("*Make this a heading*"), when the rule has one. */
  quickFix?: string;
  /** Settings the rule reads besides its severity, by their key under `incidentDocs.` (for the manifest). */
  options?: Readonly<Record<string, RuleOption>>;
  /** What turning the rule off leaves in place, when that is more than silence. */
  whenOff?: string;
}

/** A rule over one report's model. */
export interface Rule extends RuleInfo {
  /** The report kinds the rule checks. */
  kinds: readonly ReportKind[];
  /** Whether the rule runs on blank templates too (`report.blankTemplate`); the others are silent there. */
  checksBlankTemplates?: boolean;
  /** Whether the rule runs on reports over the size limits, which are not parsed (and no other rule does). */
  checksUnparsed?: boolean;
  check(report: IncidentReport, context: RuleContext): Finding[];
}

/** A finding on a file of a workspace folder rather than on a report: `.8d-dir`, the lock file. */
export interface FolderFinding extends Finding {
  uri: string;
}

export interface FolderRuleContext {
  fs: FileSystem;
  /** The reports indexed in the folder. */
  workspace?: ReportWorkspace;
}

export interface FolderCheck {
  findings: FolderFinding[];
  /** Problems with no file to show them on (a folder where a file should be), said as messages instead. */
  messages: string[];
}

/** A rule over the files a workspace folder keeps beside its reports. */
export interface FolderRule extends RuleInfo {
  /** Where it looks, for the docs ("`.8d-dir` at the root of each workspace folder"). */
  appliesTo: string;
  checkFolder(root: string, context: FolderRuleContext): Promise<FolderCheck>;
}

export type AnyRule = Rule | FolderRule;

export function isFolderRule(rule: AnyRule): rule is FolderRule {
  return 'checkFolder' in rule;
}
