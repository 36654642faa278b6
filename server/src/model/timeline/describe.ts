import type { TimelineEntry } from './timeline';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** An entry's time as the user wrote it, in 24-hour form: `14:07`, `2025-04-09 00:00 UTC`, `01-16 05:44`, `2021-12-10`, `T+30m`. */
export function describeTime(entry: TimelineEntry): string {
  if (entry.precision === 'offset') return offsetText(entry.offsetMinutes ?? 0);
  const { hour, minute, second } = entry.time;
  const clock = `${pad(hour)}:${pad(minute)}${second ? `:${pad(second)}` : ''}`;
  // A year the entry did not write is not shown: it was inferred.
  const day = entry.date && `${entry.explicitYear ? `${entry.date.year}-` : ''}${pad(entry.date.month)}-${pad(entry.date.day)}`;
  if (entry.precision === 'day' && day) return day;
  const date = entry.explicitDate && day ? `${day} ` : '';
  return `${date}${clock}${entry.explicitZone && entry.zone ? ` ${entry.zone.text}` : ''}`;
}

/** `T+1h 02m` relative to a reference instant (negative before it). */
export function relativeTime(instant: number, reference: number): string {
  return offsetText(Math.round((instant - reference) / 60000));
}

function offsetText(totalMinutes: number): string {
  const sign = totalMinutes < 0 ? '-' : '+';
  const minutes = Math.abs(totalMinutes);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `T${sign}${days}d ${hours}h ${pad(rest)}m`;
  if (hours > 0) return `T${sign}${hours}h ${pad(rest)}m`;
  return `T${sign}${rest}m`;
}
