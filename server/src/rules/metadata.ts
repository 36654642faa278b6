import type { Finding, Rule } from './rule';
import { parseReportDate } from '../model/dates';

export const metadata: Rule = {
  id: 'metadata',
  description: 'The report has a numbered title, a date and a status.',
  defaultSeverity: 'warning',
  kinds: ['8d'],
  check(report) {
    const findings: Finding[] = [];
    const titleRange = report.title?.range ?? report.lines.lineRange(0);
    if (!report.title) {
      findings.push({ message: 'Missing title: start the report with `# N: Title`', range: titleRange });
    } else if (!report.title.number) {
      findings.push({ message: 'The title has no report number: write it as `# N: Title`', range: titleRange });
    }
    if (!report.date) {
      findings.push({ message: 'Missing date: add `- **Date:** YYYY-MM-DD` under the title', range: titleRange });
    } else if (!parseReportDate(report.date.value)) {
      const shown = report.date.value || '(empty)';
      findings.push({ message: `The date "${shown}" is not a date: write it as YYYY-MM-DD`, range: report.date.value ? report.date.range : titleRange });
    }
    if (!report.status || report.status.value === '') {
      findings.push({ message: 'Missing status: add `- **Status:** Draft` under the title', range: report.status?.range ?? titleRange });
    }
    return findings;
  },
};
