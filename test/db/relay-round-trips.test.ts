// What an uncached read costs the Worker in round trips: Neon's WebSocket Pool through
// scripts/ws-relay.ts, opened per request as src/db/neon.ts does, against the HTTP path through
// scripts/neon-http-standin.ts. Needs a real Postgres: TEST_DATABASE_URL, else 127.0.0.1:5432
// (database `test`); skipped when neither answers. Prints what it measures.
import { neon, neonConfig, Pool } from '@neondatabase/serverless';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import ws from 'ws';
import { type NeonHttpStandIn, startNeonHttpStandIn } from '../../scripts/neon-http-standin';
import { type Relay, type RelayConnectionStats, startRelay } from '../../scripts/ws-relay';

const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function probe(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return null;
  } catch (error) {
    return String(error);
  } finally {
    await client.end().catch(() => {});
  }
}
const unreachable = await probe(databaseUrl);
if (unreachable) console.warn(`[relay-round-trips] skipped: no Postgres at ${databaseUrl} (${unreachable})`);

// neonConfig is global: afterEach puts back everything these tests set.
const touched = [
  'fetchEndpoint',
  'webSocketConstructor',
  'wsProxy',
  'useSecureWebSocket',
  'pipelineConnect',
  'pipelineTLS',
] as const;
const saved = Object.fromEntries(touched.map((key) => [key, neonConfig[key]]));

const title = 'round trips of a read';

describe.skipIf(unreachable !== null)(unreachable ? `${title} (skipped: no Postgres)` : title, () => {
  let relay: Relay;
  let standIn: NeonHttpStandIn;

  beforeAll(async () => {
    relay = await startRelay(0);
    standIn = await startNeonHttpStandIn({});
  });
  afterAll(async () => {
    await relay?.close();
    await standIn?.close();
  });
  beforeEach(() => {
    neonConfig.webSocketConstructor = ws;
    neonConfig.wsProxy = (host, port) => `127.0.0.1:${relay.port}/v1?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineConnect = false;
    neonConfig.pipelineTLS = false;
    neonConfig.fetchEndpoint = standIn.url;
    relay.resetStats();
  });
  afterEach(() => {
    for (const key of touched) Object.assign(neonConfig, { [key]: saved[key] });
  });

  /** The relay sees the client's Terminate and the close a moment after pool.end() resolves. */
  async function settled(): Promise<RelayConnectionStats[]> {
    for (let i = 0; i < 100 && relay.stats().perConnection.some((c) => c.open); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return relay.stats().perConnection;
  }

  /** One Worker request: its own pool (max 1), the statements, then the pool closed. */
  async function request(statements: string[]) {
    const pool = new Pool({ connectionString: databaseUrl, max: 1 });
    pool.on('error', () => {});
    try {
      for (const statement of statements) await pool.query(statement);
    } finally {
      await pool.end();
    }
  }

  const summary = (c: RelayConnectionStats) =>
    `${c.roundTrips} round trips (${c.clientFlights} client flights, ` +
    `${c.framesFromClient}/${c.framesToClient} frames, ${c.bytesFromClient}/${c.bytesToClient} bytes up/down)`;

  it('costs an upgrade plus two round trips per request for one statement over WebSocket', async () => {
    const requests = 3;
    for (let i = 0; i < requests; i++) await request(['select 1']);
    const connections = await settled();
    const stats = relay.stats();
    for (const c of connections) console.log(`[ws] one statement, own pool: 1 upgrade + ${summary(c)}`);
    expect(stats).toMatchObject({ connections: requests, upgrades: requests, refused: 0 });
    // Startup (trust auth: AuthenticationOk … ReadyForQuery) and the query; then an unanswered Terminate.
    expect(connections.map((c) => [c.roundTrips, c.clientFlights])).toEqual(Array(requests).fill([2, 3]));
    expect(stats.roundTrips).toBe(2 * requests);
  });

  it('adds one round trip per further statement on the same pooled connection', async () => {
    await request(['select 1', "select 'two'"]);
    await request(['select 7::int as n', 'select now()', 'select 3']);
    const [two, three] = await settled();
    console.log(`[ws] two statements, one connection: 1 upgrade + ${two && summary(two)}`);
    console.log(`[ws] three statements, one connection: 1 upgrade + ${three && summary(three)}`);
    expect(relay.stats().upgrades).toBe(2);
    expect([two?.roundTrips, three?.roundTrips]).toEqual([3, 4]);
  });

  it('costs one round trip per parameterised (extended protocol) statement too', async () => {
    const pool = new Pool({ connectionString: databaseUrl, max: 1 });
    try {
      await pool.query('select $1::int as n', [1]);
      await pool.query('select $1::text as t, $2::int as n', ['x', 2]);
    } finally {
      await pool.end();
    }
    const [c] = await settled();
    console.log(`[ws] two parameterised statements: 1 upgrade + ${c && summary(c)}`);
    expect(c?.roundTrips).toBe(3);
  });

  it("fails with pipelineConnect = 'password' against a trust-auth server", async () => {
    neonConfig.pipelineConnect = 'password';
    const pool = new Pool({ connectionString: databaseUrl, max: 1, connectionTimeoutMillis: 3_000 });
    pool.on('error', () => {});
    const outcome = await pool.query('select 1').then(
      () => 'ok',
      (error: Error & { code?: string }) => `${error.code ?? ''} ${error.message}`.trim(),
    );
    await pool.end().catch(() => {});
    const [c] = await settled();
    console.log(`[ws] pipelineConnect=password, trust auth: ${outcome}; 1 upgrade + ${c && summary(c)}`);
    // Startup, password and query leave in one flight (one round trip: what it saves on Neon, whose
    // proxy asks for a cleartext password). Here the server never asked: after AuthenticationOk it
    // reads the password message ('p') as an unknown frontend message and ends the session.
    expect(outcome).toMatch(/08P01|invalid frontend message type 112/);
    // (The Terminate that follows may reach the relay after the server has hung up, or not at all.)
    expect(c?.roundTrips).toBe(1);
  });

  it('costs one HTTP request per statement over fetch, with keep-alive connections reused', async () => {
    const sql = neon(databaseUrl);
    const [requestsBefore, connectionsBefore] = [standIn.requests, standIn.connections];
    await sql`select 1`;
    await sql`select ${2}::int`;
    await sql.transaction([sql`select 1`, sql`select 2`]);
    const requests = standIn.requests - requestsBefore;
    const connections = standIn.connections - connectionsBefore;
    console.log(
      `[http] 2 statements + a 2-statement batch: ${requests} requests over ${connections} new TCP connections`,
    );
    expect(requests).toBe(3);
    // Node's fetch (undici) opens a second connection for the second request, then reuses both.
    expect(connections).toBeLessThan(requests);
    expect(relay.stats().upgrades).toBe(0);
  });
});
