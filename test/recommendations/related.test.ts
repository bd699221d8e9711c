import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { EDITOR_TOKEN, editorRequest, getRequest, postRequest, read } from '../cache/support';
import { useGateway } from '../support/gateway';
import { operation } from '../support/operations';

const { send, database } = useGateway({ cacheBytes: 16 * 2 ** 20, editorToken: EDITOR_TOKEN });
const relatedOp = operation('RelatedArticles');
const SEED_PATH = '/yaowen/shandong/20240315/sdwchy.html';
const gid = (id: number) => btoa(`Article:${id}`);
const idOf = (global: string) => Number(atob(global).split(':')[1]);

interface Entry {
  reason: string;
  score: number;
  article: { id: string; path: string; title: string };
}

const get = async (path: string) => read(await send(getRequest(relatedOp.document, { path })));
const listOf = async (path: string): Promise<Entry[]> => (await get(path)).body.data.articleByPath.related;
const edit = async (query: string, variables: Record<string, unknown>) =>
  read(await send(editorRequest(query, variables)));

/** Every stored list, as owner → "id:reason:score,…", to see exactly which lists a change touched. */
async function storedLists(): Promise<Map<number, string>> {
  const { rows } = (await database().admin.execute(
    sql`select article_id, string_agg(related_id || ':' || reason || ':' || score, ',' order by position) as list
        from article_related group by article_id`,
  )) as unknown as { rows: { article_id: number; list: string }[] };
  return new Map(rows.map((r) => [Number(r.article_id), r.list]));
}

function changedOwners(before: Map<number, string>, after: Map<number, string>): string[] {
  const owners = new Set([...before.keys(), ...after.keys()]);
  return [...owners]
    .filter((o) => before.get(o) !== after.get(o))
    .map((o) => `related:${o}`)
    .sort();
}

async function published(): Promise<{ id: number; path: string; title: string }[]> {
  const { rows } = (await database().admin.execute(
    sql`select id, path, title from articles where status = 'published' order by id`,
  )) as unknown as { rows: { id: number; path: string; title: string }[] };
  return rows;
}

/**
 * An article (not the seed article, whose page other test files edit on a shared Postgres) with a
 * full list that does not show the seed article.
 */
async function anOwner(): Promise<{ id: number; path: string }> {
  const { rows } = (await database().admin.execute(sql`
    select a.id, a.path from articles a join article_related r on r.article_id = a.id
    where a.status = 'published' and a.path <> ${SEED_PATH}
    group by a.id, a.path
    having count(*) = 6 and bool_and(r.related_id not in (select id from articles where path = ${SEED_PATH}))
    order by a.id limit 1`)) as unknown as { rows: { id: number; path: string }[] };
  if (!rows[0]) throw new Error('no article with a full list');
  return rows[0];
}

