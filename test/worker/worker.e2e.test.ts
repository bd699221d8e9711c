// The Worker as Cloudflare runs it: `wrangler dev` (workerd) serving src/worker.ts and the static
// GraphiQL assets, the Neon driver reaching a real Postgres through scripts/ws-relay.ts, all over
// real HTTP. Needs TEST_DATABASE_URL (a local Postgres; migrated and seeded here). `npm run test:worker`.
import { type ChildProcess, spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { copyPlaygroundAssets } from '../../scripts/copy-playground-assets';
import { type Relay, startRelay } from '../../scripts/ws-relay';
import { createNodePostgresSource } from '../../src/db/node-postgres';
import { migrationsFolder } from '../../src/db/node-source';
import { operations } from '../../src/generated/operations';
import { statementsFromServerTiming } from '../../src/http/server-timing';
import { seed } from '../../src/seed/run';

const databaseUrl = process.env.TEST_DATABASE_URL;
const root = fileURLToPath(new URL('../..', import.meta.url));

const SEED_ARTICLE_TITLE = '省委常委会会议暨省绿色低碳高质量发展先行区建设领导小组会议召开';
const STARTUP_TIMEOUT_MS = 120_000;

if (!databaseUrl) {
  console.warn(
    '[worker e2e] skipped: TEST_DATABASE_URL is not set. Point it at a local Postgres, e.g. ' +
      'TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/news_test npm run test:worker',
  );
}

interface GraphQLBody {
  data?: Record<string, any> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

/** A port nobody listens on right now (wrangler wants a number up front). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to wrangler's whole process group (npx, node, esbuild, workerd), SIGKILL if it lingers. */
async function killGroup(child: ChildProcess | undefined) {
  const pid = child?.pid;
  if (!pid || !groupAlive(pid)) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {}
  const deadline = Date.now() + 10_000;
  while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(pid)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {}
    while (groupAlive(pid)) await sleep(50);
  }
}

describe.skipIf(!databaseUrl)(
  databaseUrl
    ? 'Worker under wrangler dev, Neon driver over the relay'
    : 'Worker e2e (skipped: TEST_DATABASE_URL is not set)',
  () => {
    let relay: Relay | undefined;
    let wrangler: ChildProcess | undefined;
    let origin = '';
    let output = '';
    const killOnExit = () => {
      if (wrangler?.pid && groupAlive(wrangler.pid)) process.kill(-wrangler.pid, 'SIGKILL');
    };

    beforeAll(async () => {
      const url = databaseUrl as string;
      // Self-contained: migrations and seed are idempotent, so a database already prepared by the
      // default suite's global setup is fine too.
      const source = await createNodePostgresSource({ connectionString: url, migrationsFolder, max: 2 });
      try {
        await seed(source.admin);
      } finally {
        await source.close();
      }
      copyPlaygroundAssets();

      relay = await startRelay(0);
      const port = await freePort();
      origin = `http://127.0.0.1:${port}`;
      const started = performance.now();
      wrangler = spawn(
        'npx',
        [
          'wrangler',
          'dev',
          '--port',
          String(port),
          '--ip',
          '127.0.0.1',
          '--inspector-port',
          String(await freePort()),
          '--show-interactive-dev-session=false',
          '--var',
          `DATABASE_URL:${url}`,
          '--var',
          `NEON_WS_PROXY:127.0.0.1:${relay.port}/v1`,
        ],
        {
          cwd: root,
          // Its own process group, so afterAll can stop npx, wrangler, esbuild and workerd together.
          detached: true,
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, WRANGLER_SEND_METRICS: 'false', FORCE_COLOR: '0', NO_COLOR: '1' },
        },
      );
      process.once('exit', killOnExit);
      const collect = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.length > 200_000) output = output.slice(-100_000);
      };
      wrangler.stdout?.on('data', collect);
      wrangler.stderr?.on('data', collect);
      let exited: string | null = null;
      wrangler.once('exit', (code, signal) => {
        exited = `wrangler exited early (code ${code}, signal ${signal})`;
      });

      const deadline = Date.now() + STARTUP_TIMEOUT_MS;
      for (;;) {
        if (exited) throw new Error(`${exited}\n${output}`);
        if (Date.now() > deadline)
          throw new Error(`wrangler dev did not answer within ${STARTUP_TIMEOUT_MS} ms\n${output}`);
        const response = await fetch(`${origin}/graphql?query=%7B__typename%7D`, {
          signal: AbortSignal.timeout(5_000),
        }).catch(() => null);
        if (response?.ok) {
          await response.text();
          break;
        }
        await sleep(200);
      }
      console.info(
        `[worker e2e] wrangler dev answered after ${Math.round(performance.now() - started)} ms on ${origin}`,
      );
    }, STARTUP_TIMEOUT_MS + 60_000);

    afterAll(async () => {
      await killGroup(wrangler);
      process.off('exit', killOnExit);
      await relay?.close();
    });

    async function post(query: string, variables: Record<string, unknown> = {}, operationName?: string) {
      const started = performance.now();
      const response = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query, variables, ...(operationName && { operationName }) }),
      });
      const text = await response.text();
      const ms = performance.now() - started;
      let body: GraphQLBody;
      try {
        body = JSON.parse(text);
      } catch {
        throw new Error(`not JSON (${response.status}): ${text.slice(0, 500)}\n${output.slice(-4_000)}`);
      }
      return {
        status: response.status,
        body,
        ms,
        serverTiming: response.headers.get('server-timing'),
        statements: statementsFromServerTiming(response.headers.get('server-timing')),
      };
    }

    it('has operations to run', () => {
      expect(operations.map((operation) => operation.name)).toEqual(
        expect.arrayContaining(['ArticlePage', 'ChannelFeed', 'SiteChrome']),
      );
    });

    it.each(operations.map((operation) => [operation.name, operation] as const))(
      'runs %s with its example variables in one SQL statement',
      async (name, operation) => {
        const cold = await post(operation.document, operation.variables, name);
        expect(
          cold.body.errors,
          `${name}: ${JSON.stringify(cold.body.errors)}\n${output.slice(-4_000)}`,
        ).toBeUndefined();
        expect(cold.status).toBe(200);
        expect(cold.body.data).toBeTruthy();
        expect(cold.statements, `Server-Timing: ${cold.serverTiming}`).toBe(1);

        const data = cold.body.data as Record<string, any>;
        if (name === 'ArticlePage') {
          expect(data.article?.title).toBe(SEED_ARTICLE_TITLE);
          expect(data.article.body.length).toBeGreaterThan(0);
        }
        if (name === 'ChannelFeed') {
          expect(data.articles.edges).toHaveLength(20);
          expect(data.articles.pageInfo.hasNextPage).toBe(true);
          expect(data.articles.edges[0].node.title).toEqual(expect.any(String));
        }
        if (name === 'SiteChrome') {
          expect(data.site.navigation).toHaveLength(10);
        }

        // A few more requests, for the latency log (each one opens its own Neon pool, as in production).
        const warm: number[] = [];
        for (let i = 0; i < 5; i++) {
          const again = await post(operation.document, operation.variables, name);
          expect(again.body.errors).toBeUndefined();
          expect(again.statements).toBe(1);
          warm.push(again.ms);
        }
        warm.sort((a, b) => a - b);
        console.info(
          `[worker e2e] ${name}: first ${cold.ms.toFixed(0)} ms, then median ${warm[2]?.toFixed(0)} ms ` +
            `(min ${warm[0]?.toFixed(0)}, max ${warm[4]?.toFixed(0)}); Server-Timing ${cold.serverTiming}`,
        );
      },
    );

    it('pages on with the end cursor', async () => {
      const feed = operations.find((operation) => operation.name === 'ChannelFeed');
      if (!feed) throw new Error('schema/operations/ChannelFeed.graphql is missing');
      const first = await post(feed.document, feed.variables, 'ChannelFeed');
      const after = first.body.data?.articles.pageInfo.endCursor;
      expect(after).toEqual(expect.any(String));
      const second = await post(feed.document, { ...feed.variables, after }, 'ChannelFeed');
      expect(second.body.errors).toBeUndefined();
      expect(second.statements).toBe(1);
      const firstIds = new Set(first.body.data?.articles.edges.map((edge: any) => edge.node.id));
      const secondIds = second.body.data?.articles.edges.map((edge: any) => edge.node.id) as string[];
      expect(secondIds.length).toBeGreaterThan(0);
      expect(secondIds.filter((id) => firstIds.has(id))).toEqual([]);
    });

    it('rejects a page size over the limit with BAD_USER_INPUT', async () => {
      const result = await post('{ articles(first: 500) { edges { cursor } } }');
      expect(result.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.body.errors?.[0]?.message).toMatch(/first/);
    });

    it('serves the playground page to a browser on GET /graphql', async () => {
      const response = await fetch(`${origin}/graphql`, { headers: { accept: 'text/html' } });
      const html = await response.text();
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(html).toContain('<title>聊城新闻网 GraphQL</title>');
      expect(html).toContain('/graphiql/yoga-graphiql.umd.js');
      expect(html).toContain('/graphiql/graphiql.css');
      expect(html).not.toMatch(/unpkg\.com|cdn\.jsdelivr/);
    });

    it('serves every file the playground page loads as a static asset', async () => {
      const html = await (await fetch(`${origin}/graphql`, { headers: { accept: 'text/html' } })).text();
      const paths = [...new Set(html.match(/\/graphiql\/[\w./-]+\.(?:js|css)/g) ?? [])];
      expect(paths).toEqual(expect.arrayContaining(['/graphiql/yoga-graphiql.umd.js', '/graphiql/graphiql.css']));
      for (const path of paths) {
        const response = await fetch(`${origin}${path}`);
        const body = await response.arrayBuffer();
        expect(response.status, path).toBe(200);
        expect(body.byteLength, path).toBe(statSync(join(root, 'public', path)).size);
      }
      const umd = await fetch(`${origin}/graphiql/yoga-graphiql.umd.js`);
      expect(umd.headers.get('content-type')).toMatch(/javascript/);
      await umd.arrayBuffer();
    });

    it('relay refuses targets that are not loopback', async () => {
      const status = await new Promise<number | string>((resolve) => {
        const socket = new WebSocket(`ws://127.0.0.1:${relay?.port}/v1?address=10.1.2.3:5432`);
        socket.once('unexpected-response', (_request, response) => {
          resolve(response.statusCode ?? 0);
          socket.terminate();
        });
        socket.once('open', () => {
          resolve('opened');
          socket.terminate();
        });
        socket.once('error', (error) => resolve(error.message));
      });
      expect(status).toBe(403);
    });
  },
);
