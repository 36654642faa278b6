import type { Rule } from './rule';
import type { FixData } from './fix';
import { linksOf } from '../model/reportLinks';

export const supersededStatus: Rule = {
  id: 'superseded-status',
  description: 'A report that another supersedes has the status Superseded.',
  defaultSeverity: 'hint',
  quickFix: '*Set status to Superseded*',
  kinds: ['8d', 'postmortem'],
  check(report, { uri, workspace }) {
    const status = report.status;
    // Only a `**Status:**` line can be fixed in place; front matter is left to the user.
    if (!status || status.range.start.line !== status.range.end.line || /^superseded$/i.test(status.value)) return [];
    const saysSupersededBy = linksOf(report).some((link) => link.relation === 'Superseded by');
    const supersededByOther = uri !== undefined && workspace !== undefined && workspace.linksTo(uri).some((back) => back.link.relation === 'Supersedes');
    if (!saysSupersededBy && !supersededByOther) return [];
    return [{
      message: `This report is superseded, but its status is "${status.value}"`,
      range: status.range,
      data: { fix: { title: 'Set status to Superseded', edits: [{ range: status.range, newText: 'Superseded' }] } } satisfies FixData,
    }];
  },
};
