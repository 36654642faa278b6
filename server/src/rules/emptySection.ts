import type { Rule } from './rule';
import { isUntouchedDiscipline } from '../model/kinds/eightDTemplates';

export const emptySection: Rule = {
  id: 'empty-section',
  description: 'A discipline holds more than its prompt comment.',
  defaultSeverity: 'information',
  kinds: ['8d'],
  check(report) {
    return report.disciplines
      .filter((discipline) => isUntouchedDiscipline(discipline.number, discipline.content))
      .map((discipline) => ({
        message: `Section D${discipline.number} is empty: it holds only its prompt`,
        range: discipline.heading.range,
      }));
  },
};
