import { describe, expect, it } from 'vitest';
import { dataOf, useGateway } from '../support/gateway';

const { graphql } = useGateway();

const SEARCH = `query($q: String!, $first: Int, $after: String, $channel: String, $tag: String, $from: DateTime, $to: DateTime) {
  search(query: $q, first: $first, after: $after, channel: $channel, tag: $tag, publishedAfter: $from, publishedBefore: $to) {
    edges { cursor node { score title { text ranges { start length } html } snippet { text ranges { start length } html }
      article { id title path publishedAt channel { path } tags { name } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Hit {
  score: number;
  title: { text: string; ranges: { start: number; length: number }[]; html: string };
  snippet: { text: string; ranges: { start: number; length: number }[]; html: string };
  article: {
    id: string;
    title: string;
    path: string;
    publishedAt: string;
    channel: { path: string };
    tags: { name: string }[];
  };
}
type SearchData = {
  search: { edges: { cursor: string; node: Hit }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
};

async function search(variables: Record<string, unknown>) {
  const response = await graphql<SearchData>(SEARCH, { first: 20, ...variables });
  return { response, hits: dataOf(response).search.edges.map((e) => e.node), page: dataOf(response).search };
}

const marked = (h: { text: string; ranges: { start: number; length: number }[] }) =>
  h.ranges.map((r) => h.text.slice(r.start, r.start + r.length));

describe('search', () => {
  it('finds the seed article for 绿色低碳, title first, highlighted, in one SQL statement', async () => {
    const { response, hits } = await search({ q: '绿色低碳' });
    expect(response.statements).toBe(1);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]?.article.title).toContain('绿色低碳');
    for (const hit of hits) {
      const text = `${hit.title.text}${hit.snippet.text}`;
      expect(text).toContain('绿色低碳');
    }
    expect(marked(hits[0]?.title ?? { text: '', ranges: [] })).toEqual(['绿色低碳']);
    expect(hits[0]?.title.html).toContain('<em>绿色低碳</em>');
    // Relevance first: scores never rise down the list.
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('treats traditional and full-width input like simplified', async () => {
    const simplified = await search({ q: '绿色低碳' });
    const traditional = await search({ q: '綠色低碳' });
    expect(traditional.hits.map((h) => h.article.id)).toEqual(simplified.hits.map((h) => h.article.id));
    const fullWidth = await search({ q: '「绿色低碳」' });
    expect(fullWidth.hits.map((h) => h.article.id)).toEqual(simplified.hits.map((h) => h.article.id));
  });

  it('matches a phrase, not scattered characters, and ANDs words separated by spaces', async () => {
    const phrase = await search({ q: '低碳绿色' });
    for (const hit of phrase.hits) expect(`${hit.article.title}${hit.snippet.text}`).toMatch(/低碳绿色/);
    const both = await search({ q: '绿色 先行区' });
    expect(both.hits.length).toBeGreaterThan(0);
    expect(both.hits.length).toBeLessThanOrEqual((await search({ q: '绿色' })).hits.length);
  });

  it('handles one character, and Latin letters and digits mixed with Chinese', async () => {
    const one = await search({ q: '碳' });
    expect(one.hits.length).toBeGreaterThan(0);
    for (const hit of one.hits) expect(marked(hit.title).concat(marked(hit.snippet)).join('')).toContain('碳');
    const pm = await search({ q: 'PM2.5' });
    expect(pm.hits.length).toBeGreaterThan(0);
    // PM2.5 is the word pm2 and the number 5 (the point separates them): both marked wherever they occur.
    for (const hit of pm.hits) {
      const marks = [...marked(hit.title), ...marked(hit.snippet)].map((m) => m.toLowerCase());
      for (const mark of marks) expect(['pm2', '5']).toContain(mark);
    }
    expect(pm.hits.some((hit) => marked(hit.snippet).some((m) => m.toLowerCase() === 'pm2'))).toBe(true);
    const lower = await search({ q: 'pm2.5' });
    expect(lower.hits.map((h) => h.article.id)).toEqual(pm.hits.map((h) => h.article.id));
  });

  it('filters by channel, tag and date, and pages with cursors without repeats', async () => {
    const all = await search({ q: '发展', first: 40 });
    expect(all.hits.length).toBeGreaterThan(10);
    // Unfiltered, the hits come from several channels: the channel filter has something to remove.
    expect(all.hits.some((h) => h.article.channel.path.split('/')[0] !== 'yaowen')).toBe(true);
    const inChannel = await search({ q: '发展', channel: 'yaowen', first: 40 });
    expect(inChannel.hits.length).toBeGreaterThan(0);
    for (const hit of inChannel.hits) expect(hit.article.channel.path.split('/')[0]).toBe('yaowen');
    const tagged = await search({ q: '发展', tag: '乡村振兴', first: 40 });
    expect(tagged.hits.length).toBeGreaterThan(0);
    for (const hit of tagged.hits) expect(hit.article.tags.map((t) => t.name)).toContain('乡村振兴');
    const dated = await search({ q: '发展', from: '2024-01-01', to: '2024-02-01', first: 40 });
    expect(dated.hits.length).toBeGreaterThan(0);
    for (const hit of dated.hits) {
      expect(hit.article.publishedAt >= '2024-01-01').toBe(true);
      expect(hit.article.publishedAt < '2024-02-01').toBe(true);
    }

    const first = await search({ q: '发展', first: 7 });
    expect(first.page.pageInfo.hasNextPage).toBe(true);
    const second = await search({ q: '发展', first: 7, after: first.page.pageInfo.endCursor });
    const paged = [...first.hits, ...second.hits].map((h) => h.article.id);
    expect(new Set(paged).size).toBe(14);
    expect(paged).toEqual(all.hits.slice(0, 14).map((h) => h.article.id));
  });

  it('escapes what it highlights', async () => {
    const { hits } = await search({ q: '发展' });
    for (const hit of hits) {
      expect(hit.snippet.html).not.toMatch(/<(?!\/?em>)/);
    }
  });

  it('refuses an empty, blank, punctuation-only or over-long query with BAD_USER_INPUT', async () => {
    for (const q of ['', '   ', '！？。', '长'.repeat(65)]) {
      const response = await graphql(SEARCH, { q });
      expect(response.body.errors?.[0]?.extensions?.code, q).toBe('BAD_USER_INPUT');
      expect(response.statements).toBe(0);
    }
    const bad = await graphql(SEARCH, { q: '绿色', after: 'nonsense' });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('finds nothing for a phrase the archive does not hold', async () => {
    const { hits } = await search({ q: '火星殖民地' });
    expect(hits).toEqual([]);
  });
});
