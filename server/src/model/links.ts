/** Relations between reports, exactly as 8d-tools writes them, with their inverses. */

export interface Relation {
  name: string;
  inverse: string;
}

export const RELATIONS: readonly Relation[] = [
  { name: 'Supersedes', inverse: 'Superseded by' },
  { name: 'Superseded by', inverse: 'Supersedes' },
  { name: 'Amends', inverse: 'Amended by' },
  { name: 'Amended by', inverse: 'Amends' },
  { name: 'Clarifies', inverse: 'Clarified by' },
  { name: 'Clarified by', inverse: 'Clarifies' },
  { name: 'Extends', inverse: 'Extended by' },
  { name: 'Extended by', inverse: 'Extends' },
  { name: 'Related to', inverse: 'Related to' },
];

const RELATIONS_BY_NAME = new Map(RELATIONS.map((relation) => [relation.name.toLowerCase(), relation]));

/** The relation a link item names, in any case (`supersedes`, `Related To`). */
export function relationNamed(name: string): Relation | undefined {
  return RELATIONS_BY_NAME.get(name.trim().toLowerCase());
}

/** GitHub's heading anchors: lower-case, punctuation dropped, spaces to hyphens; repeats get -1, -2 … */
export function slugify(text: string, seen?: Map<string, number>): string {
  const lower = text.toLowerCase().trim();
  // The Unicode classes are slow and only needed beyond ASCII, where they are equal to these.
  const kept = !/[\u0080-\uffff]/.test(lower) ? lower.replace(/[^a-z0-9 _-]/g, '') : lower.replace(/[^\p{L}\p{N}\p{M} _-]/gu, '');
  const base = kept.replace(/ /g, '-');
  if (!seen) return base;
  const count = seen.get(base) ?? 0;
  seen.set(base, count + 1);
  return count === 0 ? base : `${base}-${count}`;
}

/**
 * Headings with their GitHub anchors; repeated slugs are numbered across the whole document. Computed when
 * asked (for one document at a time) rather than for every heading of every indexed report.
 */
export function withSlugs<T extends { text: string }>(headings: readonly T[]): (T & { slug: string })[] {
  const seen = new Map<string, number>();
  return headings.map((heading) => ({ ...heading, slug: slugify(heading.text, seen) }));
}

/** A link's target split into the file part and the fragment; undefined for URLs with a scheme (http:, mailto: …). */
export function splitTarget(target: string): { path: string; fragment?: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) return undefined;
  const hash = target.indexOf('#');
  const path = hash >= 0 ? target.slice(0, hash) : target;
  const fragment = hash >= 0 ? decodeURIComponentSafe(target.slice(hash + 1)) : undefined;
  return { path: decodeURIComponentSafe(path.replace(/\?.*$/, '')), fragment };
}

export function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The URI a relative link in document `from` points at (fragment and query dropped). */
export function resolveLink(from: string, target: string): string | undefined {
  const split = splitTarget(target);
  if (!split) return undefined;
  if (split.path === '') return from;
  // `/community/profiles/3465`: a route of the website the page is published on, not a file that can be checked.
  if (split.path.startsWith('/') && !/\.[A-Za-z0-9]{1,8}$/.test(split.path)) return undefined;
  try {
    const url = new URL(target.replace(/#.*$/, '').replace(/\?.*$/, ''), from);
    return url.href;
  } catch {
    return undefined;
  }
}

/** A relative path from one file URI to another, as 8d-tools writes it (`./0001-slug.md`). */
export function relativeLink(from: string, to: string): string {
  // Most links are to a report in the same folder: no need to parse both URIs (completion makes thousands).
  const folder = from.slice(0, from.lastIndexOf('/') + 1);
  if (to.startsWith(folder) && !to.includes('/', folder.length) && !/[?#]/.test(to)) return `./${decodeURIComponentSafe(to.slice(folder.length))}`;
  const fromParts = new URL(from).pathname.split('/').slice(0, -1);
  const toParts = new URL(to).pathname.split('/');
  let common = 0;
  while (common < fromParts.length && common < toParts.length - 1 && fromParts[common] === toParts[common]) common++;
  const up = fromParts.length - common;
  const rest = toParts.slice(common).map((part) => decodeURIComponentSafe(part));
  return up === 0 ? `./${rest.join('/')}` : `${'../'.repeat(up)}${rest.join('/')}`;
}

/** A character of a path that URL parsing or encodeURIComponent would spell differently. */
const NEEDS_CANONICAL = /[^A-Za-z0-9\-._~/]/;

/** One spelling per file: editors, Node and URL parsing encode characters differently. */
export function canonicalUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  // Already canonical, as nearly every URI the index builds is: nothing to decode, re-encode or normalise.
  if (uri.startsWith('file:///') && !NEEDS_CANONICAL.test(uri.slice(8)) && !uri.includes('/.')) return uri;
  try {
    const url = new URL(uri);
    url.hash = '';
    url.search = '';
    const path = decodeURIComponentSafe(url.pathname);
    return `file://${path.split('/').map((part) => encodeURIComponent(part)).join('/')}`;
  } catch {
    return uri;
  }
}
