import type { IncidentReport, ReportKind } from '../model/report';
import type { Range } from '../model/position';
import type { Settings } from '../settings';
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
}

export interface Rule {
  /** Stable id: the diagnostic code, the setting `incidentDocs.rules.<id>` and the doc page `docs/rules/<id>.md`. */
  id: string;
  /** One line, shown in the docs and the settings UI. */
  description: string;
  defaultSeverity: Severity;
  /** The report kinds the rule checks. */
  kinds: readonly ReportKind[];
  /** Whether the rule runs on blank templates too (`report.blankTemplate`); the others are silent there. */
  checksBlankTemplates?: boolean;
  check(report: IncidentReport, context: RuleContext): Finding[];
}
