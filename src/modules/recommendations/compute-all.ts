import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { countTags, type RelatedProgress, readOverrides, writeLists } from './compute';
import { loadFeatures, rowsOf, topChannels } from './features';
import { candidateTags, type Entry, type Features, nearestIndexes, rankList, rarityOf } from './scoring';

/** Owners per step: read, ranked and written together. */
const CHUNK = 5_000;
/**
 * The walk goes from the newest article to the oldest; features of articles this far newer than
 * the walk are dropped (a later owner's candidates are its neighbours in time: the few farther
 * away are read again when needed). This bounds memory by the articles of a month, not the archive.
 */
const KEEP_MS = 30 * 86_400_000;

/** One tag's published articles sorted by time then id, as parallel arrays (12 bytes an entry). */
interface Timeline {
  length: number;
  publishedAt: Float64Array;
  id: Int32Array;
}

/** Every tag's timeline, one statement per tag: a range of related_timeline's primary key, in its order. */
async function readTimelines(db: Database, tagIds: readonly number[]): Promise<Map<number, Timeline>> {
  const timelines = new Map<number, Timeline>();
  for (const tag of tagIds) {
    const rows = rowsOf<{ at: number; id: number }>(
      await db.execute(sql`
        select (extract(epoch from published_at) * 1000)::float8 as at, article_id as id
        from related_timeline where tag_id = ${tag} order by published_at, article_id`),
    );
    const line: Timeline = {
      length: rows.length,
      publishedAt: Float64Array.from(rows, (r) => Number(r.at)),
      id: Int32Array.from(rows, (r) => Number(r.id)),
    };
    timelines.set(tag, line);
  }
  return timelines;
}

/**
 * Every published article's list, from scratch, in bounded memory: the tag timelines as typed
 * arrays (12 bytes per tag link), then the owners newest first in chunks, each ranked against its
 * candidates (the nearest in time per candidate tag, as nearestIndexes picks them), whose features
 * are read once and kept while the walk is near them. The seed and `seed:bulk` run it; the lists
 * are the ones recomputeLists gives an article alone.
 */
export async function computeAllRelated(
  db: Database,
  onProgress?: (progress: RelatedProgress) => void,
): Promise<{ lists: number; entries: number }> {
  const tops = await topChannels(db);
  const { frequencies, total } = await countTags(db);
  const rarity = rarityOf(frequencies, total);
  // related_timeline serves the incremental path and the timelines below; rebuilt here in one statement.
  // Emptied with TRUNCATE: deleting millions of rows one by one costs minutes of WAL at a million articles.
  await db.execute(sql`truncate related_timeline`);
  await db.execute(sql`
    insert into related_timeline (tag_id, published_at, article_id)
    select t.tag_id, a.published_at, a.id from article_tags t join articles a on a.id = t.article_id
    where a.status = 'published'`);
  const tagIds = [...frequencies.keys()].filter((tag) => tag !== 0);
  onProgress?.({ phase: 'read', done: 0, total: tagIds.length });
  const timelines = await readTimelines(db, tagIds);
  onProgress?.({ phase: 'read', done: tagIds.length, total: tagIds.length });
  const overrides = await readOverrides(db, null);
  await db.execute(sql`truncate article_related`);

  const features = new Map<number, Features>();
  let lists = 0;
  let entries = 0;
  let writing: Promise<void> = Promise.resolve();
  const readOwners = (after: { at: Date; id: number } | null) =>
    loadFeatures(
      db,
      after
        ? sql`a.status = 'published' and (a.published_at, a.id) < (${after.at.toISOString()}::timestamptz, ${after.id})`
        : sql`a.status = 'published'`,
      tops,
      sql`order by a.published_at desc, a.id desc limit ${CHUNK}`,
    );
  let next = readOwners(null);
  for (;;) {
    const owners = await next;
    if (!owners.length) break;
    const oldest = owners[owners.length - 1] as Features;
    // The next chunk is read while this one is ranked.
    next = readOwners({ at: new Date(oldest.publishedAt), id: oldest.id });
    for (const owner of owners) features.set(owner.id, owner);

    const candidateIds = new Map<number, number[]>();
    const missing = new Set<number>();
    for (const owner of owners) {
      const ids: number[] = [];
      for (const tag of candidateTags(owner.tagIds, rarity)) {
        const line = timelines.get(tag);
        if (!line) continue;
        for (const i of nearestIndexes(line.length, (j) => line.publishedAt[j] as number, owner.publishedAt)) {
          const id = line.id[i] as number;
          ids.push(id);
          if (!features.has(id)) missing.add(id);
        }
      }
      candidateIds.set(owner.id, ids);
    }
    if (missing.size) {
      const found = await loadFeatures(
        db,
        sql`a.status = 'published' and a.id = any(${sql.param([...missing])}::int[])`,
        tops,
      );
      for (const f of found) features.set(f.id, f);
    }

    const chunk = new Map<number, Entry[]>();
    for (const owner of owners) {
      const candidates = (candidateIds.get(owner.id) ?? []).flatMap((id) => features.get(id) ?? []);
      const list = rankList(owner, candidates, rarity, overrides.get(owner.id));
      chunk.set(owner.id, list);
      entries += list.length;
    }
    lists += owners.length;
    // Postgres writes this chunk while the next is read and ranked.
    await writing;
    writing = writeLists(db, chunk);
    onProgress?.({ phase: 'rank', done: lists, total });

    const horizon = oldest.publishedAt + KEEP_MS;
    for (const [id, f] of features) if (f.publishedAt > horizon) features.delete(id);
  }
  await writing;
  return { lists, entries };
}
