import type { Rule } from './rule';
import { DEFAULT_LIMITS, overLimits } from '../model/limits';

/**
 * Reports over `incidentDocs.maxDocumentSize` or `incidentDocs.maxDocumentLines` are not parsed on every pause
 * (that could take seconds): the language service checks them with this rule alone, so the user knows why nothing
 * else is reported.
 */
export const documentSize: Rule = {
  id: 'document-size',
  description: 'Reports larger than incidentDocs.maxDocumentSize or longer than incidentDocs.maxDocumentLines are not checked; this says so.',
  defaultSeverity: 'information',
  options: {
    maxDocumentSize: {
      type: 'number',
      default: DEFAULT_LIMITS.maxDocumentSize,
      minimum: 1,
      markdownDescription: 'Reports longer than this many characters are not parsed and checked (one information diagnostic says so), so that a huge pasted log cannot slow the editor down.',
    },
    maxDocumentLines: {
      type: 'number',
      default: DEFAULT_LIMITS.maxDocumentLines,
      minimum: 1,
      markdownDescription: 'Reports of more lines than this are not parsed and checked (one information diagnostic says so): parsing takes time by the line, and a pasted log of 100,000 short lines would take seconds on every check.',
    },
  },
  kinds: ['8d', 'postmortem'],
  checksUnparsed: true,
  check(report, { settings }) {
    const over = overLimits(report.text, settings);
    if (!over) return [];
    const message =
      over.measure === 'characters'
        ? `This report is ${(over.count / 1_000_000).toFixed(1)} million characters long, over the ${(settings.maxDocumentSize / 1_000_000).toFixed(1)} million of incidentDocs.maxDocumentSize: it is not checked`
        : `This report has ${over.count.toLocaleString('en-US')} lines, over the ${settings.maxDocumentLines.toLocaleString('en-US')} of incidentDocs.maxDocumentLines: it is not checked`;
    return [{ message, range: report.lines.lineRange(0) }];
  },
};
