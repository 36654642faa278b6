/**
 * Documents laid out like reports that report nothing: guides, checklists, lab exercises and collections of worked
 * examples, written by 8D discipline or by post-mortem section. Vocabulary as data; readers over heading texts.
 */
/** Words in a title that say the document teaches, collects or announces rather than reports on an incident. */
export const GUIDE_TITLE = /\b(?:guide|guidelines|how[ -]to|handbook|checklist|best practices|tutorial|playbook|runbook|instructions|methodology|worked examples?|pitfalls|cheat ?sheet|lab exercise|lesson plan|explained|introduction to|security advisory|advisory|security bulletin|release notes|changelog)\b/i;

/** Words in a heading that explain the method rather than report on a problem ("D2 Outputs", "5-Why Guidelines"). */
const GUIDE_HEADING = /\b(?:outputs?|inputs?|techniques?|tools?|guidelines?|tips?|reference|templates?|examples?|best practices|checklist|criteria|hierarchy|purpose|objectives?|key questions|common (?:mistakes|pitfalls)|pitfalls?|how to|when to|what is|why is|workflow|methodology|quick start|deliverables?|responsibilities|exercises?|instructions)\b/i;

/** Whether a heading explains the method rather than reports (read once per heading text, with its other facts). */
export function isExplanatoryHeading(text: string): boolean {
  return text.length < 300 && GUIDE_HEADING.test(text);
}

/** What a document's headings say of its layout, counted as they are met. */
export interface LayoutCounts {
  headings: number;
  /** Headings that explain the method (`isExplanatoryHeading`). */
  explanatory: number;
  /** Disciplines named a second time at the same heading level. */
  repeatedDisciplines: number;
}

/** At least this many explanatory headings, and at least this share of all headings, make a guide. */
const MIN_GUIDE_HEADINGS = 4;
const MIN_GUIDE_SHARE = 0.15;
/** Disciplines named again at the same level: several worked examples in one file. */
const MIN_REPEATED_DISCIPLINES = 3;

/** Whether headings laid out by discipline or section are a guide's: several worked examples, or explanations throughout. */
export function isGuideLayout(counts: LayoutCounts): boolean {
  if (counts.repeatedDisciplines >= MIN_REPEATED_DISCIPLINES) return true;
  return counts.explanatory >= MIN_GUIDE_HEADINGS && counts.explanatory >= counts.headings * MIN_GUIDE_SHARE;
}
