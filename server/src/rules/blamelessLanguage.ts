import * as l10n from '@vscode/l10n';
import type { Finding, Rule } from './rule';
import type { IncidentReport } from '../model/report';
import { SUGGESTIONS, blameVocabulary, findBlame, type BlameMatch, type BlameVocabulary } from '../model/blameless';
import { plainTextBlocks } from '../model/plainText';

export const blamelessLanguage: Rule = {
  id: 'blameless-language',
  description: 'A post-mortem names no person as the cause, gives no "human error" as the root cause, and uses no blame words.',
  defaultSeverity: 'hint',
  options: {
    'blamelessLanguage.phrases': {
      type: 'array',
      items: { type: 'string' },
      default: [],
      markdownDescription: 'Phrases `blameless-language` reports besides its own, any case, as whole words (`"cowboy"`, `"{person} messed up"`: `{person}` stands for a person — a role such as *the engineer*, *he* or *she*, an @handle or a name the report gives its people).',
    },
    'blamelessLanguage.ignore': {
      type: 'array',
      items: { type: 'string' },
      default: [],
      markdownDescription: 'Phrases `blameless-language` does not report, its own or added, as listed on its doc page (`"failed to"`, `"sloppy"`).',
    },
  },
  kinds: ['postmortem'],
  check(report, { settings }) {
    const vocabulary = vocabularyOf(settings.blamelessPhrases, settings.blamelessIgnored, peopleOf(report));
    const rootCauses = report.postmortemSections.filter((section) => section.kind.id === 'root-cause');
    const findings: Finding[] = [];
    for (const block of plainTextBlocks(report)) {
      const inRootCause = (index: number) => {
        const offset = block.offsetAt(index);
        return rootCauses.some((section) => offset >= section.heading.start && offset < section.end);
      };
      for (const match of findBlame(block.text, vocabulary, inRootCause)) {
        findings.push({ message: messageOf(match, block.text), range: report.lines.range(block.offsetAt(match.start), block.offsetAt(match.end)) });
      }
    }
    return findings;
  },
};

function messageOf(match: BlameMatch, text: string): string {
  const written = text.slice(match.start, match.end).replace(/\s+/g, ' ');
  const suggestion = l10n.t(SUGGESTIONS[match.phrase.category]);
  switch (match.phrase.category) {
    case 'human-error':
      return l10n.t('"{0}" as the cause ends the inquiry where it should start: {1}', written, suggestion);
    case 'person-as-cause':
    case 'person-failed':
      return l10n.t('"{0}" puts a person where the cause should be: {1}', written, suggestion);
    default:
      return l10n.t('"{0}" is blaming language: {1}', written, suggestion);
  }
}

/** Vocabularies by settings and people: a report is checked on every pause in typing, and its people rarely change. */
let lastVocabulary: { key: string; vocabulary: BlameVocabulary } | undefined;

function vocabularyOf(extra: readonly string[], ignored: readonly string[], people: readonly string[]): BlameVocabulary {
  const key = JSON.stringify([extra, ignored, people]);
  if (lastVocabulary?.key !== key) lastVocabulary = { key, vocabulary: blameVocabulary(extra, ignored, people) };
  return lastVocabulary.vocabulary;
}

/** Front matter keys and labels that name the report's people. */
const PEOPLE_KEYS = ['author', 'authors', 'owner', 'owners', 'on-call', 'oncall', 'incident-commander', 'responders', 'participants', 'contributors', 'reviewers'];
const PEOPLE_LABEL = /^[ \t]{0,3}(?:[-*+][ \t]{1,4})?[*_]{0,2}(?:authors?|owners?|created[ \t]by|written[ \t]by|prepared[ \t]by|incident[ \t]commanders?|on-?call(?:[ \t]engineers?)?|responders?|participants?|contributors?|reviewers?|people[ \t]involved)[ \t]{0,2}[*_]{0,2}[ \t]{0,2}:[ \t]{0,2}[*_]{0,2}(.{1,300})$/gim;
/** A person's name: one to three capitalised words ("Katharine Berry", "Mary-Jane O'Neil"). */
const NAME = /^\p{Lu}[\p{L}'’-]{1,30}(?:[ \t]\p{Lu}[\p{L}'’.-]{0,30}){0,2}$/u;
/** How far into the report the people are named (the header under the title). */
const HEADER_LENGTH = 3000;

/**
 * The names of the report's people, as its front matter (`authors`, `owner` …) and its header (`Authors: …`,
 * `Created By: …`) give them: full names and first names. A name in a sentence ("Priya failed to …") is a person.
 */
export function peopleOf(report: IncidentReport): string[] {
  const written: string[] = [];
  for (const key of PEOPLE_KEYS) {
    const value = report.frontMatter?.data[key];
    for (const item of Array.isArray(value) ? value : [value]) if (typeof item === 'string') written.push(...item.split(/[,;&]| and /));
  }
  for (const match of report.text.slice(0, HEADER_LENGTH).matchAll(PEOPLE_LABEL)) written.push(...match[1].split(/[,;&]| and /));
  const names = new Set<string>();
  for (const piece of written) {
    // "[Katharine Berry](https://…)", "**Omar Haddad** (SRE)", "@handle" are read as the name alone.
    const name = piece.replace(/\]\([^)]*\)|\([^)]*\)|[[\]*_`@<>]/g, ' ').replace(/\s+/g, ' ').trim();
    if (!NAME.test(name)) continue;
    names.add(name);
    const first = name.split(' ')[0];
    if (first.length >= 3 && name.includes(' ')) names.add(first);
  }
  return [...names];
}
