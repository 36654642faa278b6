import type { Rule } from './rule';

export const blankTemplate: Rule = {
  id: 'blank-template',
  description: 'A blank template is recognised, and is not checked as a report.',
  defaultSeverity: 'information',
  whenOff: 'a blank template is still not checked',
  kinds: ['8d', 'postmortem'],
  checksBlankTemplates: true,
  check(report) {
    if (!report.blankTemplate) return [];
    const kind = report.kind === '8d' ? '8D report' : 'post-mortem';
    return [{
      message: `This is a blank ${kind} template (placeholders and prompts): it is not checked until it is filled in`,
      range: report.title?.range ?? report.lines.lineRange(0),
    }];
  },
};
