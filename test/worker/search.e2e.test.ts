// 搜索 and 相关推荐 in workerd over Neon's HTTP path (stand-in): each one SQL statement, the search
// cached at the edge under its list tag, reader input normalised, bad input refused, and an editor's
// pin purging exactly the list it changed (Cloudflare's purge API stand-in).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operation, prepareDatabase, workerClient } from './client';
import { startWorkerUnderTest, type WorkerUnderTest } from './harness';

const databaseUrl = process.env.TEST_DATABASE_URL;
const EDITOR_TOKEN = 'editor-token-for-search-e2e';
const SEED_PATH = '/yaowen/shandong/20240315/sdwchy.html';

describe.skipIf(!databaseUrl)('search and related in workerd', () => {
  let worker: WorkerUnderTest;
  const { post, get, editor, failure } = workerClient(() => worker, EDITOR_TOKEN);

  beforeAll(async () => {
    await prepareDatabase(databaseUrl as string);
    worker = await startWorkerUnderTest({
      databaseUrl: databaseUrl as string,
      reads: 'http',
      vars: { EDITOR_TOKEN },
      cloudflare: { zoneId: 'zone-search', apiToken: 'token-search' },
    });
  }, 180_000);
  afterAll(async () => {
    await worker?.stop();
  });

  it('searches 绿色低碳 in one statement, the seed article first, highlighted', async () => {
    const op = operation('SearchArticles');
    const sent = await post(op.document, op.variables, 'SearchArticles');
    expect(sent.body.errors, failure('SearchArticles', sent)).toBeUndefined();
    expect(sent.statements).toBe(1);
    const edges = sent.body.data?.search.edges as { node: { title: { html: string }; article: { path: string } } }[];
    expect(edges.length).toBeGreaterThan(0);
    expect(edges[0]?.node.article.path).toBe(SEED_PATH);
    expect(edges[0]?.node.title.html).toContain('<em>绿色低碳</em>');

    const traditional = await post(op.document, { query: '綠色低碳' }, 'SearchArticles');
    expect(
      traditional.body.data?.search.edges.map((e: { node: { article: { path: string } } }) => e.node.article.path),
    ).toEqual(edges.map((e) => e.node.article.path));

    const cached = [await get(op.document, op.variables), await get(op.document, op.variables)];
    expect(cached[1]?.xCache).toBe('HIT');
    expect(cached[1]?.statements).toBe(0);
    expect(cached[0]?.headers.get('cache-tag')).toContain('search');
  });

  it('pages a common word newest first (order: NEWEST) past the ranked 50, one statement a page', async () => {
    const document = `query($q: String!, $after: String) {
      search(query: $q, order: NEWEST, first: 40, after: $after) {
        edges { node { article { id publishedAt } } }
        pageInfo { hasNextPage endCursor }
      }
    }`;
    const ids: string[] = [];
    const times: number[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const sent = await post(document, { q: '发展', after });
      expect(sent.body.errors, failure('search NEWEST', sent)).toBeUndefined();
      expect(sent.statements).toBe(1);
      const found = sent.body.data?.search;
      for (const edge of found.edges as { node: { article: { id: string; publishedAt: string } } }[]) {
        ids.push(edge.node.article.id);
        times.push(Date.parse(edge.node.article.publishedAt));
      }
      if (!found.pageInfo.hasNextPage) break;
      after = found.pageInfo.endCursor;
    }
    expect(ids.length).toBeGreaterThan(50);
    expect(new Set(ids).size).toBe(ids.length);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('refuses an empty or over-long query with BAD_USER_INPUT before any SQL', async () => {
    const op = operation('SearchArticles');
    for (const query of ['', '长'.repeat(65)]) {
      const sent = await post(op.document, { query }, 'SearchArticles');
      expect(sent.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(sent.statements ?? 0).toBe(0);
    }
  });

  it('serves 相关推荐 in one statement, and a pin purges that list alone', async () => {
    const op = operation('RelatedArticles');
    const sent = await post(op.document, op.variables, 'RelatedArticles');
    expect(sent.body.errors, failure('RelatedArticles', sent)).toBeUndefined();
    expect(sent.statements).toBe(1);
    const owner = sent.body.data?.articleByPath;
    expect(owner.related).toHaveLength(6);

    const other = await post('{ articles(first: 30) { edges { node { id path } } } }', {});
    const listed = new Set(owner.related.map((e: { article: { id: string } }) => e.article.id));
    const edges: { node: { id: string; path: string } }[] = other.body.data?.articles.edges ?? [];
    const outsider = edges.find((e) => !listed.has(e.node.id) && e.node.path !== SEED_PATH);
    if (!outsider) throw new Error('no article to pin');
    const pin = await editor('mutation($a: ID!, $r: ID!) { pinRelated(article: $a, related: $r) { purgedTags } }', {
      a: owner.id,
      r: outsider.node.id,
    });
    expect(pin.body.errors, failure('pinRelated', pin)).toBeUndefined();
    const ownerId = Number(atob(owner.id).split(':')[1]);
    expect(pin.body.data?.pinRelated.purgedTags).toEqual([`related:${ownerId}`]);
    // The purge reaches Cloudflare's API after the response (waitUntil): wait for it briefly.
    for (
      let i = 0;
      i < 50 && !worker.purgeCalls.some((c) => JSON.stringify(c.body).includes(`related:${ownerId}`));
      i += 1
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const purged = worker.purgeCalls.filter((c) => JSON.stringify(c.body).includes('related:'));
    expect(purged.map((c) => c.body.tags)).toEqual([[`related:${ownerId}`]]);
    const after = await post(op.document, op.variables, 'RelatedArticles');
    const ids = after.body.data?.articleByPath.related.map((e: { article: { id: string } }) => e.article.id);
    expect(ids).toContain(outsider.node.id);
    // Leave the shared database as it was.
    await editor('mutation($a: ID!, $r: ID!) { clearRelatedOverride(article: $a, related: $r) { purgedTags } }', {
      a: owner.id,
      r: outsider.node.id,
    });
  });
});
