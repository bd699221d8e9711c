import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { loadFeatures, rowsOf, topChannels } from './features';
import {
  candidateTags,
  type Entry,
  NEAREST_PER_SIDE,
  type Overrides,
  rankList,
  rarityOf,
  sameList,
  WINDOW_DAYS,
} from './scoring';

export { RELATED_PER_ARTICLE } from './scoring';

export interface RelatedProgress {
  phase: 'read' | 'rank';
  done: number;
  total: number;
}

/** Published articles per tag, and all published (tag 0), as the full computation stores them. */
export async function countTags(db: Database): Promise<{ frequencies: Map<number, number>; total: number }> {
  await db.execute(sql`delete from related_tag_frequencies`);
  await db.execute(sql`
    insert into related_tag_frequencies (tag_id, articles)
    select t.tag_id, count(*) from article_tags t join articles a on a.id = t.article_id
    where a.status = 'published' group by t.tag_id
    union all select 0, count(*) from articles where status = 'published'`);
  return readTagFrequencies(db);
}

async function readTagFrequencies(db: Database): Promise<{ frequencies: Map<number, number>; total: number }> {
  const rows = rowsOf<{ tag_id: number; articles: number }>(
    await db.execute(sql`select tag_id, articles from related_tag_frequencies`),
  );
  const frequencies = new Map(rows.map((r) => [Number(r.tag_id), Number(r.articles)]));
  return { frequencies, total: frequencies.get(0) ?? 0 };
}

export async function readOverrides(db: Database, ownerIds: readonly number[] | null): Promise<Map<number, Overrides>> {
  const rows = rowsOf<{ article_id: number; related_id: number; action: 'pin' | 'exclude' }>(
    await db.execute(sql`
      select o.article_id, o.related_id, o.action from related_overrides o join articles r on r.id = o.related_id
      where r.status = 'published' ${ownerIds ? sql`and o.article_id = any(${sql.param(ownerIds)}::int[])` : sql``}
      order by o.article_id, o.position, o.related_id`),
  );
  const byOwner = new Map<number, { pins: number[]; excluded: Set<number> }>();
  for (const row of rows) {
    const owner = Number(row.article_id);
    const entry = byOwner.get(owner) ?? { pins: [], excluded: new Set<number>() };
    if (row.action === 'pin') entry.pins.push(Number(row.related_id));
    else entry.excluded.add(Number(row.related_id));
    byOwner.set(owner, entry);
  }
  return byOwner;
}

/** Replaces the stored lists of these owners. */
export async function writeLists(db: Database, lists: ReadonlyMap<number, Entry[]>): Promise<void> {
  const owners = [...lists.keys()];
  if (!owners.length) return;
  await db.execute(sql`delete from article_related where article_id = any(${sql.param(owners)}::int[])`);
  const rows: [number, number, number, string, number][] = [];
  for (const [owner, entries] of lists) {
    for (const e of entries) rows.push([owner, e.relatedId, e.position, e.reason, e.score]);
  }
  if (!rows.length) return;
  // One JSON parameter: every driver passes it alike (array parameters of enum text do not).
  await db.execute(sql`
    insert into article_related (article_id, related_id, position, reason, score)
    select (r->>0)::int, (r->>1)::int, (r->>2)::int, (r->>3)::related_reason, (r->>4)::real
    from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) r`);
}

/**
 * For each (owner, tag, time): the published articles with that tag nearest in time on each side
 * (as nearestIndexes picks them from a timeline), from related_timeline's index, in one statement.
 */
async function nearestByTag(
  db: Database,
  requests: readonly { owner: number; tag: number; at: number }[],
): Promise<Map<number, number[]>> {
  const found = new Map<number, number[]>();
  if (!requests.length) return found;
  const reach = `${WINDOW_DAYS} days`;
  const input = JSON.stringify(requests.map((r) => ({ owner: r.owner, tag: r.tag, at: new Date(r.at).toISOString() })));
  const rows = rowsOf<{ owner: number; article_id: number }>(
    await db.execute(sql`
      select o.owner, n.article_id
      from jsonb_to_recordset(${input}::jsonb) as o(owner int, tag int, at timestamptz)
      cross join lateral (
        (select article_id from related_timeline
         where tag_id = o.tag and published_at < o.at and published_at >= o.at - ${reach}::interval
         order by published_at desc, article_id desc limit ${NEAREST_PER_SIDE})
        union all
        (select article_id from related_timeline
         where tag_id = o.tag and published_at >= o.at and published_at <= o.at + ${reach}::interval
         order by published_at, article_id limit ${NEAREST_PER_SIDE})
      ) n`),
  );
  for (const row of rows) {
    const owner = Number(row.owner);
    const list = found.get(owner) ?? [];
    list.push(Number(row.article_id));
    found.set(owner, list);
  }
  return found;
}

