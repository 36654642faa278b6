/**
 * Links kept intact when reports, or folders of them, are renamed or moved: the edits that point each link whose
 * target moved, or whose own report moved away from what it points at, at the right place again. Only the path
 * of a destination changes; its title, angle brackets, query and fragment stay as written.
 */
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { canonicalUri, relativeLink, resolveLink } from '../model/links';
import type { Backlink, ReportIndex } from './reportIndex';
import type { ScannedLink } from './scanner';

export interface FileRename {
  oldUri: string;
  newUri: string;
}

/** A link to write again: in the file `uri` (where it is before the rename), its destination's path to become `path`. */
export interface LinkRewrite {
  uri: string;
  link: ScannedLink;
  /** The new relative path, decoded (`./0003-new name.md`): how to write it depends on how the link is written. */
  path: string;
}

/** Where a file is after the renames: renamed itself, or inside a renamed folder; undefined when it stays. */
function movedTo(uri: string, renames: readonly FileRename[]): string | undefined {
  for (const { oldUri, newUri } of renames) {
    if (uri === oldUri) return newUri;
    if (uri.startsWith(`${oldUri}/`)) return newUri + uri.slice(oldUri.length);
  }
  return undefined;
}

/**
 * The links the renames would break: links to a moved file from anywhere, and links out of a moved report. A link
 * that still leads to the same file from its report's new place (between two reports of a moved folder) is kept.
 */
export function linksToRewrite(index: ReportIndex, files: readonly FileRename[]): LinkRewrite[] {
  const renames = files.map(({ oldUri, newUri }) => ({ oldUri: canonicalUri(oldUri).replace(/\/$/, ''), newUri: canonicalUri(newUri).replace(/\/$/, '') }));
  const candidates: Backlink[] = [];
  for (const { oldUri } of renames) {
    for (const moved of index.filesUnder(oldUri)) {
      candidates.push(...index.linksTo(moved));
      const report = index.get(moved);
      if (report) candidates.push(...report.links.map((link) => ({ from: report, link })));
    }
  }
  const rewrites: LinkRewrite[] = [];
  const seen = new Set<ScannedLink>();
  for (const { from, link } of candidates) {
    if (seen.has(link)) continue;
    seen.add(link);
    const path = newPathOf(from.uri, link.target, renames);
    if (path !== undefined) rewrites.push({ uri: from.uri, link, path });
  }
  return rewrites;
}

/** The path a link in `from` must be given after the renames; undefined when the written one still leads right. */
function newPathOf(from: string, target: string, renames: readonly FileRename[]): string | undefined {
  // `#heading` moves with its report; `/docs/x.md` is read from a site's root, which renaming a file does not move.
  if (target.startsWith('#') || target.startsWith('/')) return undefined;
  const resolved = resolveLink(from, target);
  if (resolved === undefined) return undefined;
  const before = canonicalUri(resolved);
  const after = movedTo(before, renames) ?? before;
  const fromAfter = movedTo(from, renames) ?? from;
  const resolvedAfter = resolveLink(fromAfter, target);
  if (resolvedAfter !== undefined && canonicalUri(resolvedAfter) === after) return undefined;
  return relativeLink(fromAfter, after);
}

/** One piece of a link's destination, as written between `](` and its title or `)`. */
const DESTINATION = /^\]\(([ \t]*)(?:<([^<>\n]*)>|([^)\s<>[]*))/;

/**
 * The edit that writes `rewrite.path` into the link's destination on `lineText`, keeping what surrounds the path.
 * Undefined when the line no longer holds that link (the file changed since it was indexed).
 */
function destinationEdit(lineText: string, rewrite: LinkRewrite): TextEdit | undefined {
  const { link } = rewrite;
  const match = DESTINATION.exec(lineText.slice(link.labelEnd));
  const written = match ? match[2] ?? match[3] : undefined;
  if (!match || written !== link.target) return undefined;
  const bracketed = match[2] !== undefined;
  const start = link.labelEnd + 2 + match[1].length + (bracketed ? 1 : 0);
  const suffixAt = written.search(/[?#]/);
  const oldPath = suffixAt === -1 ? written : written.slice(0, suffixAt);
  const suffix = suffixAt === -1 ? '' : written.slice(suffixAt);
  const destination = `${writtenPath(rewrite.path, oldPath, bracketed)}${suffix}`;
  return {
    range: { start: { line: link.line, character: start }, end: { line: link.line, character: start + written.length } },
    newText: bracketed || !needsBrackets(destination) ? destination : `<${destination}>`,
  };
}

/** Characters a bare destination cannot hold (CommonMark, and our own link readers): they need `<…>` or escapes. */
const NOT_BARE = /[\s()<>[\]]/;

function needsBrackets(destination: string): boolean {
  return NOT_BARE.test(destination);
}

/**
 * A decoded relative path written in the old destination's style: `./` only when it had it, percent escapes for
 * spaces and brackets when it used them (`my%20report.md`), else as it reads (angle brackets are added around it).
 */
function writtenPath(path: string, oldPath: string, bracketed: boolean): string {
  const relative = /^\.{1,2}\//.test(oldPath) || !path.startsWith('./') ? path : path.slice(2);
  // What would end the path (`#`, `?`) or be read as an escape (`%`) is always escaped.
  let written = relative.replace(/[%#?]/g, encodeURIComponent);
  if (bracketed) written = written.replace(/[<>]/g, encodeURIComponent);
  else if (/%[0-9A-Fa-f]{2}/.test(oldPath)) written = written.replace(/[\s()<>[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return written;
}

/** The edits for the rewrites, read against the current texts of the files they are in. */
export function editsForRewrites(rewrites: readonly LinkRewrite[], textOf: (uri: string) => string | undefined): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  const linesOf = new Map<string, string[] | undefined>();
  for (const rewrite of rewrites) {
    if (!linesOf.has(rewrite.uri)) linesOf.set(rewrite.uri, textOf(rewrite.uri)?.split(/\r\n?|\n/));
    const lineText = linesOf.get(rewrite.uri)?.[rewrite.link.line];
    const edit = lineText === undefined ? undefined : destinationEdit(lineText, rewrite);
    if (edit) (changes[rewrite.uri] ??= []).push(edit);
  }
  return { changes };
}

/** Edits that keep every link intact across the renames (see `linksToRewrite`). */
export function linkEditsForRename(index: ReportIndex, files: readonly FileRename[], textOf: (uri: string) => string | undefined): WorkspaceEdit {
  return editsForRewrites(linksToRewrite(index, files), textOf);
}
