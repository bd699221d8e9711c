import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../src/db/database';
import { articlesTable } from '../../src/modules/articles';
import { channelsTable } from '../../src/modules/channels';
import { MIN_FORM_SECONDS } from '../../src/modules/comments/form-token';
import { comments } from '../../src/modules/comments/tables';
import { type GraphQLResponse, useGateway } from '../support/gateway';

export const COMMENT_SECRET = 'comment-secret-for-tests';
export const EDITOR_TOKEN = 'comment-editor-token';

export const globalId = (type: string, id: number) => btoa(`${type}:${id}`);

/**
 * A gateway with comments configured, a clock the test moves, and the client's address taken
 * from an `x-test-address` header (the Worker reads Cloudflare's, Node the socket's).
 */
export function useCommentGateway(options: { cacheBytes?: number } = {}) {
  // A start of the run's own, so windows (flood limits) never see another run's posts on a shared Postgres.
  const clock = { now: Date.now() };
  const gateway = useGateway({
    cacheBytes: options.cacheBytes,
    now: () => clock.now,
    editorToken: EDITOR_TOKEN,
    secrets: { COMMENT_SECRET },
    clientAddress: (request) => request.headers.get('x-test-address'),
  });
  const { graphql } = gateway;

  const editor = <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}) =>
    graphql<T>(query, variables, {
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        authorization: `Bearer ${EDITOR_TOKEN}`,
      },
    });

  /** The form token of an article, loaded `MIN_FORM_SECONDS` + 1 ago by moving the clock on. */
  async function formToken(articleId: string): Promise<string> {
    const response = await graphql<{ commentForm: { token: string } }>(
      'query ($id: ID!) { commentForm(articleId: $id) { token } }',
      { id: articleId },
    );
    const token = response.body.data?.commentForm.token;
    if (!token) throw new Error(`no token: ${response.text}`);
    clock.now += (MIN_FORM_SECONDS + 1) * 1000;
    return token;
  }

  /** Posts a comment with a fresh form token from `address`; fields override the defaults. */
  async function post(
    articleId: string,
    fields: Record<string, unknown> = {},
    address: string | null = `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  ): Promise<GraphQLResponse> {
    const token = (fields.formToken as string | undefined) ?? (await formToken(articleId));
    return postAs(address, {
      articleId,
      nickname: '测试网友',
      text: '写得好，支持！',
      idempotencyKey: randomUUID(),
      formToken: token,
      ...fields,
    });
  }

  function postAs(address: string | null, input: Record<string, unknown>) {
    return graphql(
      POST,
      { input },
      {
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          ...(address && { 'x-test-address': address }),
        },
      },
    );
  }

  return { ...gateway, clock, editor, formToken, post, postAs };
}

export const POST = `mutation ($input: PostCommentInput!) {
  postComment(input: $input) { id status nickname text postedAt replyTo }
}`;

export const COMMENTS = `query ($path: String!, $first: Int, $after: String) {
  articleByPath(path: $path) {
    id
    commentCount
    comments(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id nickname text postedAt replyCount replies { id nickname text } } }
    }
  }
}`;

/** A published article of the test's own (on Postgres every file shares one database). */
export async function createTestArticle(db: Database) {
  const [channel] = await db.select({ id: channelsTable.id }).from(channelsTable).limit(1);
  if (!channel) throw new Error('no channel');
  const slug = randomUUID().slice(0, 8);
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);
  const [row] = await db
    .insert(articlesTable)
    .values({
      channelId: channel.id,
      path: `/test/comments/${slug}.html`,
      status: 'published',
      title: `评论测试 ${slug}`,
      source: '测试',
      body: [{ type: 'paragraph', text: '正文。' }],
      publishedAt: now,
      updatedAt: now,
    })
    .returning({ id: articlesTable.id, path: articlesTable.path });
  if (!row) throw new Error('no article');
  return { ...row, globalId: globalId('Article', row.id) };
}

/** The comments stored for an article, straight from the table. */
export function storedComments(db: Database, articleId: number) {
  return db.select().from(comments).where(eq(comments.articleId, articleId)).orderBy(comments.id);
}
