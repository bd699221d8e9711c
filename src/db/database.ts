import type { PgAsyncDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Relations } from '../modules';

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

/** Where the database is: embedded PGlite, node-postgres or Neon's serverless driver. */
export interface DatabaseSource {
  readonly kind: 'pglite' | 'postgres' | 'neon';
  session(): DatabaseSession;
  /** The same client for migrations, seeds and scripts. */
  readonly admin: Database;
  close(): Promise<void>;
}
