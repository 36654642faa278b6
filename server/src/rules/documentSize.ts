import type { Rule } from './rule';

/**
 * Reports over `incidentDocs.maxDocumentSize` are not parsed on every pause (that could take seconds):
 * the language service checks them with this rule alone, so the user knows why nothing else is reported.
 */
export const documentSize: Rule = {
  id: 'document-size',
  description: 'Reports larger than incidentDocs.maxDocumentSize are not checked; this says so.',
  defaultSeverity: 'information',
  kinds: ['8d', 'postmortem'],
  check(report, { settings }) {
    if (report.text.length <= settings.maxDocumentSize) return [];
    const size = (report.text.length / 1_000_000).toFixed(1);
    return [{
      message: `This report is ${size} million characters long, over the ${(settings.maxDocumentSize / 1_000_000).toFixed(1)} million of incidentDocs.maxDocumentSize: it is not checked`,
      range: report.lines.lineRange(0),
    }];
  },
};
