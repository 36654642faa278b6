/** Paths as the formats print them. */
import { isAbsolute, relative, sep } from 'node:path';

/** `path` relative to `folder`, with `/` between folders on every platform. */
export function relativePath(folder: string, path: string): string {
  return relative(folder, path).split(sep).join('/');
}

/** Whether `path` lies inside `folder` (or is it). */
export function isInside(folder: string, path: string): boolean {
  const between = relative(folder, path);
  return !between.startsWith('..') && !isAbsolute(between);
}
