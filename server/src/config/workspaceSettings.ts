/**
 * The editor's side of the settings: each workspace folder (multi-root too) has its own editor settings, under its
 * own project config files. The editor's settings are read once per folder, until they change.
 */
import type { Settings } from '../settings';
import type { FileSystem } from '../workspace/fileSystem';
import { canonicalUri } from '../model/links';
import { isConfigFile, type ConfigProblem } from './configFile';
import { projectSettings, type ProjectSettings } from './projectSettings';
import type { SettingsSource } from './settingsSource';

export interface WorkspaceSettingsOptions {
  fs: FileSystem;
  knownRules: readonly string[];
  /** The editor's settings for a workspace folder, or for files in none (`undefined`). */
  editorSettings: (root: string | undefined) => Promise<Settings>;
  /** A config file's problems (none: clear them). */
  onProblems: (uri: string, problems: readonly ConfigProblem[]) => void;
}

export class WorkspaceSettings implements SettingsSource {
  private roots: string[] = [];
  private readonly projects = new Map<string, Promise<ProjectSettings>>();
  private outside: Promise<Settings> | undefined;

  constructor(private readonly options: WorkspaceSettingsOptions) {}

  /** The workspace folders; those that stay keep what was read of them. */
  setRoots(roots: readonly string[]): void {
    this.roots = roots.map((root) => canonicalUri(root).replace(/\/+$/, ''));
    for (const root of this.projects.keys()) if (!this.roots.includes(root)) this.projects.delete(root);
  }

  async settingsFor(uri: string): Promise<Settings> {
    const root = this.rootOf(uri);
    return root === undefined ? this.outsideSettings() : (await this.project(root)).settingsFor(uri);
  }

  /** The settings of the files directly in a folder (a command's folder, a workspace folder's own). */
  async settingsForFolder(folderUri: string): Promise<Settings> {
    const root = this.rootOf(`${folderUri.replace(/\/+$/, '')}/`);
    return root === undefined ? this.outsideSettings() : (await this.project(root)).settingsForFolder(folderUri);
  }

  /** The editor's settings changed: everything is read again when next needed. */
  editorSettingsChanged(): void {
    this.projects.clear();
    this.outside = undefined;
  }

  /** A config file was created, changed or deleted: read it again now, so its problems show (or clear) at once. */
  async configFileChanged(uri: string, deleted: boolean): Promise<void> {
    if (deleted) this.options.onProblems(uri, []);
    const root = this.rootOf(uri);
    if (root === undefined) return;
    const project = await this.project(root);
    project.forget(uri);
    await project.refresh(uri.slice(0, uri.lastIndexOf('/')));
  }

  /** Reads config files found in the workspace (after a scan), so that their problems show before a report is opened. */
  async readConfigFiles(uris: readonly string[]): Promise<void> {
    for (const uri of uris.filter(isConfigFile)) {
      const root = this.rootOf(uri);
      if (root !== undefined) await (await this.project(root)).refresh(uri.slice(0, uri.lastIndexOf('/')));
    }
  }

  /** The workspace folder holding `uri` (the innermost, should folders nest). */
  private rootOf(uri: string): string | undefined {
    const canonical = canonicalUri(uri);
    return this.roots.filter((root) => canonical.startsWith(`${root}/`)).sort((a, b) => b.length - a.length)[0];
  }

  private project(root: string): Promise<ProjectSettings> {
    let project = this.projects.get(root);
    if (!project) {
      const { fs, knownRules, onProblems } = this.options;
      project = this.options.editorSettings(root).then((base) => projectSettings({ fs, root, base, knownRules, onProblems }));
      this.projects.set(root, project);
    }
    return project;
  }

  private outsideSettings(): Promise<Settings> {
    this.outside ??= this.options.editorSettings(undefined);
    return this.outside;
  }
}
