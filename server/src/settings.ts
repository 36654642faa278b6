import type { Severity } from './rules/rule';
import { DEFAULT_LIMITS } from './model/limits';
import { CORE_SECTION_NAMES, postmortemSectionOf } from './model/kinds/postmortem';

export type SeveritySetting = Severity | 'off';

export interface Settings {
  /** Milliseconds to wait after the last edit before checking; 0 checks at once. */
  diagnosticsDelay: number;
  /** Severity overrides by rule id; rules not named keep their default. */
  rules: Record<string, SeveritySetting>;
  /** Ids of the post-mortem sections `missing-section` requires (from `incidentDocs.postmortem.requiredSections`). */
  postmortemRequiredSections: string[];
  /** Globs of Markdown files that may be reports (besides the `.8d-dir` folder). */
  reportGlobs: string[];
  /** Superseding a report sets its status to Superseded (`incidentDocs.supersede.setStatus`). */
  supersedeSetsStatus: boolean;
  /** The regenerated README index shows each report's status (`incidentDocs.index.showStatus`). */
  indexShowsStatus: boolean;
  /** Extra templates by name, paths relative to the workspace folder (`incidentDocs.templates`). */
  templates: Record<string, string>;
  /** Documents longer than this (characters) are not parsed (`incidentDocs.maxDocumentSize`). */
  maxDocumentSize: number;
  /** Documents of more lines than this are not parsed (`incidentDocs.maxDocumentLines`). */
  maxDocumentLines: number;
  /** Compare every incremental parse with a full one and log differences (`incidentDocs.paranoid`), for diagnosis. */
  paranoid: boolean;
  /** The team's own severities for front matter `severity` (`incidentDocs.metadata.severities`); empty: SEV1–SEV5 and P0–P4. */
  metadataSeverities: string[];
  /** Phrases `blameless-language` reports besides its own (`incidentDocs.blamelessLanguage.phrases`). */
  blamelessPhrases: string[];
  /** Phrases `blameless-language` does not report, its own or added (`incidentDocs.blamelessLanguage.ignore`). */
  blamelessIgnored: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  diagnosticsDelay: 250,
  rules: {},
  postmortemRequiredSections: CORE_SECTION_NAMES.map((name) => postmortemSectionOf(name)!.id),
  reportGlobs: ['**/*.md'],
  supersedeSetsStatus: true,
  indexShowsStatus: false,
  templates: {},
  ...DEFAULT_LIMITS,
  paranoid: false,
  metadataSeverities: [],
  blamelessPhrases: [],
  blamelessIgnored: [],
};

const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'information', 'warning', 'error'];

/**
 * The keys `readSettings` reads, dotted as in VS Code's settings (`incidentDocs.` left off), besides
 * `rules.<rule-id>`: the vocabulary of settings and project config files alike.
 */
export const SETTING_KEYS: readonly string[] = [
  'diagnosticsDelay',
  'postmortem.requiredSections',
  'reportGlobs',
  'supersede.setStatus',
  'index.showStatus',
  'templates',
  'maxDocumentSize',
  'maxDocumentLines',
  'paranoid',
  'metadata.severities',
  'blamelessLanguage.phrases',
  'blamelessLanguage.ignore',
];

/** The group of per-rule severities: `rules.<rule-id>`. */
export const RULES_KEY = 'rules';

/** Settings the client itself reads from the editor (the server never sees them), so a project config file cannot set them. */
export const EDITOR_SETTING_KEYS: readonly string[] = ['updateLinksOnRename', 'trace.server'];

/** Where in the settings a problem is: a path of keys (and list indices), and whether the key or its value is wrong. */
export interface SettingLocation {
  path: readonly (string | number)[];
  /** The key itself is wrong (it names nothing), rather than its value. */
  key?: boolean;
}

export type SettingsWarning = (message: string, at?: SettingLocation) => void;

/**
 * Turns the `incidentDocs` configuration section (whatever the client sent) into settings.
 * Invalid values fall back to the default and are reported once each through `warn`, never silently.
 */
export function readSettings(raw: unknown, knownRules: readonly string[], warn: SettingsWarning): Settings {
  return mergeSettings(DEFAULT_SETTINGS, readSettingsLayer(raw, knownRules, warn));
}

/**
 * The settings a section sets, and only those: what is absent or invalid is left out (invalid values are reported
 * through `warn`), so that a layer of settings can be put over another (`mergeSettings`).
 */
