/**
 * The keys of the CLI's cache: hashes of contents and settings, and the state of a file another file's findings
 * depend on. Shared by the threads that check (they record dependencies) and the cache (it compares them).
 */
import { createHash } from 'node:crypto';
import { fileExists } from '../workspace/fileSystem';
import type { Settings } from '../settings';

/** What one file's (or folder's) findings read of other files while it was checked. */
export interface DependencyStates {
  /** Canonical URI -> its state when checked (`dependencyState`). */
  files: Record<string, string>;
  /** Whether the rules read lists any file may join or leave (reports by number, under a folder, templates by name). */
  listing: boolean;
  /** The folder rules' reads: URI (a folder's ends with `/`) -> `t:<hash>` of a text, `l:<hash>` of a listing, or `error`. */
  reads?: Record<string, string>;
}

/** Not for security: a change detector (SHA-1 is fast and in every Node). */
export function contentHash(content: string | Uint8Array): string {
  return createHash('sha1').update(content).digest('base64url');
}

/**
 * A file's state as a dependency: `h:<content hash>` when it is one of the files checked (and indexed), else
 * whether it exists on disk (`d:1`, `d:0`): what the index answers about files outside the job.
 */
export function dependencyState(canonicalUri: string, hashes: ReadonlyMap<string, string>): string {
  const hash = hashes.get(canonicalUri);
  return hash !== undefined ? `h:${hash}` : fileExists(canonicalUri) ? 'd:1' : 'd:0';
}

const settingsKeys = new WeakMap<Settings, string>();

/** A hash of every setting (keys sorted), remembered per settings object: most files share one. */
export function settingsKey(settings: Settings): string {
  let key = settingsKeys.get(settings);
  if (key === undefined) {
    key = contentHash(stableJson(settings));
    settingsKeys.set(settings, key);
  }
  return key;
}

/** JSON with object keys sorted, so that equal settings give equal text whatever order they were read in. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
