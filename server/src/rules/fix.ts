import type { Range } from '../model/position';

/** A fix as data (as markdownlint's fixInfo): what the quick-fix is called and the text edits it makes. */
export interface TextFix {
  title: string;
  /** Edits to the checked document, or to another one when `uri` is given (a backlink goes into the other report). */
  edits: { uri?: string; range: Range; newText: string }[];
}

/** Finding data for rules whose quick-fix is a plain text edit. */
export interface FixData {
  fix: TextFix;
}

export function isFixData(value: unknown): value is FixData {
  if (typeof value !== 'object' || value === null) return false;
  const fix = (value as Partial<FixData>).fix;
  return typeof fix?.title === 'string' && Array.isArray(fix.edits)
    && fix.edits.every((edit) => typeof edit?.newText === 'string' && typeof edit.range?.start?.line === 'number');
}
