import { drizzleConnectionHelpers } from '@pothos/plugin-drizzle';
import type { Builder } from '../../builder';
import type { FieldCachePolicy, TypeCachePolicy } from '../../cache/hints';
import { listOf } from '../../shared/cost';
import { enumFromPg } from '../../shared/enums';
import { checkListingArguments, type ListingArguments } from '../../shared/listing-arguments';
import { COMMENTS_MAX_AGE, commentCacheTags } from './cache';
import { commentStatus, comments } from './tables';

/** Replies shown under a comment, oldest first; a longer thread is a news site's rare exception. */
export const MAX_REPLIES = 50;

const APPROVED = { status: 'approved' } as const;

/** A page of comments: newest first, the cursor is (created_at, id). */
export function checkPage(args: ListingArguments) {
  checkListingArguments(args, ['date', 'int']);
}

/** Comment, its status, and the comments of an article. */
export function registerCommentTypes(builder: Builder) {
  const CommentStatus = enumFromPg(builder, 'CommentStatus', commentStatus, {
    description: 'Where a comment stands in moderation (先审后发). Only approved comments are public.',
    values: {
      pending: 'Waiting for an editor; not public.',
      approved: 'Approved by an editor: public.',
      rejected: 'Refused by an editor; never public.',
    },
  });

  const Comment = builder.drizzleNode('comments', {
    name: 'Comment',
    description:
      '网友评论: a reader’s comment on an article, or a reply to one. The public sees approved comments only.',
    id: { column: (comment) => comment.id },
    // Status for node(id:), which refuses anything not approved; the article for the cache tag.
    select: { columns: { id: true, status: true, articleId: true } },
    extensions: {
      cache: {
        tags: (comment) => [commentCacheTags.article(comment.articleId)],
        maxAge: COMMENTS_MAX_AGE,
      } satisfies TypeCachePolicy<{ articleId: number }>,
    },
    fields: (t) => ({
      nickname: t.exposeString('nickname', { description: 'The name the reader posted under.' }),
      text: t.exposeString('body', {
        description: 'The comment as plain text (no HTML; line breaks kept as `\\n`): escape it when rendering.',
      }),
      postedAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was posted.' }),
      replies: t.relation('replies', {
        extensions: listOf(10),
        description: `Approved replies, oldest first (at most ${MAX_REPLIES}). Threads are one level deep: a reply has none.`,
        query: { where: APPROVED, orderBy: { createdAt: 'asc', id: 'asc' }, limit: MAX_REPLIES },
      }),
      replyCount: t.int({
        description: 'How many approved replies it has.',
        select: {
          extras: {
            approvedReplyCount: (comment, { sql }) =>
              sql<number>`(select count(*) from ${comments} r where r.parent_id = ${comment.id} and r.status = 'approved')`,
          },
        },
        resolve: (comment) => Number(comment.approvedReplyCount),
      }),
      status: t.expose('status', {
        type: CommentStatus,
        authScopes: { editor: true },
        description: 'Its moderation status (editors only).',
      }),
      holdReason: t.exposeString('holdReason', {
        nullable: true,
        authScopes: { editor: true },
        description: 'Why it was held beyond the usual review, e.g. the sensitive word it contains (editors only).',
      }),
      // Editors only: `node(id:)` can reach an approved comment of an article retracted since.
      article: t.relation('article', {
        authScopes: { editor: true },
        description: 'The article it comments on (editors only).',
      }),
      replyTo: t.relation('parent', {
        nullable: true,
        description:
          'The top-level comment this one replies to; null for a top-level comment (or one no longer public).',
        // A parent rejected after the reply was approved must not show through it.
        query: { where: APPROVED },
      }),
    }),
  });

  // Pothos's own counts (`totalCount: true`, `t.relatedCount`) build broken SQL with drizzle-orm
  // rc.5 (its `relationToSQL` now returns chunks, not SQL), so the counts are `extras` here: still
  // subqueries of the article's one statement.
  const threads = drizzleConnectionHelpers(builder, 'comments', {
    query: () => ({ where: { ...APPROVED, parentId: { isNull: true } }, orderBy: { createdAt: 'desc', id: 'desc' } }),
  });
  const commentsCache = {
    cache: {
      tags: (_args, article) => [commentCacheTags.article(article.id)],
      maxAge: COMMENTS_MAX_AGE,
    } satisfies FieldCachePolicy<unknown, { id: number }>,
  };

  builder.drizzleObjectFields('articles', (t) => ({
    comments: t.connection(
      {
        type: Comment,
        description:
          '网友评论: approved top-level comments, newest first, each with its approved replies; `totalCount` counts the top-level ones.',
        extensions: commentsCache,
        select: (args, ctx, nestedSelection) => {
          checkPage(args);
          return {
            with: { comments: threads.getQuery(args, ctx, nestedSelection) },
            extras: {
              threadCount: (article, { sql }) =>
                sql<number>`(select count(*) from ${comments} c where c.article_id = ${article.id} and c.status = 'approved' and c.parent_id is null)`,
            },
          };
        },
        resolve: (article, args, ctx) => ({
          ...threads.resolve(article.comments, args, ctx),
          totalCount: Number(article.threadCount),
        }),
      },
      {
        name: 'CommentConnection',
        description: 'A page of comments, newest first.',
        fields: (c) => ({
          totalCount: c.int({
            description: 'How many comments the connection has across all its pages.',
            resolve: (connection) => (connection as { totalCount?: number }).totalCount ?? 0,
          }),
        }),
      },
      { name: 'CommentEdge', description: 'A comment in a page of comments, with its cursor.' },
    ),
    commentCount: t.int({
      description: 'How many approved comments it has, replies included (共N条评论).',
      extensions: commentsCache,
      select: {
        extras: {
          approvedCommentCount: (article, { sql }) =>
            sql<number>`(select count(*) from ${comments} c where c.article_id = ${article.id} and c.status = 'approved')`,
        },
      },
      resolve: (article) => Number(article.approvedCommentCount),
    }),
  }));

  return { Comment, CommentStatus };
}

export type CommentTypes = ReturnType<typeof registerCommentTypes>;
