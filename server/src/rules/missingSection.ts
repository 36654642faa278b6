import type { Rule } from './rule';
import { DISCIPLINES } from '../model/kinds/eightD';
import { planSectionInsertion, type SectionInsertion } from '../model/insertSection';

export type MissingSectionData = SectionInsertion;

export const missingSection: Rule = {
  id: 'missing-section',
  description: 'Every discipline D0–D8 has a section.',
  defaultSeverity: 'error',
  kinds: ['8d'],
  check(report) {
    const present = new Set(report.disciplines.map((d) => d.number));
    const range = report.title?.range ?? report.lines.lineRange(0);
    return DISCIPLINES.filter((discipline) => !present.has(discipline.number)).map((discipline) => {
      const data: MissingSectionData = planSectionInsertion(report, discipline.number);
      return { message: `Missing section ${data.name}`, range, data };
    });
  },
};
