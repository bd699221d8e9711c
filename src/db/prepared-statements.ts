import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/** Named statements kept per connection; past this the least recently used one is deallocated. */
export const PREPARED_PER_CONNECTION = 100;

interface PgConnectionInternals {
  connection?: { parsedStatements?: Record<string, string> };
  query(text: string): Promise<unknown>;
}

const READ = /^\s*(select|with)\b/i;

const names = new LRUCache<string, string>({ max: 2_000 });

/** A statement's name: its text's hash, so the same text is the same statement on every connection. */
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `s${createHash('sha1').update(text).digest('base64url').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

const perConnection = new WeakMap<object, LRUCache<string, true>>();

/**
 * Gives a node-postgres query a statement name, as PostGraphile does: Postgres parses and plans a
 * named statement once per connection and then only binds and executes it, which for the lateral
 * joins of a relational query saves most of the server's time. Each connection keeps at most
 * PREPARED_PER_CONNECTION of them: an evicted one is deallocated, on the server and in pg's own
 * bookkeeping, so documents no one sends twice cannot grow a connection without bound.
 */
export function withStatementName<Q extends { text: string; name?: string }>(client: object, query: Q): Q {
  // Reads only: they are what repeats; DDL and scripts may hold several statements, which a named
  // (extended-protocol) statement cannot.
  if (query.name || !READ.test(query.text)) return query;
  const name = nameOf(query.text);
  let prepared = perConnection.get(client);
  if (!prepared) {
    const internals = client as PgConnectionInternals;
    prepared = new LRUCache<string, true>({
      max: PREPARED_PER_CONNECTION,
      dispose: (_value, evicted) => {
        delete internals.connection?.parsedStatements?.[evicted];
        // Queued on the connection before the statement that evicted it; nothing waits for it.
        // Quoted: the names are mixed-case base64url, which Postgres would fold or fail to parse.
        internals.query(`DEALLOCATE "${evicted}"`).catch(() => {});
      },
    });
    perConnection.set(client, prepared);
  }
  prepared.set(name, true);
  return { ...query, name };
}
