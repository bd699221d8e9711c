import { userError } from '../../shared/errors';
import { addDays, beijingDate, beijingDayRange, daysBetween } from './beijing-day';

/** How far from today (Beijing) a schedule may be asked for. */
export const SCHEDULE_DAYS_BACK = 30;
export const SCHEDULE_DAYS_AHEAD = 14;
const MAX_CODE_LENGTH = 128;

/** Text that may reach SQL: bounded, well-formed UTF-16, no NUL or other control characters. */
export function checkText(value: string, what: string, maxLength: number): string {
  if (value.length > maxLength) throw userError(`${what} is too long: at most ${maxLength} characters.`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (!value.isWellFormed() || /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(value)) {
    throw userError(`${what} contains characters that cannot be stored: send plain Unicode text.`);
  }
  return value;
}

/** A channel code (its XMLTV id, e.g. `lctv1.lcxw.cn`) as a partner sends it. */
export function parseChannelCode(code: string): string {
  const trimmed = checkText(code, '`code`', MAX_CODE_LENGTH).trim();
  if (!trimmed)
    throw userError('`code` is empty: pass a channel code such as "lctv1.lcxw.cn" (`code` of a StreamChannel).');
  return trimmed;
}

/** The Beijing day a schedule asks for: `YYYY-MM-DD` within the allowed span around today. */
export function scheduleDay(date: string | null | undefined, now: Date): { start: Date; end: Date } {
  const today = beijingDate(now);
  const day = date ?? today;
  const range = beijingDayRange(day);
  if (!range) {
    throw userError(
      `"${day.slice(0, 32).toWellFormed()}" is not a date: use YYYY-MM-DD, e.g. "${today}" (a day in Beijing time).`,
    );
  }
  const offset = daysBetween(today, day);
  if (offset < -SCHEDULE_DAYS_BACK || offset > SCHEDULE_DAYS_AHEAD) {
    throw userError(
      `${day} is too far from today (${today}): ask for a day from ${addDays(today, -SCHEDULE_DAYS_BACK)} to ${addDays(today, SCHEDULE_DAYS_AHEAD)}.`,
    );
  }
  return range;
}
