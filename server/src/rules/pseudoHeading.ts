import type { Rule } from './rule';
import type { FixData } from './fix';

export const pseudoHeading: Rule = {
  id: 'pseudo-heading',
  description: 'A section name on a line of its own is a heading, not a paragraph.',
  defaultSeverity: 'hint',
  quickFix: '*Make this a heading*',
  kinds: ['postmortem'],
  check(report) {
    return report.pseudoHeadings.map((pseudo) => {
      const data: FixData = {
        fix: {
          title: 'Make this a heading',
          edits: [{ range: { start: pseudo.range.start, end: pseudo.range.start }, newText: `${'#'.repeat(pseudo.depth)} ` }],
        },
      };
      return { message: `"${pseudo.text}" stands where a heading should: make it a heading so editors and tools see the section`, range: pseudo.range, data };
    });
  },
};
