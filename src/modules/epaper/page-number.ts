import { userError } from '../../shared/errors';

// Section letters (A, B, T for 特刊) and the page within the section, as the paper prints it.
const PAGE_NUMBER = /^([A-Za-z]{0,2})0*(\d{1,3})$/;

/**
 * A page number as printed and stored: section letters upper-cased, the number at least two
 * digits (`a1` and `A001` are A01, `1` is 01); null when it cannot be a page number.
 */
export function parsePageNumber(input: string): string | null {
  const match = PAGE_NUMBER.exec(input.trim());
  if (!match) return null;
  const [, section = '', digits = ''] = match;
  if (Number(digits) === 0) return null;
  return `${section.toUpperCase()}${digits.padStart(2, '0')}`;
}

interface IssueOutline {
  date: string;
  pageCount: number;
  newspaper: { name: string };
  firstPage?: { number: string } | null;
  lastPage?: { number: string } | null;
}

/** The error for a page number an issue does not have (or cannot have), naming its pages. */
export function missingPage(input: string | null | undefined, issue: IssueOutline) {
  const number = input == null ? null : parsePageNumber(input);
  if (input != null && number === null) {
    return userError(
      `"${input.slice(0, 16).toWellFormed()}" is not a page number: send it as printed, e.g. "A01", "B03" or "01".`,
    );
  }
  const range = `its ${issue.pageCount} pages run from ${issue.firstPage?.number} to ${issue.lastPage?.number}`;
  return userError(`${issue.newspaper.name} of ${issue.date} has no page ${number ?? 'at all'}: ${range}.`);
}
