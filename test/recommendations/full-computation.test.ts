import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { recomputeLists } from '../../src/modules/recommendations/compute';
import { computeAllRelated } from '../../src/modules/recommendations/compute-all';
import { useOwnPglite } from '../support/database';

// Its own PGlite: this test rewrites every list.
const database = useOwnPglite();

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

describe('the full computation of 相关推荐', () => {
  it('gives every published article the list the incremental path gives it alone, with progress', async () => {
    const db = database().admin;
    const phases = new Set<string>();
    let ranked = 0;
    const { lists, entries } = await computeAllRelated(db, (p) => {
      phases.add(p.phase);
      if (p.phase === 'rank') ranked = p.done;
    });
    const published = rowsOf<{ id: number }>(
      await db.execute(sql`select id from articles where status = 'published' order by id`),
    ).map((r) => Number(r.id));
    expect(lists).toBe(published.length);
    expect(ranked).toBe(published.length);
    expect([...phases]).toEqual(['read', 'rank']);
    expect(entries).toBeGreaterThan(published.length * 5);
    // Recomputing each list alone, as an editor change does, finds nothing to change.
    expect(await recomputeLists(db, published)).toEqual([]);
  });
});
