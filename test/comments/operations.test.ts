// The comment operations of schema/operations/ as partners run them: CommentForm (no SQL), then
// PostComment with that form's token and the example's other variables, within its SQL budget.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { operation } from '../support/operations';
import { useCommentGateway } from './support';

const { graphql, clock } = useCommentGateway();

const budgetOf = (document: string) => Number(/^# SQL statements: (\d+)$/m.exec(document)?.[1]);

describe('comment operations', () => {
  it('opens the form (CommentForm) with no SQL, then posts (PostComment) within its budget', async () => {
    const form = operation('CommentForm');
    const opened = await graphql(form.document, form.variables);
    expect(opened.body.errors).toBeUndefined();
    expect(opened.statements ?? 0).toBe(budgetOf(form.document));
    const { token, postableAt } = opened.body.data?.commentForm ?? {};
    clock.now = Date.parse(postableAt);

    const post = operation('PostComment');
    const example = post.variables.input as Record<string, unknown>;
    const input = {
      ...example,
      formToken: token,
      idempotencyKey: randomUUID(),
      text: `${example.text} ${randomUUID()}`,
    };
    const posted = await graphql(post.document, { input });
    expect(posted.body.errors).toBeUndefined();
    expect(posted.body.data?.postComment).toMatchObject({ status: 'PENDING', nickname: example.nickname });
    expect(posted.statements).toBeGreaterThan(0);
    expect(posted.statements).toBeLessThanOrEqual(budgetOf(post.document));
  });

  it('reads the seeded threads with ArticleComments in one statement', async () => {
    const read = operation('ArticleComments');
    const response = await graphql(read.document, read.variables);
    expect(response.statements).toBe(1);
    const article = response.body.data?.article;
    expect(article.comments.edges.length).toBeGreaterThan(0);
    expect(article.comments.edges.some((edge: { node: { replies: unknown[] } }) => edge.node.replies.length > 0)).toBe(
      true,
    );
  });
});
