/**
 * Where a file's settings come from: the editor's settings or the CLI's `--config`, under the project config files
 * (`.incident-docs.jsonc`) found upward from a report's folder, so that the editor and the CLI resolve them alike.
 */
import type { Settings } from '../settings';

export interface SettingsSource {
  /** The settings that apply to the file `uri`. */
  settingsFor(uri: string): Promise<Settings>;
}
