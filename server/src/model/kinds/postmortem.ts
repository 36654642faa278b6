/** The sections of an incident post-mortem: data, each with the names people give it. */
import { rememberedByText } from '../memo';

export interface PostmortemSectionKind {
  id: string;
  /** The canonical name, used in messages and when inserting the section. */
  name: string;
  synonyms: readonly string[];
  /** Core sections are required by default; the others are recognised but never required. */
  core: boolean;
}

/** In canonical order: a missing section is inserted after the nearest earlier one present. */
export const POSTMORTEM_SECTIONS: readonly PostmortemSectionKind[] = [
  { id: 'summary', name: 'Summary', synonyms: ['Executive Summary', 'Overview', 'Issue Summary', 'Incident summary'], core: true },
  { id: 'impact', name: 'Impact', synonyms: ['Customer impact', 'Affected users', 'Impact Assessment'], core: true },
  { id: 'trigger', name: 'Trigger', synonyms: [], core: false },
  { id: 'root-cause', name: 'Root cause', synonyms: ['Root Causes', 'Contributing Factors', 'Contributors', 'Root Cause Analysis', 'What caused the incident?'], core: true },
  { id: 'detection', name: 'Detection', synonyms: [], core: false },
  { id: 'resolution', name: 'Resolution', synonyms: ['Mitigation', 'Recovery', 'Resolution and recovery', 'Mitigation & Resolution', 'Response'], core: true },
  { id: 'timeline', name: 'Timeline', synonyms: ['Incident Timeline', 'Chain of Events', 'Timeline of events'], core: true },
  { id: 'lessons', name: 'Lessons learned', synonyms: ['Lessons Learnt', 'What went well', 'What went wrong', "How'd We Do?", 'Learnings'], core: true },
  { id: 'actions', name: 'Action items', synonyms: ['Follow-ups', 'Follow-up actions', 'Corrective and Preventative Measures', 'Action Items and Follow-up', 'Next steps'], core: true },
  { id: 'supporting', name: 'Supporting information', synonyms: ['Appendix'], core: false },
];

export const CORE_SECTION_NAMES: readonly string[] = POSTMORTEM_SECTIONS.filter((s) => s.core).map((s) => s.name);

/** Case-insensitive, ignoring parentheticals, trailing punctuation, leading numbering, `&`/`and` and hyphens. */
export function normalizeSectionName(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\([^()]*\)/g, ' ') // `[^()]`: an unclosed ( must not make this quadratic
    .replace(/^\s*\d+(?:\.\d+)*[.)]?\s+/, '')
    .replace(/&/g, ' and ')
    .replace(/[-_/]/g, ' ')
    .replace(/[?:.!,;]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const BY_NAME = new Map<string, PostmortemSectionKind>();
for (const kind of POSTMORTEM_SECTIONS) {
  for (const name of [kind.name, ...kind.synonyms]) BY_NAME.set(normalizeSectionName(name), kind);
}

/**
 * The section kind a heading (or a heading-like line) names, if any. Remembered by the heading's text: the index
 * asks it of every heading of thousands of reports, which share their templates' headings.
 */
export const postmortemSectionOf: (text: string) => PostmortemSectionKind | undefined = rememberedByText((text) => BY_NAME.get(normalizeSectionName(text)), 10_000, 200);

export const POSTMORTEM_TYPES: ReadonlySet<string> = new Set(['postmortem', 'post-mortem', 'incident', 'retrospective']);

/** Words in a title that say the document is about an incident. */
export const INCIDENT_TITLE = /\b(?:post-?mortem|post-incident|incident|outage|retrospective|RCA)\b/i;
