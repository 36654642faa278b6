/**
 * One reader for every way a file can write the settings: nested (`{ "postmortem": { "requiredSections": […] } }`),
 * dotted (`"postmortem.requiredSections"`), and VS Code's flat keys (`"incidentDocs.postmortem.requiredSections"`,
 * as in `.vscode/settings.json`) or its section (`{ "incidentDocs": { … } }`). All come out as the nested section
 * `readSettings` takes, with where each key was written, so that a problem can be shown on it.
 */
import { getNodeValue, type Node } from 'jsonc-parser';
import { EDITOR_SETTING_KEYS, RULES_KEY, SETTING_KEYS } from '../settings';
import { SETTINGS_SECTION } from '../protocol';

/** Where one setting was written in the file: its key and its value. */
export interface WrittenSetting {
  key: Node;
  value: Node;
}

/** A problem at a span of the file (offsets). */
export interface KeyProblem {
  message: string;
  offset: number;
  length: number;
}

export interface NormalisedSettings {
  /** The nested section, as `readSettings` takes it. */
  section: Record<string, unknown>;
  /** Where each setting was written, by its dotted key (`rules.empty-section`, `postmortem.requiredSections`). */
  written: Map<string, WrittenSetting>;
  /** Keys that name no setting, or settings a file cannot set. */
  problems: KeyProblem[];
}

/**
 * What to do with a key that names no setting of ours. `report` for a project config file (every key in it is
 * meant for us); `foreign` for a file that may hold other tools' settings (a `.vscode/settings.json` given to the
 * CLI's `--config`): once the file names any `incidentDocs` setting, its other top-level keys are left alone.
 */
export type UnknownKeys = 'report' | 'foreign';

/** The `$schema` key editors use to find a file's schema: allowed, and not a setting. */
const SCHEMA_KEY = '$schema';
const PREFIX = `${SETTINGS_SECTION}.`;

/** The nested section of `root` (a parsed object), with where each setting was written and what names nothing. */
export function normaliseSettingKeys(root: Node, unknownKeys: UnknownKeys): NormalisedSettings {
  const result: NormalisedSettings = { section: {}, written: new Map(), problems: [] };
  const vsCodeSettings = unknownKeys === 'foreign' && (root.children ?? []).some((property) => isOurs(keyOf(property)));
  visit(root, [], result, { topLevelForeign: vsCodeSettings, editorKeysAllowed: unknownKeys === 'foreign' });
  return result;
}

interface VisitOptions {
  /** Top-level keys that are not ours belong to other tools: skip them silently. */
  topLevelForeign: boolean;
  /** The file is an editor's settings, where the editor's own settings of ours have their place. */
  editorKeysAllowed: boolean;
}

function visit(object: Node, prefix: readonly string[], result: NormalisedSettings, options: VisitOptions): void {
  for (const property of object.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue; // a property cut short by a syntax error (reported as such)
    const key = String(keyNode.value);
    const topLevel = prefix.length === 0;
    if (topLevel && key === SCHEMA_KEY) continue;
    if (topLevel && key === SETTINGS_SECTION) {
      if (valueNode.type === 'object') visit(valueNode, [], result, { ...options, topLevelForeign: false });
      else problem(result, keyNode, `"${SETTINGS_SECTION}" must be an object of settings.`);
      continue;
    }
    const ours = isOurs(key);
    if (topLevel && options.topLevelForeign && !ours) continue;
    const path = [...prefix, ...(topLevel && ours && key.startsWith(PREFIX) ? key.slice(PREFIX.length) : key).split('.')];
    const dotted = path.join('.');
    switch (kindOf(path)) {
      case 'setting':
        setAt(result.section, path, getNodeValue(valueNode));
        result.written.set(dotted, { key: keyNode, value: valueNode });
        break;
      case 'group':
        if (valueNode.type === 'object') visit(valueNode, path, result, { ...options, topLevelForeign: false });
        else problem(result, valueNode, `"${dotted}" must be an object (or write its keys dotted, as "${dotted}.${firstSettingUnder(dotted)}").`);
        break;
      case 'editor':
        if (options.editorKeysAllowed) break;
        problem(result, keyNode, `"${dotted}" is an editor setting: set ${PREFIX}${dotted} in VS Code's settings; a project config file does not change it.`);
        break;
      case 'unknown':
        problem(result, keyNode, `"${dotted}" is not a setting of Incident Docs; the settings are ${[...SETTING_KEYS, `${RULES_KEY}.<rule-id>`].join(', ')}.`);
        break;
    }
  }
}

type KeyKind = 'setting' | 'group' | 'editor' | 'unknown';

function kindOf(path: readonly string[]): KeyKind {
  const dotted = path.join('.');
  // Any `rules.<id>` is a setting here: `readSettings` says, with the known ids, when it names no rule.
  if (SETTING_KEYS.includes(dotted) || (path.length === 2 && path[0] === RULES_KEY)) return 'setting';
  if (dotted === RULES_KEY || SETTING_KEYS.some((key) => key.startsWith(`${dotted}.`))) return 'group';
  if (EDITOR_SETTING_KEYS.some((key) => key === dotted || key.startsWith(`${dotted}.`))) return 'editor';
  return 'unknown';
}

function firstSettingUnder(group: string): string {
  return group === RULES_KEY ? 'empty-section' : SETTING_KEYS.find((key) => key.startsWith(`${group}.`))!.slice(group.length + 1);
}

function isOurs(key: string): boolean {
  return key === SETTINGS_SECTION || key.startsWith(PREFIX);
}

function keyOf(property: Node): string {
  return String(property.children?.[0]?.value ?? '');
}

function setAt(section: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let object = section;
  for (const part of path.slice(0, -1)) {
    const next = object[part];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) object[part] = {};
    object = object[part] as Record<string, unknown>;
  }
  object[path[path.length - 1]] = value;
}

function problem(result: NormalisedSettings, node: Node, message: string): void {
  result.problems.push({ message, offset: node.offset, length: node.length });
}
