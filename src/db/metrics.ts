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

interface Queryable {
  query: (...args: never[]) => unknown;
}

/**
 * Wraps a driver client (PGlite, node-postgres or Neon Pool) so that every statement it sends is
 * counted and timed for the request that owns `metrics`. Everything else passes through untouched.
 */
export function instrument<C extends Queryable>(client: C, metrics: QueryMetrics): C {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== 'query' || typeof value !== 'function') {
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return async (...args: unknown[]) => {
        const started = performance.now();
        try {
          return await value.apply(target, args);
        } finally {
          metrics.record(args[0], performance.now() - started);
        }
      };
    },
  });
}
