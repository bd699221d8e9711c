import { and, eq, gte, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../db/database';
import { articleBylines, articles, articleTags, tags } from '../modules/articles/tables';
import { channels } from '../modules/channels/tables';
import { computeRelatedByTags } from '../modules/recommendations/compute';
import { siteLicences, siteLinks, sites } from '../modules/site/tables';
import { GENERATED_TAGS, generateArticle } from './generate';
import { SEED_ARTICLE } from './seed-article';
import { CHANNELS, SITE, SITE_ID, SITE_LICENCES, SITE_LINKS } from './site';
import type { ArticleRecord, ChannelRef } from './types';

export const DEFAULT_ARTICLES = 360;
/** Rows per INSERT: a few thousand bind parameters, far below Postgres' 65,535. */
const BATCH = 200;

export interface SeedOptions {
  /** Generated articles besides the reference one; default 360. */
  articles?: number;
}

export interface SeedCounts {
  site: number;
  channels: number;
  articles: number;
  tags: number;
}

/**
 * `SET col = excluded.col` for an upsert. Drizzle has no helper for the `excluded` pseudo-table,
 * so it is spelled out with the columns' database names.
 */
function excluded<T extends PgTable, K extends keyof T['_']['columns'] & string>(
  table: T,
  keys: readonly K[],
): Record<K, SQL> {
  const columns = table as unknown as Record<K, PgColumn>;
  const set = keys.map((key) => [key, sql`excluded.${sql.identifier(columns[key].name)}`]);
  return Object.fromEntries(set) as Record<K, SQL>;
}

function* chunks<T>(items: readonly T[], size = BATCH): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

async function upsertSite(db: Database): Promise<void> {
  await db
    .insert(sites)
    .values(SITE)
    .onConflictDoUpdate({
      target: sites.id,
      set: excluded(sites, [
        'name',
        'url',
        'homeLabel',
        'copyright',
        'operators',
        'operatorsNote',
        'reportPhone',
        'reportEmail',
      ]),
    });
  // Links and licences are keyed by position; rows past the end of the lists are stale.
  await db
    .insert(siteLinks)
    .values(SITE_LINKS.map((link, position) => ({ siteId: SITE_ID, position, ...link })))
    .onConflictDoUpdate({
      target: [siteLinks.siteId, siteLinks.position],
      set: excluded(siteLinks, ['label', 'href']),
    });
  await db.delete(siteLinks).where(and(eq(siteLinks.siteId, SITE_ID), gte(siteLinks.position, SITE_LINKS.length)));
  await db
    .insert(siteLicences)
    .values(SITE_LICENCES.map((licence, position) => ({ siteId: SITE_ID, position, ...licence })))
    .onConflictDoUpdate({
      target: [siteLicences.siteId, siteLicences.position],
      set: excluded(siteLicences, ['kind', 'label', 'number', 'text', 'href']),
    });
  await db
    .delete(siteLicences)
    .where(and(eq(siteLicences.siteId, SITE_ID), gte(siteLicences.position, SITE_LICENCES.length)));
}

/** Upserts channels one depth at a time, so every parent's id is known before its children go in. */
async function upsertChannels(db: Database): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const maxDepth = Math.max(...CHANNELS.map((c) => c.depth));
  for (let depth = 0; depth <= maxDepth; depth += 1) {
    const level = CHANNELS.filter((c) => c.depth === depth);
    const rows = level.map(({ path, ...channel }) => {
      const parentPath = path.slice(0, path.lastIndexOf('/'));
      const parentId = depth === 0 ? null : ids.get(parentPath);
      if (parentId === undefined) throw new Error(`channel ${path} comes before its parent`);
      return { siteId: SITE_ID, parentId, path, ...channel };
    });
    const saved = await db
      .insert(channels)
      .values(rows)
      .onConflictDoUpdate({
        target: channels.path,
        set: excluded(channels, [
          'siteId',
          'parentId',
          'slug',
          'depth',
          'name',
          'description',
          'kind',
          'position',
          'inNavigation',
        ]),
      })
      .returning({ id: channels.id, path: channels.path });
    for (const { id, path } of saved) ids.set(path, id);
  }
  return ids;
}

