import { POSTMORTEM_SECTIONS, POSTMORTEM_TYPES, INCIDENT_TITLE, postmortemRolesOf } from './postmortem';
import { readDisciplineLabel } from './eightD';
import { GUIDE_TITLE, isExplanatoryHeading, isGuideLayout, type LayoutCounts } from './guide';
import { rememberedByText } from '../memo';

export type ReportKind = '8d' | 'postmortem';

export const EIGHT_D_TYPES: ReadonlySet<string> = new Set(['8d', '8-d', 'eight-d', 'g8d']);

/** What decides a document's kind; shared by the full model and the workspace scanner so both agree. */
export interface KindEvidence {
  /** Front matter `type`, lower-cased. */
  type?: string;
  title?: string;
  headingTexts: readonly string[];
  /** The level of each of `headingTexts` (when known: worked examples repeat disciplines at one level). */
  headingDepths?: readonly number[];
  /** Lines standing where headings should (pasted post-mortems) and labelled fields that hold sections. */
  pseudoHeadingTexts: readonly string[];
  /** Front matter `template`: the report was made from a custom template, so it is a report whatever its sections. */
  template?: string;
  /** The front matter names an incident (see `frontMatterNamesIncident`). */
  namesIncident?: boolean;
  /** What the headings say of the kind, all together, when the caller has it at hand (else read from `headingTexts`). */
  headingFacts?: KindFacts;
  /** What the headings say of the layout, when the caller counted it (else counted from `headingTexts` and `headingDepths`). */
  layout?: LayoutCounts;
}

/**
 * What headings say of a document's kind, as bits: the disciplines they name (`1 << n` for Dn) and the core
 * post-mortem sections (`1 << i`, i its place in POSTMORTEM_SECTIONS). Facts of several headings are OR-ed.
 */
export interface KindFacts {
  disciplines: number;
  coreSections: number;
  /** The heading explains a method (a guide's "D2 Outputs", "5-Why Guidelines"). */
  explains: boolean;
}

/** The thresholds of `classify`, named for the reasons `explain` gives. */
export const DISCIPLINES_FOR_8D = 3;
export const CORE_WITH_INCIDENT = 2;
export const CORE_ALONE = 4;

const NO_FACTS: KindFacts = { disciplines: 0, coreSections: 0, explains: false };
const CORE_BIT = new Map(POSTMORTEM_SECTIONS.map((kind, i) => [kind.id, kind.core ? 1 << i : 0]));
const bitOf = (id: string) => CORE_BIT.get(id) ?? 0;
const ROOT_CAUSE_OR_IMPACT = bitOf('root-cause') | bitOf('impact');
const TIMELINE_OR_ROOT_CAUSE = bitOf('timeline') | bitOf('root-cause');
const TIMELINE_AND_LESSONS = bitOf('timeline') | bitOf('lessons');

/** Front-matter keys whose presence says the document is about an incident (`incident: 001`, `severity: SEV2`). */
const INCIDENT_KEYS: ReadonlySet<string> = new Set(['incident', 'incident_id', 'incident-id', 'incidentid', 'postmortem', 'post-mortem', 'severity', 'sev']);
/** Front-matter keys whose values may name the document's kind (`layout: postmortem`, `tags: [outage]`). */
const KIND_KEYS: readonly string[] = ['type', 'layout', 'category', 'categories', 'tags', 'kind', 'title'];

/** Whether front matter says the document is about an incident: a key such as `incident:`, or a kind or title naming one. */
export function frontMatterNamesIncident(data: Readonly<Record<string, unknown>>): boolean {
  for (const key of Object.keys(data)) if (INCIDENT_KEYS.has(key.toLowerCase())) return true;
  for (const key of KIND_KEYS) {
    const value = data[key];
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v === 'string' && v.length < 300 && INCIDENT_TITLE.test(v))) return true;
  }
  return false;
}

/** Counts what headings say of the layout; `depths` (when known) tells worked examples' repeated disciplines apart. */
export class LayoutCounter implements LayoutCounts {
  headings = 0;
  explanatory = 0;
  repeatedDisciplines = 0;
  /** For each level, the disciplines seen at it (bits 0–15) and those seen twice (bits 16–31); made when first needed. */
  private seen?: Int32Array;

  add(facts: KindFacts, depth: number): void {
    this.headings++;
    if (facts.explains) this.explanatory++;
    const discipline = facts.disciplines;
    if (discipline === 0) return;
    const seen = (this.seen ??= new Int32Array(8));
    const twice = discipline << 16;
    if ((seen[depth] & discipline) !== 0 && (seen[depth] & twice) === 0) {
      this.repeatedDisciplines++;
      seen[depth] |= twice;
    }
    seen[depth] |= discipline;
  }
}

function layoutOf(texts: readonly string[], depths: readonly number[] | undefined): LayoutCounts {
  const counter = new LayoutCounter();
  texts.forEach((text, i) => counter.add(kindFactsOf(text), depths?.[i] ?? 0));
  return counter;
}

/** The discipline a heading names, as a bit of `KindFacts.disciplines` (0 for none). */
export function disciplineBitOf(text: string): number {
  const number = readDisciplineLabel(text)?.number;
  return number === undefined ? 0 : 1 << number;
}

