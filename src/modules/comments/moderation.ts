import { eq } from 'drizzle-orm';
import type { Builder } from '../../builder';
import type { Context } from '../../context';
import { userError } from '../../shared/errors';
import { idOf } from '../../shared/global-id';
import { commentCacheTags } from './cache';
import { comments } from './tables';
import { type CommentTypes, checkPage } from './types';

interface ModerationResult {
  id: number;
  deleted: boolean;
  purgedTags: string[];
  purgedResponses: number;
}

type Decision = 'approved' | 'rejected' | 'deleted';

/**
 * Applies a decision in one statement, then purges the one tag of the article's comments: after
 * the commit, so a refetch sees it, and nothing else (the article page, other articles) is purged.
 */
async function moderate(ctx: Context, id: number, decision: Decision): Promise<ModerationResult> {
  const db = ctx.writer();
  const [row] =
    decision === 'deleted'
      ? await db.delete(comments).where(eq(comments.id, id)).returning({ articleId: comments.articleId })
      : await db
          .update(comments)
          .set({ status: decision, moderatedAt: ctx.now })
          .where(eq(comments.id, id))
          .returning({ articleId: comments.articleId });
  if (!row) throw userError('There is no comment with that `id` (it may have been deleted).');
  const purgedTags = [commentCacheTags.article(row.articleId)];
  return { id, deleted: decision === 'deleted', purgedTags, purgedResponses: await ctx.purge(purgedTags) };
}

/** Editors: the moderation queue, approving, rejecting and deleting comments. */
export function registerModeration(builder: Builder, { Comment }: CommentTypes) {
  builder.queryField('pendingComments', (t) =>
    t.drizzleConnection(
      {
        type: 'comments',
        authScopes: { editor: true },
        description:
          'Editors: comments waiting for review, oldest first, held ones (with a `holdReason`) among them. Never cached.',
        // A second statement, only when asked for: the queue is editors' page, not a public read.
        totalCount: (_root, _args, ctx) => ctx.db.$count(comments, eq(comments.status, 'pending')),
        resolve: (query, _root, args, ctx) => {
          checkPage(args);
          return ctx.db.query.comments.findMany(
            query({ where: { status: 'pending' }, orderBy: { createdAt: 'asc', id: 'asc' } }),
          );
        },
      },
      {
        name: 'PendingCommentConnection',
        description: 'A page of comments waiting for review, oldest first.',
        // Pothos adds `totalCount` without a description; the same field, described.
        fields: (c) => ({
          totalCount: c.int({
            description: 'How many comments wait for review in all.',
            resolve: (connection) => (connection as { totalCount?: () => Promise<number> }).totalCount?.() ?? 0,
          }),
        }),
      },
      { name: 'PendingCommentEdge', description: 'A comment waiting for review, with its cursor.' },
    ),
  );

  const ModerationPayload = builder.objectRef<ModerationResult>('CommentModerationPayload').implement({
    description: 'A comment after an editor’s decision, with what the decision purged.',
    fields: (t) => ({
      comment: t.drizzleField({
        type: Comment,
        nullable: true,
        description: 'The comment as it is now; null once deleted.',
        resolve: (query, result, _args, ctx) =>
          result.deleted ? null : ctx.writer().query.comments.findFirst(query({ where: { id: result.id } })),
      }),
      purgedTags: t.exposeStringList('purgedTags', {
        description: 'Cache tags purged everywhere: the article’s comments only.',
      }),
      purgedResponses: t.exposeInt('purgedResponses', {
        description: 'Cached responses this gateway instance dropped; other edge locations are purged by tag.',
      }),
    }),
  });

  const decide = (decision: Decision, description: string) =>
    builder.mutationField(
      decision === 'approved' ? 'approveComment' : decision === 'rejected' ? 'rejectComment' : 'deleteComment',
      (t) =>
        t.field({
          type: ModerationPayload,
          authScopes: { editor: true },
          description,
          args: { id: t.arg.globalID({ required: true, description: 'The `id` of the Comment.' }) },
          resolve: (_root, args, ctx) => moderate(ctx, idOf(args.id, 'Comment'), decision),
        }),
    );
  decide('approved', 'Approves a comment: public at once; purges only what shows that article’s comments.');
  decide('rejected', 'Rejects a comment: never public (hidden at once if it was approved); kept for the record.');
  decide('deleted', 'Deletes a comment and its replies for good; purges what showed them.');
}
