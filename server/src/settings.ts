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
};

const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'information', 'warning', 'error'];

/**
 * Turns the `incidentDocs` configuration section (whatever the client sent) into settings.
 * Invalid values fall back to the default and are reported once each through `warn`, never silently.
 */
export function readSettings(raw: unknown, knownRules: readonly string[], warn: (message: string) => void): Settings {
  const section = isObject(raw) ? raw : {};
  let diagnosticsDelay = DEFAULT_SETTINGS.diagnosticsDelay;
  if (section.diagnosticsDelay !== undefined) {
    const value = section.diagnosticsDelay;
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) diagnosticsDelay = value;
    else warn(`Setting incidentDocs.diagnosticsDelay must be a number of milliseconds (0 or more); using ${diagnosticsDelay}.`);
  }
  const rules: Record<string, SeveritySetting> = {};
  if (isObject(section.rules)) {
    for (const [id, value] of Object.entries(section.rules)) {
      if (!knownRules.includes(id)) {
        warn(`Setting incidentDocs.rules.${id} names no rule; known rules: ${knownRules.join(', ')}.`);
      } else if (typeof value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value)) {
        rules[id] = value as SeveritySetting;
      } else if (value !== undefined && value !== null) {
        warn(`Setting incidentDocs.rules.${id} must be one of ${SEVERITY_SETTINGS.join(', ')}; using the rule's default.`);
      }
    }
  }
  return {
    diagnosticsDelay,
    rules,
    postmortemRequiredSections: readRequiredSections(section.postmortem, warn),
    reportGlobs: readGlobs(section.reportGlobs, warn),
    supersedeSetsStatus: readFlag(section.supersede, 'setStatus', 'incidentDocs.supersede.setStatus', DEFAULT_SETTINGS.supersedeSetsStatus, warn),
    indexShowsStatus: readFlag(section.index, 'showStatus', 'incidentDocs.index.showStatus', DEFAULT_SETTINGS.indexShowsStatus, warn),
    templates: readTemplates(section.templates, warn),
    maxDocumentSize: readLimit(section.maxDocumentSize, 'maxDocumentSize', 'characters', warn),
    maxDocumentLines: readLimit(section.maxDocumentLines, 'maxDocumentLines', 'lines', warn),
    paranoid: section.paranoid === true,
  };
}

function readLimit(value: unknown, key: 'maxDocumentSize' | 'maxDocumentLines', unit: string, warn: (message: string) => void): number {
  if (value === undefined || value === null) return DEFAULT_SETTINGS[key];
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  warn(`Setting incidentDocs.${key} must be a positive number of ${unit}; using ${DEFAULT_SETTINGS[key]}.`);
  return DEFAULT_SETTINGS[key];
}

function readFlag(group: unknown, key: string, name: string, fallback: boolean, warn: (message: string) => void): boolean {
  const value = isObject(group) ? group[key] : undefined;
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'boolean') return value;
  warn(`Setting ${name} must be true or false; using ${fallback}.`);
  return fallback;
}

function readTemplates(value: unknown, warn: (message: string) => void): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (isObject(value) && Object.values(value).every((path) => typeof path === 'string')) return value as Record<string, string>;
  warn('Setting incidentDocs.templates must map template names to Markdown files, e.g. { "hardware": "docs/templates/hardware.md" }.');
  return {};
}

function readGlobs(value: unknown, warn: (message: string) => void): string[] {
  if (value === undefined || value === null) return DEFAULT_SETTINGS.reportGlobs;
  if (Array.isArray(value) && value.every((glob) => typeof glob === 'string')) return value;
  warn('Setting incidentDocs.reportGlobs must be a list of glob patterns such as "docs/**/*.md"; using "**/*.md".');
  return DEFAULT_SETTINGS.reportGlobs;
}

/** Section names (any synonym) to section ids; unknown names are reported and skipped. */
function readRequiredSections(postmortem: unknown, warn: (message: string) => void): string[] {
  const value = isObject(postmortem) ? postmortem.requiredSections : undefined;
  if (value === undefined || value === null) return DEFAULT_SETTINGS.postmortemRequiredSections;
  if (!Array.isArray(value)) {
    warn('Setting incidentDocs.postmortem.requiredSections must be a list of section names; using the seven core sections.');
    return DEFAULT_SETTINGS.postmortemRequiredSections;
  }
  const ids: string[] = [];
  for (const name of value) {
    const kind = typeof name === 'string' ? postmortemSectionOf(name) : undefined;
    if (!kind) warn(`Setting incidentDocs.postmortem.requiredSections: "${String(name)}" is not a post-mortem section; known sections: ${CORE_SECTION_NAMES.join(', ')}, Trigger, Detection, Supporting information.`);
    else if (!ids.includes(kind.id)) ids.push(kind.id);
  }
  return ids;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
