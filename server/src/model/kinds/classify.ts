import { POSTMORTEM_TYPES, INCIDENT_TITLE, postmortemSectionOf } from './postmortem';
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
}

/** Remembered by the heading's text: the index asks it of every heading of thousands of reports made from templates. */
const disciplineNumber = rememberedByText((text: string) => readDisciplineLabel(text)?.number, 10_000, 200);

export function looksLikeEightD(evidence: Pick<KindEvidence, 'type' | 'headingTexts'>): boolean {
  if (evidence.type && EIGHT_D_TYPES.has(evidence.type)) return true;
  if (evidence.type && POSTMORTEM_TYPES.has(evidence.type)) return false;
  // Stops at the third discipline: the index asks this of every report in the workspace.
  const disciplines = new Set<number>();
  for (const text of evidence.headingTexts) {
    const discipline = disciplineNumber(text);
    if (discipline !== undefined && disciplines.add(discipline).size >= 3) return true;
  }
  return false;
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
  const core = new Set(
    [...evidence.headingTexts, ...evidence.pseudoHeadingTexts].map(postmortemSectionOf).filter((kind) => kind?.core).map((kind) => kind!.id),
  );
  if (evidence.title && INCIDENT_TITLE.test(evidence.title) && core.size >= 2) return 'postmortem';
  if (core.size >= 4 && (core.has('root-cause') || core.has('impact'))) return 'postmortem';
  return undefined;
}
