import type { Finding, Rule } from './rule';
import type { DisciplineSection } from '../model/report';

export const duplicateSection: Rule = {
  id: 'duplicate-section',
  description: 'Each discipline has one section, not two.',
  defaultSeverity: 'error',
  kinds: ['8d'],
  check(report) {
    const first = new Map<number, DisciplineSection>();
    const findings: Finding[] = [];
    for (const discipline of report.disciplines) {
      const original = first.get(discipline.number);
      if (!original) {
        first.set(discipline.number, discipline);
        continue;
      }
      findings.push({
        message: `Duplicate section D${discipline.number}: it is already on line ${original.heading.line + 1}`,
        range: discipline.heading.range,
        related: [{ range: original.heading.range, message: `First D${discipline.number} section` }],
      });
    }
    return findings;
  },
};
