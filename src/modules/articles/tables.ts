import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { channels } from '../channels/tables';
import type { BodyBlock, ImageAsset } from './body-blocks';

export const articleKind = pgEnum('article_kind', ['story', 'gallery', 'video']);
export const articleStatus = pgEnum('article_status', ['draft', 'published', 'retracted']);
export const bylineRole = pgEnum('byline_role', [
  'reporter',
  'photographer',
  'correspondent',
  'author',
  'translator',
  'videographer',
]);

// Second precision: cursors round-trip through JavaScript Dates, which hold milliseconds only.
const moment = (name: string) => timestamp(name, { withTimezone: true, precision: 0 });

export const articles = pgTable(
  'articles',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    channelId: integer('channel_id')
      .notNull()
      .references(() => channels.id),
    path: text('path').notNull(),
    kind: articleKind('kind').notNull().default('story'),
    status: articleStatus('status').notNull().default('draft'),
    kicker: text('kicker'),
    title: text('title').notNull(),
    subtitles: text('subtitles').array().notNull().default(sql`'{}'::text[]`),
    summary: text('summary'),
    source: text('source').notNull(),
    body: jsonb('body').$type<BodyBlock[]>().notNull(),
    cover: jsonb('cover').$type<ImageAsset>(),
    editor: text('editor'),
    publishedAt: moment('published_at').notNull(),
    updatedAt: moment('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('articles_path_idx').on(t.path),
    // Feeds: newest published first, optionally within a channel subtree. `ORDER BY ... DESC` means
    // NULLS FIRST in Postgres, and an index only serves an ORDER BY whose null placement it matches
    // (the columns being NOT NULL does not help): drizzle's bare `.desc()` writes DESC NULLS LAST,
    // which made every feed sort all its matching rows (1.2 s for a channel feed at a million articles).
    index('articles_published_idx').on(t.status, t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('articles_channel_published_idx').on(
      t.channelId,
      t.status,
      t.publishedAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
  ],
);

/** Credits in the order the page prints them, e.g. 记者 赵洪杰 刘兵 李子路 摄影 王世翔. */
export const articleBylines = pgTable(
  'article_bylines',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    role: bylineRole('role').notNull(),
    name: text('name').notNull(),
    organisation: text('organisation'),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.position] })],
);

export const tags = pgTable(
  'tags',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('tags_name_idx').on(t.name)],
);

export const articleTags = pgTable(
  'article_tags',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.tagId] }), index('article_tags_tag_idx').on(t.tagId, t.articleId)],
);
