import { formatBeijingTime } from '../../shared/scalars/date-time';

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar day in Beijing (UTC+8, no daylight saving) of a moment: `2026-11-28`. */
export function beijingDate(moment: Date): string {
  return formatBeijingTime(moment).slice(0, 10);
}

/** `[00:00, 24:00)` of a Beijing calendar day, or null when `date` is not a real `YYYY-MM-DD` day. */
export function beijingDayRange(date: string): { start: Date; end: Date } | null {
  if (!DATE.test(date)) return null;
  const start = new Date(`${date}T00:00:00+08:00`);
  if (Number.isNaN(start.getTime()) || beijingDate(start) !== date) return null;
  return { start, end: new Date(start.getTime() + DAY_MS) };
}

/** Whole days from one Beijing day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The Beijing day `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
