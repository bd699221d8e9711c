// Editors' side: the queue, approve / reject / delete, and the edge cache: approval shows at once
// and purges only what shows that article's comments.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLResponse } from '../support/gateway';
import { COMMENTS, createTestArticle, storedComments, useCommentGateway } from './support';

const { graphql, database, editor, post, send, clock } = useCommentGateway({ cacheBytes: 8 * 2 ** 20 });

let article: Awaited<ReturnType<typeof createTestArticle>>;
let other: Awaited<ReturnType<typeof createTestArticle>>;
beforeAll(async () => {
  article = await createTestArticle(database().admin);
  other = await createTestArticle(database().admin);
});

const QUEUE = `query ($first: Int, $after: String) {
  pendingComments(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id text status holdReason article { path } } }
  }
}`;
const DECIDE = (name: string) =>
  `mutation ($id: ID!) { ${name}(id: $id) { comment { id status } purgedTags purgedResponses } }`;

/** A cached GET of an article's comments (the way browsers and the edge read them). */
async function getComments(path: string) {
  const search = new URLSearchParams({ query: COMMENTS, variables: JSON.stringify({ path, first: 20 }) });
  const response = await send(new Request(`http://gateway.test/graphql?${search}`));
  const body = (await response.json()) as {
    data: { articleByPath: { comments: { totalCount: number; edges: { node: { text: string } }[] } } };
  };
  return {
    xCache: response.headers.get('x-cache'),
    cacheTag: response.headers.get('cache-tag') ?? '',
    texts: body.data.articleByPath.comments.edges.map((edge) => edge.node.text),
    totalCount: body.data.articleByPath.comments.totalCount,
  };
}

/** A cached GET of the article page without its comments. */
async function getArticle(path: string) {
  const search = new URLSearchParams({ query: `{ articleByPath(path: "${path}") { title } }` });
  const response = await send(new Request(`http://gateway.test/graphql?${search}`));
  await response.text();
  return response.headers.get('x-cache');
}

