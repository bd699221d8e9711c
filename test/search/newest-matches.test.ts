import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { newestMatches, SEARCH_WINDOW } from '../../src/modules/search/newest-matches';
import { parseSearchQuery, type SearchQuery } from '../../src/shared/chinese-text';
import { dataOf, type GraphQLResponse, useGateway } from '../support/gateway';

const { graphql, database } = useGateway();

const SEARCH = `query($q: String!, $after: String) {
  search(query: $q, first: 20, after: $after) {
    edges { node { score article { id publishedAt } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
type Page = {
  search: {
    edges: { node: { score: number; article: { id: string; publishedAt: string } } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
};

/** Every hit of a search, page after page. */
async function allHits(q: string) {
  const hits: Page['search']['edges'][number]['node'][] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page += 1) {
    const response: GraphQLResponse<Page> = await graphql<Page>(SEARCH, { q, after });
    expect(response.statements).toBe(1);
    const { edges, pageInfo } = dataOf(response).search;
    hits.push(...edges.map((e) => e.node));
    if (!pageInfo.hasNextPage) break;
    after = pageInfo.endCursor;
  }
  return hits;
}

const BY_TIME = `query($q: String!, $first: Int, $after: String, $last: Int, $before: String) {
  search(query: $q, order: NEWEST, first: $first, after: $after, last: $last, before: $before) {
    edges { node { article { id } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
type TimePage = {
  search: {
    edges: { node: { article: { id: string } } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };
  };
};

/** Every hit of a NEWEST search, `first` at a time, and each page's cursors. */
async function allByTime(q: string, first: number) {
  const pages: TimePage['search'][] = [];
  let after: string | null = null;
  for (let page = 0; page < 100; page += 1) {
    const response: GraphQLResponse<TimePage> = await graphql<TimePage>(BY_TIME, { q, first, after });
    expect(response.statements).toBe(1);
    const found = dataOf(response).search;
    pages.push(found);
    if (!found.pageInfo.hasNextPage) break;
    after = found.pageInfo.endCursor;
  }
  return pages;
}

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** The published articles matching a query, newest first (what the search should rank). */
async function matchesNewestFirst(query: SearchQuery): Promise<{ id: number; at: number }[]> {
  const rows = rowsOf<{ article_id: number; published_at: string }>(
    await database().admin.execute(sql`
      select a.id as article_id, a.published_at::text as published_at from articles a join article_search s on s.article_id = a.id
      where a.status = 'published' and s.document @@ ${query.tsquery}::tsquery order by a.published_at desc, a.id desc`),
  );
  return rows.map((r) => ({ id: Number(r.article_id), at: new Date(r.published_at).getTime() }));
}

const idOf = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':').pop());

describe('search of a common word', () => {
  it(`ranks the newest ${SEARCH_WINDOW} matches, and finds the same ones walking by time or through the index`, async () => {
    const query = parseSearchQuery('发展') as SearchQuery;
    const matches = await matchesNewestFirst(query);
    // The demo data must hold more matches than the window for this test to mean anything.
    expect(matches.length).toBeGreaterThan(SEARCH_WINDOW);
    const newest = new Set(matches.slice(0, SEARCH_WINDOW).map((m) => m.id));

    const before = await allHits('发展');
    expect(before).toHaveLength(SEARCH_WINDOW);
    expect(new Set(before.map((h) => idOf(h.article.id)))).toEqual(newest);
    const scores = before.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    // With fresh statistics a word this common is found by walking the newest articles first.
    await database().admin.execute(sql`analyze article_search`);
    const plan = rowsOf<Record<string, string>>(
      await database().admin.execute(
        sql`explain (analyze, costs off, timing off) ${newestMatches(query, { channelPath: null, tag: null, after: null, before: null })}`,
      ),
    )
      .map((row) => Object.values(row)[0])
      .join('\n');
    // The walk ran (checking rows one by one); the index branch did not.
    expect(plan).toMatch(/Filter: ts_match_vq\(document/);
    expect(plan).toMatch(/on article_search c_1 \(never executed\)/);
    const after = await allHits('发展');
    expect(after.map((h) => h.article.id)).toEqual(before.map((h) => h.article.id));
  });

  it('keeps the newest matches of a common word within a channel, with statistics', async () => {
    await database().admin.execute(sql`analyze article_search`);
    const query = parseSearchQuery('发展') as SearchQuery;
    const filters = { channelPath: 'yaowen', tag: null, after: null, before: null };
    const expected = rowsOf<{ article_id: number }>(
      await database().admin.execute(sql`
        select s.article_id from article_search s join channels ch on ch.id = s.channel_id
        where s.document @@ ${query.tsquery}::tsquery and (ch.path = 'yaowen' or ch.path like 'yaowen/%')
        order by s.published_at desc, s.article_id desc limit ${SEARCH_WINDOW}`),
    ).map((r) => Number(r.article_id));
    expect(expected.length).toBeGreaterThan(0);
    const found = rowsOf<{ article_id: number }>(await database().admin.execute(newestMatches(query, filters))).map(
      (r) => Number(r.article_id),
    );
    expect(new Set(found)).toEqual(new Set(expected));
  });

  it('keeps rare phrases on the GIN index, with every match', async () => {
    await database().admin.execute(sql`analyze article_search`);
    const query = parseSearchQuery('绿色低碳') as SearchQuery;
    const matches = await matchesNewestFirst(query);
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.length).toBeLessThan(SEARCH_WINDOW);
    const hits = await allHits('绿色低碳');
    expect(new Set(hits.map((h) => idOf(h.article.id)))).toEqual(new Set(matches.map((m) => m.id)));
  });
});

describe('search by time (order: NEWEST)', () => {
  it('pages through every match of a common word, newest first, past the ranked window, one statement a page', async () => {
    const query = parseSearchQuery('发展') as SearchQuery;
    const matches = await matchesNewestFirst(query);
    expect(matches.length).toBeGreaterThan(SEARCH_WINDOW);
    for (const analysed of [false, true]) {
      if (analysed) await database().admin.execute(sql`analyze article_search`);
      const pages = await allByTime('发展', 17);
      const ids = pages.flatMap((p) => p.edges.map((e) => idOf(e.node.article.id)));
      expect(ids).toEqual(matches.map((m) => m.id));
    }
  });

  it('pages backwards with last and before to the same hits', async () => {
    const pages = await allByTime('发展', 17);
    const third = pages[2];
    expect(third).toBeDefined();
    if (!third) return;
    const back = dataOf(
      await graphql<TimePage>(BY_TIME, { q: '发展', last: 17, before: third.pageInfo.startCursor }),
    ).search;
    expect(back.edges.map((e) => e.node.article.id)).toEqual(pages[1]?.edges.map((e) => e.node.article.id));
    expect(back.pageInfo.hasPreviousPage).toBe(true);
  });

  it('refuses a relevance cursor with BAD_USER_INPUT', async () => {
    const ranked = dataOf(await graphql<Page>(SEARCH, { q: '发展', after: null })).search;
    const response = await graphql(BY_TIME, { q: '发展', first: 5, after: ranked.pageInfo.endCursor });
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
