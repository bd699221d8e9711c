import { inArray, sql } from 'drizzle-orm';
import type { Database } from '../../../db/database';
import { chunks, excluded, type SeedReport, type SeedRun } from '../../../shared/seed';
import { articleBylines, articles, articleTags, tags } from '../tables';
import { CHANNEL_ROWS_SQL, type ChannelRow, channelRefs } from './channel-refs';
import { GENERATED_TAGS, generateArticle } from './generate';
import { SEED_ARTICLE } from './seed-article';
import type { ArticleRecord } from './types';

export const DEFAULT_ARTICLES = 360;
/** Rows per INSERT: a few thousand bind parameters, far below Postgres' 65,535. */
const BATCH = 200;

/** Adds the tags `ids` does not know yet and records their ids. */
async function upsertTags(db: Database, names: Iterable<string>, ids: Map<string, number>): Promise<void> {
  const missing = [...new Set(names)].filter((name) => !ids.has(name));
  for (const batch of chunks(missing, BATCH)) {
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
  const rows = records.map(({ channelPath, bylines: _, tags: __, topic: ___, ...article }) => {
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
 * The reference article and `options.articles` generated ones (360 by default) in every channel,
 * upserted by path with their bylines and tags. Channels come from the database (the channels
 * module seeds them first).
 */
export async function seedArticles(db: Database, run: SeedRun): Promise<SeedReport> {
  const total = run.options.articles ?? DEFAULT_ARTICLES;
  const channelRows = (await db.execute(sql.raw(CHANNEL_ROWS_SQL))) as unknown as { rows: ChannelRow[] };
  const rows = channelRows.rows;
  const channelIds = new Map(rows.map((row) => [row.path, row.id]));
  const refs = channelRefs(rows);
  const tagIds = new Map<string, number>();
  await upsertTags(db, [...SEED_ARTICLE.tags, ...GENERATED_TAGS], tagIds);
  // Generated lazily, batch by batch, so a large run never sits in memory at once.
  const written = await upsertArticles(db, [SEED_ARTICLE], channelIds, tagIds);
  for (let first = 1; first <= total; first += BATCH) {
    const last = Math.min(total, first + BATCH - 1);
    const batch = Array.from({ length: last - first + 1 }, (_, i) => generateArticle(first + i, refs));
    written.push(...(await upsertArticles(db, batch, channelIds, tagIds)));
  }
  run.written.articles = written;
  return { articles: total + 1, tags: tagIds.size };
}