/** Puts an article in related_timeline under its tags while it is published, and takes it out otherwise. */
export async function placeOnTimeline(db: Database, articleId: number): Promise<void> {
  await db.execute(sql`delete from related_timeline where article_id = ${articleId}`);
  await db.execute(sql`
    insert into related_timeline (tag_id, published_at, article_id)
    select t.tag_id, a.published_at, a.id from article_tags t join articles a on a.id = t.article_id
    where a.id = ${articleId} and a.status = 'published'`);
}

/**
 * Recomputes the lists of `ownerIds` alone (incremental): their candidates are read with one
 * statement per step (owners, the tag timelines around their dates, the candidates' features),
 * ranked as the full computation ranks them, and only lists that read differently are written.
 * Returns the owners whose list changed. Unpublished owners lose their list.
 */
export async function recomputeLists(db: Database, ownerIds: readonly number[]): Promise<number[]> {
  const unique = [...new Set(ownerIds)];
  if (!unique.length) return [];
  const tops = await topChannels(db);
  const { frequencies, total } = await readTagFrequencies(db);
  const rarity = rarityOf(frequencies, total);
  const owners = (await loadFeatures(db, sql`a.id = any(${sql.param(unique)}::int[])`, tops)).filter(
    (o) => o.status === 'published',
  );
  const tags = new Set(owners.flatMap((o) => candidateTags(o.tagIds, rarity)));
  const lists = new Map<number, Entry[]>();
  if (owners.length && tags.size) {
    const wanted = await nearestByTag(
      db,
      owners.flatMap((o) => candidateTags(o.tagIds, rarity).map((tag) => ({ owner: o.id, tag, at: o.publishedAt }))),
    );
    const candidateIds = [...new Set([...wanted.values()].flat())];
    const features = new Map(
      (candidateIds.length
        ? await loadFeatures(db, sql`a.status = 'published' and a.id = any(${sql.param(candidateIds)}::int[])`, tops)
        : []
      ).map((f) => [f.id, f]),
    );
    const overrides = await readOverrides(
      db,
      owners.map((o) => o.id),
    );
    for (const owner of owners) {
      const candidates = (wanted.get(owner.id) ?? []).flatMap((id) => features.get(id) ?? []);
      lists.set(owner.id, rankList(owner, candidates, rarity, overrides.get(owner.id)));
    }
  }
  for (const owner of owners) if (!lists.has(owner.id)) lists.set(owner.id, []);
  for (const id of unique) if (!lists.has(id)) lists.set(id, []);

  const stored = await storedLists(db, unique);
  const changed = new Map([...lists].filter(([owner, list]) => !sameList(list, stored.get(owner) ?? [])));
  await writeLists(db, changed);
  return [...changed.keys()];
}

async function storedLists(db: Database, owners: readonly number[]): Promise<Map<number, Entry[]>> {
  const rows = rowsOf<{
    article_id: number;
    related_id: number;
    position: number;
    reason: Entry['reason'];
    score: number;
  }>(
    await db.execute(sql`
      select article_id, related_id, position, reason, score from article_related
      where article_id = any(${sql.param(owners)}::int[]) order by article_id, position`),
  );
  const lists = new Map<number, Entry[]>();
  for (const row of rows) {
    const owner = Number(row.article_id);
    lists.set(owner, [
      ...(lists.get(owner) ?? []),
      { relatedId: Number(row.related_id), position: row.position, reason: row.reason, score: Number(row.score) },
    ]);
  }
  return lists;
}

/**
 * The lists an article may enter or leave when it is published, changed, retracted, boosted or
 * buried: its own, those that list it now, those that pin or exclude it, and those of its own
 * candidates (the articles near it in time sharing its tags: the lists it can enter).
 */
export async function listsNear(db: Database, articleId: number): Promise<number[]> {
  const tops = await topChannels(db);
  const { frequencies, total } = await readTagFrequencies(db);
  const rarity = rarityOf(frequencies, total);
  const [article] = await loadFeatures(db, sql`a.id = ${articleId}`, tops);
  const owners = new Set<number>([articleId]);
  const listing = rowsOf<{ article_id: number }>(
    await db.execute(sql`
      select article_id from article_related where related_id = ${articleId}
      union select article_id from related_overrides where related_id = ${articleId}`),
  );
  for (const row of listing) owners.add(Number(row.article_id));
  if (article) {
    const requests = candidateTags(article.tagIds, rarity).map((tag) => ({
      owner: article.id,
      tag,
      at: article.publishedAt,
    }));
    for (const id of (await nearestByTag(db, requests)).get(article.id) ?? []) owners.add(id);
  }
  return [...owners];
}