function readKindFacts(text: string): KindFacts {
  let coreSections = 0;
  for (const role of postmortemRolesOf(text)) coreSections |= bitOf(role.id);
  const facts = { disciplines: disciplineBitOf(text), coreSections, explains: isExplanatoryHeading(text) };
  return facts.disciplines === 0 && facts.coreSections === 0 && !facts.explains ? NO_FACTS : facts;
}

/**
 * What one heading says of the kind. Remembered by the heading's text: the index asks it of every heading of
 * thousands of reports made from templates (and remembers the answer with each heading it keeps).
 */
const rememberedKindFacts = rememberedByText(readKindFacts, 10_000, 200);
const LETTER = /[A-Za-z]/;
/**
 * A heading without a letter (a day heading `### 2025-01-05`) names nothing; it is answered before the memory, which
 * thousands of unique day headings would otherwise fill and empty again, forgetting the templates' headings.
 */
export function kindFactsOf(text: string): KindFacts {
  return LETTER.test(text) ? rememberedKindFacts(text) : NO_FACTS;
}

function factsOf(texts: readonly string[]): KindFacts {
  let disciplines = 0;
  let coreSections = 0;
  for (const text of texts) {
    const facts = kindFactsOf(text);
    disciplines |= facts.disciplines;
    coreSections |= facts.coreSections;
  }
  return { disciplines, coreSections, explains: false };
}

function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/** Whether headings laid out like a report's are a guide's or a set of worked examples (see `looksLikeGuide`). */
export function isGuide(evidence: Pick<KindEvidence, 'title' | 'headingTexts' | 'headingDepths' | 'layout'>): boolean {
  if (evidence.title && evidence.title.length < 300 && GUIDE_TITLE.test(evidence.title)) return true;
  return isGuideLayout(evidence.layout ?? layoutOf(evidence.headingTexts, evidence.headingDepths));
}

export function looksLikeEightD(evidence: Pick<KindEvidence, 'type' | 'headingTexts' | 'headingFacts'>): boolean {
  if (evidence.type && EIGHT_D_TYPES.has(evidence.type)) return true;
  if (evidence.type && POSTMORTEM_TYPES.has(evidence.type)) return false;
  return bitCount((evidence.headingFacts ?? factsOf(evidence.headingTexts)).disciplines) >= DISCIPLINES_FOR_8D;
}

/** Which of classify's rules decided, with what the evidence held: explained to users by `kindReason`. */
export type KindRule = 'type' | 'disciplines' | 'guide' | 'template' | 'incident' | 'core-sections' | 'none';

export interface KindVerdict {
  kind: ReportKind | undefined;
  rule: KindRule;
  /** Core post-mortem sections named (bits, as `KindFacts.coreSections`) and disciplines named (bits). */
  coreSections: number;
  disciplines: number;
  /** The words of the title that name an incident, or `front matter` when the front matter does. */
  incident?: string;
}

/**
 * An 8D report by front matter or three disciplines; a post-mortem by front matter, or a title (or front matter)
 * naming an incident with a timeline or root cause or two core sections, or four core sections including the root
 * cause, the impact, or both the timeline and the lessons. Guides and worked examples laid out the same way are not
 * reports (unless their front matter says they are).
 */
export function judgeKind(evidence: KindEvidence): KindVerdict {
  const facts = evidence.headingFacts ?? factsOf(evidence.headingTexts);
  const disciplines = facts.disciplines;
  if (evidence.type && EIGHT_D_TYPES.has(evidence.type)) return { kind: '8d', rule: 'type', coreSections: 0, disciplines };
  if (evidence.type && POSTMORTEM_TYPES.has(evidence.type)) return { kind: 'postmortem', rule: 'type', coreSections: 0, disciplines };
  if (bitCount(disciplines) >= DISCIPLINES_FOR_8D) {
    return isGuide(evidence) ? { kind: undefined, rule: 'guide', coreSections: 0, disciplines } : { kind: '8d', rule: 'disciplines', coreSections: 0, disciplines };
  }
  // A custom template that is not an 8D one is checked like an incident document, against its own sections.
  if (evidence.template) return { kind: 'postmortem', rule: 'template', coreSections: 0, disciplines };
  const core = facts.coreSections | factsOf(evidence.pseudoHeadingTexts).coreSections;
  const size = bitCount(core);
  const incident = evidence.namesIncident === true ? 'front matter' : evidence.title !== undefined && evidence.title.length < 300 ? INCIDENT_TITLE.exec(evidence.title)?.[0] : undefined;
  const rule: KindRule =
    incident !== undefined && (size >= CORE_WITH_INCIDENT || (core & TIMELINE_OR_ROOT_CAUSE) !== 0) ? 'incident'
      : size >= CORE_ALONE && ((core & ROOT_CAUSE_OR_IMPACT) !== 0 || (core & TIMELINE_AND_LESSONS) === TIMELINE_AND_LESSONS) ? 'core-sections'
        : 'none';
  if (rule !== 'none' && isGuide(evidence)) return { kind: undefined, rule: 'guide', coreSections: core, disciplines, incident };
  return { kind: rule === 'none' ? undefined : 'postmortem', rule, coreSections: core, disciplines, incident };
}

export function classify(evidence: KindEvidence): ReportKind | undefined {
  return judgeKind(evidence).kind;
}
