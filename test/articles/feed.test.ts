import { and, count, desc, eq, gte, inArray, like, lt, or } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { articles, articleTags, tags } from '../../src/modules/articles/tables';
import { channels } from '../../src/modules/channels/tables';
import { dataOf, useGateway } from '../support/gateway';
import { operation } from '../support/operations';

const { graphql, database } = useGateway();
const channelFeed = operation('ChannelFeed');

interface Edge {
  cursor: string;
  node: { id: string; path: string; publishedAt: string; channel: { path: string }; tags: { name: string }[] };
}

/** What the database holds as the public feed of a channel subtree, newest first. */
async function expectedFeed(channelPath: string) {
  const db = database().admin;
  const rows = await db
    .select({ path: articles.path })
    .from(articles)
    .innerJoin(channels, eq(articles.channelId, channels.id))
    .where(
      and(
        eq(articles.status, 'published'),
        or(eq(channels.path, channelPath), like(channels.path, `${channelPath}/%`)),
      ),
    )
    .orderBy(desc(articles.publishedAt), desc(articles.id));
  return rows.map((row) => row.path);
}

describe('ChannelFeed', () => {
  it('pages through a channel and its sub-channels, newest first, one statement a page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const response = await graphql(channelFeed.document, { channel: 'yaowen', first: 25, after });
      expect(response.body.errors).toBeUndefined();
      expect(response.statements).toBe(1);
      const { edges, pageInfo } = dataOf(response).articles as {
        edges: Edge[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
      seen.push(...edges.map((edge) => edge.node.path));
      after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
      pages += 1;
    } while (after && pages < 50);

    const expected = await expectedFeed('yaowen');
    expect(expected.length).toBeGreaterThan(50);
    expect(seen).toEqual(expected);
    expect(seen).toContain('/yaowen/shandong/20240315/sdwchy.html');
  });

  it('filters by tag and by a publication window', async () => {
    const db = database().admin;
    const from = new Date('2023-10-01T00:00:00+08:00');
    const to = new Date('2024-01-01T00:00:00+08:00');
    // A tag that some public article in the window carries, whatever the seed generated.
    const [tag] = await db
      .select({ name: tags.name })
      .from(tags)
      .innerJoin(articleTags, eq(articleTags.tagId, tags.id))
      .innerJoin(articles, eq(articles.id, articleTags.articleId))
      .where(and(eq(articles.status, 'published'), gte(articles.publishedAt, from), lt(articles.publishedAt, to)))
      .limit(1);
    const [expected] = await db
      .select({ count: count() })
      .from(articles)
      .innerJoin(articleTags, eq(articleTags.articleId, articles.id))
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(
        and(
          eq(articles.status, 'published'),
          eq(tags.name, tag?.name ?? ''),
          gte(articles.publishedAt, from),
          lt(articles.publishedAt, to),
        ),
      );
    const response = await graphql(
      `query($tag: String!, $from: DateTime!, $to: DateTime!) {
        articles(tag: $tag, first: 100, publishedAfter: $from, publishedBefore: $to) {
          edges { node { publishedAt tags { name } } }
        }
      }`,
      { tag: tag?.name, from: '2023-10-01', to: '2024-01-01T00:00:00+08:00' },
    );
    expect(response.body.errors).toBeUndefined();
    const nodes = response.body.data?.articles.edges.map((edge: Edge) => edge.node);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.length).toBe(Math.min(100, expected?.count ?? -1));
    for (const node of nodes) {
      expect(node.tags.map((t: { name: string }) => t.name)).toContain(tag?.name);
      expect(node.publishedAt >= '2023-10-01T00:00:00+08:00' && node.publishedAt < '2024-01-01T00:00:00+08:00').toBe(
        true,
      );
    }
  });

  it('never lists drafts or retracted articles, nor opens them by path, id or node', async () => {
    const db = database().admin;
    const hidden = await db
      .select({ id: articles.id, path: articles.path, status: articles.status })
      .from(articles)
      .where(inArray(articles.status, ['draft', 'retracted']));
    expect(hidden.length).toBeGreaterThan(0);
    const all = await graphql('{ articles(first: 100) { edges { node { path } } } }');
    const listed = new Set(all.body.data?.articles.edges.map((edge: Edge) => edge.node.path));
    for (const row of hidden) {
      expect(listed.has(row.path)).toBe(false);
      const id = btoa(`Article:${row.id}`);
      const response = await graphql(
        'query($p: String!, $id: ID!) { articleByPath(path: $p) { id } article(id: $id) { id } node(id: $id) { id } nodes(ids: [$id]) { id } }',
        { p: row.path, id },
      );
      expect(response.body.data).toEqual({ articleByPath: null, article: null, node: null, nodes: [null] });
    }
  });

  it('returns an empty page for a channel that does not exist', async () => {
    const response = await graphql(
      '{ articles(channel: "no-such-channel") { edges { cursor } pageInfo { hasNextPage } } }',
    );
    expect(response.body.data).toEqual({ articles: { edges: [], pageInfo: { hasNextPage: false } } });
    expect(response.body.errors).toBeUndefined();
  });
});

describe('feed input errors', () => {
  const cases: [string, string, RegExp][] = [
    ['first above 100', '{ articles(first: 101) { edges { cursor } } }', /between 1 and 100/],
    ['first below 1', '{ articles(first: 0) { edges { cursor } } }', /between 1 and 100/],
    [
      'a malformed cursor',
      '{ articles(first: 5, after: "bm90LWEtY3Vyc29y") { edges { cursor } } }',
      /cursor is not valid/,
    ],
    ['garbage as a cursor', '{ articles(first: 5, after: "%%%") { edges { cursor } } }', /cursor is not valid/],
    [
      'an impossible date range',
      '{ articles(publishedAfter: "2024-03-01", publishedBefore: "2024-02-01") { edges { cursor } } }',
      /publishedAfter.*earlier/,
    ],
    [
      'a date that is not one',
      '{ articles(publishedAfter: "2024-02-30") { edges { cursor } } }',
      /not a valid DateTime/,
    ],
    [
      'a date-time without offset',
      '{ articles(publishedAfter: "2024-02-01T10:00:00") { edges { cursor } } }',
      /offset/,
    ],
    ['a malformed channel path', '{ articles(channel: "../etc") { edges { cursor } } }', /not a channel path/],
  ];
  it.each(cases)('rejects %s with BAD_USER_INPUT and a message to act on', async (_name, query, message) => {
    const response = await graphql(query);
    expect(response.body.data?.articles ?? null).toBeNull();
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.body.errors?.[0]?.message).toMatch(message);
  });
});
