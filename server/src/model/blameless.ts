/**
 * Blaming language in a post-mortem: the phrases, as data, and a matcher over plain text. A phrase may hold a
 * `{person}` slot ("{person} failed to"), which only a person fills: a role ("the on-call engineer"), "he" or
 * "she", an @handle, or a name the report gives its people (authors, owner). So "the service failed to start"
 * is never blame. What the text itself quotes, rejects ("this was not human error") or guards against ("to
 * reduce the risk of human error") is left alone.
 *
 * Every pattern here has bounded quantifiers and no nesting, so that matching stays linear in the text.
 */

export type BlameCategory = 'human-error' | 'person-as-cause' | 'blame-word' | 'person-failed' | 'team-phrase';

export interface BlamePhrase {
  /** As a user would write it in the settings: words, with `{person}` where a person must stand. */
  phrase: string;
  category: BlameCategory;
  /**
   * Reported only where the text gives it as the cause ("caused by human error", "root cause: human error"), or in
   * the Root cause section: elsewhere "human error" is usually the system's concern ("error-prone by hand").
   */
  asCause?: boolean;
}

/** What to write instead, by category: a systems framing. */
export const SUGGESTIONS: Readonly<Record<BlameCategory, string>> = {
  'human-error': 'ask what in the system made the action possible or likely: a missing guard, an unclear runbook, a misleading UI',
  'person-as-cause': 'name the action and the conditions that allowed it rather than the person: what made the step easy to get wrong?',
  'blame-word': 'describe what was done and what was known at the time: why did the action make sense then?',
  'person-failed': 'say what the system did not provide (a check, an alert, a runbook step) rather than what a person failed to do',
  'team-phrase': 'describe the conditions that led to the action rather than the person who took it',
};

export const BLAME_PHRASES: readonly BlamePhrase[] = [
  ...['human error', 'human errors', 'operator error', 'operator errors', 'user error', 'pilot error', 'engineer error', 'personnel error', 'staff error', 'human mistake', 'human failure', 'manual error']
    .map((phrase): BlamePhrase => ({ phrase, category: 'human-error', asCause: true })),
  ...['caused by {person}', "{person}'s fault", "{person}'s mistake", "{person}'s error", 'fault of {person}', 'mistake by {person}', 'error by {person}', 'blame {person}', '{person} was at fault', '{person} was to blame', '{person} is to blame', '{person} were to blame']
    .map((phrase): BlamePhrase => ({ phrase, category: 'person-as-cause' })),
  ...['careless', 'carelessly', 'carelessness', 'negligent', 'negligently', 'negligence', 'reckless', 'recklessly', 'sloppy', 'sloppiness', 'incompetent', 'incompetence', 'should have known', "should've known", 'should have been more careful', 'ought to have known', 'dropped the ball', 'lack of attention', 'not paying attention']
    .map((phrase): BlamePhrase => ({ phrase, category: 'blame-word' })),
  ...['{person} failed to', '{person} neglected to', '{person} forgot to', "{person} didn't bother", '{person} did not bother', '{person} ignored', '{person} should have', "{person} should've", '{person} did not follow', "{person} didn't follow"]
    .map((phrase): BlamePhrase => ({ phrase, category: 'person-failed' })),
];

const PERSON_SLOT = '{person}';

/** People by their role: "the engineer", "an on-call SRE", "our DBA". Singular or plural. */
const ROLES = [
  'engineer', 'operator', 'on-call', 'oncall', 'on-caller', 'on call', 'responder', 'sre', 'developer', 'dev', 'admin', 'administrator',
  'sysadmin', 'dba', 'reviewer', 'approver', 'technician', 'tech', 'intern', 'contractor', 'employee', 'staff member', 'team member',
  'teammate', 'colleague', 'person', 'individual', 'engineer on call', 'incident commander', 'release manager', 'deployer', 'analyst',
];
/** Words between a determiner and the role: "the on-call engineer", "a junior developer", "the same operator". */
const ROLE_MODIFIERS = ['on-call', 'oncall', 'on call', 'junior', 'senior', 'new', 'responsible', 'same', 'primary', 'secondary', 'lead', 'database', 'network', 'platform', 'infrastructure', 'backend', 'frontend', 'release', 'support', 'ops', 'devops', 'site reliability', 'human', 'individual', 'single'];
const DETERMINERS = ['the', 'a', 'an', 'our', 'their', 'one', 'another', 'that', 'this', 'one of the', 'one of our', 'an individual'];
const PRONOUNS = ['he', 'she', 'someone', 'somebody'];

