import { userError } from '../../shared/errors';

const pad = (n: number) => String(n).padStart(2, '0');

/** The dates of a calendar month: from its first day to the first day of the next, exclusive. */
export interface MonthRange {
  /** `2024-03` */
  month: string;
  from: string;
  until: string;
}

/** A month of the 按日期查阅 calendar; null when year or month cannot be one. */
export function monthRange(year: number, month: number): MonthRange | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || year < 1900 || year > 2999 || month < 1 || month > 12) {
    return null;
  }
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return {
    month: `${year}-${pad(month)}`,
    from: `${year}-${pad(month)}-01`,
    until: `${next.year}-${pad(next.month)}-01`,
  };
}

export function checkedMonthRange(year: number, month: number): MonthRange {
  const range = monthRange(year, month);
  if (!range) {
    throw userError(
      `There is no month ${month} of year ${year}: give \`year\` (1900 to 2999) and \`month\` (1 to 12), e.g. year: 2024, month: 3.`,
    );
  }
  return range;
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** `2024年3月16日 星期六`, as the masthead prints the date. */
export function dateLabel(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return `${year}年${month}月${day}日 ${weekday}`;
}
