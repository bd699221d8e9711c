import { userError } from '../errors';
import { formatBeijingTime, parseDateTimeInput } from './date-time';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2024-03-15` names a day that exists (no 2024-02-30), within years a calendar of ours can show. */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (year < 1900 || year > 2999) return false;
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** The Beijing calendar date of a moment: `2024-03-15T20:00:00Z` is 2024-03-16 in Beijing. */
export function beijingDate(moment: Date): string {
  return formatBeijingTime(moment).slice(0, 10);
}

/**
 * A calendar date as `YYYY-MM-DD`, or a date-time with an offset, taken as the day it is in Beijing
 * (where the newsroom prints its dates).
 */
export function parseDateInput(value: unknown): string {
  if (typeof value === 'string' && isCalendarDate(value)) return value;
  const shown = typeof value === 'string' ? `"${value.slice(0, 40).toWellFormed()}"` : 'That value';
  if (typeof value === 'string' && value.length > 10 && value.length <= 40 && value.includes('T')) {
    try {
      return beijingDate(parseDateTimeInput(value));
    } catch {
      throw userError(`${shown} is not a valid Date: a date-time needs an offset, e.g. "2024-03-15T08:00:00+08:00".`);
    }
  }
  throw userError(`${shown} is not a valid Date: send a calendar date as YYYY-MM-DD, e.g. "2024-03-15".`);
}