describe('moderation', () => {
  it('lists pending comments for editors, oldest first, with hold reasons, and pages', async () => {
    const texts = [`待审一 ${randomUUID()}`, `待审二 ${randomUUID()}`];
    for (const text of texts) await post(article.globalId, { text });
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 50; page++) {
      const response: GraphQLResponse = await editor(QUEUE, { first: 100, after });
      expect(response.body.errors).toBeUndefined();
      const queue = response.body.data?.pendingComments as {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { status: string; text: string } }[];
      };
      total = queue.totalCount;
      for (const edge of queue.edges) {
        expect(edge.node.status).toBe('PENDING');
        seen.push(edge.node.text);
      }
      if (!queue.pageInfo.hasNextPage) break;
      after = queue.pageInfo.endCursor;
    }
    expect(seen.length).toBe(total);
    const first = seen.indexOf(texts[0] as string);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(seen.indexOf(texts[1] as string)).toBeGreaterThan(first);
    // The seeded held comment shows its reason.
    const held = await editor(QUEUE, { first: 100 });
    const reasons = held.body.data?.pendingComments.edges.map(
      (edge: { node: { holdReason: string | null } }) => edge.node.holdReason,
    );
    expect(reasons).toContain('敏感词: 拆迁');
  });

  it('shows an approved comment at once, purging only that article’s comments', async () => {
    const text = `通过审核 ${randomUUID()}`;
    const posted = (await post(article.globalId, { text })).body.data?.postComment;

    // Warm the cache: the article's comments, its page without them, another article's comments.
    const before = await getComments(article.path);
    expect(before.texts).not.toContain(text);
    expect(before.cacheTag.split(',')).toContain(`comments:article:${article.id}`);
    expect((await getComments(article.path)).xCache).toBe('HIT');
    await getArticle(article.path);
    expect(await getArticle(article.path)).toBe('HIT');
    await getComments(other.path);
    expect((await getComments(other.path)).xCache).toBe('HIT');

    const approved = await editor(DECIDE('approveComment'), { id: posted.id });
    expect(approved.body.errors).toBeUndefined();
    expect(approved.body.data?.approveComment).toMatchObject({
      comment: { id: posted.id, status: 'APPROVED' },
      purgedTags: [`comments:article:${article.id}`],
    });
    expect(approved.body.data?.approveComment.purgedResponses).toBeGreaterThanOrEqual(1);

    const after = await getComments(article.path);
    expect(after.xCache).toBe('MISS');
    expect(after.texts[0]).toBe(text);
    expect(after.totalCount).toBe(before.totalCount + 1);
    expect(await getArticle(article.path)).toBe('HIT');
    expect((await getComments(other.path)).xCache).toBe('HIT');
  });

  it('hides a rejected comment at once and keeps it for the record; deletes with its replies', async () => {
    const top = (await post(article.globalId, { text: `将被拒绝 ${randomUUID()}` })).body.data?.postComment;
    await editor(DECIDE('approveComment'), { id: top.id });
    const reply = (await post(article.globalId, { text: `回复 ${randomUUID()}`, replyTo: top.id })).body.data
      ?.postComment;
    await editor(DECIDE('approveComment'), { id: reply.id });
    expect((await getComments(article.path)).texts).toContain(top.text);
    expect((await getComments(article.path)).xCache).toBe('HIT');

    const rejected = await editor(DECIDE('rejectComment'), { id: top.id });
    expect(rejected.body.data?.rejectComment.comment.status).toBe('REJECTED');
    const hidden = await getComments(article.path);
    expect(hidden.xCache).toBe('MISS');
    expect(hidden.texts).not.toContain(top.text);
    const rows = await storedComments(database().admin, article.id);
    expect(rows.find((row) => row.body === top.text)?.status).toBe('rejected');

    const deleted = await editor(DECIDE('deleteComment'), { id: top.id });
    expect(deleted.body.data?.deleteComment).toMatchObject({
      comment: null,
      purgedTags: [`comments:article:${article.id}`],
    });
    const left = await storedComments(database().admin, article.id);
    expect(left.some((row) => row.body === top.text || row.body === reply.text)).toBe(false);
    const again = await editor(DECIDE('deleteComment'), { id: top.id });
    expect(again.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('never shows a rejected comment through a reply that stays approved', async () => {
    const top = (await post(article.globalId, { text: `母帖 ${randomUUID()}` })).body.data?.postComment;
    await editor(DECIDE('approveComment'), { id: top.id });
    const reply = (await post(article.globalId, { text: `子帖 ${randomUUID()}`, replyTo: top.id })).body.data
      ?.postComment;
    await editor(DECIDE('approveComment'), { id: reply.id });
    const NODE = 'query ($id: ID!) { node(id: $id) { ... on Comment { text replyTo { text } } } }';
    expect((await graphql(NODE, { id: reply.id })).body.data?.node).toEqual({
      text: reply.text,
      replyTo: { text: top.text },
    });
    await editor(DECIDE('rejectComment'), { id: top.id });
    const after = await graphql(NODE, { id: reply.id });
    expect(after.body.data?.node).toEqual({ text: reply.text, replyTo: null });
    expect(after.text).not.toContain(top.text);
    // The article behind a comment is for editors: it may have been retracted since.
    const behind = await graphql('query ($id: ID!) { node(id: $id) { ... on Comment { article { title } } } }', {
      id: reply.id,
    });
    expect(behind.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets only editors moderate', async () => {
    const posted = (await post(article.globalId)).body.data?.postComment;
    for (const name of ['approveComment', 'rejectComment', 'deleteComment']) {
      const response = await graphql(DECIDE(name), { id: posted.id });
      expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const rows = await storedComments(database().admin, article.id);
    expect(rows.find((row) => row.id === Number(atob(posted.id).split(':')[1]))?.status).toBe('pending');
  });

  it('never caches a post or a form', async () => {
    const form = 'query ($id: ID!) { commentForm(articleId: $id) { token } }';
    const search = new URLSearchParams({ query: form, variables: JSON.stringify({ id: article.globalId }) });
    const tokens = new Set<string>();
    for (let i = 0; i < 2; i++) {
      const response = await send(new Request(`http://gateway.test/graphql?${search}`));
      expect(response.headers.get('x-cache')).not.toBe('HIT');
      tokens.add(((await response.json()) as { data: { commentForm: { token: string } } }).data.commentForm.token);
      clock.now += 1_000;
    }
    // Each load its own token: a cached copy would hand the first load's to the second.
    expect(tokens.size).toBe(2);
    const posted = await post(article.globalId);
    expect(posted.headers.get('x-cache')).not.toBe('HIT');
    expect(posted.headers.get('cache-control') ?? '').not.toMatch(/public/);
  });
});
