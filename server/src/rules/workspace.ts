/**
 * What rules may know of the workspace (the link rules its reports, `missing-section` its templates), in terms of
 * reports and links only. How the index keeps them (its scan's compact fields, its backlink map, where a
 * `## Links` section starts) stays behind this interface, so the index can change without the rules, and a rule
 * test can hand in any workspace.
 */
import type { ReportKind } from '../model/report';
import type { Range } from '../model/position';

export interface WorkspaceLink {
  /** The relation when the link is a `## Links` item such as `- Supersedes: [1: Title](./0001-slug.md)`. */
  readonly relation?: string;
  readonly label: string;
  /** The destination as written: `./0001-slug.md`, `./0001-slug.md#d4-root-cause`, `#summary`. */
  readonly target: string;
}

export interface WorkspaceReport {
  /** Canonical: one spelling per file (see `canonicalUri`). */
  readonly uri: string;
  /** Always set for an indexed report (files that are no report are not listed). */
  readonly kind?: ReportKind;
  readonly number?: number;
  readonly title?: string;
  readonly status?: string;
  /** The title writes its number zero-padded (`# 0003:`), as pre-release 8d-tools did. */
  readonly padded: boolean;
  readonly links: readonly WorkspaceLink[];
}

export interface WorkspaceHeading {
  readonly text: string;
  /** GitHub's anchor, numbered across the report when repeated (`#d4-root-cause-1`). */
  readonly slug: string;
  readonly line: number;
}

/** A link in one report that points at another (or at itself). */
export interface LinkingReport {
  readonly from: WorkspaceReport;
  readonly link: WorkspaceLink;
}

/** An edit to another file than the checked one, ready for a quick-fix. */
export interface FileEdit {
  uri: string;
  range: Range;
  newText: string;
}

export interface ReportWorkspace {
  /** The report at `uri` (any spelling), if the workspace has one there. */
  get(uri: string): WorkspaceReport | undefined;
  /** Every report with that number, in a stable order (usually one; more when numbers clash). */
  byNumber(number: number): readonly WorkspaceReport[];
  /** Every report in the folder at `uri` or below it (`.8d-sequence.lock` must be above their numbers). */
  reportsUnder(folderUri: string): readonly WorkspaceReport[];
  /** Whether a file exists at `uri`, report or not. */
  exists(uri: string): boolean;
  /** The headings of the report at `uri`, in order; none when it is not a report. */
  headingsOf(uri: string): readonly WorkspaceHeading[];
  /** Every link in the workspace's reports that resolves to `uri`. */
  linksTo(uri: string): readonly LinkingReport[];
  /**
   * The edit that writes `line` (`- Superseded by: [3: Title](./0003-slug.md)`) into the report at `uri` where
   * 8d-tools would: in its `## Links` section, made when missing. Undefined when there is no report there.
   */
  linkLineEdit(uri: string, line: string): FileEdit | undefined;
  /** The text of the workspace's custom template of that name (`.templates/<name>.md`), for `missing-section`. */
  template(name: string): string | undefined;
}
