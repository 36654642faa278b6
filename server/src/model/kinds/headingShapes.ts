/**
 * Shapes that stand for headings without Markdown's `#`: HTML headings, and labels that hold a section on one line
 * (`- Impact: …` in the SRE book's summary data, `**Root cause:** …`). Pure readers over texts and mdast nodes.
 */
import type { Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { postmortemSectionOf } from './postmortem';

/** A list is summary data when at least this many of its items are labelled with section names. */
export const SECTION_FIELDS_PER_LIST = 2;

/** Longest label read as a section name (`Root Causes and Contributing Factors:` fits). */
const MAX_LABEL_LENGTH = 48;

// `<h2>` or `<h2 align="center">` at the start of the block's first line, closed on that line.
const HTML_HEADING = /^ {0,3}<h([1-6])(?:\s[^>\n]{0,200})?>([^\n]*?)<\/h\1\s*>/i;
const TAG = /<[^<>\n]{0,200}>/g;
const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'", '&nbsp;': ' ' };

/** The heading an HTML block starts with (`<h1 align="center">Nginx outage</h1>`): its level, text and length. */
export function readHtmlHeading(html: string): { depth: number; text: string; length: number } | undefined {
  const match = HTML_HEADING.exec(html.length > 2000 ? html.slice(0, 2000) : html);
  if (!match) return undefined;
  const text = match[2].replace(TAG, '').replace(/&(?:amp|lt|gt|quot|#39|apos|nbsp);/g, (entity) => ENTITIES[entity] ?? entity).replace(/\s+/g, ' ').trim();
  return text ? { depth: Number(match[1]), text, length: match[0].length } : undefined;
}

/** Whether a line of source starts an HTML heading (the index scanner's test for handing a file to the full parser). */
export function startsHtmlHeading(line: string): boolean {
  return HTML_HEADING.test(line);
}

const PLAIN_LABEL = /^([A-Za-z][A-Za-z '\u2019&/-]{0,47}?)[ \t]*:(?=[ \t]*\S)/;

export interface SectionField {
  /** The label, without its colon. */
  text: string;
  start: number;
  end: number;
}

/**
 * The sections a paragraph's labels name, with each label's place in `source`: bold labels at the start of a line
 * (`**Impact:** …`, `**What happened?**: …`) followed by more text, and (unless `boldOnly`) a plain `Impact: …`
 * opening the paragraph.
 */
export function readSectionFields(source: string, paragraph: Paragraph, boldOnly: boolean): SectionField[] {
  const paragraphEnd = paragraph.position?.end.offset;
  if (paragraphEnd === undefined) return [];
  const fields: SectionField[] = [];
  let lineStart = true;
  paragraph.children.forEach((child, i) => {
    const start = child.position?.start.offset;
    const end = child.position?.end.offset;
    const atLineStart = lineStart;
    lineStart = child.type === 'break' || (child.type === 'text' && /\n[ \t]*$/.test(child.value));
    if (start === undefined || end === undefined || !atLineStart) return;
    if (child.type === 'strong') {
      const label = toString(child).trim();
      const colonInside = label.endsWith(':');
      if (!colonInside && source.charCodeAt(end) !== 0x3a) return;
      const text = label.replace(/:$/, '').trim();
      // Something must follow the label, or it is a heading-like line of its own (a pseudo-heading).
      const rest = /[^:\s]/.test(source.slice(end, Math.min(paragraphEnd, end + 200)));
      if (rest && text.length <= MAX_LABEL_LENGTH && postmortemSectionOf(text)) fields.push({ text, start, end });
    } else if (!boldOnly && i === 0 && child.type === 'text') {
      const match = PLAIN_LABEL.exec(child.value);
      if (match && postmortemSectionOf(match[1])) fields.push({ text: match[1].trim(), start, end: start + match[1].length });
    }
  });
  return fields;
}

/** Whether a source line starts with a label naming a section (`- Impact: …`, `**Timeline:**`): the scanner's hint. */
export function startsSectionLabel(line: string): boolean {
  // A label ends at its colon, or is a bold line of its own (`**Timeline**`).
  const label = /^[ \t]{0,3}(?:[-*+][ \t]+)?(?:\*\*|__)?([A-Za-z][A-Za-z '\u2019&/?-]{0,47}?)[ \t]*(?::|(?:\*\*|__)[ \t]*(?::|$))/.exec(line);
  return label !== null && postmortemSectionOf(label[1]) !== undefined;
}
