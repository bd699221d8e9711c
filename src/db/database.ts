import type { PgAsyncDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Relations } from '../modules';
import type { DatabaseHealth } from './health';
import type { StatementMeter } from './meter';

/** A Drizzle client over any of our drivers, with the relations of every domain. */
export type Database = PgAsyncDatabase<PgQueryResultHKT, Relations>;

/** What one request uses of a source. */
export interface DatabaseSession {
  /** Reads (one statement each): the source's shared client. */
  db: Database;
  /** Interactive transactions. On the Worker this opens a WebSocket for this request alone. */
  writer(): Database;
  /** Closes what the request opened, once its response is sent. */
  end?(): Promise<void>;
}

/**
 * Where the database is: embedded PGlite, node-postgres or Neon's serverless driver. The driver
 * (pool, HTTP client) lives as long as the source; a request gets a Drizzle client of its own over
 * it, made when the request first needs the database (never on a cache hit), whose statements its
 * meter counts. Building one costs about 2 µs; the alternative, one client finding the request's
 * meter through AsyncLocalStorage, costs Node 20 a quarter of its cache-hit throughput (its
 * promise hooks slow every promise of every request).
 */
export interface DatabaseSource {
  readonly kind: 'pglite' | 'postgres' | 'neon';
  /** Whether the database answered lately (a circuit breaker shared by every request). */
  readonly health: DatabaseHealth;
  session(meter: StatementMeter): DatabaseSession;
  /** The same client for migrations, seeds and scripts. */
  readonly admin: Database;
  close(): Promise<void>;
}
