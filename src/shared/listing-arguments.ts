import { type CursorPart, checkCursor } from './cursors';
import { userError } from './errors';

/** The largest page a connection of the gateway serves. */
export const MAX_PAGE_SIZE = 100;
/** A connection's page when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 20;

/** What a paged, time-filtered listing (the article feed, search) is asked. */
export interface ListingArguments {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  publishedAfter?: Date | null;
  publishedBefore?: Date | null;
}

function checkPageSize(name: 'first' | 'last', value: number | null | undefined) {
  if (value != null && (value < 1 || value > MAX_PAGE_SIZE)) {
    throw userError(
      `\`${name}\` must be between 1 and ${MAX_PAGE_SIZE}; got ${value}. Page on with \`after\`.`,
      'BAD_USER_INPUT',
      { argument: name },
    );
  }
}

/**
 * Checks a listing's paging and date range before any SQL: page sizes 1 to MAX_PAGE_SIZE and not
 * both, cursors of the shape the listing issues (`cursor`: its order's parts), a range that is not
 * empty. Each refusal says what to send instead.
 */
export function checkListingArguments(args: ListingArguments, cursor: readonly CursorPart[]): void {
  checkPageSize('first', args.first);
  checkPageSize('last', args.last);
  checkCursor(args.after, cursor);
  checkCursor(args.before, cursor);
  if (args.first != null && args.last != null) throw userError('Pass either `first` or `last`, not both.');
  const { publishedAfter: after, publishedBefore: before } = args;
  if (after && before && after >= before) {
    throw userError('`publishedAfter` must be earlier than `publishedBefore`: that range is empty.');
  }
}
