import { index, integer, pgEnum, pgTable, primaryKey, real, timestamp } from 'drizzle-orm/pg-core';
import { articlesTable as articles } from '../articles';

/** Why an entry is in a list: its strongest signal, or an editor's pin (`editor_pick`). */
export const relatedReason = pgEnum('related_reason', ['shared_tags', 'editor_pick', 'same_channel', 'similar_text']);

/**
 * 相关推荐, stored per article in display order with each entry's score and reason, so the
 * article page reads them in its one statement. Computed ahead (see compute.ts) and kept current
 * by editor changes; only published articles are listed.
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
    /** The blended score (0 to about 1.5), kept for pinned entries too. */
    score: real('score').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.relatedId] }),
    // "Which pages list this article?": what a publish or a retraction must recompute and purge.
    index('article_related_related_idx').on(t.relatedId),
  ],
);

export const relatedOverrideAction = pgEnum('related_override_action', ['pin', 'exclude']);

/** An editor's say over one list: this article pinned at a place, or kept out. */
export const relatedOverrides = pgTable(
  'related_overrides',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    relatedId: integer('related_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    action: relatedOverrideAction('action').notNull(),
    /** Order among the list's pins (pinned entries come first, in this order). */
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.relatedId] }), index('related_overrides_related_idx').on(t.relatedId)],
);

export const relatedWeight = pgEnum('related_weight', ['boost', 'bury']);

/** An article boosted or buried in every list it may appear in. */
export const relatedWeights = pgTable('related_weights', {
  articleId: integer('article_id')
    .primaryKey()
    .references(() => articles.id, { onDelete: 'cascade' }),
  weight: relatedWeight('weight').notNull(),
});

/**
 * How many published articles carry each tag (tag 0: all published articles), for the tags'
 * rarity. Written by the full computation; an edit reads it and leaves it (a few articles more or
 * less do not change a rarity that matters).
 */
export const relatedTagFrequencies = pgTable('related_tag_frequencies', {
  tagId: integer('tag_id').primaryKey(),
  articles: integer('articles').notNull(),
});

/**
 * Published articles by tag and time: "the nearest articles in time with this tag", either side of
 * a date, is two short index range scans, whatever the tag's size. Candidates come from here.
 */
export const relatedTimeline = pgTable(
  'related_timeline',
  {
    tagId: integer('tag_id').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true, precision: 0 }).notNull(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.tagId, t.publishedAt, t.articleId] }),
    index('related_timeline_article_idx').on(t.articleId),
  ],
);
