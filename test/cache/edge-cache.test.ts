import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { FEED_MAX_AGE } from '../../src/modules/articles/cache';
import { articles } from '../../src/modules/articles/tables';
import { SITE_MAX_AGE } from '../../src/modules/site';
import { useGateway } from '../support/gateway';
import { operation } from '../support/operations';
import { EDITOR_TOKEN, editorRequest, getRequest, postRequest, read } from './support';

const { send, database, store } = useGateway({ cacheBytes: 16 * 2 ** 20, editorToken: EDITOR_TOKEN });
const feed = operation('ChannelFeed');
const page = operation('ArticlePage');
const chrome = operation('SiteChrome');

const get = async (query: string, variables: Record<string, unknown> = {}, headers: HeadersInit = {}) =>
  read(await send(getRequest(query, variables, headers)));

describe('edge cache', () => {
  it('answers a repeated GET from the cache without any SQL, with ETag and 304', async () => {
    const variables = { channel: 'rexian', first: 5 };
    const first = await get(feed.document, variables);
    expect(first.xCache).toBe('MISS');
    expect(first.statements).toBe(1);
    expect(first.headers.get('cache-control')).toBe(`public, max-age=${FEED_MAX_AGE}, stale-if-error=86400`);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);

    const second = await get(feed.document, variables);
    expect(second.xCache).toBe('HIT');
    expect(second.statements).toBe(0);
    expect(second.body).toEqual(first.body);

    // Whitespace and variable order do not make a new entry.
    const reformatted = await get(`  ${feed.document.replace(/\n/g, '\n\n  ')}`, { first: 5, channel: 'rexian' });
    expect(reformatted.xCache).toBe('HIT');

    const conditional = await send(getRequest(feed.document, variables, { 'if-none-match': etag ?? '' }));
    expect(conditional.status).toBe(304);
    expect(await conditional.text()).toBe('');
    expect(conditional.headers.get('etag')).toBe(etag);
  });

  it('takes its lifetime from the shortest-lived content and tags every entity and list', async () => {
    const article = await get(page.document, page.variables);
    // A 2024 story is archived, but its page is kept no longer than anything else in it.
    expect(article.headers.get('cache-control')).toMatch(`max-age=${SITE_MAX_AGE},`);
    const tags = article.headers.get('cache-tag')?.split(',') ?? [];
    expect(tags).toEqual(
      expect.arrayContaining([expect.stringMatching(/^article:\d+$/), expect.stringMatching(/^channel:\d+$/)]),
    );

    const site = await get(chrome.document);
    expect(site.headers.get('cache-control')).toMatch(`max-age=${SITE_MAX_AGE},`);
    expect(site.headers.get('cache-tag')?.split(',')).toContain('site');
  });

  it('never serves or stores answers for requests with credentials', async () => {
    const query = '{ channels { path } }';
    const withToken = await get(query, {}, { authorization: `Bearer ${EDITOR_TOKEN}` });
    expect(withToken.xCache).toBe('BYPASS');
    expect(withToken.headers.get('cache-control')).toBe('private, no-store');
    // A token that is neither the editor's nor a partner key is refused outright, cache or not.
    const stranger = await get(query, {}, { authorization: 'Bearer somebody' });
    expect(stranger.status).toBe(401);
    expect(stranger.headers.get('cache-control')).toBe('private, no-store');
    expect((await get(query)).xCache).toBe('MISS');
    expect((await get(query, {}, { 'x-preview': '1' })).xCache).toBe('BYPASS');
    expect((await get(query)).xCache).toBe('HIT');
  });

  it('refuses a mutation over GET with 405 and one without the editor token', async () => {
    const id = btoa('Article:1');
    const overGet = await send(getRequest('mutation($id: ID!) { retractArticle(id: $id) { status } }', { id }));
    expect(overGet.status).toBe(405);
    const anonymous = await read(
      await send(postRequest('mutation($id: ID!) { retractArticle(id: $id) { status } }', { id })),
    );
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const [row] = await database().admin.select({ status: articles.status }).from(articles).where(eq(articles.id, 1));
    expect(row?.status).toBe('published');
  });
});

