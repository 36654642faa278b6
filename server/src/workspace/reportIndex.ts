/**
 * The workspace's reports: numbers, titles, headings and the link graph, kept current file by file.
 * Pure data structure: the server feeds it open documents' live text and file-watch events.
 */
import { scanReport, scannedHeadings, type ScannedLink, type ScannedReport } from './scanner';
import { canonicalUri, decodeURIComponentSafe, resolveLink, withSlugs } from '../model/links';
import { textOf, type FileContent } from './fileContent';
import { addLinkEdit } from './addLink';
import type { FileEdit, ReportWorkspace, WorkspaceHeading } from '../rules/workspace';
import { isMarkdownFile } from '../model/markdownFile';

export interface IndexedReport extends ScannedReport {
  uri: string;
}

export interface Backlink {
  from: IndexedReport;
  link: ScannedLink;
}

/** The workspace the link rules see (`ReportWorkspace`) is this index, seen through that narrower interface. */
export class ReportIndex implements ReportWorkspace {
  private readonly reports = new Map<string, IndexedReport>();
  /** Every Markdown (and other) file known to exist, reports or not: for broken-link checks. */
  private readonly files = new Set<string>();
  /** Custom templates (`…/.templates/<name>.md`) by name: the sections a report made from one must have. */
  private readonly templates = new Map<string, { uri: string; text: string }>();
  /** target URI -> reports linking to it; built when first asked for, then kept current report by report. */
  private backlinks: Map<string, Backlink[]> | undefined;
  /** The reports in order, kept until the listing changes: completion asks on every keystroke. */
  private sorted: IndexedReport[] | undefined;
  private listing = 0;

  /** `fileExists` answers for files outside what was scanned (a link from the report folder to the repository's README). */
  constructor(private readonly fileExists?: (uri: string) => boolean) {}

  /** Reads (or re-reads) one file; only reports are indexed, every file is remembered as existing. */
  update(uri: string, content: FileContent): IndexedReport | undefined {
    uri = canonicalUri(uri);
    this.addCanonicalFile(uri);
    const template = templateName(uri);
    if (template) {
      this.templates.set(template, { uri, text: textOf(content) });
      return undefined;
    }
    // The file name is all the scanner reads of the path (its `NNNN-` prefix); a canonical URI has no query or hash.
    const name = uri.slice(uri.lastIndexOf('/') + 1);
    const scanned = scanReport(content, name.includes('%') ? decodeURIComponentSafe(name) : name);
    const previous = this.reports.get(uri);
    if (previous) this.unlink(previous);
    if (!scanned.kind) {
      if (this.reports.delete(uri)) this.listingChanged();
      return undefined;
    }
    // The scan is this index's own: it becomes the report instead of being copied (thousands on a first scan).
    const report = scanned as IndexedReport;
    report.uri = uri;
    this.reports.set(uri, report);
    this.link(report);
    // Typing in an open report updates it on every keystroke; lists of reports only change with what they show.
    if (!previous || LISTED.some((field) => previous[field] !== report[field])) this.listingChanged();
    else if (this.sorted) this.sorted[this.sorted.indexOf(previous)] = report; // same place, current links and headings
    return report;
  }

  /**
   * Changes whenever what lists of the index show changes: a file or report comes or goes, or a report's
   * number, title, status or date changes. Completion keeps its lists until then.
   */
  get listingVersion(): number {
    return this.listing;
  }

  private listingChanged(): void {
    this.listing++;
    this.sorted = undefined;
  }

  clear(): void {
    this.reports.clear();
    this.files.clear();
    this.templates.clear();
    this.backlinks = undefined;
    this.listingChanged();
  }

  /** A file that exists but is not read (not Markdown, or excluded from indexing). */
  addFile(uri: string): void {
    this.addCanonicalFile(canonicalUri(uri));
  }

  private addCanonicalFile(uri: string): void {
    if (this.files.has(uri)) return;
    this.files.add(uri);
    this.listingChanged();
  }

  remove(uri: string): void {
    uri = canonicalUri(uri);
    const known = this.files.delete(uri);
    const template = templateName(uri);
    if (template && this.templates.get(template)?.uri === uri) this.templates.delete(template);
    const report = this.reports.get(uri);
    if (report) {
      this.unlink(report);
      this.reports.delete(uri);
    }
    if (known || report) this.listingChanged();
  }

