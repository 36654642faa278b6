const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((month) => month.startsWith(lower.slice(0, 3)) && month.startsWith(lower.replace(/\.$/, '')));
  return index + 1;
}

function valid(year: number, month: number, day: number): CalendarDate | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth ? { year, month, day } : undefined;
}

/**
 * A report date: ISO `2025-06-23` (optionally with a time, as front matter often has), `2025/06/23`,
 * `June 23, 2025` or `23 June 2025`. Undefined when the text is not a real calendar date.
 */
export function parseReportDate(text: string): CalendarDate | undefined {
  const value = text.trim();
  let match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  if (match) return valid(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(value);
  if (match) return valid(Number(match[3]), monthNumber(match[1]), Number(match[2]));
  match = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+\.?),?\s+(\d{4})$/.exec(value);
  if (match) return valid(Number(match[3]), monthNumber(match[2]), Number(match[1]));
  return undefined;
}
