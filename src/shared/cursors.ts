import { userError } from './errors';

/** The parts of a cursor a connection issues, in order: a moment (ms) or a row id. */
export type CursorPart = 'date' | 'int';

const MAX_INT = 2_147_483_647;
/** 9999-12-31T23:59:59.999Z: later moments have no ISO form Postgres reads. */
const MAX_DATE_MS = 253_402_300_799_999;
const PATTERNS: Record<CursorPart, RegExp> = { date: /^D:(0|[1-9]\d{0,15})$/, int: /^N:([1-9]\d{0,9})$/ };

const refuse = () =>
  userError(
    'The cursor is not valid: pass an `after` or `before` value taken from `pageInfo` or `edges.cursor` of this connection.',
  );

/**
 * The values of a cursor of plugin-drizzle's shape (base64 of `DC:T:["D:…","N:…"]`): a moment as
 * ms since the epoch, an id as a number, checked against the parts its connection orders by before
 * any of it reaches SQL: a cursor with a part of the wrong kind, out of range, missing or extra is
 * bad input, not an internal error.
 */
export function cursorValues(cursor: string, parts: readonly CursorPart[]): number[] {
  let decoded: string;
  try {
    decoded = atob(cursor);
  } catch {
    throw refuse();
  }
  if (!decoded.startsWith('DC:T:')) throw refuse();
  let values: unknown;
  try {
    values = JSON.parse(decoded.slice(5));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(values) || values.length !== parts.length) throw refuse();
  return parts.map((part, index) => {
    const value = values[index];
    const match = typeof value === 'string' ? PATTERNS[part].exec(value) : null;
    const number = Number(match?.[1]);
    if (!match || number > (part === 'date' ? MAX_DATE_MS : MAX_INT)) throw refuse();
    return number;
  });
}

/** Checks a cursor (see cursorValues); none is fine. */
export function checkCursor(cursor: string | null | undefined, parts: readonly CursorPart[]): void {
  if (cursor != null) cursorValues(cursor, parts);
}
