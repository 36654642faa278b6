/**
 * Completion and hover for the incident keys of a report's YAML front matter (see `model/metadataSchema.ts`):
 * the keys not yet given, the values of `severity` and `status`, and what each key holds — for a time, the time
 * in UTC and how long after the start it came.
 */
import * as l10n from '@vscode/l10n';
import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList, type Hover } from 'vscode-languageserver-types';
import type { IncidentReport } from '../model/report';
import type { Position, Range } from '../model/position';
import { isTomlNode } from '../model/frontMatter';
import { DEFAULT_SEVERITIES, METADATA_KEYS, STATUSES, metadataKeyOf, metadataTimes, type MetadataKey, type TimeKeyName } from '../model/metadataSchema';
import { formatDuration } from '../model/timeline/time';

/** What each key holds, for its hover and its completion item. */
function keyDescription(key: MetadataKey): string {
  switch (key.name) {
    case 'severity':
      return l10n.t('How bad the incident was: SEV1 (worst) to SEV5, P0 (worst) to P4, or the team\'s own scale (incidentDocs.metadata.severities).');
    case 'status':
      return l10n.t('Where the report or the incident stands: draft, in review, published; investigating, mitigated, resolved, closed.');
    case 'incident-id':
      return l10n.t('The incident\'s id in the team\'s tracker or paging tool, such as INC-2291.');
    case 'started':
      return l10n.t('When the incident began: when the impact started, not when it was noticed.');
    case 'detected':
      return l10n.t('When the incident was noticed: an alert fired or someone reported it.');
    case 'mitigated':
      return l10n.t('When the impact stopped or fell to an acceptable level, even if the cause was not fixed yet.');
    case 'resolved':
      return l10n.t('When the incident was over: the cause fixed and the system back to normal.');
    case 'owner':
      return l10n.t('Who drives the post-mortem and its action items: a name or handle, or a list of them.');
    default:
      return l10n.t('The services the incident affected: a name or a list of names.');
  }
}

const TIME_FORMAT_NOTE = 'ISO date-time with its zone (2025-03-01T14:07Z) or a date (2025-03-01)';

/** Whether the report's front matter is one these features read: YAML, in a post-mortem or a document that names an incident. */
function readsFrontMatter(report: IncidentReport): boolean {
  if (!report.frontMatter || isTomlNode(report.tree.children[0])) return false;
  return report.kind === 'postmortem' || (report.kind === undefined && report.kindEvidence.namesIncident === true);
}

/** Whether `position` is on a line of the front matter between its fences. */
function inFrontMatter(report: IncidentReport, position: Position): boolean {
  const range = report.frontMatter?.range;
  return range !== undefined && position.line > range.start.line && position.line < range.end.line;
}

const KEY_BEING_TYPED = /^([A-Za-z][\w-]*)?$/;
const VALUE_BEING_TYPED = /^([A-Za-z][\w-]*)[ \t]*:[ \t]*(["']?)([^"'#]*)$/;

/** Completions in the front matter, or undefined when the position is not in it (other completions may apply). */
export function frontMatterCompletions(report: IncidentReport, position: Position, severities: readonly string[]): CompletionList | undefined {
  if (!readsFrontMatter(report) || !inFrontMatter(report, position)) return undefined;
  const lineStart = report.lines.lineStart(position.line);
  const before = report.text.slice(lineStart, report.lines.offsetAt(position));
  const range = (start: number): Range => ({ start: { line: position.line, character: start }, end: position });
  if (KEY_BEING_TYPED.test(before)) return { isIncomplete: false, items: keyItems(report, range(0)) };
  const value = VALUE_BEING_TYPED.exec(before);
  const key = value ? metadataKeyOf(value[1]) : undefined;
  if (!value || !key) return { isIncomplete: false, items: [] };
  const start = before.length - value[3].length;
  if (key.shape === 'severity') return { isIncomplete: false, items: valueItems(severities.length > 0 ? severities : DEFAULT_SEVERITIES, range(start)) };
  if (key.shape === 'status') return { isIncomplete: false, items: valueItems(STATUSES, range(start)) };
  return { isIncomplete: false, items: [] };
}

function keyItems(report: IncidentReport, range: Range): CompletionItem[] {
  const given = new Set((report.frontMatter?.entries ?? []).map((entry) => metadataKeyOf(entry.key)?.name));
  return METADATA_KEYS.filter((key) => !given.has(key.name)).map((key, i) => ({
    label: key.name,
    kind: CompletionItemKind.Property,
    detail: key.shape === 'time' ? l10n.t(TIME_FORMAT_NOTE) : undefined,
    documentation: keyDescription(key),
    sortText: String(i).padStart(2, '0'),
    textEdit: { range, newText: `${key.name}: ` },
  }));
}

function valueItems(values: readonly string[], range: Range): CompletionItem[] {
  return values.map((value, i) => ({ label: value, kind: CompletionItemKind.EnumMember, sortText: String(i).padStart(3, '0'), textEdit: { range, newText: value } }));
}

function contains(range: Range, position: Position): boolean {
  const after = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const before = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return after && before;
}

const MEASURE_OF: Readonly<Partial<Record<TimeKeyName, string>>> = { detected: 'Time to detect', mitigated: 'Time to mitigate', resolved: 'Time to resolve' };

/** On an incident key of the front matter or its value: what the key holds, and for a time, when it was in UTC and how long after the start. */
export function frontMatterHover(report: IncidentReport, position: Position): Hover | undefined {
  if (!readsFrontMatter(report) || !inFrontMatter(report, position)) return undefined;
  const entry = report.frontMatter?.entries.find((candidate) => contains(candidate.keyRange, position) || contains(candidate.valueRange, position));
  const key = entry && metadataKeyOf(entry.key);
  if (!entry || !key) return undefined;
  const lines = [`**${key.name}** · ${keyDescription(key)}`];
  if (key.shape === 'time') {
    const times = metadataTimes(report.frontMatter);
    const time = times.find((candidate) => candidate.entry === entry);
    const started = times.find((candidate) => candidate.key === 'started');
    if (time?.time.instant !== undefined) lines.push('', `- UTC: ${new Date(time.time.instant).toISOString().slice(0, 16).replace('T', ' ')}`);
    const measure = time && MEASURE_OF[time.key];
    if (measure && started?.time.instant !== undefined && time.time.instant !== undefined && time.time.instant >= started.time.instant) {
      lines.push(`- ${l10n.t(measure)}: **${formatDuration(Math.round((time.time.instant - started.time.instant) / 60_000))}** ${l10n.t('(from started)')}`);
    }
    if (!time) lines.push('', `- ${l10n.t(TIME_FORMAT_NOTE)}`);
  }
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: contains(entry.keyRange, position) ? entry.keyRange : entry.valueRange };
}
