/**
 * Month names and calendar dates: the one place that says which words are months and which dates exist. The
 * report's date field, the metadata rule and the timeline's date readers all ask here.
 */
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/**
 * The month (1–12) a word names: its full name, its three-letter abbreviation, or `Sept`; any case, with or without
 * a closing dot. Undefined otherwise: a shorter or longer prefix ("J", "Ma", "Janu") names no month.
 */
export function monthNumber(word: string): number | undefined {
  const lower = (word.endsWith('.') ? word.slice(0, -1) : word).toLowerCase();
  if (lower === 'sept') return 9;
  const index = MONTH_NAMES.findIndex((name) => name === lower || (lower.length === 3 && name.startsWith(lower)));
  return index < 0 ? undefined : index + 1;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether the day exists on the calendar of that year. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function calendarDate(year: number, month: number | undefined, day: number): CalendarDate | undefined {
  return month !== undefined && isCalendarDay(year, month, day) ? { year, month, day } : undefined;
}

const ISO_DAY = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const NAMED_MONTH_FIRST = /^([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;
const NAMED_DAY_FIRST = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+\.?),?\s+(\d{4})$/;

/**
 * A report date: ISO `2025-06-23` (optionally with a time, as front matter often has), `2025/06/23`,
 * `June 23, 2025` or `23 June 2025`. Undefined when the text is not a real calendar date.
 */
export function parseReportDate(text: string): CalendarDate | undefined {
  const value = text.trim();
  let match = ISO_DAY.exec(value);
  if (match) return calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = NAMED_MONTH_FIRST.exec(value);
  if (match) return calendarDate(Number(match[3]), monthNumber(match[1]), Number(match[2]));
  match = NAMED_DAY_FIRST.exec(value);
  if (match) return calendarDate(Number(match[3]), monthNumber(match[2]), Number(match[1]));
  return undefined;
}

const NAMED_MONTH_OF_YEAR = /^([A-Za-z]{3,9}\.?),?[ \t]{1,3}\d{4}$/;
const NUMERIC_MONTH_OF_YEAR = /^(?:\d{4}[-/.]\d{1,2}|\d{1,2}[-/.]\d{4})$/;

/** A month without a day: `March 2024`, `Sept. 2024`, `2024-03`, `03/2024`. */
export function isMonthOfYear(text: string): boolean {
  const named = NAMED_MONTH_OF_YEAR.exec(text);
  return named ? monthNumber(named[1]) !== undefined : NUMERIC_MONTH_OF_YEAR.test(text);
}

/** Today on the local calendar: the day a reader means by "overdue". Rules get it through their context, so tests can fix it. */
export function localToday(now: Date = new Date()): CalendarDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** A date as ISO `YYYY-MM-DD`, the form cache keys and messages use. */
export function isoDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}