/** Adds the tags `ids` does not know yet and records their ids. */
async function upsertTags(db: Database, names: Iterable<string>, ids: Map<string, number>): Promise<void> {
  const missing = [...new Set(names)].filter((name) => !ids.has(name));
  for (const batch of chunks(missing)) {
    // A no-op update instead of DO NOTHING, so that RETURNING also yields the rows that already existed.
    const saved = await db
      .insert(tags)
      .values(batch.map((name) => ({ name })))
      .onConflictDoUpdate({ target: tags.name, set: excluded(tags, ['name']) })
      .returning({ id: tags.id, name: tags.name });
    for (const { id, name } of saved) ids.set(name, id);
  }
}

/** Upserts one batch of articles by path, then replaces their bylines and tag links. */
async function upsertArticles(
  db: Database,
  records: readonly ArticleRecord[],
  channelIds: ReadonlyMap<string, number>,
  tagIds: Map<string, number>,
): Promise<number[]> {
  const rows = records.map(({ channelPath, bylines: _, tags: __, ...article }) => {
    const channelId = channelIds.get(channelPath);
    if (channelId === undefined) throw new Error(`article ${article.path}: unknown channel ${channelPath}`);
    return { ...article, channelId };
  });
  const saved = await db
    .insert(articles)
    .values(rows)
    .onConflictDoUpdate({
      target: articles.path,
      set: excluded(articles, [
        'channelId',
        'kind',
        'status',
        'kicker',
        'title',
        'subtitles',
        'summary',
        'source',
        'body',
        'cover',
        'editor',
        'publishedAt',
        'updatedAt',
      ]),
    })
    .returning({ id: articles.id, path: articles.path });
  const idByPath = new Map(saved.map(({ id, path }) => [path, id]));
  const articleIds = saved.map(({ id }) => id);

  await db.delete(articleBylines).where(inArray(articleBylines.articleId, articleIds));
  await db.delete(articleTags).where(inArray(articleTags.articleId, articleIds));

  await upsertTags(
    db,
    records.flatMap((r) => r.tags),
    tagIds,
  );
  const bylineRows = records.flatMap((r) =>
    r.bylines.map((byline, position) => ({ articleId: idByPath.get(r.path) as number, position, ...byline })),
  );
  const tagRows = records.flatMap((r) =>
    [...new Set(r.tags)].map((name, position) => ({
      articleId: idByPath.get(r.path) as number,
      tagId: tagIds.get(name) as number,
      position,
    })),
  );
  for (const batch of chunks(bylineRows, BATCH * 4)) await db.insert(articleBylines).values(batch);
  for (const batch of chunks(tagRows, BATCH * 4)) await db.insert(articleTags).values(batch);
  return articleIds;
}

/**
 * Writes the demo data: the site with its footer, the channel tree, the reference article and
 * `options.articles` generated ones. Idempotent: everything is upserted by its natural key (site id,
 * channel path, tag name, article path), and bylines and tags of the written articles are replaced.
 * Runs in one transaction, so a failed seed leaves the database as it was.
 */
export async function seed(db: Database, options: SeedOptions = {}): Promise<SeedCounts> {
  const total = options.articles ?? DEFAULT_ARTICLES;
  return db.transaction(async (tx) => {
    await upsertSite(tx);
    const channelIds = await upsertChannels(tx);
    const tagIds = new Map<string, number>();
    await upsertTags(tx, [...SEED_ARTICLE.tags, ...GENERATED_TAGS], tagIds);

    const refs: ChannelRef[] = CHANNELS.map(({ path, kind }) => ({ path, kind }));
    // Generated lazily, batch by batch, so a million articles never sit in memory at once.
    const seeded = await upsertArticles(tx, [SEED_ARTICLE], channelIds, tagIds);
    for (let first = 1; first <= total; first += BATCH) {
      const last = Math.min(total, first + BATCH - 1);
      const batch = Array.from({ length: last - first + 1 }, (_, i) => generateArticle(first + i, refs));
      seeded.push(...(await upsertArticles(tx, batch, channelIds, tagIds)));
    }
    await computeRelatedByTags(tx, seeded);
    return { site: 1, channels: channelIds.size, articles: total + 1, tags: tagIds.size };
  });
}