export function readSettingsLayer(raw: unknown, knownRules: readonly string[], warn: SettingsWarning): Partial<Settings> {
  const section = isObject(raw) ? raw : {};
  const layer: Partial<Settings> = {};
  if (section.diagnosticsDelay !== undefined && section.diagnosticsDelay !== null) {
    const value = section.diagnosticsDelay;
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) layer.diagnosticsDelay = value;
    else warn(`Setting incidentDocs.diagnosticsDelay must be a number of milliseconds (0 or more); using ${DEFAULT_SETTINGS.diagnosticsDelay}.`, { path: ['diagnosticsDelay'] });
  }
  const rules = readRules(section.rules, knownRules, warn);
  if (rules) layer.rules = rules;
  const requiredSections = readRequiredSections(section.postmortem, warn);
  if (requiredSections) layer.postmortemRequiredSections = requiredSections;
  const reportGlobs = readGlobs(section.reportGlobs, warn);
  if (reportGlobs) layer.reportGlobs = reportGlobs;
  const supersedeSetsStatus = readFlag(section.supersede, 'supersede.setStatus', DEFAULT_SETTINGS.supersedeSetsStatus, warn);
  if (supersedeSetsStatus !== undefined) layer.supersedeSetsStatus = supersedeSetsStatus;
  const indexShowsStatus = readFlag(section.index, 'index.showStatus', DEFAULT_SETTINGS.indexShowsStatus, warn);
  if (indexShowsStatus !== undefined) layer.indexShowsStatus = indexShowsStatus;
  const templates = readTemplates(section.templates, warn);
  if (templates) layer.templates = templates;
  for (const [key, unit] of [['maxDocumentSize', 'characters'], ['maxDocumentLines', 'lines']] as const) {
    const limit = readLimit(section[key], key, unit, warn);
    if (limit !== undefined) layer[key] = limit;
  }
  const paranoid = readFlag(section, 'paranoid', DEFAULT_SETTINGS.paranoid, warn);
  if (paranoid !== undefined) layer.paranoid = paranoid;
  const severities = readWords(section.metadata, 'metadata.severities', 'severities such as "critical", "major", "minor"; using SEV1–SEV5 and P0–P4', warn);
  if (severities) layer.metadataSeverities = severities;
  const phrases = readWords(section.blamelessLanguage, 'blamelessLanguage.phrases', 'phrases such as "dropped the ball"; using none', warn);
  if (phrases) layer.blamelessPhrases = phrases;
  const ignored = readWords(section.blamelessLanguage, 'blamelessLanguage.ignore', 'phrases such as "failed to"; ignoring none', warn);
  if (ignored) layer.blamelessIgnored = ignored;
  return layer;
}

/** `layer` over `below`: a key the layer sets wins; rule severities and templates are merged by rule id and name. */
export function mergeSettings(below: Settings, layer: Partial<Settings>): Settings {
  return {
    ...below,
    ...layer,
    rules: { ...below.rules, ...layer.rules },
    templates: { ...below.templates, ...layer.templates },
  };
}

function readRules(value: unknown, knownRules: readonly string[], warn: SettingsWarning): Record<string, SeveritySetting> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) {
    warn('Setting incidentDocs.rules must map rule ids to severities, e.g. { "empty-section": "off" }.', { path: [RULES_KEY] });
    return undefined;
  }
  const rules: Record<string, SeveritySetting> = {};
  for (const [id, severity] of Object.entries(value)) {
    if (!knownRules.includes(id)) {
      warn(`Setting incidentDocs.rules.${id} names no rule; known rules: ${knownRules.join(', ')}.`, { path: [RULES_KEY, id], key: true });
    } else if (typeof severity === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(severity)) {
      rules[id] = severity as SeveritySetting;
    } else if (severity !== undefined && severity !== null) {
      warn(`Setting incidentDocs.rules.${id} must be one of ${SEVERITY_SETTINGS.join(', ')}; using the rule's default.`, { path: [RULES_KEY, id] });
    }
  }
  return rules;
}

function readLimit(value: unknown, key: 'maxDocumentSize' | 'maxDocumentLines', unit: string, warn: SettingsWarning): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  warn(`Setting incidentDocs.${key} must be a positive number of ${unit}; using ${DEFAULT_SETTINGS[key]}.`, { path: [key] });
  return undefined;
}

/** A boolean at `name` (dotted); `group` holds its last part. */
function readFlag(group: unknown, name: string, fallback: boolean, warn: SettingsWarning): boolean | undefined {
  const path = name.split('.');
  const value = isObject(group) ? group[path[path.length - 1]] : undefined;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  warn(`Setting incidentDocs.${name} must be true or false; using ${fallback}.`, { path });
  return undefined;
}

function readTemplates(value: unknown, warn: SettingsWarning): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (isObject(value) && Object.values(value).every((path) => typeof path === 'string')) return value as Record<string, string>;
  warn('Setting incidentDocs.templates must map template names to Markdown files, e.g. { "hardware": "docs/templates/hardware.md" }.', { path: ['templates'] });
  return undefined;
}

/**
 * A list of words or phrases at `name` (dotted); `group` holds its last part. Blank and repeated entries are dropped;
 * a list that is not one of strings is reported with `expected` (what it should hold, and what is used instead).
 */
function readWords(group: unknown, name: string, expected: string, warn: SettingsWarning): string[] | undefined {
  const path = name.split('.');
  const value = isObject(group) ? group[path[path.length - 1]] : undefined;
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((word) => typeof word === 'string')) {
    warn(`Setting incidentDocs.${name} must be a list of ${expected}.`, { path });
    return undefined;
  }
  const words = value.map((word: string) => word.trim()).filter((word) => word !== '');
  return [...new Set(words)];
}

function readGlobs(value: unknown, warn: SettingsWarning): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value) && value.every((glob) => typeof glob === 'string')) return value;
  warn('Setting incidentDocs.reportGlobs must be a list of glob patterns such as "docs/**/*.md"; using "**/*.md".', { path: ['reportGlobs'] });
  return undefined;
}

/** Section names (any synonym) to section ids; unknown names are reported and skipped. */
function readRequiredSections(postmortem: unknown, warn: SettingsWarning): string[] | undefined {
  const value = isObject(postmortem) ? postmortem.requiredSections : undefined;
  const path = ['postmortem', 'requiredSections'];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    warn('Setting incidentDocs.postmortem.requiredSections must be a list of section names; using the seven core sections.', { path });
    return undefined;
  }
  const ids: string[] = [];
  value.forEach((name: unknown, index) => {
    const kind = typeof name === 'string' ? postmortemSectionOf(name) : undefined;
    if (!kind) warn(`Setting incidentDocs.postmortem.requiredSections: "${String(name)}" is not a post-mortem section; known sections: ${CORE_SECTION_NAMES.join(', ')}, Trigger, Detection, Supporting information.`, { path: [...path, index] });
    else if (!ids.includes(kind.id)) ids.push(kind.id);
  });
  return ids;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
