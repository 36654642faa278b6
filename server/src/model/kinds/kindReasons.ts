/**
 * Why `classify` gave a document its kind, or why it is no report, in words a user can act on: the verdict of
 * `judgeKind` (the rule that decided and the evidence it read), put into a sentence.
 */
import { CORE_ALONE, CORE_WITH_INCIDENT, DISCIPLINES_FOR_8D, EIGHT_D_TYPES, judgeKind, type KindEvidence, type ReportKind } from './classify';
import { POSTMORTEM_SECTIONS, POSTMORTEM_TYPES } from './postmortem';

export interface KindReason {
  kind: ReportKind | undefined;
  /** One sentence: what made the document its kind, or what it lacks to be a report. */
  reason: string;
  /** The core post-mortem sections its headings (and pseudo-headings and labels) name, by canonical name. */
  coreSections: string[];
  /** The 8D disciplines its headings name. */
  disciplines: number[];
}

function disciplinesOf(bits: number): number[] {
  const numbers: number[] = [];
  for (let n = 0; n <= 8; n++) if ((bits & (1 << n)) !== 0) numbers.push(n);
  return numbers;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
const listed = (names: readonly string[]) => (names.length > 0 ? ` (${names.join(', ')})` : '');

const POSTMORTEM_NEEDS = `a post-mortem needs a title or front matter naming an incident and a Timeline or Root cause (or ${CORE_WITH_INCIDENT} core sections), or ${CORE_ALONE} core sections including Root cause, Impact, or both Timeline and Lessons learned`;

/** Explains the kind classify gives `evidence`. */
export function kindReason(evidence: KindEvidence): KindReason {
  const verdict = judgeKind(evidence);
  const { kind } = verdict;
  const coreSections = POSTMORTEM_SECTIONS.filter((_, i) => (verdict.coreSections & (1 << i)) !== 0).map((section) => section.name);
  const disciplines = disciplinesOf(verdict.disciplines);
  const disciplineNames = disciplines.map((n) => `D${n}`);
  const coreCount = `${plural(coreSections.length, 'core section', 'core sections')}${listed(coreSections)}`;
  const incident = verdict.incident === 'front matter' ? 'its front matter names an incident' : verdict.incident ? `its title names an incident ("${verdict.incident}")` : undefined;
  const explained = (reason: string): KindReason => ({ kind, reason, coreSections, disciplines });

  switch (verdict.rule) {
    case 'type':
      return explained(`front matter says type: ${evidence.type}`);
    case 'disciplines':
      return explained(`its headings name ${plural(disciplines.length, 'discipline', 'disciplines')}${listed(disciplineNames)}; ${DISCIPLINES_FOR_8D} or more make an 8D report`);
    case 'guide':
      return explained('it is laid out like a report but is a guide, an advisory or a set of worked examples (by its title, its explanatory headings, or disciplines repeated at one level), so it is not checked');
    case 'template':
      return explained(`front matter names a custom template (template: ${evidence.template}); it is checked against that template's sections`);
    case 'incident':
      return explained(`${incident} and it has ${coreCount}`);
    case 'core-sections':
      return explained(`it has ${coreCount}`);
    case 'none': {
      const has = coreSections.length === 0 ? 'no core post-mortem section' : coreCount;
      const parts = [`it has ${has}${incident ? ` and ${incident}` : evidence.title ? ', and its title names no incident' : ', and no title'}; ${POSTMORTEM_NEEDS}`];
      if (disciplines.length > 0) parts.push(`an 8D report needs ${DISCIPLINES_FOR_8D} disciplines, it names ${plural(disciplines.length, 'discipline', 'disciplines')}${listed(disciplineNames)}`);
      const type = evidence.type;
      if (type && !EIGHT_D_TYPES.has(type) && !POSTMORTEM_TYPES.has(type)) parts.push(`front matter type "${type}" names neither kind`);
      return explained(parts.join('; '));
    }
  }
}
