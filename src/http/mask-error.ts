import { PothosError, PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { DatabaseUnavailableError } from '../db/metrics';

const INTERNAL = 'Unexpected error.';

/**
 * Decides what a caller may see of an error. Errors raised on purpose (our GraphQLErrors with a
 * code, GraphQL's own validation) pass through; Pothos's input validation (a cursor it cannot
 * read) becomes BAD_USER_INPUT; everything else is reduced to a bare message, so no SQL, stack
 * or host name ever leaves.
 */
export function maskError(error: unknown, _message: string): Error {
  const wrapped = error instanceof GraphQLError ? error : null;
  const original = wrapped ? (wrapped.originalError ?? wrapped) : error;
  const location = { nodes: wrapped?.nodes, path: wrapped?.path };

  // Pothos's errors are GraphQLErrors too, so they are sorted out before the pass-through below.
  if (original instanceof PothosValidationError) {
    const message = /cursor|serialized/i.test(original.message)
      ? 'The cursor is not valid: pass an `after` or `before` value taken from `pageInfo` or `edges.cursor` of this connection.'
      : original.message;
    return new GraphQLError(message, { ...location, extensions: { code: 'BAD_USER_INPUT' } });
  }
  if (causedBy(original, DatabaseUnavailableError)) {
    return new GraphQLError('The news database is temporarily unavailable; retry in a few seconds.', {
      ...location,
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
  }
  // The located error carries the original's message and extensions; returning it unchanged also
  // tells Yoga not to log a caller's mistake as a server error.
  if (wrapped && original instanceof GraphQLError && !(original instanceof PothosError)) return wrapped;
  // Yoga logs the original of anything masked here, for the operator's eyes only.
  return new GraphQLError(INTERNAL, { ...location, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

/** Drizzle wraps driver errors (DrizzleQueryError), so the reason may sit a few `cause`s down. */
function causedBy(error: unknown, type: new (...args: never[]) => Error): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof type) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
