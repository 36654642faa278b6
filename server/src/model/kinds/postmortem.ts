/**
 * The sections of an incident post-mortem: data, each with the names people give it, and the reading of a heading's
 * role from its words (numbering, "of the outage", questions, plurals and British spellings do not matter).
 */
import { rememberedByText } from '../memo';

export interface PostmortemSectionKind {
  id: string;
  /** The canonical name, used in messages and when inserting the section. */
  name: string;
  /** Other names, as people write them (read through `normalizeSectionName`, so case, plurals and numbering do not matter). */
  synonyms: readonly string[];
  /** Questions and phrases that name the section by their first words ("How are we preventing …"). */
  openings?: readonly string[];
  /** Core sections are required by default; the others are recognised but never required. */
  core: boolean;
}

/** In canonical order: a missing section is inserted after the nearest earlier one present. */
export const POSTMORTEM_SECTIONS: readonly PostmortemSectionKind[] = [
  {
    id: 'summary', name: 'Summary', core: true,
    synonyms: ['Executive Summary', 'Overview', 'Issue Summary', 'Incident summary', 'TL;DR', 'TLDR', 'What happened', 'Abstract', 'Synopsis',
      'Incident description', 'Description', 'Incident overview'],
    openings: ['what happened'],
  },
  {
    id: 'impact', name: 'Impact', core: true,
    synonyms: ['Customer impact', 'User impact', 'Business impact', 'Service impact', 'Incident impact', 'Affected users', 'Affected services',
      'Affected systems', 'Impact Assessment', 'Impact analysis', 'Scope', 'Scope and impact', 'Blast radius', 'Who was affected', 'Severity and impact',
    ],
    openings: ['what was the impact', 'who was affected', 'who was impacted', 'what was affected', 'how were users affected', 'how were customers affected'],
  },
  { id: 'trigger', name: 'Trigger', synonyms: ['Triggers', 'Triggering event'], core: false },
  {
    id: 'root-cause', name: 'Root cause', core: true,
    synonyms: ['Root Causes', 'Contributing Factors', 'Contributors', 'Root Cause Analysis', 'RCA', 'Cause', 'Causes', 'Causal factors',
      'Probable cause', 'Underlying cause', 'Diagnosis', 'Technical analysis', 'Identified cause', 'Cause analysis', 'Analysis'],
    openings: ['why did', 'how did it happen', 'how did this happen', 'what caused', 'what went wrong technically', 'why it happened', 'how it happened', 'why was'],
  },
  { id: 'detection', name: 'Detection', synonyms: ['How it was detected', 'Discovery', 'Alerting'], openings: ['how was it detected', 'how did we detect', 'how did we find out', 'how we found out'], core: false },
  {
    id: 'resolution', name: 'Resolution', core: true,
    synonyms: ['Mitigation', 'Mitigations', 'Recovery', 'Resolution and recovery', 'Mitigation & Resolution', 'Response', 'Incident response',
      'Remediation', 'Fix', 'The fix', 'Workaround', 'Restoration', 'Repair', 'Response and recovery', 'Mitigation steps', 'Resolution steps',
      'Recovery steps', 'Immediate actions', 'Immediate response', 'Containment'],
    openings: ['how was it fixed', 'how was it resolved', 'how was it mitigated', 'how did we fix', 'how did we resolve', 'how did we mitigate', 'how we fixed', 'how we resolved', 'how we mitigated', 'what did we do'],
  },
  {
    id: 'timeline', name: 'Timeline', core: true,
    synonyms: ['Incident Timeline', 'Chain of Events', 'Timeline of events', 'Sequence of events', 'Chronology', 'Time line', 'Detailed timeline',
      'Timeline summary', 'Event timeline', 'Events', 'Order of events'],
  },
  {
    id: 'lessons', name: 'Lessons learned', core: true,
    synonyms: ['Lessons Learnt', 'What went well', 'What went wrong', 'What went poorly', "What didn't go well", 'What could have gone better',
      'Where we got lucky', "How'd We Do?", 'Learnings', 'Takeaways', 'Key takeaways', 'Insights', 'Key insights', 'Reflections', 'Retrospective',
      'What we learned', 'Lessons', 'Learning', 'Observations'],
    openings: ['what went', 'what did we learn', 'what we learned', 'what we learnt', 'where we got lucky', 'what could we have done better', 'what could have gone better'],
  },
  {
    id: 'actions', name: 'Action items', core: true,
    synonyms: ['Follow-ups', 'Follow-up actions', 'Follow-up items', 'Corrective and Preventative Measures', 'Corrective and preventive actions',
      'Corrective actions', 'Preventive actions', 'Preventive measures', 'Preventative measures', 'Action Items and Follow-up', 'Next steps',
      'Actions', 'Action plan', 'Remediation', 'Remediation items', 'Remediation actions', 'Improvements', 'Prevention', 'Preventing recurrence',
      'Future work', 'Follow-up work', 'Tasks', 'To do', 'Todo', 'Planned actions', 'Moving forward', 'Going forward', 'Long-term fixes',
      'Corrective measures', 'Countermeasures', 'CAPA'],
    openings: ['how are we preventing', 'how we are preventing', "how we're preventing", 'how will we prevent', 'how we will prevent', 'how do we prevent',
      'how can we prevent', 'what are we doing', "what we're doing", 'what we are doing', 'what will we do', 'what we will do', 'what is next', "what's next",
      'preventing this', 'preventing it', 'how to prevent'],
  },
  { id: 'supporting', name: 'Supporting information', synonyms: ['Appendix', 'Appendices', 'References', 'Supporting data', 'Additional information', 'Attachments'], core: false },
];

