/**
 * Where a file's settings come from. Today: one set for every file (the editor's settings, or the CLI's `--config`).
 * Project config files (`.incident-docs.jsonc`, found upward from a report's folder) plug in here, so that the
 * editor and the CLI resolve a file's settings the same way.
 */
import type { Settings } from '../settings';

export interface SettingsSource {
  /** The settings that apply to the file `uri`. */
  settingsFor(uri: string): Promise<Settings>;
}

/** The same settings for every file. */
export function fixedSettings(settings: Settings): SettingsSource {
  return { settingsFor: () => Promise.resolve(settings) };
}
