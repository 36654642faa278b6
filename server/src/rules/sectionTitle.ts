import type { Rule } from './rule';
import { otherDisciplinesTitled } from '../model/kinds/eightD';

export const sectionTitle: Rule = {
  id: 'section-title',
  description: "A discipline's title is not the title of another discipline.",
  defaultSeverity: 'hint',
  kinds: ['8d'],
  check(report) {
    return report.disciplines.flatMap((discipline) => {
      const others = otherDisciplinesTitled(discipline.number, discipline.label.title);
      if (others.length === 0) return [];
      const names = others.map((other) => `D${other.number}`).join(' or ');
      return [{
        message: `D${discipline.number} is titled "${discipline.label.title}", which is the title of ${names}; it still counts as D${discipline.number}`,
        range: discipline.heading.range,
      }];
    });
  },
};
