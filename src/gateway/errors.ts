import { PothosError, PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { DatabaseUnavailableError } from '../db/errors';

const INTERNAL = 'Unexpected error.';

/** Seconds a client should wait before retrying when there is neither database nor cached copy. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Decides what a caller may see of an error. Errors raised on purpose (our GraphQLErrors with a
 * code, GraphQL's own validation) pass through; Pothos's input validation (a cursor it cannot
 * read) becomes BAD_USER_INPUT; an unreachable database becomes a retryable 503; everything else
 * is reduced to a bare message, so no SQL, stack or host name ever leaves.
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
      extensions: {
        code: 'SERVICE_UNAVAILABLE',
        http: { status: 503, headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } },
      },
    });
  }
  // The located error carries the original's message and extensions; returning it unchanged also
  // tells Yoga not to log a caller's mistake as a server error.
  if (wrapped && original instanceof GraphQLError && !(original instanceof PothosError)) return wrapped;
  // Yoga logs the original of anything masked here, for the operator's eyes only.
  return new GraphQLError(INTERNAL, { ...location, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

/** Drizzle wraps driver errors (DrizzleQueryError), so the reason may sit a few `cause`s down. */
export function causedBy(error: unknown, type: new (...args: never[]) => Error): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof type) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

const INTROSPECTION_CLOSED = /introspection has been disabled/;

/** The code of an error GraphQL itself raised (syntax, validation, variables), which carries none. */
function codeFor(error: GraphQLError): string {
  if (error.message.startsWith('Syntax Error')) return 'GRAPHQL_PARSE_FAILED';
  if (error.message.startsWith('Variable "$')) return 'BAD_USER_INPUT';
  if (INTROSPECTION_CLOSED.test(error.message)) return 'INTROSPECTION_DISABLED';
  return 'GRAPHQL_VALIDATION_FAILED';
}

/** Every error a client receives carries `extensions.code`, GraphQL's own included. */
export function useErrorCodes(): Plugin {
  // Yoga codes every validation error GRAPHQL_VALIDATION_FAILED; a closed introspection deserves its own.
  const needsCode = (error: GraphQLError) =>
    !error.extensions?.code ||
    (error.extensions.code === 'GRAPHQL_VALIDATION_FAILED' && INTROSPECTION_CLOSED.test(error.message));
  return {
    onResultProcess({ result, setResult }) {
      const single = result as { errors?: readonly GraphQLError[] };
      if (Array.isArray(result) || !single.errors?.some((error) => error instanceof GraphQLError && needsCode(error))) {
        return;
      }
      setResult({
        ...single,
        errors: single.errors.map((error) =>
          !(error instanceof GraphQLError) || !needsCode(error)
            ? error
            : new GraphQLError(error.message, {
                nodes: error.nodes,
                source: error.source,
                positions: error.positions,
                path: error.path,
                originalError: error.originalError,
                extensions: { ...error.extensions, code: codeFor(error) },
              }),
        ),
      } as never);
    },
  };
}
