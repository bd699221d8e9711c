import { userError } from '../errors';

// The portal's audience and its newsroom live in China Standard Time (UTC+8, no daylight saving).
const CST_OFFSET_MINUTES = 8 * 60;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** ISO 8601 in Beijing time: `2024-03-15T19:05:37+08:00`. */
export function formatBeijingTime(date: Date): string {
  const shifted = new Date(date.getTime() + CST_OFFSET_MINUTES * 60_000);
  const ms = shifted.getUTCMilliseconds();
  return (
    `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}` +
    `T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}` +
    `${ms ? `.${pad(ms, 3)}` : ''}+08:00`
  );
}

// Postgres reads years 1 to 9999 as Drizzle writes them (`toISOString`); outside, "+010000-…".
const EARLIEST = Date.parse('0001-01-01T00:00:00.000Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Accepts a full ISO 8601 date-time with an offset, or a bare date meaning midnight in Beijing.
 * A date-time without an offset is refused: guessing the zone would shift results by hours.
 */
export function parseDateTimeInput(value: unknown): Date {
  if (typeof value !== 'string') {
    throw userError('DateTime must be an ISO 8601 string such as "2024-03-15T19:05:37+08:00" or "2024-03-15".');
  }
  const dateOnly = DATE_ONLY.exec(value);
  const parsed = dateOnly ? new Date(`${value}T00:00:00+08:00`) : DATE_TIME.test(value) ? new Date(value) : null;
  if (!parsed || Number.isNaN(parsed.getTime()) || (dateOnly && formatBeijingTime(parsed).slice(0, 10) !== value)) {
    throw userError(
      `"${value.slice(0, 64)}" is not a valid DateTime: use ISO 8601 with an offset ("2024-03-15T19:05:37+08:00") or a date ("2024-03-15").`,
    );
  }
  if (parsed.getTime() < EARLIEST || parsed.getTime() > LATEST) {
    throw userError(`"${value.slice(0, 64)}" is outside the years a DateTime can hold (0001 to 9999 in UTC).`);
  }
  return parsed;
}
