import { index, integer, pgEnum, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { articlesTable as articles } from '../articles';

export const relatedReason = pgEnum('related_reason', ['shared_tags', 'editor_pick']);

/**
 * 相关推荐, stored per article in display order. Lists are computed ahead (today from shared
 * tags; later also full-text similarity and editors' picks) so the article page reads them in its
 * one statement. Entries may point at drafts: they show once those are published.
 */
export const articleRelated = pgTable(
  'article_related',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    relatedId: integer('related_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    reason: relatedReason('reason').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.relatedId] }),
    // "Which pages list this article?": what a publish or a retraction must purge.
    index('article_related_related_idx').on(t.relatedId),
  ],
);
