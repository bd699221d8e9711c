/** The database could not answer in time, or at all: callers may retry, caches may serve stale copies. */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}

// SQLSTATE classes that mean "the server is not there for us" rather than "this statement is wrong":
// connection exceptions, insufficient resources, operator intervention (shutdown, cancel).
const UNAVAILABLE_SQLSTATE = /^(08|53|57P)/;

/** An error Postgres raised about the statement itself (a bug, a constraint): not worth a retry. */
export function isStatementError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !UNAVAILABLE_SQLSTATE.test(code);
}

/** Whatever a driver threw while reaching the database, as the error callers branch on. */
export function asDatabaseError(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError || isStatementError(error)) return error;
  return new DatabaseUnavailableError('the database is unreachable', { cause: error });
}
