// The same post sent many times (a double click, a client retrying after a lost answer) is stored
// once and answered alike; a database failure in the middle of a post loses nothing and
// duplicates nothing when the client retries with the same key.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { comments } from '../../src/modules/comments/tables';
import { createTestArticle, storedComments, useCommentGateway } from './support';

const { database, formToken, postAs } = useCommentGateway();

let article: Awaited<ReturnType<typeof createTestArticle>>;
beforeAll(async () => {
  article = await createTestArticle(database().admin);
});

const byKey = (key: string) => database().admin.select().from(comments).where(eq(comments.idempotencyKey, key));

describe('idempotency', () => {
  it('stores one comment for 100 concurrent posts with one key, and answers all 100 alike', async () => {
    const input = {
      articleId: article.globalId,
      nickname: '手快的网友',
      text: `连点一百次 ${randomUUID()}`,
      idempotencyKey: randomUUID(),
      formToken: await formToken(article.globalId),
    };
    const answers = await Promise.all(Array.from({ length: 100 }, () => postAs('10.9.8.7', input)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(100).fill(200));
    const first = answers[0]?.body;
    expect(first?.errors).toBeUndefined();
    expect(first?.data?.postComment).toMatchObject({ status: 'PENDING', text: input.text });
    for (const answer of answers) expect(answer.body.data).toEqual(first?.data);
    expect(await byKey(input.idempotencyKey)).toHaveLength(1);
    expect((await storedComments(database().admin, article.id)).filter((row) => row.body === input.text)).toHaveLength(
      1,
    );
    // A retry later (past the flood limit of that address, even) gets the same answer.
    const later = await postAs('10.9.8.7', input);
    expect(later.body.data).toEqual(first?.data);
  });

  it('refuses a key reused for a different comment', async () => {
    const key = randomUUID();
    const base = { articleId: article.globalId, nickname: '网友', idempotencyKey: key };
    const token = await formToken(article.globalId);
    expect((await postAs(null, { ...base, text: '原文', formToken: token })).body.errors).toBeUndefined();
    const reused = await postAs(null, { ...base, text: '改过的', formToken: token });
    expect(reused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'idempotencyKey' });
    expect((await byKey(key)).map((row) => row.body)).toEqual(['原文']);
    const malformed = await postAs(null, { ...base, idempotencyKey: 'short', text: '原文', formToken: token });
    expect(malformed.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'idempotencyKey',
    });
  });
});

type Query = (...args: unknown[]) => Promise<unknown>;

/** What a client does after a 503: wait a little and send the same request again (the breaker pauses 250 ms first). */
async function retryUntilAnswered<T extends { status: number }>(send: () => Promise<T>, attempts = 40): Promise<T> {
  let answer = await send();
  for (let i = 1; i < attempts && answer.status === 503; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    answer = await send();
  }
  return answer;
}

/**
 * On PGlite, the database fails by a statement: the comment insert fails before it runs (nothing
 * stored), or runs and commits and then its answer is lost (what a cut connection does). On
 * Postgres the same is shown with a TCP proxy cut mid-post (faults.test.ts).
 */
describe.skipIf(!!process.env.TEST_DATABASE_URL)('a database failure during a post (PGlite)', () => {
  function failNextInsert(when: 'before' | 'after') {
    const pglite = (database() as unknown as { pglite: { query: Query } }).pglite;
    const original = pglite.query;
    let failed = 0;
    pglite.query = async function (this: unknown, ...args: unknown[]) {
      const text = String(args[0]);
      if (failed === 0 && /insert into "comments"/.test(text)) {
        failed += 1;
        if (when === 'after') await original.apply(pglite, args);
        throw new Error('Connection terminated unexpectedly');
      }
      return original.apply(pglite, args);
    } as Query;
    return {
      failed: () => failed,
      restore: () => {
        pglite.query = original;
      },
    };
  }

  for (const when of ['before', 'after'] as const) {
    it(`loses nothing and duplicates nothing when the insert fails ${when} it commits`, async () => {
      const input = {
        articleId: article.globalId,
        nickname: '重试的网友',
        text: `断线重试 ${when} ${randomUUID()}`,
        idempotencyKey: randomUUID(),
        formToken: await formToken(article.globalId),
      };
      const fault = failNextInsert(when);
      let failedAnswer: Awaited<ReturnType<typeof postAs>>;
      try {
        failedAnswer = await postAs('10.1.1.1', input);
      } finally {
        fault.restore();
      }
      expect(fault.failed()).toBe(1);
      // A lost connection is a retryable 503, saying nothing of the database.
      expect(failedAnswer.status).toBe(503);
      expect(failedAnswer.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(failedAnswer.text).not.toMatch(/insert|Connection terminated|comments"/i);
      // The circuit breaker leaves the database alone for 250 ms after a failure (the test's reads too).
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await byKey(input.idempotencyKey)).toHaveLength(when === 'after' ? 1 : 0);

      // The client retries with the same key, as Retry-After says, until it gets an answer.
      const retried = await retryUntilAnswered(() => postAs('10.1.1.1', input));
      expect(retried.body.errors).toBeUndefined();
      expect(retried.body.data?.postComment).toMatchObject({ text: input.text, status: 'PENDING' });
      const again = await postAs('10.1.1.1', input);
      expect(again.body.data).toEqual(retried.body.data);
      expect(await byKey(input.idempotencyKey)).toHaveLength(1);
    });
  }
});