  get(uri: string): IndexedReport | undefined {
    return this.reports.get(canonicalUri(uri));
  }

  /** The text of the custom template of that name, if the workspace has one. */
  template(name: string): string | undefined {
    return this.templates.get(name)?.text;
  }

  exists(uri: string): boolean {
    const canonical = canonicalUri(uri);
    return this.files.has(canonical) || (this.fileExists?.(canonical) ?? false);
  }

  get size(): number {
    return this.reports.size;
  }

  /** All reports, by number then URI. */
  all(): readonly IndexedReport[] {
    this.sorted ??= [...this.reports.values()].sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    return this.sorted;
  }

  byNumber(number: number): IndexedReport[] {
    return this.all().filter((report) => report.number === number);
  }

  /** The known files at `uri`, or inside it when it is a folder: what renaming it moves. */
  reportsUnder(folderUri: string): IndexedReport[] {
    const folder = `${canonicalUri(folderUri).replace(/\/$/, '')}/`;
    return this.all().filter((report) => report.uri.startsWith(folder));
  }

  filesUnder(uri: string): string[] {
    const canonical = canonicalUri(uri).replace(/\/$/, '');
    if (this.files.has(canonical)) return [canonical];
    const folder = `${canonical}/`;
    return [...this.files].filter((file) => file.startsWith(folder));
  }

  /** Markdown files known to exist (reports or not), for path completion. */
  markdownFiles(): string[] {
    return [...this.files].filter(isMarkdownFile).sort();
  }

  /** The headings of the report at `uri` with their anchors, computed when asked (the index keeps only texts). */
  headingsOf(uri: string): WorkspaceHeading[] {
    const report = this.get(uri);
    return report ? withSlugs(scannedHeadings(report)) : [];
  }

  /** Where 8d-tools would write a link line into the report at `uri`: the index knows its `## Links` section. */
  linkLineEdit(uri: string, line: string): FileEdit | undefined {
    const report = this.get(uri);
    return report && addLinkEdit(report.uri, report, line);
  }

  /** Links pointing at `uri` from every indexed report. */
  linksTo(uri: string): Backlink[] {
    if (!this.backlinks) {
      this.backlinks = new Map();
      for (const from of this.reports.values()) this.link(from);
    }
    return this.backlinks.get(canonicalUri(uri)) ?? [];
  }

  /**
   * Adds a report's links to the backlinks (once they are built): a report typed in is read again on every pause,
   * and rebuilding them all for a workspace of thousands of reports would cost more than the check itself.
   */
  private link(from: IndexedReport): void {
    if (!this.backlinks) return;
    for (const [target, link] of linkTargets(from)) {
      const list = this.backlinks.get(target);
      if (list) list.push({ from, link });
      else this.backlinks.set(target, [{ from, link }]);
    }
  }

  private unlink(from: IndexedReport): void {
    if (!this.backlinks) return;
    for (const [target] of linkTargets(from)) {
      const list = this.backlinks.get(target)?.filter((backlink) => backlink.from !== from) ?? [];
      if (list.length > 0) this.backlinks.set(target, list);
      else this.backlinks.delete(target);
    }
  }

  /** A canonical dump of the index, for comparing an incrementally kept index with one rebuilt from scratch. */
  snapshot(): unknown {
    return {
      files: [...this.files].sort(),
      templates: [...this.templates.entries()].sort(([a], [b]) => a.localeCompare(b)),
      reports: this.all().map((report) => ({ ...report, backlinks: this.linksTo(report.uri).map((b) => `${b.from.uri}:${b.link.line}`).sort() })),
    };
  }
}

/** Each link of a report with the canonical URI it points at (links that resolve to nothing left out). */
function linkTargets(from: IndexedReport): [string, ScannedLink][] {
  const targets: [string, ScannedLink][] = [];
  for (const link of from.links) {
    const resolved = resolveLink(from.uri, link.target);
    if (resolved) targets.push([canonicalUri(resolved), link]);
  }
  return targets;
}

/** What lists of reports show of each: a change to any of them changes the listing. */
const LISTED = ['number', 'title', 'status', 'date', 'padded'] as const;

/** `…/.templates/hardware.md` is the template `hardware`. */
function templateName(uri: string): string | undefined {
  const match = /\/\.templates\/([^/]+)\.md$/i.exec(uri);
  return match ? decodeURIComponent(match[1]) : undefined;
}
