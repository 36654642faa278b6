/** How a report is named in lists, links and indexes: `N: Title`, the way 8d-tools writes its links. */

export interface NumberAndTitle {
  number?: number;
  title?: string;
}

export interface LabelStyle {
  /** `0001: Title` rather than `1: Title`. */
  padded: boolean;
  /** Stands in for a missing title; nothing by default, as in a link's label. */
  untitled?: string;
}

/** Lists pad numbers so that they read (and sort) by number whatever the file's style, and name untitled reports. */
export const LIST_LABEL: LabelStyle = { padded: true, untitled: '(untitled)' };

/** `0001: Title` or `1: Title` in the style asked for; the title alone when the report has no number. */
export function reportLabel(report: NumberAndTitle, style: LabelStyle): string {
  const title = report.title ?? style.untitled ?? '';
  if (report.number === undefined) return title;
  return `${style.padded ? String(report.number).padStart(4, '0') : String(report.number)}: ${title}`;
}
