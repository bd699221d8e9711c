import type pg from 'pg';
import { CHANNEL_ROWS_SQL, type ChannelRow, channelRefs } from './channel-refs';
import { generateArticle } from './generate';
import type { ArticleRecord } from './types';

/** Articles per statement: ~1-3 MB of parameters, big enough to amortise the round trip. */
export const BULK_BATCH = 1000;

export interface BulkProgress {
  /** Generated articles written by this run so far. */
  done: number;
  /** Generated articles this run has to write. */
  todo: number;
  /** Rows written so far: articles, bylines and tag links. */
  rows: number;
  elapsedMs: number;
}

export interface BulkOptions {
  /** Generated articles the database should hold in the end (indexes 1..articles). */
  articles: number;
  batchSize?: number;
  onProgress?: (progress: BulkProgress) => void;
}

export interface BulkResult {
  /** Highest generated index already present before this run. */
  alreadyLoaded: number;
  /** Articles this run inserted. */
  inserted: number;
  rows: number;
  elapsedMs: number;
}

/**
 * The generated index of every article the generator wrote (`/<channel>/<yyyymmdd>/<index>.html`);
 * the reference article (`sdwchy.html`) and hand-written ones do not match.
 */
const MAX_GENERATED_INDEX = `
  SELECT coalesce(max(substring(path FROM '/([0-9]+)\\.html$')::int), 0) AS max FROM articles`;

/**
 * One statement per batch: the articles, then their bylines and tag links joined back by path, as
 * data-modifying CTEs over `unnest` of column arrays. Existing paths are skipped (ON CONFLICT DO
 * NOTHING), so a batch that overlaps what is loaded inserts only the rest, bylines and tags included.
 * Per-row arrays (subtitles) and JSON travel as JSON text, since `unnest` would flatten nested arrays.
 */
const INSERT_BATCH = `
  WITH input AS (
    SELECT * FROM unnest(
      $1::int[], $2::text[], $3::article_kind[], $4::article_status[], $5::text[], $6::text[], $7::text[],
      $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::timestamptz[], $14::timestamptz[]
    ) AS u(channel_id, path, kind, status, kicker, title, subtitles, summary, source, body, cover, editor,
           published_at, updated_at)
  ), inserted AS (
    INSERT INTO articles (channel_id, path, kind, status, kicker, title, subtitles, summary, source, body, cover,
                          editor, published_at, updated_at)
    SELECT channel_id, path, kind, status, kicker, title,
           ARRAY(SELECT jsonb_array_elements_text(subtitles::jsonb)), summary, source, body::jsonb, cover::jsonb,
           editor, published_at, updated_at
    FROM input
    ON CONFLICT (path) DO NOTHING
    RETURNING id, path
  ), bylines AS (
    INSERT INTO article_bylines (article_id, position, role, name, organisation)
    SELECT i.id, b.position, b.role, b.name, b.organisation
    FROM unnest($15::text[], $16::int[], $17::byline_role[], $18::text[], $19::text[])
           AS b(path, position, role, name, organisation)
    JOIN inserted i USING (path)
    RETURNING 1
  ), tagged AS (
    INSERT INTO article_tags (article_id, tag_id, position)
    SELECT i.id, t.tag_id, t.position
    FROM unnest($20::text[], $21::int[], $22::int[]) AS t(path, tag_id, position)
    JOIN inserted i USING (path)
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM inserted)::int AS articles,
         (SELECT count(*) FROM bylines)::int AS bylines,
         (SELECT count(*) FROM tagged)::int AS tags`;

async function idsBy(client: pg.ClientBase, query: string): Promise<Map<string, number>> {
  const { rows } = await client.query<{ key: string; id: number }>(query);
  return new Map(rows.map(({ key, id }) => [key, id]));
}

