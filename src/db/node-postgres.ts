import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Relations } from '../modules';
import type { Database, DatabaseSource } from './database';
import { DatabaseHealth } from './health';
import type { StatementMeter } from './meter';
import { withStatementName } from './prepared-statements';
import { rememberRelationalSql } from './relational-sql';
import { DEFAULT_DB_TIMEOUT_MS, meteredClient, runStatement, type StatementPolicy, statementText } from './statement';

export interface NodePostgresOptions {
  connectionString: string;
  relations: Relations;
  max?: number;
  timeoutMs?: number;
  /** Named (prepared) statements, planned once per connection. Default on. */
  prepare?: boolean;
}

interface Destroyable {
  release(error?: Error | boolean): void;
  connection?: { stream?: { destroy(): void } };
}

/** Drops a connection stuck on a statement: its socket closed now, so the pool replaces it. */
function destroy(client: Destroyable) {
  client.connection?.stream?.destroy();
}

/**
 * A real Postgres over TCP (`DATABASE_URL`): the Node entry, tests, migrations and benchmarks.
 * One pool for the process. Every statement checks a connection out itself rather than through
 * `pool.query`, so it can name the statement for that connection and, on a time-out, destroy the
 * connection instead of leaving it busy in the pool.
 */
export function createNodePostgresSource(options: NodePostgresOptions): DatabaseSource {
  rememberRelationalSql();
  const timeoutMs = options.timeoutMs ?? DEFAULT_DB_TIMEOUT_MS;
  const policy: StatementPolicy = { timeoutMs, health: new DatabaseHealth() };
  const prepare = options.prepare ?? true;
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: timeoutMs,
    // The server gives up too, so a statement we stopped waiting for does not keep running.
    statement_timeout: timeoutMs,
    idle_in_transaction_session_timeout: 10 * timeoutMs,
    // A peer that vanished without closing (a network partition) is noticed by TCP keep-alive.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // A client losing its server must not crash the process: idle ones report through the pool,
  // checked-out ones emit 'error' on themselves (with no listener of pg's while checked out); the
  // statement running on it fails on its own, and the pool drops a client that is not queryable.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));

  function query(meter: StatementMeter | undefined, config: unknown, values?: unknown[]) {
    let client: (pg.PoolClient & Destroyable) | undefined;
    let released = false;
    const release = (error?: Error) => {
      if (client && !released) {
        released = true;
        client.release(error);
      }
    };
    return runStatement(
      meter,
      statementText(config),
      async () => {
        client = (await pool.connect()) as pg.PoolClient & Destroyable;
        try {
          const base = typeof config === 'string' ? { text: config } : (config as { text: string });
          const named = prepare ? withStatementName(client, base) : base;
          return await client.query(named as pg.QueryConfig, values);
        } finally {
          release();
        }
      },
      policy,
      () => {
        if (!client) return;
        destroy(client);
        release(new Error('statement timed out'));
      },
    );
  }

  // Transactions (editor writes) check out their own client: metered too, dropped if it hangs.
  async function connect(meter: StatementMeter | undefined) {
    const client = (await runStatement(meter, 'connect', () => pool.connect(), policy)) as pg.PoolClient & Destroyable;
    return meteredClient(client, meter, policy, () => destroy(client));
  }

  const clientFor = (meter: StatementMeter | undefined) =>
    new Proxy(pool, {
      get(target, property) {
        if (property === 'query') return (config: unknown, values?: unknown[]) => query(meter, config, values);
        if (property === 'connect') return () => connect(meter);
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  const connectTo = (meter: StatementMeter | undefined) =>
    drizzle({ client: clientFor(meter), relations: options.relations }) as unknown as Database;
  const admin = connectTo(undefined);

  return {
    kind: 'postgres',
    health: policy.health,
    admin,
    session(meter) {
      const db = connectTo(meter);
      return { db, writer: () => db };
    },
    close: () => pool.end(),
  };
}
