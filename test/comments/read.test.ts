// The public side of comments: the seeded threads of the reference article, newest first with their
// replies, in one SQL statement; only approved comments, by every way of asking.
import { describe, expect, it } from 'vitest';
import { comments } from '../../src/modules/comments/tables';
import { dataOf } from '../support/gateway';
import { COMMENTS, globalId, useCommentGateway } from './support';

const SEED_PATH = '/yaowen/shandong/20240315/sdwchy.html';
const { graphql, database } = useCommentGateway();

type Page = {
  articleByPath: {
    commentCount: number;
    comments: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string };
      edges: {
        node: {
          id: string;
          nickname: string;
          text: string;
          postedAt: string;
          replyCount: number;
          replies: { id: string; text: string }[];
        };
      }[];
    };
  };
};

describe('Article.comments', () => {
  it('lists the approved threads newest first with their approved replies, in one statement', async () => {
    const response = await graphql<Page>(COMMENTS, { path: SEED_PATH, first: 10 });
    expect(response.body.errors).toBeUndefined();
    expect(response.statements).toBe(1);
    const stored = await database()
      .admin.select()
      .from(comments)
      .then((rows) => rows.filter((row) => row.idempotencyKey.startsWith('seed-')));
    const approvedTop = stored
      .filter((row) => row.status === 'approved' && row.parentId === null)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
    const page = dataOf(response).articleByPath.comments;
    // Only seeded comments live on the reference article (tests post to articles of their own).
    expect(page.edges.map((edge) => edge.node.text)).toEqual(approvedTop.map((row) => row.body));
    expect(page.totalCount).toBe(approvedTop.length);
    const times = page.edges.map((edge) => Date.parse(edge.node.postedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const edge of page.edges) {
      const id = Number(atob(edge.node.id).split(':')[1]);
      const replies = stored
        .filter((row) => row.parentId === id && row.status === 'approved')
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      expect(edge.node.replies.map((reply) => reply.text)).toEqual(replies.map((row) => row.body));
      expect(edge.node.replyCount).toBe(replies.length);
    }
    expect(page.edges.some((edge) => edge.node.replies.length >= 2)).toBe(true);
    const approved = stored.filter((row) => row.status === 'approved').length;
    expect(dataOf(response).articleByPath.commentCount).toBe(approved);
    // The pending ones (a held one among them) show nowhere.
    const pending = stored.filter((row) => row.status === 'pending');
    expect(pending.length).toBeGreaterThan(0);
    for (const row of pending) expect(response.text).not.toContain(row.body);
  });

  it('pages with first and after, and says so in pageInfo', async () => {
    const first = dataOf(await graphql<Page>(COMMENTS, { path: SEED_PATH, first: 2 })).articleByPath.comments;
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = await graphql<Page>(COMMENTS, { path: SEED_PATH, first: 2, after: first.pageInfo.endCursor });
    expect(next.statements).toBe(1);
    const rest = dataOf(next).articleByPath.comments;
    expect(rest.edges.length).toBe(first.totalCount - 2);
    const ids = [...first.edges, ...rest.edges].map((edge) => edge.node.id);
    expect(new Set(ids).size).toBe(first.totalCount);
  });

  it('refuses a page size out of range and a forged cursor as bad input', async () => {
    for (const variables of [{ first: 0 }, { first: 101 }, { first: 2, after: 'bm90IGEgY3Vyc29y' }]) {
      const response = await graphql(COMMENTS, { path: SEED_PATH, ...variables });
      expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.text).not.toMatch(/select|comments"|stack/i);
    }
  });

  it('gives node(id:) an approved comment and null for a pending one', async () => {
    const rows = await database().admin.select().from(comments);
    const approved = rows.find((row) => row.status === 'approved' && row.idempotencyKey.startsWith('seed-'));
    const pending = rows.find((row) => row.status === 'pending' && row.idempotencyKey.startsWith('seed-'));
    if (!approved || !pending) throw new Error('seed has no comments');
    const query = 'query ($id: ID!) { node(id: $id) { ... on Comment { text } } }';
    const shown = await graphql(query, { id: globalId('Comment', approved.id) });
    expect(shown.body.data?.node).toEqual({ text: approved.body });
    const hidden = await graphql(query, { id: globalId('Comment', pending.id) });
    expect(hidden.body.data?.node).toBeNull();
    expect(hidden.text).not.toContain(pending.body);
  });

  it('keeps moderation fields to editors', async () => {
    const response = await graphql(
      `{ articleByPath(path: "${SEED_PATH}") { comments(first: 1) { edges { node { status holdReason } } } } }`,
    );
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const queue = await graphql('{ pendingComments(first: 5) { totalCount } }');
    expect(queue.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(queue.body.data?.pendingComments ?? null).toBeNull();
  });
});
