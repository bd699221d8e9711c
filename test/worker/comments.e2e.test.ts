// 网友评论 in workerd: the Worker signs the form with COMMENT_SECRET (a secret there), posts over
// Neon's HTTP path (stand-in), holds the flood limit in the database, stores 100 concurrent posts
// with one key once, and an editor's approval purges the article's comments through Cloudflare's
// purge API (stand-in) so the next read shows it.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodePostgresSource } from '../../src/db/node-postgres';
import { relations } from '../../src/modules';
import { MIN_FORM_SECONDS } from '../../src/modules/comments/form-token';
import { FLOOD_PER_ADDRESS } from '../../src/modules/comments/posting';
import { comments } from '../../src/modules/comments/tables';
import { createTestArticle } from '../comments/support';
import { operation, prepareDatabase, workerClient } from './client';
import { sleep, startWorkerUnderTest, type WorkerUnderTest } from './harness';

const databaseUrl = process.env.TEST_DATABASE_URL;
const EDITOR_TOKEN = 'editor-token-for-comments-e2e';
// A secret of the run's own: address hashes (and so the flood counts) start afresh on a shared database.
const COMMENT_SECRET = `comments-e2e-${randomUUID()}`;

describe.skipIf(!databaseUrl)('comments in workerd', () => {
  let worker: WorkerUnderTest;
  const { post, get, editor, send, failure } = workerClient(() => worker, EDITOR_TOKEN);
  const source = () => createNodePostgresSource({ connectionString: databaseUrl as string, relations, max: 1 });
  let article: Awaited<ReturnType<typeof createTestArticle>>;
  let token = '';

  /** A post as a browser sends it (JSON, so no CSRF header is needed), from an address. */
  const postComment = (input: Record<string, unknown>, address = '203.0.113.9') =>
    send('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': address },
      body: JSON.stringify({ query: operation('PostComment').document, variables: { input } }),
    });
  const input = (fields: Record<string, unknown> = {}) => ({
    articleId: article.globalId,
    nickname: 'Worker网友',
    text: `来自workerd ${randomUUID()}`,
    idempotencyKey: randomUUID(),
    formToken: token,
    ...fields,
  });
  const storedUnder = async (key: string) => {
    const db = source();
    try {
      return await db.admin.select().from(comments).where(eq(comments.idempotencyKey, key));
    } finally {
      await db.close();
    }
  };

  beforeAll(async () => {
    await prepareDatabase(databaseUrl as string);
    const db = source();
    try {
      article = await createTestArticle(db.admin);
    } finally {
      await db.close();
    }
    worker = await startWorkerUnderTest({
      databaseUrl: databaseUrl as string,
      reads: 'http',
      vars: { EDITOR_TOKEN, COMMENT_SECRET },
      cloudflare: { zoneId: 'zone-comments', apiToken: 'token-comments' },
    });
    const form = await get(operation('CommentForm').document, { articleId: article.globalId });
    expect(form.body.errors, failure('CommentForm', form)).toBeUndefined();
    expect(form.statements ?? 0).toBe(0);
    token = form.body.data?.commentForm.token;
  }, 180_000);
  afterAll(async () => {
    await worker?.stop();
  });

  it('reads the seeded threads with ArticleComments in one statement', async () => {
    const op = operation('ArticleComments');
    const sent = await post(op.document, op.variables, 'ArticleComments');
    expect(sent.body.errors, failure('ArticleComments', sent)).toBeUndefined();
    expect(sent.statements).toBe(1);
    const edges = sent.body.data?.article.comments.edges as { node: { replies: unknown[] } }[];
    expect(edges.length).toBeGreaterThan(0);
    expect(edges.some((edge) => edge.node.replies.length > 0)).toBe(true);
  });

  it('refuses a post sent right after the form loaded, and the honeypot', async () => {
    const early = await postComment(input());
    expect(early.body.errors?.[0]?.extensions).toMatchObject({ code: 'COMMENT_REJECTED', reason: 'TOO_FAST' });
    await sleep((MIN_FORM_SECONDS + 0.5) * 1000);
    const bot = await postComment(input({ website: 'http://spam.example' }));
    expect(bot.body.errors?.[0]?.extensions).toMatchObject({ code: 'COMMENT_REJECTED', reason: 'HONEYPOT' });
  });

  it('stores one comment for 100 concurrent posts with one key and answers them alike', async () => {
    const same = input();
    // Every write opens its own WebSocket connection in workerd: 100 at once can meet the local
    // Postgres's 100 connections and get a 503, which a client answers as the contract says, by
    // sending the same key again. Whatever the retries, one comment and one answer.
    let retried = 0;
    const postUntilAnswered = async () => {
      let answer = await postComment(same);
      for (let attempt = 0; attempt < 10 && answer.status === 503; attempt++) {
        retried += 1;
        await sleep(300);
        answer = await postComment(same);
      }
      return answer;
    };
    const answers = await Promise.all(Array.from({ length: 100 }, postUntilAnswered));
    if (retried) console.info(`[worker comments] 100 concurrent posts: ${retried} retries after a 503`);
    const first = answers[0];
    expect(first?.body.errors, failure('postComment', first ?? { status: 0, text: '' })).toBeUndefined();
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body.data).toEqual(first?.body.data);
    }
    expect(await storedUnder(same.idempotencyKey)).toHaveLength(1);
  });

  it('shows a comment once an editor approves it, purging the article’s comments everywhere', async () => {
    const op = operation('ArticleComments');
    const variables = { path: article.path, first: 20 };
    const mine = input();
    const posted = await postComment(mine, '203.0.113.10');
    expect(posted.body.errors, failure('postComment', posted)).toBeUndefined();
    const before = await get(op.document, variables);
    expect(before.body.data?.article.comments.totalCount).toBe(0);
    expect(before.headers.get('cache-tag')).toContain(`comments:article:${article.id}`);
    expect((await get(op.document, variables)).xCache).toBe('HIT');

    worker.purgeCalls.length = 0;
    const approved = await editor('mutation ($id: ID!) { approveComment(id: $id) { purgedTags } }', {
      id: posted.body.data?.postComment.id,
    });
    expect(approved.body.errors, failure('approveComment', approved)).toBeUndefined();
    expect(worker.purgeCalls.map((call) => call.body)).toContainEqual({ tags: [`comments:article:${article.id}`] });
    const after = await get(op.document, variables);
    expect(after.xCache).toBe('MISS');
    expect(after.body.data?.article.comments.edges.map((e: { node: { text: string } }) => e.node.text)).toEqual([
      mine.text,
    ]);
  });

  it('holds the per-address flood limit in the database', async () => {
    const address = '198.51.100.23';
    const answers = [];
    for (let i = 0; i <= FLOOD_PER_ADDRESS; i++) answers.push(await postComment(input(), address));
    const refused = answers.filter(
      (a) => (a.body.errors?.[0]?.extensions as { reason?: string } | undefined)?.reason === 'FLOOD',
    );
    expect(refused.length).toBeGreaterThanOrEqual(1);
    // Whatever address workerd reports for the test's requests, no more than the limit got through.
    expect(answers.filter((a) => a.body.errors === undefined).length).toBeLessThanOrEqual(FLOOD_PER_ADDRESS);
    expect(answers.at(-1)?.body.errors?.[0]?.extensions).toMatchObject({ code: 'COMMENT_REJECTED', reason: 'FLOOD' });
  });
});
