// Robustness: a database failure during a comment post, on a real Postgres behind a TCP proxy the
// test cuts. The client retries with the same key: nothing is lost, nothing is stored twice.
// Runs with TEST_DATABASE_URL (the global setup migrated and seeded it); PGlite's version of the
// same is in idempotency.test.ts.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/cache/memory-store';
import type { DatabaseSource } from '../../src/db/database';
import { createNodePostgresSource } from '../../src/db/node-postgres';
import { createGateway, type Gateway } from '../../src/gateway/gateway';
import { relations } from '../../src/modules';
import { MIN_FORM_SECONDS } from '../../src/modules/comments/form-token';
import { comments } from '../../src/modules/comments/tables';
import { quietDatabaseFailures, recordSocketDeathCrashes, sleep } from '../support/fault-rig';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { COMMENT_SECRET, createTestArticle, POST } from './support';

const url = process.env.TEST_DATABASE_URL;

interface Answer {
  status: number;
  text: string;
  body: { data?: { postComment?: Record<string, unknown> } | null; errors?: { extensions?: { code?: string } }[] };
}

describe.skipIf(!url)('a database failure during a comment post (Postgres behind a TCP proxy)', () => {
  let proxy: TcpProxy;
  let source: DatabaseSource;
  /** Straight to Postgres, not through the proxy: what the test checks with. */
  let direct: DatabaseSource;
  let gateway: Gateway;
  let article: Awaited<ReturnType<typeof createTestArticle>>;
  let crashes: ReturnType<typeof recordSocketDeathCrashes>;
  let loud: () => void = () => {};
  let clock = Date.now();

  beforeAll(async () => {
    const { hostname, port } = new URL(url as string);
    proxy = await startTcpProxy({ host: hostname, port: Number(port || 5432) });
    // A time limit well above the proxy's delays: the cut, not the limit, ends the statement.
    source = createNodePostgresSource({
      connectionString: proxy.url(url as string),
      relations,
      max: 2,
      timeoutMs: 5_000,
    });
    direct = createNodePostgresSource({ connectionString: url as string, relations, max: 2 });
    gateway = createGateway({
      source,
      store: new MemoryStore(0),
      now: () => clock,
      secrets: { COMMENT_SECRET },
      limits: { anonymousCostPerMinute: Number.MAX_SAFE_INTEGER },
    });
    article = await createTestArticle(direct.admin);
    crashes = recordSocketDeathCrashes();
    loud = quietDatabaseFailures();
  });

  afterAll(async () => {
    crashes?.stop();
    loud();
    await source?.close().catch(() => {});
    await direct?.close();
    await proxy?.close();
  });

  async function graphql(query: string, variables: Record<string, unknown>): Promise<Answer> {
    const response = await gateway.fetch(
      new Request('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query, variables }),
      }),
    );
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) };
  }

  async function newPost(label: string) {
    const form = await graphql('query ($id: ID!) { commentForm(articleId: $id) { token } }', { id: article.globalId });
    clock += (MIN_FORM_SECONDS + 1) * 1000;
    return {
      articleId: article.globalId,
      nickname: '断线的网友',
      text: `${label} ${randomUUID()}`,
      idempotencyKey: randomUUID(),
      formToken: (form.body.data as { commentForm: { token: string } }).commentForm.token,
    };
  }

  const stored = (key: string) => direct.admin.select().from(comments).where(eq(comments.idempotencyKey, key));

  /** A client after an error: waits and sends the same post again, until it gets an answer. */
  async function retry(input: Record<string, unknown>): Promise<{ answer: Answer; attempts: number }> {
    for (let attempts = 1; ; attempts++) {
      const answer = await graphql(POST, { input });
      if (answer.status !== 503 && !answer.body.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) {
        return { answer, attempts };
      }
      if (attempts >= 60) return { answer, attempts };
      await sleep(200);
    }
  }

  it('stores the comment once when the connection is cut after the insert committed (the answer lost)', async () => {
    const input = await newPost('提交后断线');
    // Warm a pooled connection, then delay every byte: the commit lands, its answer is still in the proxy.
    expect((await graphql(POST, { input: await newPost('预热') })).body.errors).toBeUndefined();
    proxy.slow(400);
    const pending = graphql(POST, { input });
    const started = performance.now();
    while ((await stored(input.idempotencyKey)).length === 0) {
      if (performance.now() - started > 10_000) throw new Error('the insert never reached the database');
      await sleep(20);
    }
    proxy.reset();
    const lost = await pending;
    await proxy.restore();
    expect(lost.body.data?.postComment ?? null).toBeNull();
    console.info(`answer lost after commit: first answer ${lost.status} ${lost.body.errors?.[0]?.extensions?.code}`);
    expect(lost.status).toBe(503);
    expect(lost.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(lost.text).not.toMatch(/insert|127\.0\.0\.1|5432|ECONN|terminated|comments"/i);

    const { answer, attempts } = await retry(input);
    console.info(`answer lost after commit: retried ${attempts} time(s); status ${answer.status}`);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.postComment).toMatchObject({ text: input.text, status: 'PENDING' });
    expect(await stored(input.idempotencyKey)).toHaveLength(1);
    const again = await graphql(POST, { input });
    expect(again.body.data).toEqual(answer.body.data);
  });

  it('stores the comment once the database is back when it was down for the first tries', async () => {
    const input = await newPost('数据库宕机时提交');
    await proxy.refuse();
    const refused = await graphql(POST, { input });
    expect(refused.status).toBe(503);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(await stored(input.idempotencyKey)).toHaveLength(0);
    const down = await graphql(POST, { input });
    expect(down.status).toBe(503);
    await proxy.restore();
    const { answer, attempts } = await retry(input);
    console.info(`database down then back: retried ${attempts} time(s)`);
    expect(answer.body.data?.postComment).toMatchObject({ text: input.text, status: 'PENDING' });
    expect(await stored(input.idempotencyKey)).toHaveLength(1);
  });
});
