/**
 * The CLI's settings source: the same project config files as the editor, looked for from each file's folder up to
 * its project's root: the Git repository holding it (the folder with `.git`), else the current folder when the file
 * is under it, else the file's own folder.
 */
import { statSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Settings } from '../settings';
import { nodeFileSystem } from '../workspace/fileSystem';
import { isMarkdownFile } from '../model/markdownFile';
import { ALL_RULES, FOLDER_RULES } from '../rules';
import { projectSettings, type ProjectSettings } from './projectSettings';
import type { SettingsSource } from './settingsSource';
import type { ConfigProblem } from './configFile';
import { projectRoot } from '../cli/projectRoot';

/**
 * `warn` gets each problem of a config file as `path:line:column severity message` (paths from `cwd`), with its
 * severity: an `error` is a file that is not used at all (not JSON, not an object, unreadable).
 */
export function commandLineSettings(base: Settings, warn: (line: string, severity: ConfigProblem['severity']) => void, cwd = process.cwd()): SettingsSource {
  const projects = new Map<string, ProjectSettings>();
  const knownRules = [...ALL_RULES, ...FOLDER_RULES].map((rule) => rule.id);
  const projectOf = (root: string) => {
    let project = projects.get(root);
    if (!project) {
      project = projectSettings({
        fs: nodeFileSystem,
        root: pathToFileURL(root).href,
        base,
        knownRules,
        onProblems: (uri, problems) => {
          const path = relative(cwd, fileURLToPath(uri));
          for (const { range, severity, message } of problems) warn(`${path}:${range.start.line + 1}:${range.start.character + 1} ${severity} ${message}`, severity);
        },
      });
      projects.set(root, project);
    }
    return project;
  };
  // Thousands of files share a few folders: each folder's root is looked for once.
  const roots = new Map<string, string>();
  const rootOf = (folder: string) => {
    let root = roots.get(folder);
    if (root === undefined) {
      root = projectRoot(folder, cwd);
      roots.set(folder, root);
    }
    return root;
  };
  return {
    settingsFor(uri) {
      if (!uri.startsWith('file:')) return Promise.resolve(base);
      const path = fileURLToPath(uri);
      // A folder checked whole (its `.8d-dir`) takes its own settings, not its parent's.
      if (!isMarkdownFile(path) && isFolder(path)) return projectOf(rootOf(path)).settingsForFolder(uri);
      return projectOf(rootOf(dirname(path))).settingsFor(uri);
    },
  };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