describe('相关推荐', () => {
  it('lists the seed article’s neighbours in one statement: never itself, only published, no repeated story', async () => {
    const response = await get(SEED_PATH);
    expect(response.statements).toBe(1);
    const { articleByPath } = response.body.data;
    const list: Entry[] = articleByPath.related;
    expect(list).toHaveLength(6);
    const titles = list.map((e) => e.article.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles).not.toContain(articleByPath.title);
    const publicIds = new Set((await published()).map((a) => a.id));
    for (const entry of list) {
      expect(entry.article.path).not.toBe(SEED_PATH);
      expect(publicIds.has(idOf(entry.article.id))).toBe(true);
      expect(entry.score).toBeGreaterThan(0);
    }
    expect(list.map((e) => e.score)).toEqual(list.map((e) => e.score).sort((a, b) => b - a));
  });

  it('never lists an article twice under different ids or a near-identical title in any list', async () => {
    const titleOf = new Map((await published()).map((a) => [a.id, a.title]));
    const { rows } = (await database().admin.execute(
      sql`select article_id, related_id from article_related`,
    )) as unknown as { rows: { article_id: number; related_id: number }[] };
    const byOwner = new Map<number, number[]>();
    for (const r of rows) byOwner.set(r.article_id, [...(byOwner.get(r.article_id) ?? []), r.related_id]);
    expect(byOwner.size).toBeGreaterThan(300);
    for (const [owner, list] of byOwner) {
      expect(list).not.toContain(owner);
      const titles = list.map((id) => titleOf.get(id));
      expect(titles.every((t) => t !== undefined)).toBe(true);
      expect(new Set(titles).size, `list of ${owner}`).toBe(titles.length);
      expect(titles).not.toContain(titleOf.get(owner));
    }
  });

  it('pin, exclude and clear change one list, purge exactly its pages, and keep the others cached', async () => {
    const articles = await published();
    const seed = await anOwner();
    const before = await listOf(seed.path);
    const listed = new Set(before.map((e) => idOf(e.article.id)));
    const outsider = articles.find((a) => !listed.has(a.id) && a.id !== seed?.id);
    const other = articles.find((a) => a.id !== seed.id);
    if (!outsider || !other) throw new Error('seed data lacks articles');
    await get(seed.path);
    await get(other.path);
    expect((await get(seed.path)).xCache).toBe('HIT');

    const pin = await edit(
      'mutation($a: ID!, $r: ID!, $p: Int) { pinRelated(article: $a, related: $r, position: $p) { purgedTags purgedResponses } }',
      { a: gid(seed.id), r: gid(outsider.id), p: 1 },
    );
    expect(pin.body.errors).toBeUndefined();
    expect(pin.body.data.pinRelated.purgedTags).toEqual([`related:${seed.id}`]);
    expect(pin.body.data.pinRelated.purgedResponses).toBeGreaterThan(0);
    expect((await get(other.path)).xCache).toBe('HIT');
    const pinned = await get(seed.path);
    expect(pinned.xCache).toBe('MISS');
    const pinnedList: Entry[] = pinned.body.data.articleByPath.related;
    expect(pinnedList[0]).toMatchObject({ reason: 'EDITOR_PICK', article: { id: gid(outsider.id) } });
    expect(pinnedList).toHaveLength(6);

    // A second pin goes first when asked to; the first moves down to second.
    const second = before[3] as Entry;
    await edit('mutation($a: ID!, $r: ID!) { pinRelated(article: $a, related: $r, position: 1) { purgedTags } }', {
      a: gid(seed.id),
      r: second.article.id,
    });
    const twoPins = await listOf(seed.path);
    expect(twoPins.slice(0, 2).map((e) => [e.article.id, e.reason])).toEqual([
      [second.article.id, 'EDITOR_PICK'],
      [gid(outsider.id), 'EDITOR_PICK'],
    ]);

    const excluded = before[0] as Entry;
    const exclude = await edit(
      'mutation($a: ID!, $r: ID!) { excludeRelated(article: $a, related: $r) { purgedTags article { related { article { id } } } } }',
      { a: gid(seed.id), r: excluded.article.id },
    );
    expect(exclude.body.data.excludeRelated.purgedTags).toEqual([`related:${seed.id}`]);
    expect(JSON.stringify(exclude.body.data.excludeRelated.article.related)).not.toContain(excluded.article.id);

    // Excluding it again changes nothing and purges nothing.
    const again = await edit('mutation($a: ID!, $r: ID!) { excludeRelated(article: $a, related: $r) { purgedTags } }', {
      a: gid(seed.id),
      r: excluded.article.id,
    });
    expect(again.body.data.excludeRelated.purgedTags).toEqual([]);

    for (const id of [gid(outsider.id), second.article.id, excluded.article.id]) {
      await edit('mutation($a: ID!, $r: ID!) { clearRelatedOverride(article: $a, related: $r) { purgedTags } }', {
        a: gid(seed.id),
        r: id,
      });
    }
    expect((await listOf(seed.path)).map((e) => [e.article.id, e.reason, e.score])).toEqual(
      before.map((e) => [e.article.id, e.reason, e.score]),
    );
  });

  it('boost and bury reach every list the article may be in, and purge exactly the lists that changed', async () => {
    const seedList = await listOf((await anOwner()).path);
    const target = idOf((seedList[5] as Entry).article.id);
    const lists0 = await storedLists();
    const bury = await edit('mutation($a: ID!) { setRelatedWeight(article: $a, weight: BURY) { purgedTags } }', {
      a: gid(target),
    });
    expect(bury.body.errors).toBeUndefined();
    const lists1 = await storedLists();
    const buried = [...bury.body.data.setRelatedWeight.purgedTags].sort();
    expect(buried).toEqual(changedOwners(lists0, lists1));
    expect(buried.length).toBeGreaterThan(0);
    const containing = (lists: Map<number, string>) =>
      [...lists.values()].filter((l) => l.split(',').some((e) => e.startsWith(`${target}:`))).length;
    expect(containing(lists1)).toBeLessThan(containing(lists0));

    const boost = await edit('mutation($a: ID!) { setRelatedWeight(article: $a, weight: BOOST) { purgedTags } }', {
      a: gid(target),
    });
    const lists2 = await storedLists();
    expect([...boost.body.data.setRelatedWeight.purgedTags].sort()).toEqual(changedOwners(lists1, lists2));
    expect(containing(lists2)).toBeGreaterThan(containing(lists0));

    const normal = await edit('mutation($a: ID!) { setRelatedWeight(article: $a, weight: NORMAL) { purgedTags } }', {
      a: gid(target),
    });
    const lists3 = await storedLists();
    expect([...normal.body.data.setRelatedWeight.purgedTags].sort()).toEqual(changedOwners(lists2, lists3));
    expect(lists3).toEqual(lists0);
  });

  it('retracting and publishing recompute exactly the lists the article leaves or enters', async () => {
    const owner = await anOwner();
    // Not one of the seed article's entries: its page's lifetime follows theirs, which a retraction resets.
    const onSeedPage = new Set((await listOf(SEED_PATH)).map((e) => e.article.id));
    const entry = (await listOf(owner.path)).find((e) => !onSeedPage.has(e.article.id));
    if (!entry) throw new Error('no entry outside the seed article’s list');
    const target = idOf(entry.article.id);
    const lists0 = await storedLists();
    const retract = await edit('mutation($a: ID!) { retractArticle(id: $a) { purgedTags } }', { a: gid(target) });
    const lists1 = await storedLists();
    const relatedTags = (tags: string[]) => tags.filter((t) => t.startsWith('related:')).sort();
    expect(relatedTags(retract.body.data.retractArticle.purgedTags)).toEqual(changedOwners(lists0, lists1));
    for (const list of lists1.values()) expect(list.split(',').some((e) => e.startsWith(`${target}:`))).toBe(false);
    const refilled = await listOf(owner.path);
    expect(refilled).toHaveLength(6);
    expect(JSON.stringify(refilled)).not.toContain(gid(target));

    const publish = await edit('mutation($a: ID!) { publishArticle(id: $a) { purgedTags } }', { a: gid(target) });
    const lists2 = await storedLists();
    expect(relatedTags(publish.body.data.publishArticle.purgedTags)).toEqual(changedOwners(lists1, lists2));
    expect(lists2).toEqual(lists0);
  });

  it('refuses editor changes without the editor token, and bad pairs with BAD_USER_INPUT', async () => {
    const [a, b] = await published();
    if (!a || !b) throw new Error('no articles');
    const anonymous = await read(
      await send(
        postRequest('mutation($a: ID!, $r: ID!) { pinRelated(article: $a, related: $r) { purgedTags } }', {
          a: gid(a.id),
          r: gid(b.id),
        }),
      ),
    );
    expect(anonymous.body.data?.pinRelated ?? null).toBeNull();
    expect(anonymous.body.errors?.length).toBeGreaterThan(0);
    const self = await edit('mutation($a: ID!) { pinRelated(article: $a, related: $a) { purgedTags } }', {
      a: gid(a.id),
    });
    expect(self.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const place = await edit(
      'mutation($a: ID!, $r: ID!) { pinRelated(article: $a, related: $r, position: 9) { purgedTags } }',
      { a: gid(a.id), r: gid(b.id) },
    );
    expect(place.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
