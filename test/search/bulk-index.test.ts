import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { indexMissing } from '../../src/modules/search/documents';
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
});