/** Where a word starts and ends: no letter, digit, hyphen or apostrophe joins it to its neighbour. */
const WORD_START = "(?<![\\p{L}\\p{N}_'-])";
const WORD_END = '(?![\\p{L}\\p{N}_-])';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Between two words of a phrase: any short run of spaces, a soft line break too. */
const SPACE = '[ \\t\\n]{1,4}';

/** One word of a phrase, a typographic apostrophe as good as a straight one. */
function wordPattern(word: string): string {
  return escapeRegExp(word).replace(/'/g, "['\u2019]");
}

/** A phrase's words, with `person` where its `{person}` slot stands ("{person}'s fault" too). */
function wordsPattern(words: string, person = ''): string {
  return words.trim().split(/\s+/).map((token) => token.split(PERSON_SLOT).map(wordPattern).join(`(?:${person})`)).join(SPACE);
}

function alternatives(words: readonly string[]): string {
  // Longest first, so that "on-call engineer" is tried before "on-call".
  return [...words].sort((a, b) => b.length - a.length).map((words) => wordsPattern(words)).join('|');
}

/** The pattern a `{person}` slot stands for, with the names the report gives its people. */
function personPattern(names: readonly string[]): string {
  const role = `(?:(?:${alternatives(DETERMINERS)})[ \\t\\n]{1,4}(?:(?:${alternatives(ROLE_MODIFIERS)})[ \\t\\n]{1,4}){0,2}(?:${alternatives(ROLES)})s?)`;
  const handle = '@[A-Za-z0-9][A-Za-z0-9_-]{0,38}';
  const people = [...PRONOUNS, ...names];
  // "Priya (on-call)": a name with the role beside it.
  const withRole = `\\p{Lu}\\p{Ll}{1,20}(?:[ \\t]\\p{Lu}\\p{Ll}{1,20})?[ \\t]{0,2}\\((?:the[ \\t])?(?:${alternatives(ROLES)})[^()\\n]{0,30}\\)`;
  // "an engineer who failed to test": the relative pronoun between the person and the verb.
  return `(?:(?:${role}|${handle}|${withRole}|${alternatives(people)})(?:[ \\t\\n]{1,4}who)?)`;
}

export interface CompiledPhrase {
  phrase: BlamePhrase;
  pattern: RegExp;
}

export interface BlameVocabulary {
  phrases: readonly CompiledPhrase[];
}

