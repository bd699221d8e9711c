import { inArray, notInArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { documentVector, titleKey } from '../../shared/chinese-text';
import { excluded } from '../../shared/seed';
import type { BodyBlock } from '../articles';
import { articlesTable as articles } from '../articles';
import { articleSearch } from './tables';

/** What a search reads of an article's body: subtitles, then headings, paragraphs and captions in order. */
export function bodyTextOf(article: { subtitles: readonly string[]; body: readonly BodyBlock[] }): string {
  const parts = [...article.subtitles];
  for (const block of article.body) {
    if (block.type === 'paragraph' || block.type === 'heading') parts.push(block.text);
    else if (block.type === 'image' && block.image.caption) parts.push(block.image.caption);
    else if (block.type === 'embed') parts.push(block.title);
  }
  return parts.join('\n');
}

export interface IndexSource {
  id: number;
  status: string;
  channelId: number;
  publishedAt: Date;
  title: string;
  subtitles: string[];
  body: BodyBlock[];
}

export function searchRowOf(article: IndexSource): typeof articleSearch.$inferInsert {
  const bodyText = bodyTextOf(article);
  return {
    articleId: article.id,
    channelId: article.channelId,
    publishedAt: article.publishedAt,
    title: article.title,
    titleKey: titleKey(article.title),
    bodyText,
    document: documentVector(article.title, bodyText),
  };
}

/** Writes the index rows of published articles (upsert by id). */
export async function writeSearchRows(db: Database, rows: (typeof articleSearch.$inferInsert)[]): Promise<void> {
  if (!rows.length) return;
  await db
    .insert(articleSearch)
    .values(rows)
    .onConflictDoUpdate({
      target: articleSearch.articleId,
      set: excluded(articleSearch, ['channelId', 'publishedAt', 'title', 'titleKey', 'bodyText', 'document']),
    });
}

/** What the index is made from: an article's text and what search filters on. */
const INDEXED_COLUMNS = {
  id: articles.id,
  status: articles.status,
  channelId: articles.channelId,
  publishedAt: articles.publishedAt,
  title: articles.title,
  subtitles: articles.subtitles,
  body: articles.body,
};

/**
 * Brings the index in line with the given articles: published ones (re)indexed, the others
 * removed. Runs in the editor change's transaction, or over a seed's articles in batches.
 */
export async function reindexArticles(db: Database, ids: readonly number[]): Promise<void> {
  if (!ids.length) return;
  const rows = await db
    .select(INDEXED_COLUMNS)
    .from(articles)
    .where(inArray(articles.id, [...ids]));
  const published = rows.filter((row) => row.status === 'published');
  const keep = published.map((row) => row.id);
  await db
    .delete(articleSearch)
    .where(
      keep.length
        ? sql`${inArray(articleSearch.articleId, [...ids])} and ${notInArray(articleSearch.articleId, keep)}`
        : inArray(articleSearch.articleId, [...ids]),
    );
  await writeSearchRows(db, published.map(searchRowOf));
}

/** Rows of a bulk index write, column by column (one array parameter per column). */
function columnsOf(rows: readonly (typeof articleSearch.$inferInsert)[]) {
  return {
    ids: rows.map((r) => r.articleId),
    channels: rows.map((r) => r.channelId),
    times: rows.map((r) => (r.publishedAt as Date).toISOString()),
    titles: rows.map((r) => r.title),
    keys: rows.map((r) => r.titleKey),
    bodies: rows.map((r) => r.bodyText),
    documents: rows.map((r) => r.document),
  };
}

/**
 * Indexes the published articles with ids in [from, to) that the index lacks: one read, one
 * write (the rows as column arrays through `unnest`: a few parameters whatever the batch size).
 */
async function indexRange(db: Database, from: number, to: number): Promise<number> {
  const rows = await db
    .select(INDEXED_COLUMNS)
    .from(articles)
    .where(
      sql`${articles.id} >= ${from} and ${articles.id} < ${to} and ${articles.status} = 'published' and not exists (select 1 from article_search s where s.article_id = ${articles.id})`,
    );
  if (!rows.length) return 0;
  const c = columnsOf(rows.map(searchRowOf));
  await db.execute(sql`
    insert into article_search (article_id, channel_id, published_at, title, title_key, body_text, document)
    select * from unnest(${sql.param(c.ids)}::int[], ${sql.param(c.channels)}::int[], ${sql.param(c.times)}::timestamptz[],
      ${sql.param(c.titles)}::text[], ${sql.param(c.keys)}::text[], ${sql.param(c.bodies)}::text[], ${sql.param(c.documents)}::tsvector[])
    on conflict (article_id) do nothing`);
  return rows.length;
}

/**
 * Indexes every published article the index lacks, for `seed:bulk`: the ids in ranges of
 * `rangeSize`, `lanes` ranges at a time, so Postgres writes one range while JavaScript tokenises
 * the next (two cores busy, memory bounded by the ranges in flight). Resumable: a rerun indexes
 * only what is missing. An editor change meanwhile wins (its row is kept: do nothing on conflict).
 */
export async function indexMissing(
  db: Database,
  onProgress?: (done: number, total: number) => void,
  { rangeSize = 2_000, lanes = 3 } = {},
): Promise<number> {
  const [count] = (
    (await db.execute(sql`
      select count(*)::int as n, (select coalesce(max(id), 0) from articles)::int as last from articles a
      where a.status = 'published' and not exists (select 1 from article_search s where s.article_id = a.id)`)) as unknown as {
      rows: { n: number; last: number }[];
    }
  ).rows;
  const total = Number(count?.n ?? 0);
  const last = Number(count?.last ?? 0);
  let done = 0;
  let next = 1;
  onProgress?.(0, total);
  if (total === 0) return 0;
  const lane = async () => {
    while (next <= last) {
      const from = next;
      next += rangeSize;
      const indexed = await indexRange(db, from, from + rangeSize);
      done += indexed;
      onProgress?.(done, total);
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return done;
}

/**
 * Indexes every article again, for `npm run search:reindex`: after a change to how text is
 * normalised (src/shared/traditional.ts, chinese-text.ts), rows written before it read the old way.
 * Id ranges of `rangeSize`, each brought in line by `reindexArticles` (published rows rewritten in
 * place, others removed), so search keeps answering throughout. Progress is in ids covered.
 */
export async function reindexAll(
  db: Database,
  onProgress?: (done: number, total: number) => void,
  { rangeSize = 2_000 } = {},
): Promise<void> {
  const [bounds] = (
    (await db.execute(sql`select coalesce(max(id), 0)::int as last from articles`)) as unknown as {
      rows: { last: number }[];
    }
  ).rows;
  const last = Number(bounds?.last ?? 0);
  onProgress?.(0, last);
  for (let from = 1; from <= last; from += rangeSize) {
    const to = Math.min(from + rangeSize - 1, last);
    await reindexArticles(
      db,
      Array.from({ length: to - from + 1 }, (_, i) => from + i),
    );
    onProgress?.(to, last);
  }
}
