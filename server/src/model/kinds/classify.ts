import { POSTMORTEM_SECTIONS, POSTMORTEM_TYPES, INCIDENT_TITLE, postmortemSectionOf } from './postmortem';
import { readDisciplineLabel } from './eightD';
import { rememberedByText } from '../memo';

export type ReportKind = '8d' | 'postmortem';

export const EIGHT_D_TYPES: ReadonlySet<string> = new Set(['8d', '8-d', 'eight-d', 'g8d']);

/** What decides a document's kind; shared by the full model and the workspace scanner so both agree. */
export interface KindEvidence {
  /** Front matter `type`, lower-cased. */
  type?: string;
  title?: string;
  headingTexts: readonly string[];
  /** Lines standing where headings should (pasted post-mortems). */
  pseudoHeadingTexts: readonly string[];
  /** Front matter `template`: the report was made from a custom template, so it is a report whatever its sections. */
  template?: string;
  /** What the headings say of the kind, all together, when the caller has it at hand (else read from `headingTexts`). */
  headingFacts?: KindFacts;
}

/**
 * What headings say of a document's kind, as bits: the disciplines they name (`1 << n` for Dn) and the core
 * post-mortem sections (`1 << i`, i its place in POSTMORTEM_SECTIONS). Facts of several headings are OR-ed.
 */
export interface KindFacts {
  disciplines: number;
  coreSections: number;
}

const NO_FACTS: KindFacts = { disciplines: 0, coreSections: 0 };
const CORE_BIT = new Map(POSTMORTEM_SECTIONS.map((kind, i) => [kind.id, kind.core ? 1 << i : 0]));
const bitOf = (id: string) => CORE_BIT.get(id) ?? 0;
const ROOT_CAUSE_OR_IMPACT = bitOf('root-cause') | bitOf('impact');

function readKindFacts(text: string): KindFacts {
  const discipline = readDisciplineLabel(text)?.number;
  const section = postmortemSectionOf(text);
  const facts = { disciplines: discipline === undefined ? 0 : 1 << discipline, coreSections: section ? bitOf(section.id) : 0 };
  return facts.disciplines === 0 && facts.coreSections === 0 ? NO_FACTS : facts;
}

/**
 * What one heading says of the kind. Remembered by the heading's text: the index asks it of every heading of
 * thousands of reports made from templates (and remembers the answer with each heading it keeps).
 */
export const kindFactsOf: (text: string) => KindFacts = rememberedByText(readKindFacts, 10_000, 200);

function factsOf(texts: readonly string[]): KindFacts {
  let disciplines = 0;
  let coreSections = 0;
  for (const text of texts) {
    const facts = kindFactsOf(text);
    disciplines |= facts.disciplines;
    coreSections |= facts.coreSections;
  }
  return { disciplines, coreSections };
}

function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}

export function looksLikeEightD(evidence: Pick<KindEvidence, 'type' | 'headingTexts' | 'headingFacts'>): boolean {
  if (evidence.type && EIGHT_D_TYPES.has(evidence.type)) return true;
  if (evidence.type && POSTMORTEM_TYPES.has(evidence.type)) return false;
  return bitCount((evidence.headingFacts ?? factsOf(evidence.headingTexts)).disciplines) >= 3;
}

/**
 * An 8D report by front matter or three disciplines; a post-mortem by front matter, or a title naming an incident
 * with two core sections, or four core sections including the root cause or the impact.
 */
export function classify(evidence: KindEvidence): ReportKind | undefined {
  if (looksLikeEightD(evidence)) return '8d';
  if (evidence.type && POSTMORTEM_TYPES.has(evidence.type)) return 'postmortem';
  // A custom template that is not an 8D one is checked like an incident document, against its own sections.
  if (evidence.template) return 'postmortem';
  const core = (evidence.headingFacts ?? factsOf(evidence.headingTexts)).coreSections | factsOf(evidence.pseudoHeadingTexts).coreSections;
  const size = bitCount(core);
  if (evidence.title && INCIDENT_TITLE.test(evidence.title) && size >= 2) return 'postmortem';
  if (size >= 4 && (core & ROOT_CAUSE_OR_IMPACT) !== 0) return 'postmortem';
  return undefined;
}