export const CORE_SECTION_NAMES: readonly string[] = POSTMORTEM_SECTIONS.filter((s) => s.core).map((s) => s.name);

/** Words before a section's name that do not change its role ("Incident Impact", "Detailed timeline"). */
const LEADING_QUALIFIERS: ReadonlySet<string> = new Set([
  'incident', 'outage', 'issue', 'event', 'problem', 'customer', 'user', 'business', 'service', 'system', 'technical', 'detailed', 'brief', 'short',
  'full', 'overall', 'key', 'main', 'primary', 'secondary', 'initial', 'final', 'preliminary', 'high', 'level', 'executive', 'our', 'the', 'a', 'an',
  'immediate', 'short term', 'long term', 'medium term', 'further', 'additional', 'other', 'known', 'identified', 'underlying', 'probable', 'likely',
  'suspected', 'actual', 'complete', 'summary',
]);

/** Words after a section's name that do not change its role ("Impact analysis", "Timeline summary"). */
const TRAILING_QUALIFIERS: ReadonlySet<string> = new Set([
  'analysis', 'summary', 'overview', 'detail', 'section', 'note', 'assessment', 'review', 'log', 'statement', 'description', 'and detail', 'item',
  'taken', 'plan', 'step', 'so far', 'identified',
]);

/** What a section can be "of" without changing its role: "Root cause of the outage", "Timeline for this incident". */
const CONTEXT_NOUNS: ReadonlySet<string> = new Set([
  'outage', 'incident', 'issue', 'event', 'failure', 'problem', 'disruption', 'degradation', 'downtime', 'bug', 'attack', 'breach', 'error', 'it', 'this', 'that',
]);
const CONTEXT_PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'for', 'during', 'in', 'behind', 'from', 'to', 'on']);
const CONTEXT_ARTICLES: ReadonlySet<string> = new Set(['the', 'this', 'that', 'our', 'an', 'a']);

/** Spellings that mean the same word (British and American, irregular forms). */
const WORD_VARIANTS: ReadonlyMap<string, string> = new Map([
  ['learnt', 'learned'], ['preventative', 'preventive'], ['analyse', 'analysis'], ['analysed', 'analyzed'], ['behaviour', 'behavior'],
  ['organisation', 'organization'], ['recognise', 'recognize'], ['summarised', 'summarized'], ['followup', 'follow up'], ['followups', 'follow up'],
  ['todo', 'to do'], ['tldr', 'tl dr'], ['tl;dr', 'tl dr'], ['post mortem', 'postmortem'], ['whats', "what's"], ['hows', "how's"], ['analyses', 'analysis'],
]);

/** Headings longer than this (in words, once cleaned) are sentences, not section names. */
const MAX_SECTION_WORDS = 12;

/** One word in its singular, lower-case form ("causes" → "cause", "learnings" → "learning"). */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is|'s)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * A heading's words as the vocabulary is looked up by: lower case, no numbering, parentheticals, emphasis or
 * punctuation, `&` and `/` as "and", every word singular and in one spelling. Linear: every pattern is a character
 * class or a bounded repetition.
 */
