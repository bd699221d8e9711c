import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { articlesTable as articles } from '../articles';
import type { Polygon } from './hotspot';

/** 日报, 晚报, 周报: what the masthead calls the paper and when it comes out. */
export const newspaperKind = pgEnum('newspaper_kind', ['daily', 'evening', 'weekly']);

/** A print newspaper of the city (聊城日报, 聊城晚报): reference data, written by the seed. */
export const newspapers = pgTable(
  'newspapers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** What manifests and partners name it by: `lcrb`, `lcwb`. */
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: newspaperKind('kind').notNull(),
    publisher: text('publisher').notNull(),
    description: text('description').notNull(),
    /** Order on the 数字报 landing page. */
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('newspapers_slug_idx').on(t.slug)],
);

/**
 * One printed issue: a newspaper on a date (a Beijing calendar date). Its neighbours in the
 * archive are stored as links, kept by the importer, so that "previous and next issue" are
 * one-row joins that fold into the page's single statement (a relation cannot say "the nearest
 * earlier date"), and so that importing a late issue between two others changes exactly the
 * two rows (and cache tags) of its neighbours.
 */
export const epaperIssues = pgTable(
  'epaper_issues',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    newspaperId: integer('newspaper_id')
      .notNull()
      .references(() => newspapers.id, { onDelete: 'cascade' }),
    date: date('date').notNull(),
    /** 第N期: the issue number printed in the masthead, counted since the first issue. */
    number: integer('number').notNull(),
    pageCount: integer('page_count').notNull(),
    previousIssueId: integer('previous_issue_id').references((): AnyPgColumn => epaperIssues.id, {
      onDelete: 'set null',
    }),
    nextIssueId: integer('next_issue_id').references((): AnyPgColumn => epaperIssues.id, { onDelete: 'set null' }),
  },
  (t) => [
    // Also serves "the newest issue", "the nearest earlier issue" and a month's dates.
    uniqueIndex('epaper_issues_newspaper_date_idx').on(t.newspaperId, t.date),
    uniqueIndex('epaper_issues_newspaper_number_idx').on(t.newspaperId, t.number),
    check('epaper_issues_page_count_check', sql`${t.pageCount} > 0`),
  ],
);

/**
 * A page (版面) of an issue: its number as printed (A01, 01), its name (头版), its scanned image
 * with the image's pixel size (hotspots are in those pixels) and its PDF. `position` is the
 * reading order, 1 to the issue's page count; the generated neighbour positions let previous and
 * next page be plain joins on (issue, position).
 */
export const epaperPages = pgTable(
  'epaper_pages',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    issueId: integer('issue_id')
      .notNull()
      .references(() => epaperIssues.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    previousPosition: integer('previous_position').generatedAlwaysAs(sql`position - 1`),
    nextPosition: integer('next_position').generatedAlwaysAs(sql`position + 1`),
    number: text('number').notNull(),
    name: text('name').notNull(),
    imageUrl: text('image_url').notNull(),
    imageWidth: integer('image_width').notNull(),
    imageHeight: integer('image_height').notNull(),
    pdfUrl: text('pdf_url'),
  },
  (t) => [
    uniqueIndex('epaper_pages_issue_number_idx').on(t.issueId, t.number),
    // Not unique: a corrected issue may reorder its pages, and the importer rewrites them in place.
    index('epaper_pages_issue_position_idx').on(t.issueId, t.position),
  ],
);

/**
 * A story as printed on a page, with its hotspot on the page image (a polygon in the image's
 * pixels) and, when the same story is on the web site, a link to that article.
 */
export const epaperArticles = pgTable(
  'epaper_articles',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    pageId: integer('page_id')
      .notNull()
      .references(() => epaperPages.id, { onDelete: 'cascade' }),
    /** Order on the page, from 1, as the manifest lists the page's stories. */
    position: integer('position').notNull(),
    kicker: text('kicker'),
    title: text('title').notNull(),
    subtitles: text('subtitles').array().notNull().default(sql`'{}'::text[]`),
    author: text('author'),
    /** Paragraphs, in reading order. */
    body: text('body').array().notNull().default(sql`'{}'::text[]`),
    hotspot: jsonb('hotspot').$type<Polygon>().notNull(),
    webArticleId: integer('web_article_id').references(() => articles.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('epaper_articles_page_position_idx').on(t.pageId, t.position),
    // Article.printEdition: "where was this web article printed?"
    index('epaper_articles_web_article_idx').on(t.webArticleId),
  ],
);
