import { defineRelationsPart } from 'drizzle-orm';
import { articlesTable as articles } from '../articles';
import { comments, commentWords } from './tables';

/**
 * `articles.comments`: every comment of an article (the connection narrows it to approved
 * top-level ones); `replies`: the comments answering a top-level one.
 */
export const commentRelations = defineRelationsPart({ articles, comments, commentWords }, (r) => ({
  articles: {
    comments: r.many.comments({ from: r.articles.id, to: r.comments.articleId, alias: 'article_comments' }),
  },
  comments: {
    article: r.one.articles({
      from: r.comments.articleId,
      to: r.articles.id,
      alias: 'article_comments',
      optional: false,
    }),
    replies: r.many.comments({ from: r.comments.id, to: r.comments.parentId, alias: 'replies' }),
    parent: r.one.comments({ from: r.comments.parentId, to: r.comments.id, alias: 'replies' }),
  },
  commentWords: {},
}));
