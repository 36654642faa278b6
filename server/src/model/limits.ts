/**
 * How large a document may be to be parsed. remark takes about 0.1–0.2 ms a line, so a pasted log of 100,000
 * short lines (a megabyte) would take over ten seconds on every check: past either limit a report is not parsed.
 */
export interface DocumentLimits {
  /** Characters (`incidentDocs.maxDocumentSize`). */
  maxDocumentSize: number;
  /** Lines (`incidentDocs.maxDocumentLines`). */
  maxDocumentLines: number;
}

/** The limits when no setting says otherwise: far above any report written by hand. */
export const DEFAULT_LIMITS: DocumentLimits = { maxDocumentSize: 5_000_000, maxDocumentLines: 20_000 };

/** What puts a document over its limits, if anything: its characters, or its lines (each \n, \r\n or lone \r ends one). */
export function overLimits(text: string, limits: DocumentLimits): { measure: 'characters' | 'lines'; count: number } | undefined {
  if (text.length > limits.maxDocumentSize) return { measure: 'characters', count: text.length };
  // Fewer characters than the line limit: fewer lines too (no count needed, as for most reports).
  if (text.length < limits.maxDocumentLines) return undefined;
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  if (text.includes('\r')) lines += text.match(/\r(?!\n)/g)?.length ?? 0;
  return lines > limits.maxDocumentLines ? { measure: 'lines', count: lines } : undefined;
}