describe('precise purge', () => {
  /**
   * A retracted article to publish again (it keeps its date, so it has neighbours: a draft goes out
   * dated now, years after the demo articles, and enters no list), and every published page.
   */
  async function draft() {
    const db = database().admin;
    const drafts = await db.query.articles.findMany({
      where: { status: 'retracted' },
      columns: { id: true, path: true },
      with: {
        channel: { columns: { path: true } },
        tagLinks: { columns: {}, with: { tag: { columns: { name: true } } } },
      },
      orderBy: { id: 'asc' },
    });
    const pages = await db
      .select({ id: articles.id, path: articles.path })
      .from(articles)
      .where(eq(articles.status, 'published'));
    const row = drafts[0];
    if (!row || pages.length < 2) throw new Error('the seed has no retracted article with neighbours');
    return { ...row, pages, others: drafts.slice(1).map((d) => d.id) };
  }

  it('publishing purges its own page, the feeds it joins and exactly the related lists it enters, and nothing else', async () => {
    const target = await draft();
    const [top] = target.channel.path.split('/');
    const unrelatedTop = top === 'ruiping' ? 'rexian' : 'ruiping';
    const warm = {
      ownPage: [page.document, { path: target.path }],
      ownChannelFeed: [feed.document, { channel: target.channel.path, first: 10 }],
      parentChannelFeed: [feed.document, { channel: top, first: 10 }],
      everythingFeed: ['{ articles(first: 10) { edges { node { id } } } }', {}],
      unrelatedFeed: [feed.document, { channel: unrelatedTop, first: 10 }],
      siteChrome: [chrome.document, {}],
    } as const;
    // Every published page's 相关推荐, to see which lists the publication reaches.
    const relatedOf = 'query($p: String!) { articleByPath(path: $p) { id related { article { id } } } }';
    for (const [query, variables] of Object.values(warm)) await get(query, variables);
    for (const { path } of target.pages) await get(relatedOf, { p: path });
    for (const [query, variables] of Object.values(warm)) expect((await get(query, variables)).xCache).toBe('HIT');
    expect((await get(page.document, { path: target.path })).body.data.article).toBeNull();

    const published = await read(
      await send(
        editorRequest(
          'mutation($id: ID!) { publishArticle(id: $id) { status purgedResponses purgedTags article { path } } }',
          { id: btoa(`Article:${target.id}`) },
        ),
      ),
    );
    expect(published.body.errors).toBeUndefined();
    const result = published.body.data.publishArticle;
    expect(result).toMatchObject({ status: 'PUBLISHED', article: { path: target.path } });
    const relatedTags = (result.purgedTags as string[]).filter((tag) => tag.startsWith('related:'));

    for (const name of ['unrelatedFeed', 'siteChrome'] as const) {
      const [query, variables] = warm[name];
      expect((await get(query, variables)).xCache, name).toBe('HIT');
    }
    // Sub-channel and parent feed are one entry when the article sits in a top-level channel.
    const parent = target.channel.path === top ? [] : (['parentChannelFeed'] as const);
    for (const name of ['ownPage', 'ownChannelFeed', ...parent, 'everythingFeed'] as const) {
      const [query, variables] = warm[name];
      const again = await get(query, variables);
      expect(again.xCache, name).toBe('MISS');
    }
    // Back under its own date: on its page, and in its feeds at that date (not in their first page).
    expect(JSON.stringify((await get(page.document, { path: target.path })).body)).toContain(
      `"${btoa(`Article:${target.id}`)}"`,
    );
    // A page whose list now shows the article was purged; a page whose list was not purged still hits.
    // Not every article makes a top six: publish the other retracted ones too until one enters lists.
    let entered = 0;
    let current = { id: target.id, relatedTags };
    for (const next of [...target.others, null]) {
      for (const { id, path } of target.pages) {
        const again = await get(relatedOf, { p: path });
        if (JSON.stringify(again.body).includes(`"${btoa(`Article:${current.id}`)}"`)) entered += 1;
        expect(again.xCache, path).toBe(current.relatedTags.includes(`related:${id}`) ? 'MISS' : 'HIT');
      }
      if (entered > 0 || next === null) break;
      const republished = await read(
        await send(
          editorRequest('mutation($id: ID!) { publishArticle(id: $id) { purgedTags } }', {
            id: btoa(`Article:${next}`),
          }),
        ),
      );
      const tags = republished.body.data.publishArticle.purgedTags as string[];
      current = { id: next, relatedTags: tags.filter((tag) => tag.startsWith('related:')) };
    }
    expect(entered).toBeGreaterThan(0);
  });

  it('a retracted article disappears from every cached answer at once', async () => {
    const warm: [string, Record<string, unknown>][] = [
      [page.document, page.variables],
      [feed.document, { channel: 'yaowen', first: 100 }],
      [feed.document, { channel: 'yaowen/shandong', first: 100 }],
      ['{ articles(first: 100, tag: "先行区") { edges { node { id } } } }', {}],
    ];
    const seen = await Promise.all(warm.map(([query, variables]) => get(query, variables)));
    const articleId = seen[0]?.body.data.article.id as string;
    for (const response of seen.slice(1)) expect(JSON.stringify(response.body)).toContain(`"${articleId}"`);
    const site = await get(chrome.document);

    const retracted = await read(
      await send(
        editorRequest('mutation($id: ID!) { retractArticle(id: $id) { status purgedResponses } }', { id: articleId }),
      ),
    );
    expect(retracted.body.data.retractArticle.status).toBe('RETRACTED');
    expect(retracted.body.data.retractArticle.purgedResponses).toBeGreaterThanOrEqual(warm.length);

    const after = await Promise.all(warm.map(([query, variables]) => get(query, variables)));
    expect(after[0]?.body.data.article).toBeNull();
    for (const response of after) {
      expect(response.xCache).toBe('MISS');
      expect(JSON.stringify(response.body)).not.toContain(`"${articleId}"`);
    }
    expect((await get(chrome.document)).body).toEqual(site.body);
    expect((await get(chrome.document)).xCache).toBe('HIT');

    // Put back, so the other tests in this file see the seed article again.
    await send(editorRequest('mutation($id: ID!) { publishArticle(id: $id) { status } }', { id: articleId }));
  });

  it('a correction purges the pages that show the article but keeps unrelated lists', async () => {
    const [query, variables] = [page.document, page.variables];
    const before = await get(query, variables);
    const unrelated = await get(feed.document, { channel: 'tushuo', first: 5 });
    expect(unrelated.xCache).not.toBe('BYPASS');
    const id = before.body.data.article.id as string;
    const title = `${before.body.data.article.title}(更正)`;
    const updated = await read(
      await send(
        editorRequest(
          'mutation($id: ID!, $t: String!) { updateArticle(id: $id, input: { title: $t }) { article { title } } }',
          { id, t: title },
        ),
      ),
    );
    expect(updated.body.data.updateArticle.article.title).toBe(title);
    const after = await get(query, variables);
    expect(after.xCache).toBe('MISS');
    expect(after.body.data.article.title).toBe(title);
    expect((await get(feed.document, { channel: 'tushuo', first: 5 })).xCache).toBe('HIT');
    await send(
      editorRequest('mutation($id: ID!, $t: String!) { updateArticle(id: $id, input: { title: $t }) { status } }', {
        id,
        t: before.body.data.article.title,
      }),
    );
    expect(store).toBeDefined();
  });
});