/** A phrase as compared with the settings' `ignore` list: lower case, its person slot and spaces left out. */
function phraseKey(phrase: string): string {
  return phrase.replace(PERSON_SLOT, ' ').replace(/\u2019/g, "'").trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The phrases to look for: the built-in ones less those `ignored`, and the team's `extra` ones (a `{person}`
 * slot works there too), with `names` (the report's people) as persons.
 */
export function blameVocabulary(extra: readonly string[], ignored: readonly string[], names: readonly string[]): BlameVocabulary {
  const dropped = new Set(ignored.map(phraseKey));
  const added = extra.map((phrase): BlamePhrase => ({ phrase, category: 'team-phrase' }));
  const person = personPattern(names);
  const phrases = [...BLAME_PHRASES, ...added]
    .filter((phrase) => !dropped.has(phraseKey(phrase.phrase)) && phraseKey(phrase.phrase) !== '')
    .map((phrase) => ({ phrase, pattern: new RegExp(`${WORD_START}(?:${wordsPattern(phrase.phrase, person)})${WORD_END}`, 'giu') }));
  return { phrases };
}

export interface BlameMatch {
  start: number;
  end: number;
  phrase: BlamePhrase;
}

/** Where a sentence or clause ends: what comes after it is not read with the phrase. */
const SENTENCE_END = /[.!?;][ \t\n]+|\n[ \t]*\n/g;
/** How much before a phrase is read for what frames it. */
const CONTEXT = 120;

// "not human error", "rather than blaming the engineer", "isn't about who", "without fault": the text rejects blame.
const REJECTED_BEFORE = /(?:n't|(?<![\p{L}])(?:not|never|no|nobody|none|neither|nor|rather[ \t\n]{1,4}than|instead[ \t\n]{1,4}of|without|beyond|more[ \t\n]{1,4}than|myth[ \t\n]{1,4}of))(?![\p{L}])(?:[ \t\n]{1,4}[\p{L}'\u2019-]{1,20}){0,4}[ \t\n:"“'‘]{0,4}$/iu;
// "to reduce the risk of human error", "less prone to operator error": the text designs against it.
const GUARDED_BEFORE = /(?<![\p{L}])(?:reduc\p{L}{0,4}|prevent\p{L}{0,4}|avoid\p{L}{0,4}|eliminat\p{L}{0,5}|minimi[sz]\p{L}{0,4}|mitigat\p{L}{0,4}|limit\p{L}{0,4}|catch\p{L}{0,3}|guard\p{L}{0,4}[ \t\n]{1,4}against|protect\p{L}{0,4}[ \t\n]{1,4}against|prone[ \t\n]{1,4}to|risks?[ \t\n]{1,4}of|room[ \t\n]{1,4}for|chances?[ \t\n]{1,4}of|possibilit\p{L}{1,3}[ \t\n]{1,4}of|potential[ \t\n]{1,4}for|likelihood[ \t\n]{1,4}of|susceptible[ \t\n]{1,4}to|resilien\p{L}{1,4}[ \t\n]{1,4}(?:to|against)|toleran\p{L}{1,4}[ \t\n]{1,4}(?:to|of)|vulnerable[ \t\n]{1,4}to|instances?[ \t\n]{1,4}of|cases?[ \t\n]{1,4}of|kinds?[ \t\n]{1,4}of|types?[ \t\n]{1,4}of|forms?[ \t\n]{1,4}of|sources?[ \t\n]{1,4}of)(?:[ \t\n]{1,4}[\p{L}-]{1,20}){0,3}[ \t\n]{1,4}$/iu;
// "human error is a symptom", "operator error isn't a root cause", "human error-prone": said about it, not of anyone.
const REJECTED_AFTER = /^[ \t\n]{0,4}(?:is|was|are)[ \t\n]{1,4}(?:not|never|rarely|only|just|a[ \t\n]{1,4}symptom|inevitable|normal|expected)(?![\p{L}])|^[ \t\n]{0,4}(?:isn't|wasn't|aren't|is[ \t\n]{1,4}a[ \t\n]{1,4}starting)/iu;
// A sentence that says the report does not blame: "We don't blame individuals", "in a blameless spirit".
const BLAMELESS_SENTENCE = /blameless|blame-free|(?:not|n't|never|no)[ \t\n]{1,4}(?:to[ \t\n]{1,4})?(?:blame|blaming|finger-pointing)/iu;

// What gives a phrase as the cause: "caused by", "due to", "root cause: ", "was a simple".
const CAUSE_BEFORE = /(?<![\p{L}])(?:caused[ \t\n]{1,4}by|due[ \t\n]{1,4}to|because[ \t\n]{1,4}of|result(?:ed)?[ \t\n]{1,4}(?:of|from)|attribut\p{L}{2,5}[ \t\n]{1,4}to|blamed[ \t\n]{1,4}on|came[ \t\n]{1,4}down[ \t\n]{1,4}to|boils[ \t\n]{1,4}down[ \t\n]{1,4}to|traced[ \t\n]{1,4}(?:back[ \t\n]{1,4})?to|cause[sd]?[ \t\n]{0,4}(?:was|is|were|:)|reason[ \t\n]{0,4}(?:was|is|:)|was|were)(?:[ \t\n]{1,4}(?:a|an|the|simple|simply|pure|purely|plain|basic|likely|probably|just|ultimately|mainly|mostly|primarily|clear|obvious))?(?:[ \t\n]{1,4}(?:a|an|the|simple|pure|plain|basic|human))?[ \t\n*_"“]{1,6}$/iu;
const CAUSE_AFTER = /^[ \t\n]{1,4}(?:caused|led[ \t\n]{1,4}to|resulted[ \t\n]{1,4}in|triggered|was[ \t\n]{1,4}(?:the[ \t\n]{1,4})?(?:root[ \t\n]{1,4})?cause|is[ \t\n]{1,4}(?:the[ \t\n]{1,4})?(?:root[ \t\n]{1,4})?cause|on[ \t\n]{1,4}the[ \t\n]{1,4}part[ \t\n]{1,4}of)(?![\p{L}])/iu;

/** The spans of text the writer quotes: "…", “…”, ‘…’ and '…' (an apostrophe inside a word quotes nothing). */
export function quotedSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const QUOTE = /"[^"\n]{1,500}"|“[^”\n]{1,500}”|‘[^’\n]{1,500}’|(?<![\p{L}\p{N}])'(?=\S)[^'\n]{1,500}(?<=\S)'(?![\p{L}\p{N}])/gu;
  for (const match of text.matchAll(QUOTE)) spans.push({ start: match.index, end: match.index + match[0].length });
  return spans;
}

/** Where the sentence around `at` starts: after the last sentence end before it, at most CONTEXT back. */
function clauseBefore(text: string, at: number): string {
  const from = Math.max(0, at - CONTEXT);
  let start = from;
  SENTENCE_END.lastIndex = from;
  for (let match = SENTENCE_END.exec(text); match && match.index < at; match = SENTENCE_END.exec(text)) start = match.index + match[0].length;
  return text.slice(Math.min(start, at), at);
}

function sentenceAround(text: string, start: number, end: number): string {
  const before = clauseBefore(text, start);
  SENTENCE_END.lastIndex = end;
  const next = SENTENCE_END.exec(text);
  return before + text.slice(start, Math.min(next ? next.index : text.length, end + CONTEXT));
}

/**
 * The blaming phrases in a block of prose. `inRootCause` says whether an offset of the text lies in the report's
 * Root cause section, where "human error" is the cause whatever the words around it.
 */
export function findBlame(text: string, vocabulary: BlameVocabulary, inRootCause: (offset: number) => boolean = () => false): BlameMatch[] {
  const quoted = quotedSpans(text);
  const matches: BlameMatch[] = [];
  for (const { phrase, pattern } of vocabulary.phrases) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (quoted.some((span) => start >= span.start && end <= span.end)) continue;
      if (overlapsFound(matches, start, end)) continue;
      const before = clauseBefore(text, start);
      const after = text.slice(end, end + CONTEXT);
      if (REJECTED_BEFORE.test(before) || GUARDED_BEFORE.test(before) || BLAMELESS_SENTENCE.test(sentenceAround(text, start, end))) continue;
      if (phrase.asCause) {
        if (REJECTED_AFTER.test(after)) continue;
        if (!inRootCause(start) && !CAUSE_BEFORE.test(before) && !CAUSE_AFTER.test(after)) continue;
      }
      matches.push({ start, end, phrase });
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}

/** A phrase inside one already found ("careless" in "should have been more careful" is not; "fault" twice is). */
function overlapsFound(found: readonly BlameMatch[], start: number, end: number): boolean {
  return found.some((match) => start < match.end && end > match.start);
}
