import { customType, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { articlesTable as articles } from '../articles';

/** A tsvector, written as its text literal (built in JavaScript: see src/shared/chinese-text.ts). */
const tsvector = customType<{ data: string; driverData: string }>({ dataType: () => 'tsvector' });

/**
 * The search index: one row per published article (a retraction deletes it), with the plain text
 * snippets are cut from and the character-bigram document. Channel and time are copied here so a
 * filtered search reads this table and the GIN index alone before joining the hits.
 */
export const articleSearch = pgTable(
  'article_search',
  {
    articleId: integer('article_id')
      .primaryKey()
      .references(() => articles.id, { onDelete: 'cascade' }),
    channelId: integer('channel_id').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true, precision: 0 }).notNull(),
    title: text('title').notNull(),
    /** The title normalised as queries are (titleKey): an exact title search puts it first. */
    titleKey: text('title_key').notNull(),
    bodyText: text('body_text').notNull(),
    document: tsvector('document').notNull(),
  },
  (t) => [
    index('article_search_document_idx').using('gin', t.document),
    // Newest first: a common word's newest matches are found by walking this (see newest-matches.ts).
    index('article_search_recent_idx').on(t.publishedAt.desc().nullsFirst(), t.articleId.desc().nullsFirst()),
  ],
);
