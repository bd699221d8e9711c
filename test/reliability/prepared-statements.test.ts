// node-postgres's named (prepared) statements over many distinct reads, on a real Postgres: each
// connection keeps at most 100 and deallocates the least recently used (src/db/prepared-statements.ts).
// A gateway that has served more distinct reads than that must keep answering all of them. Found by
// the fuzz (fuzz.test.ts) on Postgres.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/cache/memory-store';
import type { DatabaseSource } from '../../src/db/database';
import { createNodePostgresSource } from '../../src/db/node-postgres';
import { PREPARED_PER_CONNECTION } from '../../src/db/prepared-statements';
import { createGateway, type Gateway } from '../../src/gateway/gateway';
import { relations } from '../../src/modules';
import { faultsDatabase, prepareFaultsDatabase, quietDatabaseFailures } from '../support/fault-rig';

const database = await faultsDatabase();
if ('skip' in database) console.warn(`[reliability] prepared statements skipped: ${database.skip}`);

const FIELDS = ['title', 'kicker', 'summary', 'source', 'editor', 'path', 'publishedAt', 'subtitles', 'kind'];

/** The n-th of 511 article pages asking for a different set of fields: each its own SQL text. */
function document(n: number): string {
  const fields = FIELDS.filter((_, bit) => (n + 1) & (1 << bit));
  return `query ($p: String!) { articleByPath(path: $p) { ${fields.join(' ')} } }`;
}

describe.skipIf('skip' in database)('named statements on one connection (real Postgres)', () => {
  let source: DatabaseSource;
  let gateway: Gateway;
  let loud: () => void;
  beforeAll(async () => {
    if (!('url' in database)) return;
    if (!database.prepared) await prepareFaultsDatabase(database.url);
    // One connection, so every statement lands on it.
    source = createNodePostgresSource({ connectionString: database.url, relations, max: 1 });
    gateway = createGateway({
      source,
      store: new MemoryStore(0),
      limits: { anonymousCostPerMinute: Number.MAX_SAFE_INTEGER },
    });
    loud = quietDatabaseFailures();
  }, 120_000);
  afterAll(async () => {
    loud?.();
    await source?.close();
  });

  async function read(n: number) {
    const response = await gateway.fetch(
      new Request('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-preview': '1' },
        body: JSON.stringify({ query: document(n), variables: { p: '/yaowen/shandong/20240315/sdwchy.html' } }),
      }),
    );
    return (await response.json()) as { data?: { articleByPath: unknown }; errors?: unknown[] };
  }

  // An evicted statement is deallocated by its quoted name (mixed-case base64url): unquoted, Postgres
  // folded or refused it, the statement stayed on the server while pg forgot it, and reading that
  // text again failed with `prepared statement "s…" already exists` until the connection was replaced.
  it(`answers reads evicted from a connection's ${PREPARED_PER_CONNECTION} named statements`, async () => {
    const distinct = PREPARED_PER_CONNECTION + 20;
    for (let n = 0; n < distinct; n++) expect((await read(n)).errors, `read ${n}`).toBeUndefined();
    // The first 20 were evicted (deallocated) to make room: read again, they are prepared again.
    const again = await Promise.all(Array.from({ length: 20 }, (_, n) => read(n)));
    expect(again.filter((answer) => answer.errors).length, 'reads that failed').toBe(0);
  });
});
