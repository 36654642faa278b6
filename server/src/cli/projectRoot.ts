/**
 * Where a command-line run's project starts, for the config files, the `.gitignore` files and the templates it
 * reads: the Git repository holding a folder, else the folder the command runs in when the folder is under it.
 * The editor has its workspace folders instead.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isInside } from './formats/paths';

/** The nearest folder from `path` upward that holds `.git` (a folder, or a file in a worktree). */
export function repositoryRoot(path: string): string | undefined {
  for (let folder = resolve(path); ; folder = dirname(folder)) {
    if (existsSync(join(folder, '.git'))) return folder;
    if (dirname(folder) === folder) return undefined;
  }
}

/** The repository holding `folder`; else `cwd` when `folder` is under it; else `folder` itself. */
export function projectRoot(folder: string, cwd: string): string {
  return repositoryRoot(folder) ?? (isInside(cwd, folder) ? cwd : folder);
}
