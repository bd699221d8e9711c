import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { indexMissing, reindexAll } from '../../src/modules/search/documents';
import { useOwnPglite } from '../support/database';

// Its own PGlite: this test empties part of the index.
const database = useOwnPglite();

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

describe('the bulk indexer', () => {
  it('writes the rows an editor change writes', async () => {
    const db = database().admin;
    const columns = sql`article_id, channel_id, published_at::text as published_at, title, title_key, body_text, document::text as document`;
    const before = rowsOf<Record<string, unknown>>(
      await db.execute(sql`select ${columns} from article_search order by article_id`),
    );
    expect(before.length).toBeGreaterThan(300);
    const ids = before.filter((_, i) => i % 3 === 0).map((r) => Number(r.article_id));
    await db.execute(sql`delete from article_search where article_id = any(${sql.param(ids)}::int[])`);
    const progress: number[] = [];
    const indexed = await indexMissing(db, (done) => progress.push(done), { rangeSize: 50, lanes: 3 });
    expect(indexed).toBe(ids.length);
    expect(progress.at(-1)).toBe(ids.length);
    const after = rowsOf<Record<string, unknown>>(
      await db.execute(sql`select ${columns} from article_search order by article_id`),
    );
    expect(after).toEqual(before);
  });

  it('rewrites every row in place when the index reads text an old way (npm run search:reindex)', async () => {
    const db = database().admin;
    const columns = sql`article_id, channel_id, published_at::text as published_at, title, title_key, body_text, document::text as document`;
    const before = rowsOf<Record<string, unknown>>(
      await db.execute(sql`select ${columns} from article_search order by article_id`),
    );
    // Rows as an older normalisation might have left them: another document, another title key.
    await db.execute(
      sql`update article_search set document = to_tsvector('simple', 'stale'), title_key = 'stale' where article_id % 4 = 1`,
    );
    const stale = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from article_search where title_key = 'stale'`),
    )[0];
    expect(stale?.n).toBeGreaterThan(50);
    const progress: number[] = [];
    await reindexAll(db, (done) => progress.push(done), { rangeSize: 40 });
    expect(progress.length).toBeGreaterThan(5);
    const after = rowsOf<Record<string, unknown>>(
      await db.execute(sql`select ${columns} from article_search order by article_id`),
    );
    expect(after).toEqual(before);
  });
});
