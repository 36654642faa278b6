/**
 * Why `classify` gave a document its kind, or why it is no report, in words a user can act on.
 * Derived from the same facts classify reads (front matter, title, what each heading names), so that it can later
 * move into classify itself; classify's verdict is taken as given, and only explained here.
 */
import { EIGHT_D_TYPES, kindFactsOf, type KindEvidence, type KindFacts, type ReportKind } from './classify';
import { INCIDENT_TITLE, POSTMORTEM_SECTIONS, POSTMORTEM_TYPES } from './postmortem';

/** The thresholds classify applies, as its doc comment states them. */
const DISCIPLINES_FOR_8D = 3;
const CORE_WITH_INCIDENT_TITLE = 2;
const CORE_ALONE = 4;
const ROOT_CAUSE_OR_IMPACT: readonly string[] = ['root-cause', 'impact'];

export interface KindReason {
  kind: ReportKind | undefined;
  /** One sentence: what made the document its kind, or what it lacks to be a report. */
  reason: string;
  /** The core post-mortem sections its headings (and pseudo-headings) name, by canonical name. */
  coreSections: string[];
  /** The 8D disciplines its headings name. */
  disciplines: number[];
}

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

/** Core sections named by the bits of `KindFacts.coreSections` (bit i: POSTMORTEM_SECTIONS[i]). */
function coreSectionsOf(bits: number): typeof POSTMORTEM_SECTIONS[number][] {
  return POSTMORTEM_SECTIONS.filter((_, i) => (bits & (1 << i)) !== 0);
}

function disciplinesOf(bits: number): number[] {
  const numbers: number[] = [];
  for (let n = 0; n <= 8; n++) if ((bits & (1 << n)) !== 0) numbers.push(n);
  return numbers;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
const listed = (names: readonly string[]) => (names.length > 0 ? ` (${names.join(', ')})` : '');

const POSTMORTEM_NEEDS = `a post-mortem needs a title naming an incident and ${CORE_WITH_INCIDENT_TITLE} core sections, or ${CORE_ALONE} core sections including Root cause or Impact`;

/** Explains `kind`, the verdict classify gave on `evidence`. */
export function kindReason(evidence: KindEvidence, kind: ReportKind | undefined): KindReason {
  const headingFacts = evidence.headingFacts ?? factsOf(evidence.headingTexts);
  const core = coreSectionsOf(headingFacts.coreSections | factsOf(evidence.pseudoHeadingTexts).coreSections);
  const coreSections = core.map((section) => section.name);
  const disciplines = disciplinesOf(headingFacts.disciplines);
  const disciplineNames = disciplines.map((n) => `D${n}`);
  const type = evidence.type;
  const incidentWord = evidence.title ? INCIDENT_TITLE.exec(evidence.title)?.[0] : undefined;
  const coreCount = `${plural(core.length, 'core section', 'core sections')}${listed(coreSections)}`;
  const explained = (reason: string): KindReason => ({ kind, reason, coreSections, disciplines });

  if (kind === '8d') {
    if (type && EIGHT_D_TYPES.has(type)) return explained(`front matter says type: ${type}`);
    return explained(`its headings name ${plural(disciplines.length, 'discipline', 'disciplines')}${listed(disciplineNames)}; ${DISCIPLINES_FOR_8D} or more make an 8D report`);
  }
  if (kind === 'postmortem') {
    if (type && POSTMORTEM_TYPES.has(type)) return explained(`front matter says type: ${type}`);
    if (evidence.template) return explained(`front matter names a custom template (template: ${evidence.template}); it is checked against that template's sections`);
    if (incidentWord && core.length >= CORE_WITH_INCIDENT_TITLE) return explained(`its title names an incident ("${incidentWord}") and it has ${coreCount}`);
    if (core.length >= CORE_ALONE && core.some((section) => ROOT_CAUSE_OR_IMPACT.includes(section.id))) return explained(`it has ${coreCount}, among them Root cause or Impact`);
    return explained(`recognised as a post-mortem; it has ${coreCount}`);
  }

  // No report: say what it has, and what each kind needs.
  const has = core.length === 0 ? 'no core post-mortem section' : `${core.length < CORE_WITH_INCIDENT_TITLE ? 'only ' : ''}${coreCount}`;
  const title = incidentWord ? ` and a title naming an incident ("${incidentWord}")` : evidence.title ? ', and its title names no incident' : ', and no title';
  const parts = [`it has ${has}${title}; ${POSTMORTEM_NEEDS}`];
  if (disciplines.length > 0) parts.push(`an 8D report needs ${DISCIPLINES_FOR_8D} disciplines, it names ${plural(disciplines.length, 'discipline', 'disciplines')}${listed(disciplineNames)}`);
  if (type && !EIGHT_D_TYPES.has(type) && !POSTMORTEM_TYPES.has(type)) parts.push(`front matter type "${type}" names neither kind`);
  return explained(parts.join('; '));
}
