/** SQL statements and database time spent by one request: for Server-Timing and statement budgets. */
export class QueryMetrics {
  statements = 0;
  dbTimeMs = 0;
  readonly sql: string[] = [];

  constructor(private readonly keepSql = false) {}

  record(text: unknown, ms: number) {
    this.statements += 1;
    this.dbTimeMs += ms;
    if (this.keepSql) this.sql.push(typeof text === 'string' ? text : String((text as { text?: string })?.text));
  }
}

/** The database could not answer in time, or at all: callers may retry, caches may serve stale copies. */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}

/** Time limit on every database call unless a source says otherwise (DB_TIMEOUT_MS). */
export const DEFAULT_DB_TIMEOUT_MS = 3_000;

// SQLSTATE classes that mean "the server is not there for us" rather than "this statement is wrong".
const UNAVAILABLE_SQLSTATE = /^(08|53|57P)/;

function isStatementError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !UNAVAILABLE_SQLSTATE.test(code);
}

interface Queryable {
  query: (...args: never[]) => unknown;
}

/**
 * Wraps a driver client (PGlite, node-postgres or Neon Pool) so that every statement it sends is
 * counted and timed for the request that owns `metrics`, and given up on after `timeoutMs`.
 * Failures to reach the database become DatabaseUnavailableError; errors of the statement itself
 * pass through unchanged.
 */
export function instrument<C extends Queryable>(
  client: C,
  metrics: QueryMetrics,
  timeoutMs = DEFAULT_DB_TIMEOUT_MS,
): C {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== 'query' || typeof value !== 'function') {
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return async (...args: unknown[]) => {
        const started = performance.now();
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new DatabaseUnavailableError(`no answer from the database within ${timeoutMs} ms`)),
            timeoutMs,
          );
        });
        try {
          return await Promise.race([value.apply(target, args), timeout]);
        } catch (error) {
          if (error instanceof DatabaseUnavailableError || isStatementError(error)) throw error;
          throw new DatabaseUnavailableError('the database is unreachable', { cause: error });
        } finally {
          clearTimeout(timer);
          metrics.record(args[0], performance.now() - started);
        }
      };
    },
  });
}