export function normalizeSectionName(text: string): string {
  if (text.length > 200) return '';
  const cleaned = text
    .toLowerCase()
    .replace(/[\u2018\u2019\u0060\u00b4]/g, "'")
    .replace(/\btl;dr\b/g, 'tldr')
    .replace(/\([^()]*\)/g, ' ') // `[^()]`: an unclosed ( must not make this quadratic
    .replace(/\[[^[\]]*\]/g, ' ')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/^(?:\d{1,3}(?:\.\d{1,3}){0,3}(?:[.):]\s*|\s+)|(?:[ivx]{1,4}|[a-h])[.):]\s*)/, '')
    .replace(/^(?:section|part|step)\s+\d{1,3}\s*[.:)\u2013\u2014-]?\s*/, '')
    .replace(/[&+/]/g, ' and ')
    .replace(/[-_\u2010-\u2015]/g, ' ')
    .replace(/[^a-z0-9' ]+/g, ' ');
  const words: string[] = [];
  for (const raw of cleaned.split(' ')) {
    const word = raw.replace(/^'+|'+$/g, '');
    if (!word) continue;
    const variant = WORD_VARIANTS.get(word) ?? word;
    for (const part of variant.split(' ')) words.push(singular(part));
    if (words.length > MAX_SECTION_WORDS * 2) break;
  }
  return words.join(' ');
}

const BY_NAME = new Map<string, PostmortemSectionKind[]>();
const BY_OPENING: { words: string; kind: PostmortemSectionKind }[] = [];
for (const kind of POSTMORTEM_SECTIONS) {
  for (const name of [kind.name, ...kind.synonyms]) {
    const key = normalizeSectionName(name);
    const kinds = BY_NAME.get(key) ?? [];
    if (!kinds.includes(kind)) kinds.push(kind);
    BY_NAME.set(key, kinds);
  }
  for (const opening of kind.openings ?? []) BY_OPENING.push({ words: normalizeSectionName(opening), kind });
}
// Longest openings first, so that "what went" (lessons) does not hide a longer, more precise one.
BY_OPENING.sort((a, b) => b.words.length - a.words.length);

/** "root cause of the outage" → "root cause"; "what happened" stays. */
function withoutContext(words: string[]): string[] {
  for (let i = 1; i < words.length; i++) {
    if (!CONTEXT_PREPOSITIONS.has(words[i])) continue;
    let j = i + 1;
    while (j < words.length && CONTEXT_ARTICLES.has(words[j])) j++;
    if (j === words.length - 1 && CONTEXT_NOUNS.has(words[j])) return words.slice(0, i);
    if (j === words.length && j > i + 1) return words.slice(0, i);
  }
  return words;
}

/** The roles named by words that are one section name, with qualifiers around it dropped one word at a time. */
function rolesOfPhrase(words: string[]): readonly PostmortemSectionKind[] {
  let from = 0;
  let to = words.length;
  // Each pass drops one qualifier: at most as many passes as words.
  while (from < to) {
    const known = BY_NAME.get(words.slice(from, to).join(' '));
    if (known) return known;
    if (to - from >= 2 && LEADING_QUALIFIERS.has(`${words[from]} ${words[from + 1]}`) && from + 2 < to) from += 2;
    else if (LEADING_QUALIFIERS.has(words[from]) && from + 1 < to) from++;
    else if (to - from >= 2 && TRAILING_QUALIFIERS.has(`${words[to - 2]} ${words[to - 1]}`) && to - 2 > from) to -= 2;
    else if (TRAILING_QUALIFIERS.has(words[to - 1]) && to - 1 > from) to--;
    else break;
  }
  return [];
}

function readRoles(text: string): readonly PostmortemSectionKind[] {
  const normalized = normalizeSectionName(text);
  if (!normalized) return NO_ROLES;
  const all = normalized.split(' ');
  if (all.length > MAX_SECTION_WORDS) return NO_ROLES;
  const whole = BY_NAME.get(normalized);
  if (whole) return whole;
  for (const { words, kind } of BY_OPENING) {
    if (normalized === words || normalized.startsWith(`${words} `)) return [kind];
  }
  const words = withoutContext(all);
  const direct = rolesOfPhrase(words);
  if (direct.length > 0) return direct;
  // "Resolution and recovery", "Impact & root cause": every part must name a section.
  const parts: string[][] = [[]];
  for (const word of words) {
    if (word === 'and') parts.push([]);
    else parts[parts.length - 1].push(word);
  }
  if (parts.length < 2 || parts.some((part) => part.length === 0)) return NO_ROLES;
  const roles: PostmortemSectionKind[] = [];
  for (const part of parts) {
    const found = rolesOfPhrase(part);
    if (found.length === 0) return NO_ROLES;
    for (const kind of found) if (!roles.includes(kind)) roles.push(kind);
  }
  return roles.sort((a, b) => POSTMORTEM_SECTIONS.indexOf(a) - POSTMORTEM_SECTIONS.indexOf(b));
}

const NO_ROLES: readonly PostmortemSectionKind[] = [];

/**
 * Every role a heading (or a heading-like line) gives its section: none, one, or several ("Resolution and action
 * items"; "Remediation" is both the fix and the follow-ups). Remembered by the heading's text: the index asks it
 * of every heading of thousands of reports, which share their templates' headings.
 */
const rememberedRoles = rememberedByText(readRoles, 10_000, 200);
const LETTER = /[A-Za-z]/;
export function postmortemRolesOf(text: string): readonly PostmortemSectionKind[] {
  // A heading without a letter (a day heading) names no section: answered without filling the memory.
  return LETTER.test(text) ? rememberedRoles(text) : NO_ROLES;
}

/** The section kind a heading names first, if any (its main role). */
export function postmortemSectionOf(text: string): PostmortemSectionKind | undefined {
  return postmortemRolesOf(text)[0];
}

export const POSTMORTEM_TYPES: ReadonlySet<string> = new Set(['postmortem', 'post-mortem', 'incident', 'incident-report', 'retrospective', 'rca']);

/** Words in a title that say the document is about an incident. */
export const INCIDENT_TITLE = /\b(?:post-?mortem|post-incident|incident|outage|retrospective|RCA|root cause analysis|downtime|disruption|degradation|degraded|failures?|is down|was down|went down)\b/i;