function batchParameters(
  records: readonly ArticleRecord[],
  channelIds: ReadonlyMap<string, number>,
  tagIds: ReadonlyMap<string, number>,
): unknown[] {
  const a = Array.from({ length: 14 }, () => [] as unknown[]);
  const b = Array.from({ length: 5 }, () => [] as unknown[]);
  const t = Array.from({ length: 3 }, () => [] as unknown[]);
  const push = (columns: unknown[][], values: unknown[]) => {
    for (const [i, value] of values.entries()) columns[i]?.push(value);
  };
  for (const r of records) {
    const channelId = channelIds.get(r.channelPath);
    if (channelId === undefined) throw new Error(`article ${r.path}: unknown channel ${r.channelPath}`);
    push(a, [
      channelId,
      r.path,
      r.kind,
      r.status,
      r.kicker,
      r.title,
      JSON.stringify(r.subtitles),
      r.summary,
      r.source,
      JSON.stringify(r.body),
      r.cover && JSON.stringify(r.cover),
      r.editor,
      r.publishedAt.toISOString(),
      r.updatedAt.toISOString(),
    ]);
    for (const [position, byline] of r.bylines.entries()) {
      push(b, [r.path, position, byline.role, byline.name, byline.organisation]);
    }
    for (const [position, name] of [...new Set(r.tags)].entries()) {
      const tagId = tagIds.get(name);
      if (tagId === undefined) throw new Error(`article ${r.path}: unknown tag ${name}; run seed() first`);
      push(t, [r.path, tagId, position]);
    }
  }
  return [...a, ...b, ...t];
}

/**
 * Adds generated articles (with bylines and tags) until indexes 1..`articles` are all present.
 * Expects the normal seed to have run (site, channels, tags). Resumable: batches commit in index
 * order, so what is loaded is always a prefix 1..k; a rerun starts after the highest index present,
 * and a run with the same `articles` does nothing. Each batch is its own transaction (autocommit)
 * with `synchronous_commit = off`: a crash loses at most the last few batches, never consistency.
 *
 * While Postgres writes one batch, the next is generated: the two cores work at the same time.
 */
export async function bulkLoadArticles(client: pg.ClientBase, options: BulkOptions): Promise<BulkResult> {
  const batchSize = options.batchSize ?? BULK_BATCH;
  await client.query('SET synchronous_commit = off');
  const channelRows = (await client.query<ChannelRow>(CHANNEL_ROWS_SQL)).rows;
  const refs = channelRefs(channelRows);
  const channelIds = new Map(channelRows.map((row) => [row.path, row.id]));
  const tagIds = await idsBy(client, 'SELECT name AS key, id FROM tags');
  const { rows } = await client.query<{ max: number }>(MAX_GENERATED_INDEX);
  const alreadyLoaded = rows[0]?.max ?? 0;

  const started = performance.now();
  const todo = Math.max(0, options.articles - alreadyLoaded);
  const progress: BulkProgress = { done: 0, todo, rows: 0, elapsedMs: 0 };
  let inserted = 0;
  options.onProgress?.(progress);
  let inFlight: Promise<void> = Promise.resolve();
  for (let first = alreadyLoaded + 1; first <= options.articles; first += batchSize) {
    const last = Math.min(options.articles, first + batchSize - 1);
    const records = Array.from({ length: last - first + 1 }, (_, i) => generateArticle(first + i, refs));
    const parameters = batchParameters(records, channelIds, tagIds);
    await inFlight;
    inFlight = client
      .query<{ articles: number; bylines: number; tags: number }>(INSERT_BATCH, parameters)
      .then(({ rows: [counts] }) => {
        progress.done += records.length;
        inserted += counts?.articles ?? 0;
        progress.rows += (counts?.articles ?? 0) + (counts?.bylines ?? 0) + (counts?.tags ?? 0);
        progress.elapsedMs = performance.now() - started;
        options.onProgress?.(progress);
      });
  }
  await inFlight;
  if (inserted > 0) await client.query('ANALYZE articles, article_bylines, article_tags, tags');
  return { alreadyLoaded, inserted, rows: progress.rows, elapsedMs: performance.now() - started };
}
