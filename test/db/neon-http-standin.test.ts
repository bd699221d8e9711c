// The real `@neondatabase/serverless` driver over HTTP (neon(), Pool with poolQueryViaFetch,
// Drizzle's neon-http) against scripts/neon-http-standin.ts, compared with the same driver over
// WebSocket through scripts/ws-relay.ts. Needs a real Postgres: TEST_DATABASE_URL, else the local
// one on 127.0.0.1:5432 (database `test`); skipped when neither answers. Works in its own schema.
import { NeonDbError, neon, neonConfig, Pool } from '@neondatabase/serverless';
import { defineRelations, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/neon-http';
import { integer, pgSchema, text } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import ws from 'ws';
import { type NeonHttpStandIn, startNeonHttpStandIn } from '../../scripts/neon-http-standin';
import { type Relay, startRelay } from '../../scripts/ws-relay';

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
if (unreachable) console.warn(`[neon-http-standin] skipped: no Postgres at ${databaseUrl} (${unreachable})`);

const schema = `neon_http_${process.pid}_${Date.now().toString(36)}`;
const s = pgSchema(schema);
const authors = s.table('authors', { id: integer().primaryKey(), name: text().notNull() });
const posts = s.table('posts', {
  id: integer().primaryKey(),
  authorId: integer('author_id').notNull(),
  title: text().notNull(),
});
const relations = defineRelations({ authors, posts }, (r) => ({
  authors: { posts: r.many.posts({ from: r.authors.id, to: r.posts.authorId }) },
  posts: { author: r.one.authors({ from: r.posts.authorId, to: r.authors.id }) },
}));

// neonConfig is global: every test sets what it needs and afterEach puts these back.
const touched = [
  'fetchEndpoint',
  'fetchFunction',
  'poolQueryViaFetch',
  'webSocketConstructor',
  'wsProxy',
  'useSecureWebSocket',
  'pipelineConnect',
  'pipelineTLS',
] as const;
const saved = Object.fromEntries(touched.map((key) => [key, neonConfig[key]]));

const title = 'Neon HTTP stand-in with the real driver';

describe.skipIf(unreachable !== null)(unreachable ? `${title} (skipped: no Postgres)` : title, () => {
  let standIn: NeonHttpStandIn;
  let relay: Relay;
  let admin: pg.Client;
  let wsPool: Pool;
  const table = (name: string) => `"${schema}".${name}`;

  beforeAll(async () => {
    standIn = await startNeonHttpStandIn({});
    relay = await startRelay(0);
    admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`create schema "${schema}";
      create table ${table('authors')} (id int primary key, name text not null);
      create table ${table('posts')} (id int primary key, author_id int not null references ${table('authors')}, title text not null);
      create table ${table('items')} (id int primary key, label text not null unique);
      insert into ${table('authors')} values (1, '赵洪杰'), (2, '刘兵');
      insert into ${table('posts')} values (10, 1, 'first'), (11, 1, 'second'), (12, 2, 'third');`);
    wsPool = new Pool({ connectionString: databaseUrl, max: 1 });
    wsPool.on('error', () => {});
  });

  afterAll(async () => {
    await wsPool?.end();
    await admin?.query(`drop schema if exists "${schema}" cascade`);
    await admin?.end();
    await relay?.close();
    await standIn?.close();
  });

  /** HTTP to the stand-in; WebSocket through the relay, as src/db/neon.ts sets it up. */
  function configure() {
    neonConfig.fetchEndpoint = standIn.url;
    neonConfig.webSocketConstructor = ws;
    neonConfig.wsProxy = (host, port) => `127.0.0.1:${relay.port}/v1?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineConnect = false;
    neonConfig.pipelineTLS = false;
  }
  afterEach(() => {
    for (const key of touched) Object.assign(neonConfig, { [key]: saved[key] });
  });

  /** Runs one tagged-template query over HTTP and, as `$n` text, over the WebSocket pool. */
  async function viaBoth(strings: TemplateStringsArray, ...values: unknown[]) {
    configure();
    const text = strings.reduce((sql, part, i) => `${sql}$${i}${part}`);
    const http = await neon(databaseUrl)(strings, ...values);
    const socket = await wsPool.query(text, values);
    return { http, ws: socket.rows };
  }

  it('parses every type as the WebSocket path does', async () => {
    const at = new Date('2024-03-15T11:05:37.123Z');
    const { http, ws: viaSocket } = await viaBoth`select ${at}::timestamptz as ts, ${'9007199254740993'}::int8 as big,
      ${'12345678901234567890.0123'}::numeric as num, ${{ a: [1, 'x'] }}::json as j, ${{ b: null }}::jsonb as jb,
      ${['a', 'b"c', null, 'd,e']}::text[] as texts, ${[1, 2, 3]}::int[] as ints,
      ${Buffer.from([0, 1, 254, 255])}::bytea as bytes, ${true}::boolean as yes, false as no,
      ${null}::text as nothing, 42 as i4, 1.5::float8 as f8, date '2024-03-15' as d, ${'聊城'} as city`;
    expect(http).toEqual(viaSocket);
    const row = http[0] ?? {};
    expect(row.ts).toEqual(at);
    expect(row.big).toBe('9007199254740993');
    expect(row.num).toBe('12345678901234567890.0123');
    expect(row.j).toEqual({ a: [1, 'x'] });
    expect(row.jb).toEqual({ b: null });
    expect(row.texts).toEqual(['a', 'b"c', null, 'd,e']);
    expect(row.ints).toEqual([1, 2, 3]);
    expect(Buffer.from(row.bytes).toString('hex')).toBe('0001feff');
    expect([row.yes, row.no, row.nothing, row.i4, row.f8, row.city]).toEqual([true, false, null, 42, 1.5, '聊城']);
  });

  it('sends the request the way Neon expects and counts it', async () => {
    configure();
    const sent: { url: string; headers: Record<string, string>; body: unknown }[] = [];
    neonConfig.fetchFunction = (url: string, init: RequestInit) => {
      sent.push({ url, headers: init.headers as Record<string, string>, body: JSON.parse(String(init.body)) });
      return fetch(url, init);
    };
    const before = standIn.requests;
    await neon(databaseUrl)`select ${1}::int as one`;
    expect(standIn.requests - before).toBe(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe(standIn.url);
    expect(sent[0]?.body).toEqual({ query: 'select $1::int as one', params: ['1'] });
    expect(sent[0]?.headers).toMatchObject({ 'Neon-Raw-Text-Output': 'true', 'Neon-Array-Mode': 'true' });
    expect(sent[0]?.headers['Neon-Connection-String']).toMatch(/^postgresql:.*application_name=/);
  });

  it('returns full results and array mode like node-postgres', async () => {
    configure();
    const sql = neon(databaseUrl, { fullResults: true });
    const full = await sql.query(`select id, name from ${table('authors')} order by id`);
    const socket = await wsPool.query(`select id, name from ${table('authors')} order by id`);
    expect(full).toMatchObject({ command: 'SELECT', rowCount: 2, rowAsArray: false, rows: socket.rows });
    expect(full.fields).toEqual(socket.fields);
    expect(full.fields[0]).toMatchObject({ name: 'id', dataTypeID: 23, columnID: 1, format: 'text' });

    const arrays = await neon(databaseUrl, { arrayMode: true })`select 1 as a, 'x' as b`;
    expect(arrays).toEqual([[1, 'x']]);
    const inserted = await sql.query(`insert into ${table('items')} values ($1, $2), ($3, $4)`, [1, 'a', 2, 'b']);
    expect(inserted).toMatchObject({ command: 'INSERT', rowCount: 2, rows: [] });
  });

  it('runs a transaction batch in one request, with its isolation level and read-only flags', async () => {
    configure();
    const sql = neon(databaseUrl);
    const before = standIn.requests;
    const [, , count, settings] = await sql.transaction(
      [
        sql`insert into ${sql.unsafe(table('items'))} values (${10}, ${'ten'})`,
        sql`insert into ${sql.unsafe(table('items'))} values (${11}, ${'eleven'})`,
        sql`select count(*)::int as n from ${sql.unsafe(table('items'))} where id >= 10`,
        sql`select current_setting('transaction_isolation') as iso`,
      ],
      { isolationLevel: 'RepeatableRead' },
    );
    expect(standIn.requests - before).toBe(1);
    expect(count).toEqual([{ n: 2 }]);
    expect(settings).toEqual([{ iso: 'repeatable read' }]);
    expect((await admin.query(`select count(*)::int as n from ${table('items')} where id >= 10`)).rows).toEqual([
      { n: 2 },
    ]);

    const [flags] = await sql.transaction(
      [sql`select current_setting('transaction_read_only') as ro, current_setting('transaction_deferrable') as d`],
      { isolationLevel: 'Serializable', readOnly: true, deferrable: true },
    );
    expect(flags).toEqual([{ ro: 'on', d: 'on' }]);
    const readOnly = sql.transaction([sql`insert into ${sql.unsafe(table('items'))} values (99, 'no')`], {
      readOnly: true,
    });
    await expect(readOnly).rejects.toMatchObject({ name: 'NeonDbError', code: '25006' });
  });

  it('rolls a failing batch back as a whole', async () => {
    configure();
    const sql = neon(databaseUrl);
    const failing = sql.transaction([
      sql`insert into ${sql.unsafe(table('items'))} values (20, 'twenty')`,
      sql`insert into ${sql.unsafe(table('items'))} values (21, 'twenty')`,
      sql`insert into ${sql.unsafe(table('items'))} values (22, 'twenty-two')`,
    ]);
    await expect(failing).rejects.toMatchObject({ code: '23505', constraint: 'items_label_key' });
    expect((await admin.query(`select id from ${table('items')} where id >= 20`)).rows).toEqual([]);
  });

  it('surfaces SQL errors as NeonDbError with their SQLSTATE and fields', async () => {
    configure();
    const sql = neon(databaseUrl);
    const missing = await sql`select * from ${sql.unsafe(table('nowhere'))}`.catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(NeonDbError);
    expect(missing).toMatchObject({ code: '42P01', severity: 'ERROR', position: expect.any(String) });
    expect((missing as Error).message).toMatch(/relation .*nowhere.* does not exist/);

    await sql`insert into ${sql.unsafe(table('items'))} values (30, 'thirty')`;
    const duplicate = sql`insert into ${sql.unsafe(table('items'))} values (31, 'thirty')`;
    await expect(duplicate).rejects.toMatchObject({
      code: '23505',
      schema,
      table: 'items',
      constraint: 'items_label_key',
      detail: 'Key (label)=(thirty) already exists.',
    });
    // One statement per request, as on Neon: no multi-statement strings without parameters either.
    await expect(sql.query('select 1; select 2')).rejects.toMatchObject({ code: '42601' });
  });

  it('refuses databases that are not on this machine', async () => {
    configure();
    const remote = neon('postgres://someone@ep-example-123.us-east-2.aws.neon.tech/neondb')`select 1`;
    await expect(remote).rejects.toThrow(/non-loopback/);
  });

  it('serves Drizzle over neon-http: a select and a relational query', async () => {
    configure();
    const db = drizzle({ client: neon(databaseUrl), relations });
    const before = standIn.requests;
    expect(await db.select().from(posts).where(eq(posts.authorId, 1)).orderBy(posts.id)).toEqual([
      { id: 10, authorId: 1, title: 'first' },
      { id: 11, authorId: 1, title: 'second' },
    ]);
    const withPosts = await db.query.authors.findMany({
      with: { posts: { orderBy: { id: 'asc' } } },
      orderBy: { id: 'asc' },
    });
    expect(withPosts).toEqual([
      {
        id: 1,
        name: '赵洪杰',
        posts: [
          { id: 10, authorId: 1, title: 'first' },
          { id: 11, authorId: 1, title: 'second' },
        ],
      },
      { id: 2, name: '刘兵', posts: [{ id: 12, authorId: 2, title: 'third' }] },
    ]);
    expect(standIn.requests - before).toBe(2);
  });

  it('sends Pool.query() over HTTP with poolQueryViaFetch, one request per statement', async () => {
    configure();
    neonConfig.poolQueryViaFetch = true;
    // The driver rebuilds the URL for fetch without its port (and with password "null" when there is
    // none), so this stand-in pins the database instead of trusting the header.
    const pinned = await startNeonHttpStandIn({ databaseUrl });
    neonConfig.fetchEndpoint = pinned.url;
    const pool = new Pool({ connectionString: databaseUrl, max: 1 });
    try {
      const first = await pool.query(`select name from ${table('authors')} where id = $1`, [2]);
      expect(first.rows).toEqual([{ name: '刘兵' }]);
      expect(pinned.requests).toBe(1);
      await pool.query('select now() as now');
      expect(pinned.requests).toBe(2);
      // A checked-out client still talks WebSocket (transactions, sessions).
      const client = await pool.connect();
      await client.query('select 1');
      client.release();
      expect(pinned.requests).toBe(2);
    } finally {
      await pool.end();
      await pinned.close();
    }
  });

  it('can stall, fail or drop requests', async () => {
    configure();
    const sql = neon(databaseUrl);
    standIn.fault = 'http-500';
    await expect(sql`select 1`).rejects.toThrow(/Server error \(HTTP status 500\)/);
    standIn.fault = 'reset';
    await expect(sql`select 1`).rejects.toThrow(/Error connecting to database/);
    standIn.fault = 'stall';
    const slow = sql.query('select 1 as one', [], { fetchOptions: { signal: AbortSignal.timeout(200) } });
    await expect(slow).rejects.toThrow(/Error connecting to database/);
    const held = sql`select 2 as two`;
    setTimeout(() => {
      standIn.fault = 'none';
    }, 50);
    expect(await held).toEqual([{ two: 2 }]);
  });
});
