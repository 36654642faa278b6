import type { Finding, Rule } from './rule';
import { isMonthOfYear, parseReportDate } from '../model/dates';
import { findDate } from '../model/timeline/time';

export const metadata: Rule = {
  id: 'metadata',
  description: 'The report has a numbered title, a date and a status.',
  defaultSeverity: 'warning',
  kinds: ['8d'],
  check(report) {
    const findings: Finding[] = [];
    const titleRange = report.title?.range ?? report.lines.lineRange(0);
    // The number is the title's (`# N: Title`, 8d-tools' way) or a form's field (`8D Number`, `| Report ID | … |`).
    if (!report.title) {
      findings.push({ message: 'Missing title: start the report with `# N: Title`', range: titleRange });
    } else if (!report.title.number && report.number?.value === '') {
      findings.push({ message: 'The report number is empty: fill it in, or write the title as `# N: Title`', range: report.number.range });
    } else if (!report.title.number && !report.number) {
      findings.push({ message: 'The title has no report number: write it as `# N: Title`', range: titleRange });
    }
    if (!report.date) {
      findings.push({ message: 'Missing date: add `- **Date:** YYYY-MM-DD` under the title', range: titleRange });
    } else if (!readsAsDate(report.date.value)) {
      const shown = report.date.value || '(empty)';
      findings.push({ message: `The date "${shown}" is not a date: write it as YYYY-MM-DD`, range: report.date.value ? report.date.range : titleRange });
    }
    if (!report.status || report.status.value === '') {
      findings.push({ message: 'Missing status: add `- **Status:** Draft` under the title', range: report.status?.range ?? titleRange });
    }
    return findings;
  },
};

// Forms write dates in their region's way: `15.03.2024`, `03/15/2024`, `15/03/2024`.
const NUMERIC_DATE = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})$/;

/** Whether a date field holds a date in any common notation (ISO, named months, numeric day and month either way). */
function readsAsDate(value: string): boolean {
  const text = value.trim();
  // A month without a day (`March 2024`, `2024-03`) is a date too coarse to fault.
  if (parseReportDate(text) || isMonthOfYear(text)) return true;
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) {
    const [first, second] = [Number(numeric[1]), Number(numeric[2])];
    return first >= 1 && second >= 1 && ((first <= 31 && second <= 12) || (first <= 12 && second <= 31));
  }
  // A date with more around it (`5 March 2024 (week 10)`, `Mon, Mar 4, 2024`).
  return findDate(text)?.date.year !== undefined;
}
